import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r9.js';

ruleTester(rule, {
  valid: [
    { name: 'every quantitative target met (≥, =, reverse ≤)', report: () => withEvaluations(project()) },
    { name: 'unmet and scored in proportion: 18 of ≥24 → 15 of 20', report: () => projectWith((e) => { e.indicators[0]!.actual = '18次'; e.indicators[0]!.score = fig('15', '分'); }) },
    { name: 'a department whose indicators are all met', report: () => withEvaluations(department()) },
  ],
  invalid: [
    {
      name: 'full marks for 18 of ≥24',
      report: () => projectWith((e) => { e.indicators[0]!.actual = '18次'; }),
      findings: [{ messageId: 'score', severity: 'warning', expected: 15, actual: 20, difference: 5, location: { evaluation: 'E1', span: { line: 20 } } }],
    },
    {
      name: 'seed 002: 13 of 约20 while 部门整体绩效完成 gets 20/20',
      report: () => departmentWith((e) => { e.indicators[1]!.target = '预期实现值：发放已入选的创新领军人才第二期资助经费人数约 20 人。'; e.indicators[1]!.actual = '发放已入选的创新领军人才第二期资助经费人数 13 人。'; }),
      findings: [{ messageId: 'department', severity: 'warning', expected: 20, actual: 13, difference: -7, location: { evaluation: 'E1', span: { line: 51 } } }],
    },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
