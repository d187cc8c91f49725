import { edit, exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './t09-r3.js';

ruleTester(rule, {
  valid: [
    { name: '决算 below 预算 (3.00 ≤ 4.00)', report: exampleReport },
    { name: '决算 equal to 预算', report: () => synthetic(1, 'sx') },
    { name: 'blank cells (Shanxi zero) on both sides', report: () => withCell(withCell(exampleReport(), '09', 'main', '2', null), '09', 'main', '8', null) },
  ],
  invalid: [
    {
      name: '公务接待费 over budget: a warning asking for an explanation',
      report: () => shifted(shifted(exampleReport(), '09', 'main', '12', 1), '09', 'main', '7', 1),
      findings: [{ messageId: 'overrun', status: 'fail', severity: 'warning', location: { table: '09', row: 'main', column: '12' }, expected: 1, actual: 1.6, difference: 0.6 }],
    },
    {
      name: 'an item over budget is reported once, not again in its 小计 and 合计',
      report: () => shifted(shifted(shifted(exampleReport(), '09', 'main', '11', 2), '09', 'main', '9', 2), '09', 'main', '7', 2),
      findings: [{ messageId: 'overrun', severity: 'warning', location: { table: '09', row: 'main', column: '11' }, expected: 3, actual: 4.4, difference: 1.4 }],
    },
    {
      name: 'a 合计 over budget while no item is (the items do not add up to it)',
      report: () => shifted(exampleReport(), '09', 'main', '7', 1.5),
      findings: [{ messageId: 'overrun', severity: 'warning', location: { table: '09', row: 'main', column: '7' }, expected: 4, actual: 4.5, difference: 0.5 }],
    },
    {
      // No tolerance: 0.01 over budget is still an overrun to explain.
      name: '0.01 over budget',
      report: () => shifted(exampleReport(), '09', 'main', '11', 0.61),
      findings: [{ messageId: 'overrun', severity: 'warning', location: { table: '09', row: 'main', column: '11' }, expected: 3, actual: 3.01, difference: 0.01 }],
    },
    { name: 'table 09 absent', report: () => withoutTable(exampleReport(), '09'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'an empty table without a data row',
      report: () =>
        edit(exampleReport(), (r) => {
          const t = r.tables.find((x) => x.id === '09')!;
          t.rows = [];
          t.empty = true;
        }),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
    {
      name: 'the data row not read',
      report: () => edit(exampleReport(), (r) => (r.tables.find((x) => x.id === '09')!.rows = [])),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '09' } }],
    },
  ],
});
