import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t07-r3.js';

/** Synthetic report 7: 合计 = 206 = 20699 = 2069999 in every column. */
const withFunds = () => synthetic(7, 'gd');

ruleTester(rule, {
  valid: [
    { name: '合计 = 类 = 款 = 项', report: withFunds },
    { name: 'an empty table (only 合计) has nothing to add up', report: exampleReport },
    { name: 'blank cells count as 0', report: () => withCell(withCell(withCell(withCell(withFunds(), '07', 'total', '4', null), '07', '206', '4', null), '07', '20699', '4', null), '07', '2069999', '4', null) },
  ],
  invalid: [
    {
      name: 'a 项 off by 1.00 breaks its 款',
      report: () => shifted(withFunds(), '07', '2069999', '2', 1),
      findings: [{ messageId: 'hierarchy', status: 'fail', severity: 'error', location: { table: '07', row: '20699', column: '2' }, expected: 4872.96, actual: 4871.96, difference: -1 }],
    },
    {
      name: '0.01 over one 项 is 尾数误差',
      report: () => shifted(withFunds(), '07', '2069999', '1', 0.01),
      findings: [{ messageId: 'hierarchy', status: 'round', severity: 'info', location: { table: '07', row: '20699', column: '1' }, expected: 0.01, actual: 0, difference: -0.01 }],
    },
    { name: 'table 07 absent', report: () => withoutTable(withFunds(), '07'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a column of the 项 not read',
      report: () => withoutCell(withFunds(), '07', '2069999', '6'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '07', row: '20699', column: '6' } }],
    },
  ],
});
