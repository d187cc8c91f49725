import { exampleReport, partlyRead, shifted, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r1.js';

ruleTester(rule, {
  valid: [{ name: 'the example: 516.00 = 516.00', report: exampleReport }],
  invalid: [
    {
      name: '收入决算表 合计 off by 3.00',
      report: () => shifted(exampleReport(), '02', 'total', '1', 3),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '02', row: 'total', column: '1' }, expected: 516, actual: 519, difference: 3 }],
    },
    {
      name: '0.01 between two printed totals is 尾数误差',
      report: () => shifted(exampleReport(), '01', 'inc.total', '1', -0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '02', row: 'total', column: '1' }, expected: 515.99, actual: 516, difference: 0.01 }],
    },
    { name: 'table 02 absent', report: () => withoutTable(exampleReport(), '02'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 01 partly read', report: () => partlyRead(exampleReport(), '01'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
