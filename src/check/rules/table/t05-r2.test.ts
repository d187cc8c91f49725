import { exampleReport, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutCell } from '../../../../test/support/table-edits.js';
import { rule } from './t05-r2.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 合计 = 类 = 款 = 项', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'blank cells count as 0', report: () => withCell(withCell(exampleReport(), '05', '2012604', '2', null), '05', '2012650', '3', null) },
  ],
  invalid: [
    {
      name: 'a 项 off by 1.00 breaks its 款',
      report: () => shifted(exampleReport(), '05', '2080505', '1', 1),
      findings: [{ messageId: 'hierarchy', status: 'fail', severity: 'error', location: { table: '05', row: '20805', column: '1' }, expected: 51, actual: 50, difference: -1 }],
    },
    {
      name: '0.01 over 2 项 is 尾数误差',
      report: () => shifted(exampleReport(), '05', '2080505', '2', 0.01),
      findings: [{ messageId: 'hierarchy', status: 'round', severity: 'info', location: { table: '05', row: '20805', column: '2' }, expected: 50.01, actual: 50, difference: -0.01 }],
    },
    { name: 'table 05 absent', report: () => withoutTable(exampleReport(), '05'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a column of a 类 not read: neither 合计 = Σ类 nor 类 = Σ款 can be judged',
      report: () => withoutCell(exampleReport(), '05', '221', '3'),
      findings: [
        { messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '05', row: 'total', column: '3' } },
        { messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '05', row: '221', column: '3' } },
      ],
    },
  ],
});
