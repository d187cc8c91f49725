import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t06-r2.js';

const at = { table: '06', row: 'personnel_total', column: 'amount' };

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (330 + 10 = 340)', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    {
      name: 'a blank 303 counts as 0',
      report: () => withCell(shifted(exampleReport(), '06', 'personnel_total', 'amount', -10), '06', '303', 'amount', null),
    },
  ],
  invalid: [
    {
      name: '人员经费合计 off by 1.00',
      report: () => shifted(exampleReport(), '06', 'personnel_total', 'amount', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 340, actual: 341, difference: 1 }],
    },
    {
      name: '0.01 over 2 classes is 尾数误差',
      report: () => shifted(exampleReport(), '06', '303', 'amount', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: at, expected: 340.01, actual: 340, difference: -0.01 }],
    },
    { name: 'table 06 absent', report: () => withoutTable(exampleReport(), '06'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'class 303 not read',
      report: () => withoutRow(exampleReport(), '06', '303'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
  ],
});
