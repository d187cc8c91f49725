import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t04-r6.js';

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (508 + 17 = 525)', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'a blank fund column counts as 0', report: () => withCell(withCell(exampleReport(), '04', 'exp.closing', '4', null), '04', 'exp.grand_total', '4', null) },
  ],
  invalid: [
    {
      name: '总计 政府性基金 column off by 1.00',
      report: () => shifted(exampleReport(), '04', 'exp.grand_total', '4', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '04', row: 'exp.grand_total', column: '4' }, expected: 0, actual: 1, difference: 1 }],
    },
    {
      name: '0.01 over 2 terms is 尾数误差',
      report: () => shifted(exampleReport(), '04', 'exp.closing', '2', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '04', row: 'exp.grand_total', column: '2' }, expected: 525.01, actual: 525, difference: -0.01 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '年末财政拨款结转和结余 not read',
      report: () => withoutRow(exampleReport(), '04', 'exp.closing'),
      findings: ['2', '3', '4', '5'].map((column) => ({ messageId: 'insufficient_data', status: 'insufficient_data' as const, location: { table: '04', row: 'exp.grand_total', column } })),
    },
  ],
});
