import { exampleReport, partlyRead, shifted, withoutTable, edit } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './t01-r1.js';

ruleTester(rule, {
  valid: [
    { name: 'the example adds up', report: exampleReport },
    // Shanxi prints zero as blank: a null income row counts as 0.
    { name: 'blank income rows', report: () => edit(exampleReport(), (r) => (r.tables[0]!.rows[1]!.cells['1'] = null)) },
    // One table alone read partly is still judged: only cross-table rules need whole tables.
    { name: 'table partly read', report: () => partlyRead(exampleReport(), '01') },
  ],
  invalid: [
    {
      name: '本年收入合计 off by 1.00',
      report: () => shifted(exampleReport(), '01', 'inc.total', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '01', row: 'inc.total', column: '1' }, expected: 516, actual: 517, difference: 1 }],
    },
    {
      name: 'a difference of 0.01 over 8 terms is 尾数误差',
      report: () => shifted(exampleReport(), '01', 'inc.other', '1', -0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', expected: 515.99, actual: 516, difference: 0.01 }],
    },
    {
      name: 'table 01 absent',
      report: () => withoutTable(exampleReport(), '01'),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
    {
      name: 'an income row not read',
      report: () => edit(exampleReport(), (r) => (r.tables[0]!.rows = r.tables[0]!.rows.filter((x) => x.key !== 'inc.other'))),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
  ],
});
