import { exampleReport, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t01-r2.js';

const at = { table: '01', row: 'inc.grand_total', column: '1' };

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (516.00 + 0.00 + 20.00 = 536.00)', report: exampleReport },
    { name: 'a blank 使用非财政拨款结余 counts as 0', report: () => withCell(exampleReport(), '01', 'inc.use_nonfiscal_balance', '1', null) },
  ],
  invalid: [
    {
      name: '收入总计 off by 1.00',
      report: () => shifted(exampleReport(), '01', 'inc.grand_total', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 536, actual: 537, difference: 1 }],
    },
    {
      name: '0.02 over 3 terms is 尾数误差 (env(3) = 0.02)',
      report: () => shifted(exampleReport(), '01', 'inc.opening', '1', 0.02),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: at, expected: 536.02, actual: 536, difference: -0.02 }],
    },
    {
      name: '0.03 over 3 terms is beyond the envelope',
      report: () => shifted(exampleReport(), '01', 'inc.opening', '1', 0.03),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', expected: 536.03, actual: 536, difference: -0.03 }],
    },
    { name: 'table 01 absent', report: () => withoutTable(exampleReport(), '01'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '年初结转和结余 not read',
      report: () => withoutRow(exampleReport(), '01', 'inc.opening'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
  ],
});
