import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r15.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: table 07 empty, no 政府性基金 in table 04', report: exampleReport },
    {
      name: 'an empty table 07 printed without a 合计 row counts as 0',
      report: () => edit(exampleReport(), (r) => (r.tables.find((t) => t.id === '07')!.rows = [])),
    },
  ],
  invalid: [
    {
      name: '政府性基金 income in table 04 but not in table 07',
      report: () => withCell(exampleReport(), '04', 'inc.gov_fund', '1', 5),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '07', row: 'total', column: '2' }, expected: 5, actual: 0, difference: -5 }],
    },
    {
      name: 'spending of table 07 off by 2.00',
      report: () =>
        edit(exampleReport(), (r) => {
          const t04 = r.tables.find((t) => t.id === '04')!.rows.find((x) => x.key === 'exp.total')!;
          t04.cells['4'] = 10;
          const t07 = r.tables.find((t) => t.id === '07')!.rows.find((x) => x.key === 'total')!;
          t07.cells['3'] = 12;
        }),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '07', row: 'total', column: '3' }, expected: 10, actual: 12, difference: 2 }],
    },
    {
      name: '0.01 between two printed totals is 尾数误差',
      report: () => withCell(exampleReport(), '04', 'exp.closing', '4', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '07', row: 'total', column: '6' }, expected: 0.01, actual: 0, difference: -0.01 }],
    },
    { name: 'table 07 absent', report: () => withoutTable(exampleReport(), '07'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 07 partly read', report: () => partlyRead(exampleReport(), '07'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
