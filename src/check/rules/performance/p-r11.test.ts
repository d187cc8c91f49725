import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r11.js';

const rate = (text: string) => ({ measure: 'rate' as const, value: fig(text, '%'), text: `预算执行率为${text}%`, place: { line: 30, span: { start: 3000, end: 3010, line: 30 } } });

ruleTester(rule, {
  valid: [
    { name: 'the text says 100% like the table', report: () => projectWith((e) => { e.statements = [rate('100')]; }) },
    { name: 'a stated grade and score equal to the table', report: () => projectWith((e) => { e.stated = [{ text: '自评得分100分，等级为优秀', score: fig('100', '分'), grade: '优秀', place: { line: 31 } }]; }) },
    { name: 'a prose evaluation has no table to compare with', report: () => projectWith((e) => { e.form = 'prose'; e.statements = [rate('69')]; }) },
  ],
  invalid: [
    {
      name: 'seed 003 table 1: 69% vs 100%',
      report: () => projectWith((e) => { e.statements = [rate('69')]; }),
      findings: [{ messageId: 'rate', severity: 'error', expected: 100, actual: 69, difference: -31, location: { evaluation: 'E1', span: { line: 30 } } }],
    },
    {
      name: 'seed 003 table 2: 99.92% vs 100%, immaterial: info',
      report: () => projectWith((e) => { e.statements = [rate('99.92')]; }),
      findings: [{ messageId: 'rateMinor', severity: 'info', status: 'fail', expected: 100, actual: 99.92, difference: -0.08 }],
    },
    { name: 'a stated grade other than the table’s', report: () => projectWith((e) => { e.stated = [{ text: '自评等级为良', grade: '良', place: { line: 31 } }]; }), findings: [{ messageId: 'grade', expected: '优', actual: '良' }] },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
