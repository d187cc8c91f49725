import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t02-r1.js';

ruleTester(rule, {
  valid: [
    { name: 'every row of the example adds up', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'a blank column counts as 0', report: () => withCell(exampleReport(), '02', 'total', '3', null) },
  ],
  invalid: [
    {
      name: '合计 本年收入合计 off by 1.00',
      report: () => shifted(exampleReport(), '02', 'total', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '02', row: 'total', column: '1' }, expected: 516, actual: 517, difference: 1 }],
    },
    {
      name: '0.03 over 6 columns is 尾数误差 (env(6) = 0.035)',
      report: () => shifted(exampleReport(), '02', '2012650', '7', 0.03),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '02', row: '2012650', column: '1' }, expected: 306.03, actual: 306, difference: -0.03 }],
    },
    { name: 'table 02 absent', report: () => withoutTable(exampleReport(), '02'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a column of one row not read',
      report: () => withoutCell(exampleReport(), '02', '208', '5'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '02', row: '208', column: '1' } }],
    },
  ],
});
