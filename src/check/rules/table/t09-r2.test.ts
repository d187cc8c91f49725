import { edit, exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t09-r2.js';

ruleTester(rule, {
  valid: [
    { name: 'the example adds up (预算 3 = 0 + 3; 决算 2.4 = 0 + 2.4)', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'a blank 公务用车购置费 counts as 0', report: () => withCell(exampleReport(), '09', 'main', '10', null) },
  ],
  invalid: [
    {
      name: '决算数 运行维护费 off by 1.00',
      report: () => shifted(exampleReport(), '09', 'main', '11', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '09', row: 'main', column: '9' }, expected: 3.4, actual: 2.4, difference: -1 }],
    },
    {
      name: '0.01 over 2 terms is 尾数误差',
      report: () => shifted(exampleReport(), '09', 'main', '4', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '09', row: 'main', column: '3' }, expected: 3.01, actual: 3, difference: -0.01 }],
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
      name: '公务用车购置费预算数 not read',
      report: () => withoutCell(exampleReport(), '09', 'main', '4'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '09', row: 'main', column: '3' } }],
    },
  ],
});
