import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t04-r2.js';

const at = { table: '04', row: 'inc.opening', column: '1' };

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (15 + 0 + 0 = 15)', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'blank sub-rows count as 0', report: () => withCell(exampleReport(), '04', 'inc.opening.gov_fund', '1', null) },
  ],
  invalid: [
    {
      name: '年初财政拨款结转和结余 off by 1.00',
      report: () => shifted(exampleReport(), '04', 'inc.opening', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 15, actual: 16, difference: 1 }],
    },
    {
      name: '0.02 over 3 sub-rows is 尾数误差',
      report: () => shifted(exampleReport(), '04', 'inc.opening.gov_fund', '1', 0.02),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: at, expected: 15.02, actual: 15, difference: -0.02 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a sub-row not read',
      report: () => withoutRow(exampleReport(), '04', 'inc.opening.state_capital'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
  ],
});
