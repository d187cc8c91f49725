import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t04-r9.js';

ruleTester(rule, {
  valid: [
    { name: 'each fund rolls forward (15 + 510 − 508 = 17)', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'blank cells count as 0', report: () => withCell(withCell(exampleReport(), '04', 'exp.closing', '5', null), '04', 'inc.opening.state_capital', '1', null) },
  ],
  invalid: [
    {
      // Funds returned to the treasury have no row in the template: a warning, not an error.
      name: '年末 一般公共预算 off by 1.00 is a warning',
      report: () => shifted(exampleReport(), '04', 'exp.closing', '3', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'warning', location: { table: '04', row: 'exp.closing', column: '3' }, expected: 17, actual: 18, difference: 1 }],
    },
    {
      name: '0.01 over 3 terms is 尾数误差',
      report: () => shifted(exampleReport(), '04', 'inc.opening.gpb', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '04', row: 'exp.closing', column: '3' }, expected: 17.01, actual: 17, difference: -0.01 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'an opening sub-row not read',
      report: () => withoutRow(exampleReport(), '04', 'inc.opening.gpb'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '04', row: 'exp.closing', column: '3' } }],
    },
  ],
});
