import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r10.js';

ruleTester(rule, {
  valid: [{ name: 'the example: 508.00 = 508.00', report: exampleReport }],
  invalid: [
    {
      name: '一般公共预算 合计 off by 1.00',
      report: () => shifted(exampleReport(), '05', 'total', '1', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '05', row: 'total', column: '1' }, expected: 508, actual: 509, difference: 1 }],
    },
    {
      name: '0.01 between two printed totals is 尾数误差',
      report: () => shifted(exampleReport(), '04', 'exp.total', '3', -0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '05', row: 'total', column: '1' }, expected: 507.99, actual: 508, difference: 0.01 }],
    },
    { name: 'table 05 absent', report: () => withoutTable(exampleReport(), '05'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 04 partly read', report: () => partlyRead(exampleReport(), '04'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
