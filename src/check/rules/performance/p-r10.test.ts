import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r10.js';

ruleTester(rule, {
  valid: [
    { name: 'achieved qualitative indicators at full marks', report: () => withEvaluations(project()) },
    { name: 'a missing target (未填报) at half marks is local practice', report: () => projectWith((e) => { e.indicators[3]!.target = '未填报'; e.indicators[3]!.initialTarget = '未填报'; e.indicators[3]!.actual = '完成预期指标'; e.indicators[3]!.score = fig('5', '分'); }) },
    { name: 'partly achieved at 70%', report: () => projectWith((e) => { e.indicators[2]!.actual = '部分完成'; e.indicators[2]!.score = fig('7', '分'); }) },
  ],
  invalid: [
    {
      name: 'seed 003: completed early (提前) but scored 0',
      report: () => projectWith((e) => { e.indicators[2]!.actual = '提前指标且'; e.indicators[2]!.score = fig('0', '分'); }),
      findings: [{ messageId: 'tier', severity: 'warning', expected: 8, actual: 0, difference: -8, location: { evaluation: 'E1', span: { line: 22 } } }],
    },
    { name: 'not achieved but full marks', report: () => projectWith((e) => { e.indicators[4]!.actual = '未完成'; }), findings: [{ messageId: 'tier', expected: 18, actual: 30 }] },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
