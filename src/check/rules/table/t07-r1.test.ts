import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t07-r1.js';

/** Synthetic report 7 has a 政府性基金 table with a class, a 款 and a 项 (3,555.63 = 0 + 3,555.63). */
const withFunds = () => synthetic(7, 'gd');

ruleTester(rule, {
  valid: [
    { name: 'every row adds up', report: withFunds },
    { name: 'an empty table printed with 0.00 (本表本年度无发生额)', report: exampleReport },
    { name: 'an empty Shanxi table, all blank', report: () => synthetic(1, 'sx') },
    { name: 'a blank 基本支出 counts as 0', report: () => withCell(withFunds(), '07', 'total', '4', null) },
  ],
  invalid: [
    {
      name: '合计 项目支出 off by 1.00',
      report: () => shifted(withFunds(), '07', 'total', '5', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '07', row: 'total', column: '3' }, expected: 3556.63, actual: 3555.63, difference: -1 }],
    },
    {
      name: '0.01 over 2 columns is 尾数误差',
      report: () => shifted(withFunds(), '07', '2069999', '5', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '07', row: '2069999', column: '3' }, expected: 3555.64, actual: 3555.63, difference: -0.01 }],
    },
    { name: 'table 07 absent', report: () => withoutTable(withFunds(), '07'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '基本支出 of a row not read',
      report: () => withoutCell(withFunds(), '07', '20699', '4'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '07', row: '20699', column: '3' } }],
    },
  ],
});
