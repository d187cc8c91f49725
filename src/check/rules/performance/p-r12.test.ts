import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r12.js';

ruleTester(rule, {
  valid: [{ name: 'seed 002 arithmetic: 48 + 49.998 = 97.998', report: () => withEvaluations(department()) }],
  invalid: [
    {
      name: 'a dimension that is not the sum of its items',
      report: () => departmentWith((e) => { e.dimensions[1]!.score = fig('49.000', '分'); e.total = fig('97.000', '分'); e.stated = []; }),
      findings: [{ messageId: 'score', severity: 'error', expected: 49.99815, actual: 49 }, { messageId: 'score', expected: 97.99815, actual: 97 }],
    },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
