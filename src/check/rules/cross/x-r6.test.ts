import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r6.js';

ruleTester(rule, {
  valid: [{ name: 'the example: 510.00 = 510.00', report: exampleReport }],
  invalid: [
    {
      name: '财政拨款 本年收入合计 off by 1.00',
      report: () => shifted(exampleReport(), '04', 'inc.total', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '04', row: 'inc.total', column: '1' }, expected: 510, actual: 511, difference: 1 }],
    },
    {
      name: '0.01 between two printed totals is 尾数误差',
      report: () => shifted(exampleReport(), '02', 'total', '2', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '04', row: 'inc.total', column: '1' }, expected: 510.01, actual: 510, difference: -0.01 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 02 partly read', report: () => partlyRead(exampleReport(), '02'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
