/**
 * The check stage: Report → findings. Rules are modules with metadata (rules/…); severity and
 * tolerance can be overridden by a config file.
 */
import type { CheckResult } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { loadConfig as load, parseConfig, type CheckConfig } from './config.js';
import { runRules } from './engine.js';
import { RULES } from './rules/index.js';
import type { Rule } from './types.js';

export { RULES, compareRuleIds } from './rules/index.js';
export { readWhole } from './context.js';
export { summarise } from './engine.js';
export type { CheckConfig, RuleOverride } from './config.js';
export type { Category, CellRef, Rule, RuleContext, RuleMeta, Tolerance } from './types.js';

export interface CheckReportOptions {
  config?: CheckConfig;
  /** Run only these rules (ids), e.g. for a focused test. */
  only?: string[];
  rules?: readonly Rule[];
}

export function checkReport(report: Readonly<Report>, options: CheckReportOptions = {}): CheckResult {
  const all = options.rules ?? RULES;
  const rules = options.only ? all.filter((r) => options.only!.includes(r.meta.id)) : all;
  return runRules(report, { rules, ...(options.config ? { config: options.config } : {}) });
}

const knownIds = () => new Set(RULES.map((r) => r.meta.id));

/** Read and validate a JSON config file (severity and tolerance per rule). */
export function loadCheckConfig(path: string): CheckConfig {
  return load(path, knownIds());
}

export function parseCheckConfig(value: unknown, source = '<config>'): CheckConfig {
  return parseConfig(value, source, knownIds());
}
