import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r4.js';

ruleTester(rule, {
  valid: [{ name: 'the example: 512.00 = 512.00', report: exampleReport }],
  invalid: [
    {
      name: '支出决算表 合计 2.00 short',
      report: () => shifted(exampleReport(), '03', 'total', '1', -2),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '03', row: 'total', column: '1' }, expected: 512, actual: 510, difference: -2 }],
    },
    {
      name: '0.01 between two printed totals is 尾数误差',
      report: () => shifted(exampleReport(), '01', 'exp.total', '2', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '03', row: 'total', column: '1' }, expected: 512.01, actual: 512, difference: -0.01 }],
    },
    { name: 'table 03 absent', report: () => withoutTable(exampleReport(), '03'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 03 partly read', report: () => partlyRead(exampleReport(), '03'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
