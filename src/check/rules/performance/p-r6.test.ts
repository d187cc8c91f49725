import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r6.js';

ruleTester(rule, {
  valid: [{ name: '产出(含成本) 50 / 效益 30 / 满意度 10 / 执行率 10', report: () => withEvaluations(project()) }],
  invalid: [
    {
      name: '效益 35, 产出 45',
      report: () => projectWith((e) => { e.indicators[0]!.weight = fig('15', '分'); e.indicators[4]!.weight = fig('35', '分'); }),
      findings: [{ messageId: 'weights', severity: 'warning', expected: '50/30/10/10', actual: '45/35/10/10', location: { evaluation: 'E1', span: { line: 10 } } }],
    },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
