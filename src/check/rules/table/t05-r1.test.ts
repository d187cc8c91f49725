import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t05-r1.js';

ruleTester(rule, {
  valid: [
    { name: 'every row of the example adds up', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'a blank 项目支出 counts as 0', report: () => withCell(exampleReport(), '05', '2080505', '3', null) },
  ],
  invalid: [
    {
      name: '合计 off by 1.00',
      report: () => shifted(exampleReport(), '05', 'total', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '05', row: 'total', column: '1' }, expected: 508, actual: 509, difference: 1 }],
    },
    {
      name: '0.01 over 2 columns is 尾数误差',
      report: () => shifted(exampleReport(), '05', '2080505', '3', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '05', row: '2080505', column: '1' }, expected: 33.01, actual: 33, difference: -0.01 }],
    },
    {
      name: '0.02 over 2 columns is beyond env(2) = 0.015',
      report: () => shifted(exampleReport(), '05', '2080505', '3', 0.02),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', difference: -0.02 }],
    },
    { name: 'table 05 absent', report: () => withoutTable(exampleReport(), '05'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a column of one row not read',
      report: () => withoutCell(exampleReport(), '05', '208', '2'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '05', row: '208', column: '1' } }],
    },
  ],
});
