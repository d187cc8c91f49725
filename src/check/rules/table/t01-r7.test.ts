import { edit, exampleReport, partlyRead, row, synthetic, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t01-r7.js';

const renamed = (key: string, name: string) => () => edit(exampleReport(), (r) => (row(r, '01', key).name = name));

ruleTester(rule, {
  valid: [
    { name: 'the Guangdong example', report: exampleReport },
    { name: 'a Shanxi report (使用非财政拨款结余和专用结余, 行次 to 62)', report: () => synthetic(1, 'sx') },
    { name: 'the Shanxi wording is an accepted alias', report: renamed('inc.use_nonfiscal_balance', '使用非财政拨款结余和专用结余') },
    { name: 'full-width brackets', report: renamed('inc.use_nonfiscal_balance', '使用非财政拨款结余（含专用结余）') },
    { name: 'spaces inside a label', report: renamed('exp.208', '社会保障和 就业支出') },
  ],
  invalid: [
    {
      name: 'a class label without 等',
      report: renamed('exp.215', '资源勘探工业信息支出'),
      findings: [
        { messageId: 'label', status: 'fail', severity: 'error', location: { table: '01', row: 'exp.215' }, expected: '资源勘探工业信息等支出', actual: '资源勘探工业信息支出' },
      ],
    },
    {
      name: 'an income label reworded',
      report: renamed('inc.total', '收入合计'),
      findings: [{ messageId: 'label', status: 'fail', severity: 'error', location: { table: '01', row: 'inc.total' }, expected: '本年收入合计', actual: '收入合计' }],
    },
    {
      name: 'a class row missing',
      report: () => withoutRow(exampleReport(), '01', 'exp.202'),
      findings: [{ messageId: 'missing', status: 'fail', severity: 'error', location: { table: '01', row: 'exp.202' }, expected: '外交支出', actual: null }],
    },
    {
      name: 'two classes swapped',
      report: () =>
        edit(exampleReport(), (r) => {
          const rows = r.tables.find((t) => t.id === '01')!.rows;
          const a = rows.findIndex((x) => x.key === 'exp.202');
          [rows[a], rows[a + 1]] = [rows[a + 1]!, rows[a]!];
        }),
      findings: [{ messageId: 'order', status: 'fail', severity: 'error', location: { table: '01', row: 'exp.202' }, expected: '外交支出', actual: '外交支出' }],
    },
    {
      name: 'the expenditure side by kind of spending',
      report: () =>
        edit(exampleReport(), (r) => {
          const t = r.tables.find((x) => x.id === '01')!;
          t.rows = t.rows.filter((x) => !/^exp\.\d{3}$/.test(x.key));
          t.rows.splice(t.rows.findIndex((x) => x.key === 'exp.total'), 0, { key: 'exp.basic', name: '基本支出', cells: { '2': 382 } }, { key: 'exp.project', name: '项目支出', cells: { '2': 130 } });
        }),
      findings: [{ messageId: 'kindLayout', status: 'fail', severity: 'warning', location: { table: '01' } }],
    },
    { name: 'table 01 absent', report: () => withoutTable(exampleReport(), '01'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a fixed row not found in a table read only partly',
      report: () => partlyRead(withoutRow(exampleReport(), '01', 'inc.opening'), '01'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '01', row: 'inc.opening' } }],
    },
  ],
});
