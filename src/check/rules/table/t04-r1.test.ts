import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t04-r1.js';

const at = { table: '04', row: 'inc.total', column: '1' };

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (510 + 0 + 0 = 510)', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'a blank fund counts as 0', report: () => withCell(exampleReport(), '04', 'inc.state_capital', '1', null) },
  ],
  invalid: [
    {
      name: '本年收入合计 off by 1.00',
      report: () => shifted(exampleReport(), '04', 'inc.total', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 510, actual: 511, difference: 1 }],
    },
    {
      name: '0.01 over 3 funds is 尾数误差',
      report: () => shifted(exampleReport(), '04', 'inc.gov_fund', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: at, expected: 510.01, actual: 510, difference: -0.01 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a fund row not read',
      report: () => withoutRow(exampleReport(), '04', 'inc.gov_fund'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
  ],
});
