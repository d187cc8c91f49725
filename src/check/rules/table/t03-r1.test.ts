import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t03-r1.js';

ruleTester(rule, {
  valid: [
    { name: 'every row of the example adds up', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'a blank column counts as 0', report: () => withCell(exampleReport(), '03', 'total', '4', null) },
  ],
  invalid: [
    {
      name: '合计 本年支出合计 off by 1.00',
      report: () => shifted(exampleReport(), '03', 'total', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '03', row: 'total', column: '1' }, expected: 512, actual: 513, difference: 1 }],
    },
    {
      name: '0.01 over 5 columns is 尾数误差',
      report: () => shifted(exampleReport(), '03', '2080506', '2', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '03', row: '2080506', column: '1' }, expected: 17.01, actual: 17, difference: -0.01 }],
    },
    { name: 'table 03 absent', report: () => withoutTable(exampleReport(), '03'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a column of one row not read',
      report: () => withoutCell(exampleReport(), '03', '2101102', '6'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '03', row: '2101102', column: '1' } }],
    },
  ],
});
