import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t07-r2.js';

/** Synthetic report 7: 年末 1,316.33 = 年初 0 + 本年收入 4,871.96 − 本年支出 3,555.63 on every row. */
const withFunds = () => synthetic(7, 'gd');

ruleTester(rule, {
  valid: [
    { name: 'every row rolls forward', report: withFunds },
    { name: 'an empty table printed with 0.00', report: exampleReport },
    { name: 'an empty Shanxi table, all blank', report: () => synthetic(1, 'sx') },
    { name: 'a blank 年初结转和结余 counts as 0', report: () => withCell(withFunds(), '07', 'total', '1', null) },
  ],
  invalid: [
    {
      // Funds returned to the treasury have no column in the template: a warning, not an error.
      name: '合计 年末 off by 1.00 is a warning',
      report: () => shifted(withFunds(), '07', 'total', '6', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'warning', location: { table: '07', row: 'total', column: '6' }, expected: 1316.33, actual: 1317.33, difference: 1 }],
    },
    {
      name: '0.01 over 3 terms is 尾数误差',
      report: () => shifted(withFunds(), '07', '2069999', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '07', row: '2069999', column: '6' }, expected: 1316.34, actual: 1316.33, difference: -0.01 }],
    },
    { name: 'table 07 absent', report: () => withoutTable(withFunds(), '07'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '本年支出 of a row not read',
      report: () => withoutCell(withFunds(), '07', '206', '3'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '07', row: '206', column: '6' } }],
    },
  ],
});
