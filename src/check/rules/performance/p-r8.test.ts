import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r8.js';

const stated = (score: string, grade: string) => ({ text: `综合自评得分${score}分，总体结论为${grade}`, score: fig(score, '分'), grade, place: { line: 457, span: { start: 1, end: 20, line: 457 } } });

ruleTester(rule, {
  valid: [
    { name: '100 优', report: () => withEvaluations(project()) },
    { name: 'seed 001: 85 良, 75 中, 90 优秀', report: () => projectWith((e) => { e.total = undefined; e.grade = undefined; e.stated = [stated('85', '良'), stated('75', '中'), stated('90', '优秀')]; }) },
    { name: 'a department: 97.998 优', report: () => withEvaluations(department()) },
  ],
  invalid: [
    {
      name: 'seed 004: 100 分 but 良好',
      report: () => projectWith((e) => { e.form = 'report'; e.total = undefined; e.grade = undefined; e.stated = [stated('100', '良好')]; }),
      findings: [{ messageId: 'grade', severity: 'error', expected: '优', actual: '良好', location: { evaluation: 'E1', span: { line: 457 } } }],
    },
    { name: 'table: 89.5 优', report: () => projectWith((e) => { e.total = fig('89.5', '分'); }), findings: [{ messageId: 'grade', expected: '良', actual: '优' }] },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
