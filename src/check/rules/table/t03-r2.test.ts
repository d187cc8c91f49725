import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t03-r2.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 合计 = 类 = 款 = 项', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'a larger department report', report: () => synthetic(3, 'gd') },
    { name: 'blank cells count as 0', report: () => withCell(withCell(exampleReport(), '03', '2012604', '2', null), '03', '2012650', '3', null) },
  ],
  invalid: [
    {
      name: 'a 项 off by 1.00 breaks its 款',
      report: () => shifted(exampleReport(), '03', '2101102', '1', 1),
      findings: [{ messageId: 'hierarchy', status: 'fail', severity: 'error', location: { table: '03', row: '21011', column: '1' }, expected: 13, actual: 12, difference: -1 }],
    },
    {
      name: '0.01 over one 项 is 尾数误差',
      report: () => shifted(exampleReport(), '03', '2210201', '2', 0.01),
      findings: [{ messageId: 'hierarchy', status: 'round', severity: 'info', location: { table: '03', row: '22102', column: '2' }, expected: 20.01, actual: 20, difference: -0.01 }],
    },
    { name: 'table 03 absent', report: () => withoutTable(exampleReport(), '03'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a column of a 项 not read',
      report: () => withoutCell(exampleReport(), '03', '2101102', '3'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '03', row: '21011', column: '3' } }],
    },
  ],
});
