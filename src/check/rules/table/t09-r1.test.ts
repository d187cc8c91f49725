import { edit, exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t09-r1.js';

/** Shanxi prints an empty 三公 table with its header only (seed 003). */
const emptyTable = () =>
  edit(exampleReport(), (r) => {
    const t = r.tables.find((x) => x.id === '09')!;
    t.rows = [];
    t.empty = true;
  });

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (预算 4 = 0 + 3 + 1; 决算 3 = 0 + 2.4 + 0.6)', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'a blank 因公出国（境）费 counts as 0', report: () => withCell(exampleReport(), '09', 'main', '8', null) },
  ],
  invalid: [
    {
      name: '预算数合计 off by 1.00',
      report: () => shifted(exampleReport(), '09', 'main', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '09', row: 'main', column: '1' }, expected: 4, actual: 5, difference: 1 }],
    },
    {
      name: '0.01 over 3 terms is 尾数误差',
      report: () => shifted(exampleReport(), '09', 'main', '12', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '09', row: 'main', column: '7' }, expected: 3.01, actual: 3, difference: -0.01 }],
    },
    { name: 'table 09 absent', report: () => withoutTable(exampleReport(), '09'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'an empty table without a data row', report: emptyTable, findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: '公务接待费决算数 not read',
      report: () => withoutCell(exampleReport(), '09', 'main', '12'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '09', row: 'main', column: '7' } }],
    },
  ],
});
