/** Runs rules over a Report and collects their findings. Rules never see each other. */
import type { CheckResult, CheckSummary, Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { effectiveMeta, type CheckConfig } from './config.js';
import { createContext } from './context.js';
import { placeFinding } from './place.js';
import type { Rule } from './types.js';

export interface CheckOptions {
  rules: readonly Rule[];
  config?: CheckConfig;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function runRules(report: Readonly<Report>, options: CheckOptions): CheckResult {
  const findings: Finding[] = [];
  for (const rule of options.rules) {
    const meta = effectiveMeta(rule.meta, options.config);
    if (!meta) continue;
    const sink: Finding[] = [];
    try {
      rule.check(createContext(report, meta, sink));
    } catch (error) {
      // A rule that breaks must not take the others down with it; say so instead.
      sink.push({
        ruleId: meta.id,
        severity: 'warning',
        status: 'insufficient_data',
        location: {},
        expected: null,
        actual: null,
        difference: null,
        tolerance: null,
        messageId: 'internal_error',
        message: `规则“${meta.title}”执行出错，未能核对：${(error as Error).message}`,
      });
    }
    findings.push(...sink);
  }
  return { findings: sortFindings(findings.map((f) => placeFinding(report, f))), summary: summarise(findings) };
}

export function summarise(findings: Finding[]): CheckSummary {
  const s: CheckSummary = { error: 0, warning: 0, info: 0, not_applicable: 0 };
  for (const f of findings) {
    if (f.status === 'not_applicable' || f.status === 'insufficient_data') {
      if (f.messageId === 'internal_error') s.warning++;
      else s.not_applicable++;
    } else s[f.severity]++;
  }
  return s;
}

/** Errors first, then warnings, then info; within a severity by table, then in rule order. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        (a.f.location.table ?? '~').localeCompare(b.f.location.table ?? '~') ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
