import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow, withRow } from '../../../../test/support/table-edits.js';
import { rule } from './t06-r3.js';

const at = { table: '06', row: 'public_total', column: 'amount' };

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (302 36 + 310 4 = 40)', report: exampleReport },
    { name: 'a Shanxi report with all ten classes, blank for zero', report: () => synthetic(1, 'sx') },
    {
      name: 'a class printed —— is left out',
      report: () => withRow(exampleReport(), '06', { key: '309', code: '309', name: '资本性支出（基本建设）', cells: { amount: null }, dashes: ['amount'] }, '31003'),
    },
    { name: 'a blank class counts as 0', report: () => withCell(withCell(exampleReport(), '06', '310', 'amount', null), '06', 'public_total', 'amount', 36) },
  ],
  invalid: [
    {
      name: '公用经费合计 off by 1.00',
      report: () => shifted(exampleReport(), '06', 'public_total', 'amount', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: at, expected: 40, actual: 41, difference: 1 }],
    },
    {
      name: '0.01 over 2 classes is 尾数误差',
      report: () => shifted(exampleReport(), '06', '310', 'amount', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: at, expected: 40.01, actual: 40, difference: -0.01 }],
    },
    { name: 'table 06 absent', report: () => withoutTable(exampleReport(), '06'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '公用经费合计 not read',
      report: () => withoutRow(exampleReport(), '06', 'public_total'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
    {
      name: 'no 公用经费 class read',
      report: () => withoutRow(withoutRow(exampleReport(), '06', '302'), '06', '310'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: at }],
    },
  ],
});
