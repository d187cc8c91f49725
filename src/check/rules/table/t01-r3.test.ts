import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t01-r3.js';

const at = { table: '01', row: 'exp.total', column: '2' };

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (430 + 50 + 12 + 20 = 512)', report: exampleReport },
    { name: 'blank class rows count as 0', report: () => withCell(exampleReport(), '01', 'exp.202', '2', null) },
    { name: 'a table read whole adds up the classes it prints', report: () => withoutRow(exampleReport(), '01', 'exp.202') },
    {
      name: 'an older layout by kind of spending: 基本支出 + 项目支出',
      report: () =>
        edit(exampleReport(), (r) => {
          const t = r.tables.find((x) => x.id === '01')!;
          const total = t.rows.findIndex((x) => x.key === 'exp.total');
          const kinds = [
            { key: 'exp.basic', name: '基本支出', cells: { '2': 382 } },
            { key: 'exp.project', name: '项目支出', cells: { '2': 130 } },
          ];
          t.rows.splice(total, 0, ...kinds);
          t.rows = t.rows.filter((x) => !/^exp\.\d{3}$/.test(x.key));
        }),
    },
  ],
  invalid: [
    {
      name: '本年支出合计 off by 1.00',
      report: () => shifted(exampleReport(), '01', 'exp.total', '2', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 512, actual: 513, difference: 1 }],
    },
    {
      name: '0.05 over 26 classes is 尾数误差 (env(26) = 0.135)',
      report: () => shifted(exampleReport(), '01', 'exp.210', '2', 0.05),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: at, expected: 512.05, actual: 512, difference: -0.05 }],
    },
    {
      name: '0.14 over 26 classes is beyond the envelope',
      report: () => shifted(exampleReport(), '01', 'exp.210', '2', 0.14),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', difference: -0.14 }],
    },
    { name: 'table 01 absent', report: () => withoutTable(exampleReport(), '01'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '本年支出合计 not read',
      report: () => withoutRow(exampleReport(), '01', 'exp.total'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
    {
      name: 'a class row missing from a table read only partly may be an unread row',
      report: () => partlyRead(withoutRow(exampleReport(), '01', 'exp.202'), '01'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
  ],
});
