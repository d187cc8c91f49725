import { edit, exampleReport, row, synthetic, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './lbl-2.js';

ruleTester(rule, {
  valid: [
    { name: 'the example prints the 26 fixed labels', report: exampleReport },
    { name: 'a synthetic Shanxi report', report: () => synthetic(3, 'sx') },
    { name: 'only table 04 present', report: () => withoutTable(exampleReport(), '01') },
  ],
  invalid: [
    {
      name: 'seed 003: two labels of table 04 without 等',
      report: () =>
        edit(exampleReport(), (r) => {
          row(r, '04', 'exp.215').name = '资源勘探工业信息支出';
          row(r, '04', 'exp.220').name = '自然资源海洋气象支出';
        }),
      findings: [
        { messageId: 'label', status: 'fail', severity: 'warning', location: { table: '04', row: 'exp.215' }, expected: '资源勘探工业信息等支出', actual: '资源勘探工业信息支出' },
        { messageId: 'label', status: 'fail', severity: 'warning', location: { table: '04', row: 'exp.220' }, expected: '自然资源海洋气象等支出', actual: '自然资源海洋气象支出' },
      ],
    },
    {
      name: 'a misprinted class label in table 01',
      report: () => edit(exampleReport(), (r) => (row(r, '01', 'exp.208').name = '社会保障与就业支出')),
      findings: [{ messageId: 'label', severity: 'warning', location: { table: '01', row: 'exp.208' }, expected: '社会保障和就业支出' }],
    },
    {
      name: 'neither table 01 nor 04',
      report: () => withoutTable(withoutTable(exampleReport(), '01'), '04'),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});
