import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r5.js';

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
    { name: '42 − 42 = 0', report: () => withEvaluations(project()) },
    { name: '42 − 29.099 = 12.901', report: () => projectWith((e) => e.funds.forEach((l) => Object.assign(l, { executed: fig('29.099'), balance: fig('12.901') }))) },
    { name: 'seed 003 table 2: 55 − 54.96 left to P-R11', report: () => projectWith((e) => backFilled(e, '54.96', '55', '99.92')) },
  ],
  invalid: [
    {
      name: 'a balance that is not budget − execution',
      report: () => projectWith((e) => Object.assign(e.funds[1]!, { executed: fig('40'), balance: fig('0') })),
      findings: [{ messageId: 'balance', severity: 'error', expected: 2, actual: 0, difference: -2, location: { evaluation: 'E1', span: { line: 15 } } }],
    },
    {
      name: 'seed 003 table 1: 0 printed, 42 − 29.099 = 12.901 on the stated budget',
      report: () => projectWith((e) => backFilled(e, '29.099', '42', '69')),
      findings: [{ messageId: 'backfilled', severity: 'error', expected: 12.901, actual: 0, difference: -12.901, location: { evaluation: 'E1', span: { line: 14 } } }],
    },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
