import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withDash, withoutCell, withRow } from '../../../../test/support/table-edits.js';
import { rule } from './t06-r1.js';

/** Shanxi prints the 基本建设 class 309 with every line as ——. */
const withCapitalConstruction = () =>
  withRow(
    withRow(exampleReport(), '06', { key: '309', code: '309', name: '资本性支出（基本建设）', cells: { amount: null }, dashes: ['amount'] }, '31003'),
    '06',
    { key: '30901', code: '30901', name: '房屋建筑物购建', cells: { amount: null }, dashes: ['amount'] },
    '309',
  );

ruleTester(rule, {
  valid: [
    { name: 'every class of the example adds up (301: 330.00 over 9 款)', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'a 309 class printed as —— throughout is not checked', report: withCapitalConstruction },
    { name: 'a —— line is left out of its class sum', report: () => withDash(exampleReport(), '06', '31003', 'amount') },
    { name: 'a blank line counts as 0', report: () => withCell(exampleReport(), '06', '30103', 'amount', null) },
  ],
  invalid: [
    {
      name: 'a 款 off by 1.00 breaks its class',
      report: () => shifted(exampleReport(), '06', '30101', 'amount', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '06', row: '301', column: 'amount' }, expected: 331, actual: 330, difference: -1 }],
    },
    {
      name: '0.05 over 9 款 is 尾数误差 (env(9) = 0.05)',
      report: () => shifted(exampleReport(), '06', '30102', 'amount', 0.05),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '06', row: '301', column: 'amount' }, expected: 330.05, actual: 330, difference: -0.05 }],
    },
    {
      name: 'a class with an amount whose only 款 with an amount is printed ——',
      report: () => withDash(exampleReport(), '06', '31002', 'amount'),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '06', row: '310', column: 'amount' }, expected: 0, actual: 4, difference: 4 }],
    },
    { name: 'table 06 absent', report: () => withoutTable(exampleReport(), '06'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'the amount of a 款 not read',
      report: () => withoutCell(exampleReport(), '06', '30302', 'amount'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '06', row: '303', column: 'amount' } }],
    },
  ],
});
