import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r13.js';

ruleTester(rule, {
  valid: [{ name: 'seed 002 style: 3 indicators, 2 产出', report: () => withEvaluations(department()) }],
  invalid: [
    {
      name: 'a count the table does not bear out',
      report: () => departmentWith((e) => { e.counts[0]!.value = fig('32', '个'); e.counts[0]!.text = '共设置了 32 个具体绩效指标'; }),
      findings: [{ messageId: 'count', severity: 'error', expected: 3, actual: 32, difference: 29, location: { evaluation: 'E1', span: { line: 31 } } }],
    },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
