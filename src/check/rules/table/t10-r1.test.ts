import { exampleReport, shifted, synthetic, withCell } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t10-r1.js';

/** A Shanxi report with 公开10表: 合计 363.77 = 货物 116.31 + 工程 247.46 + 服务 (blank). */
const shanxi = () => synthetic(1, 'sx');
const at = { table: '10', row: 'L1', column: 'amount' };

ruleTester(rule, {
  valid: [
    { name: 'procurement adds up, a blank 服务 counts as 0', report: shanxi },
    { name: 'no procurement at all: every row blank', report: () => withCell(withCell(withCell(shanxi(), '10', 'L1', 'amount', null), '10', 'L2', 'amount', null), '10', 'L3', 'amount', null) },
  ],
  invalid: [
    {
      name: '合计 off by 1.00',
      report: () => shifted(shanxi(), '10', 'L1', 'amount', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 363.77, actual: 364.77, difference: 1 }],
    },
    {
      name: '0.01 over 3 terms is 尾数误差',
      report: () => shifted(shanxi(), '10', 'L4', 'amount', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: at, expected: 363.78, actual: 363.77, difference: -0.01 }],
    },
    { name: 'no table 10 (Guangdong template)', report: exampleReport, findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'the 工程 row not read',
      report: () => withoutRow(shanxi(), '10', 'L3'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '10' } }],
    },
  ],
});
