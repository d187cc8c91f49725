import { exampleReport, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t01-r4.js';

const at = { table: '01', row: 'exp.grand_total', column: '2' };

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (512.00 + 0.00 + 24.00 = 536.00)', report: exampleReport },
    { name: 'a blank 结余分配 counts as 0', report: () => withCell(exampleReport(), '01', 'exp.surplus_distribution', '2', null) },
  ],
  invalid: [
    {
      name: '支出总计 off by 2.00',
      report: () => shifted(exampleReport(), '01', 'exp.grand_total', '2', -2),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 536, actual: 534, difference: -2 }],
    },
    {
      name: '0.01 over 3 terms is 尾数误差',
      report: () => shifted(exampleReport(), '01', 'exp.closing', '2', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: at, expected: 536.01, actual: 536, difference: -0.01 }],
    },
    { name: 'table 01 absent', report: () => withoutTable(exampleReport(), '01'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '年末结转和结余 not read',
      report: () => withoutRow(exampleReport(), '01', 'exp.closing'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
  ],
});
