import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t04-r8.js';

ruleTester(rule, {
  valid: [
    { name: 'each fund balances (510 + 15 = 525; 0 + 0 = 0; 0 + 0 = 0)', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'blank cells count as 0', report: () => withCell(withCell(exampleReport(), '04', 'inc.opening.gov_fund', '1', null), '04', 'exp.grand_total', '4', null) },
  ],
  invalid: [
    {
      name: '一般公共预算 opening off by 1.00',
      report: () => shifted(exampleReport(), '04', 'inc.opening.gpb', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '04', row: 'exp.grand_total', column: '3' }, expected: 526, actual: 525, difference: -1 }],
    },
    {
      name: '0.01 over 2 terms is 尾数误差',
      report: () => shifted(exampleReport(), '04', 'inc.gov_fund', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '04', row: 'exp.grand_total', column: '4' }, expected: 0.01, actual: 0, difference: -0.01 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a fund income row not read',
      report: () => withoutRow(exampleReport(), '04', 'inc.state_capital'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '04', row: 'exp.grand_total', column: '5' } }],
    },
  ],
});
