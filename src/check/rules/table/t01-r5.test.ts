import { exampleReport, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t01-r5.js';

const at = { table: '01', row: 'exp.grand_total', column: '2' };

ruleTester(rule, {
  valid: [
    { name: 'both sides 536.00', report: exampleReport },
    {
      name: 'both 总计 blank (an empty table) are equal',
      report: () => withCell(withCell(exampleReport(), '01', 'inc.grand_total', '1', null), '01', 'exp.grand_total', '2', null),
    },
  ],
  invalid: [
    {
      name: '支出总计 off by 10.00',
      report: () => shifted(exampleReport(), '01', 'exp.grand_total', '2', 10),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 536, actual: 546, difference: 10 }],
    },
    {
      // Two printed totals of the same table: no rounding envelope (rules.md §3), 0.01 is an error.
      name: 'a difference of 0.01 is not 尾数误差 here',
      report: () => shifted(exampleReport(), '01', 'inc.grand_total', '1', -0.01),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 535.99, actual: 536, difference: 0.01 }],
    },
    { name: 'table 01 absent', report: () => withoutTable(exampleReport(), '01'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '收入总计 not read',
      report: () => withoutRow(exampleReport(), '01', 'inc.grand_total'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
  ],
});
