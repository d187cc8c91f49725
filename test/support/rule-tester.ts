/**
 * A RuleTester in the style of ESLint's: each rule gets `valid` inputs (no finding at all) and
 * `invalid` inputs with the exact list of findings expected (asserted by messageId, status,
 * severity, location, expected/actual/difference — never by prose). Inputs are frozen, so a rule
 * that mutates the Report fails.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.js';
import type { Rule } from '../../src/check/types.js';
import type { Finding, FindingLocation } from '../../src/model/finding.js';
import type { Report, Span } from '../../src/model/report.js';

export interface ValidCase {
  name: string;
  report: Report | (() => Report);
  /** Round (尾数误差) findings allowed in a valid case. */
  allowRound?: boolean;
}

/** A location to match partly: a narrative span may be given by its line alone. */
export type ExpectedLocation = Omit<FindingLocation, 'span'> & { span?: Partial<Span> };

export interface InvalidCase {
  name: string;
  report: Report | (() => Report);
  findings: (Partial<Pick<Finding, 'messageId' | 'status' | 'severity' | 'expected' | 'actual' | 'difference'>> & { location?: ExpectedLocation })[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

export function runRule(rule: Rule, report: Report): Finding[] {
  return checkReport(deepFreeze(report), { rules: [rule] }).findings;
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has valid and invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const findings = runRule(rule, typeof c.report === 'function' ? c.report() : c.report);
        const relevant = c.allowRound ? findings.filter((f) => f.status !== 'round') : findings;
        expect(relevant.map((f) => `${f.status} ${f.messageId}: ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const findings = runRule(rule, typeof c.report === 'function' ? c.report() : c.report);
        expect(findings.map((f) => f.messageId), findings.map((f) => f.message).join('\n')).toHaveLength(c.findings.length);
        c.findings.forEach((expected, i) => expect(findings[i]).toMatchObject(expected));
        for (const f of findings) {
          expect(f.ruleId).toBe(rule.meta.id);
          expect(f.message).toMatch(/[\u4e00-\u9fff]/);
          expect(f.messageId).not.toBe('internal_error');
        }
      });
    }
  });
}
