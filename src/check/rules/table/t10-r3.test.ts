import { exampleReport, shifted, synthetic, withCell } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withNarrative, withoutRow, withRow } from '../../../../test/support/table-edits.js';
import { rule } from './t10-r3.js';

/** A Shanxi 事业单位 (a 中心): both 机关运行经费 rows blank. */
const unit = () => synthetic(1, 'sx');
/** A Shanxi department (a 局): 行政单位 1,058.35, 参公 blank. */
const department = () => synthetic(3, 'sx');
/** A department whose table prints the 机关运行经费 total as well. */
const withTotal = (amount: number) =>
  withRow(department(), '10', { key: 'L18', name: '机关运行经费', line: 18, cells: { amount } }, 'L6');

ruleTester(rule, {
  valid: [
    { name: 'a 事业单位 with both rows blank', report: unit },
    { name: 'blank rows and the narrative says 无机关运行经费 (seed 003)', report: () => withNarrative(unit(), '本部门无机关运行经费。') },
    { name: 'an administrative department', report: department },
    { name: 'a printed total that adds up', report: () => withTotal(1058.35) },
  ],
  invalid: [
    {
      name: 'the narrative says 非参公事业单位 but the table has 机关运行经费',
      report: () => withCell(withNarrative(unit(), '我单位是非参公事业单位，不在机关运行经费统计范围内。'), '10', 'L6', 'amount', 12.5),
      findings: [{ messageId: 'notExpected', status: 'fail', severity: 'error', location: { table: '10', row: 'L6', column: 'amount' }, expected: 0, actual: 12.5, difference: 12.5 }],
    },
    {
      name: 'one unit both 行政单位 and 参公事业单位',
      report: () => withCell(withCell(unit(), '10', 'L5', 'amount', 10), '10', 'L6', 'amount', 5),
      findings: [{ messageId: 'bothKinds', status: 'fail', severity: 'warning', location: { table: '10', row: 'L5', column: 'amount' } }],
    },
    {
      name: 'a printed total off by 1.00',
      report: () => withTotal(1059.35),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '10', row: 'L18', column: 'amount' }, expected: 1058.35, actual: 1059.35, difference: 1 }],
    },
    {
      name: 'a printed total 0.01 off is 尾数误差',
      report: () => shifted(withTotal(1058.35), '10', 'L18', 'amount', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '10', row: 'L18', column: 'amount' }, expected: 1058.35, actual: 1058.36, difference: 0.01 }],
    },
    { name: 'no table 10 (Guangdong template)', report: exampleReport, findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'the 机关运行经费 rows not read',
      report: () => withoutRow(withoutRow(unit(), '10', 'L5'), '10', 'L6'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '10' } }],
    },
    {
      name: 'a narrative saying 无机关运行经费 against amounts in both rows of a department',
      report: () => withNarrative(withCell(department(), '10', 'L6', 'amount', 3), '本部门无机关运行经费。'),
      findings: [
        { messageId: 'notExpected', location: { table: '10', row: 'L5', column: 'amount' }, actual: 1058.35 },
        { messageId: 'notExpected', location: { table: '10', row: 'L6', column: 'amount' }, actual: 3 },
      ],
    },
  ],
});
