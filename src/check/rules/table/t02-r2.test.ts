import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t02-r2.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 合计 = 类 = 款 = 项', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'blank cells count as 0', report: () => withCell(withCell(exampleReport(), '02', '2012604', '7', null), '02', '2080505', '3', null) },
  ],
  invalid: [
    {
      name: 'a 项 off by 1.00 breaks its 款',
      report: () => shifted(exampleReport(), '02', '2012604', '2', 1),
      findings: [{ messageId: 'hierarchy', status: 'fail', severity: 'error', location: { table: '02', row: '20126', column: '2' }, expected: 429, actual: 428, difference: -1 }],
    },
    {
      name: '0.01 over 2 项 is 尾数误差',
      report: () => shifted(exampleReport(), '02', '2080506', '1', 0.01),
      findings: [{ messageId: 'hierarchy', status: 'round', severity: 'info', location: { table: '02', row: '20805', column: '1' }, expected: 50.01, actual: 50, difference: -0.01 }],
    },
    { name: 'table 02 absent', report: () => withoutTable(exampleReport(), '02'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a column of a 项 not read',
      report: () => withoutCell(exampleReport(), '02', '2210201', '4'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '02', row: '22102', column: '4' } }],
    },
  ],
});
