import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t04-r3.js';

const at = { table: '04', row: 'inc.grand_total', column: '1' };

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (510 + 15 = 525)', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    {
      name: 'a blank opening balance counts as 0',
      report: () => withCell(shifted(exampleReport(), '04', 'inc.grand_total', '1', -15), '04', 'inc.opening', '1', null),
    },
  ],
  invalid: [
    {
      name: '总计 off by 1.00',
      report: () => shifted(exampleReport(), '04', 'inc.grand_total', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 525, actual: 526, difference: 1 }],
    },
    {
      name: '0.01 over 2 terms is 尾数误差',
      report: () => shifted(exampleReport(), '04', 'inc.opening', '1', -0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: at, expected: 524.99, actual: 525, difference: 0.01 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '年初财政拨款结转和结余 not read',
      report: () => withoutRow(exampleReport(), '04', 'inc.opening'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
  ],
});
