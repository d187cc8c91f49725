import { exampleReport, shifted, synthetic, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t04-r7.js';

const at = { table: '04', row: 'exp.grand_total', column: '2' };

ruleTester(rule, {
  valid: [
    { name: 'both sides 525.00', report: exampleReport },
    { name: 'a Shanxi report', report: () => synthetic(1, 'sx') },
  ],
  invalid: [
    {
      name: '支出总计 off by 5.00',
      report: () => shifted(exampleReport(), '04', 'exp.grand_total', '2', -5),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 525, actual: 520, difference: -5 }],
    },
    {
      // Two printed totals of one table: no rounding envelope, 0.01 is an error (rules.md §3).
      name: 'a difference of 0.01 is not 尾数误差 here',
      report: () => shifted(exampleReport(), '04', 'exp.grand_total', '2', 0.01),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 525, actual: 525.01, difference: 0.01 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '收入总计 not read',
      report: () => withoutRow(exampleReport(), '04', 'inc.grand_total'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
  ],
});
