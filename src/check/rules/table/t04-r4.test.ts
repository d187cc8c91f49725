import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t04-r4.js';

ruleTester(rule, {
  valid: [
    { name: 'every expenditure row of the example adds up', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'a blank fund column counts as 0', report: () => withCell(exampleReport(), '04', 'exp.202', '4', null) },
  ],
  invalid: [
    {
      name: 'a class row off by 1.00',
      report: () => shifted(exampleReport(), '04', 'exp.208', '2', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '04', row: 'exp.208', column: '2' }, expected: 50, actual: 51, difference: 1 }],
    },
    {
      name: '0.01 over 3 columns is 尾数误差',
      report: () => shifted(exampleReport(), '04', 'exp.grand_total', '4', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '04', row: 'exp.grand_total', column: '2' }, expected: 525.01, actual: 525, difference: -0.01 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a fund column of one row not read',
      report: () => withoutCell(exampleReport(), '04', 'exp.closing', '5'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '04', row: 'exp.closing', column: '2' } }],
    },
  ],
});
