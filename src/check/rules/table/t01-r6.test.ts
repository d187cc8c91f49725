import { exampleReport, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t01-r6.js';

const at = { table: '01', row: 'exp.closing', column: '2' };

ruleTester(rule, {
  valid: [
    { name: 'the example rolls forward (20 + 516 + 0 − 512 − 0 = 24)', report: exampleReport },
    { name: 'blank 使用非财政拨款结余 and 结余分配 count as 0', report: () => withCell(withCell(exampleReport(), '01', 'inc.use_nonfiscal_balance', '1', null), '01', 'exp.surplus_distribution', '2', null) },
  ],
  invalid: [
    {
      name: '年末结转和结余 off by 1.00',
      report: () => shifted(exampleReport(), '01', 'exp.closing', '2', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 24, actual: 25, difference: 1 }],
    },
    {
      name: '0.01 over 5 terms is 尾数误差',
      report: () => shifted(exampleReport(), '01', 'inc.opening', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: at, expected: 24.01, actual: 24, difference: -0.01 }],
    },
    {
      name: 'a subtracted term too large: 结余分配 0.04 is beyond env(5) = 0.03',
      report: () => shifted(exampleReport(), '01', 'exp.surplus_distribution', '2', 0.04),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 23.96, actual: 24, difference: 0.04 }],
    },
    { name: 'table 01 absent', report: () => withoutTable(exampleReport(), '01'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '结余分配 not read',
      report: () => withoutRow(exampleReport(), '01', 'exp.surplus_distribution'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
  ],
});
