import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r14.js';

ruleTester(rule, {
  valid: [{ name: 'the example: 380.00 = 340.00 + 40.00', report: exampleReport }],
  invalid: [
    {
      name: '基本支出 of table 05 off by 1.00',
      report: () => shifted(exampleReport(), '05', 'total', '2', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '05', row: 'total', column: '2' }, expected: 380, actual: 381, difference: 1 }],
    },
    {
      name: '0.01 over two terms is 尾数误差 (env(2) = 0.015)',
      report: () => shifted(exampleReport(), '06', 'public_total', 'amount', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '05', row: 'total', column: '2' }, expected: 380.01, actual: 380, difference: -0.01 }],
    },
    {
      name: '0.02 is beyond env(2)',
      report: () => shifted(exampleReport(), '06', 'personnel_total', 'amount', -0.02),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', expected: 379.98, actual: 380, difference: 0.02 }],
    },
    { name: 'table 06 absent', report: () => withoutTable(exampleReport(), '06'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 06 partly read', report: () => partlyRead(exampleReport(), '06'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
