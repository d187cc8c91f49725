import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t08-r1.js';

/** Synthetic report 7 has a 国有资本经营预算 table: 合计 = 221 = 22102 = 2210203 = 5,899.45 (all 项目支出). */
const withCapital = () => synthetic(7, 'gd');

ruleTester(rule, {
  valid: [
    { name: 'rows cross-foot and the hierarchy adds up', report: withCapital },
    { name: 'an empty table printed with 0.00', report: exampleReport },
    { name: 'an empty Shanxi table, all blank', report: () => synthetic(1, 'sx') },
    { name: 'blank 基本支出 cells count as 0', report: () => withCell(withCell(withCapital(), '08', 'total', '2', null), '08', '221', '2', null) },
  ],
  invalid: [
    {
      name: '合计 小计 off by 1.00 breaks both the cross-foot and 合计 = Σ类',
      report: () => shifted(withCapital(), '08', 'total', '1', 1),
      findings: [
        { messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '08', row: 'total', column: '1' }, expected: 5899.45, actual: 5900.45, difference: 1 },
        { messageId: 'hierarchy', status: 'fail', severity: 'error', location: { table: '08', row: 'total', column: '1' }, expected: 5899.45, actual: 5900.45, difference: 1 },
      ],
    },
    {
      name: '0.01 on a 项 is 尾数误差 in its row and in its 款',
      report: () => shifted(withCapital(), '08', '2210203', '3', 0.01),
      findings: [
        { messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '08', row: '2210203', column: '1' }, expected: 5899.46, actual: 5899.45, difference: -0.01 },
        { messageId: 'hierarchy', status: 'round', severity: 'info', location: { table: '08', row: '22102', column: '3' }, expected: 5899.46, actual: 5899.45, difference: -0.01 },
      ],
    },
    { name: 'table 08 absent', report: () => withoutTable(withCapital(), '08'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '项目支出 of the 合计 row not read',
      report: () => withoutCell(withCapital(), '08', 'total', '3'),
      findings: [
        { messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '08', row: 'total', column: '1' } },
        { messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '08', row: 'total', column: '3' } },
      ],
    },
  ],
});
