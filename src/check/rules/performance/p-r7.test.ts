import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r7.js';

ruleTester(rule, {
  valid: [{ name: '10 + 90 = 100', report: () => withEvaluations(project()) }],
  invalid: [
    {
      name: 'total not the sum',
      report: () => projectWith((e) => { e.indicators[0]!.score = fig('15', '分'); }),
      findings: [{ messageId: 'total', severity: 'error', expected: 95, actual: 100, difference: 5, location: { evaluation: 'E1' } }],
    },
    {
      name: 'a score above its 分值',
      report: () => projectWith((e) => { e.indicators[1]!.score = fig('12', '分'); e.total = fig('102', '分'); }),
      findings: [{ messageId: 'over', severity: 'error', expected: 10, actual: 12, difference: 2, location: { evaluation: 'E1', span: { line: 21 } } }],
    },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
