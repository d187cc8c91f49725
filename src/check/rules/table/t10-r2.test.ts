import { exampleReport, synthetic, withCell } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t10-r2.js';

/** A Shanxi report with 公开10表: 车辆数合计 3 = 其他用车 3, the other types blank. */
const shanxi = () => synthetic(1, 'sx');

ruleTester(rule, {
  valid: [
    { name: 'vehicles add up, blank types count as 0', report: shanxi },
    { name: 'no vehicles: every row blank (seed 003)', report: () => withCell(withCell(shanxi(), '10', 'L7', 'amount', null), '10', 'L15', 'amount', null) },
  ],
  invalid: [
    {
      name: '车辆数合计 one vehicle more than the types',
      report: () => withCell(shanxi(), '10', 'L7', 'amount', 4),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '10', row: 'L7', column: 'amount' }, expected: 3, actual: 4, difference: 1 }],
    },
    {
      // Counts have no rounding envelope: one vehicle is one vehicle.
      name: 'a type one vehicle short is an error, never 尾数误差',
      report: () => withCell(withCell(shanxi(), '10', 'L15', 'amount', 2), '10', 'L9', 'amount', null),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '10', row: 'L7', column: 'amount' }, expected: 2, actual: 3, difference: 1 }],
    },
    {
      name: 'a count that is not a whole number',
      report: () => withCell(shanxi(), '10', 'L15', 'amount', 2.5),
      findings: [{ messageId: 'notInteger', status: 'fail', severity: 'error', location: { table: '10', row: 'L15', column: 'amount' }, actual: 2.5 }],
    },
    { name: 'no table 10 (Guangdong template)', report: exampleReport, findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'the 车辆数合计 row not read',
      report: () => withoutRow(shanxi(), '10', 'L7'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '10' } }],
    },
  ],
});
