import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r3.js';

/** Seed 003's pattern: 全年预算数 = 执行数 while the analysis states a larger budget and its rate. */
const backFilled = (e: ReturnType<typeof project>, annual: string, budget: string, rate: string) => {
  Object.assign(e.funds[0]!, { annualBudget: fig(annual), executed: fig(annual) });
  e.total = fig('90', '分');
  e.indicators[0]!.score = fig('10', '分');
  e.statements = [
    { measure: 'budget', value: fig(budget, '万元'), text: `预算下达${budget}万元`, place: { line: 30, span: { start: 3000, end: 3010, line: 30 } } },
    { measure: 'rate', value: fig(rate, '%'), text: `预算执行率为${rate}%`, place: { line: 30, span: { start: 3020, end: 3030, line: 30 } } },
  ];
};

ruleTester(rule, {
  valid: [
    { name: 'budget as stated', report: () => withEvaluations(project()) },
    { name: 'seed 003 table 2: 54.96 of 55 (99.92%) is immaterial', report: () => projectWith((e) => backFilled(e, '54.96', '55', '99.92')) },
    { name: 'a budget adjusted down without text saying otherwise', report: () => projectWith((e) => Object.assign(e.funds[0]!, { annualBudget: fig('29.099'), executed: fig('29.099') })) },
  ],
  invalid: [
    {
      name: 'seed 003 table 1: 29.099 = 执行数, text 42 and 69%; recomputed 86.93 → 良',
      report: () => projectWith((e) => backFilled(e, '29.099', '42', '69')),
      findings: [{ messageId: 'backfilled', severity: 'error', expected: 42, actual: 29.099, difference: -12.901, location: { evaluation: 'E1', span: { line: 14 } } }],
    },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});

import { describe, expect, it } from 'vitest';
import { runRule } from '../../../../test/support/rule-tester.js';
describe('P-R3 message', () => {
  it('recomputes the 执行率 score, the total and the grade', () => {
    const [f] = runRule(rule, projectWith((e) => backFilled(e, '29.099', '42', '69')));
    expect(f!.message).toMatch(/执行率为69\.28%，执行率得分应为6\.93分，总分86\.93分、等级“良”（自评表为90分、“优”）/);
  });
});
