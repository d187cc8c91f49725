import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r3.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 其他收入 6.00 in both, the rest 0', report: exampleReport },
    { name: 'blank (Shanxi zero) against 0.00', report: () => withCell(exampleReport(), '02', 'total', '4', null) },
  ],
  invalid: [
    {
      name: '其他收入 of table 02 off by 1.00',
      report: () => shifted(exampleReport(), '02', 'total', '7', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '02', row: 'total', column: '7' }, expected: 6, actual: 7, difference: 1 }],
    },
    {
      name: '事业收入 only in table 01',
      report: () => shifted(exampleReport(), '01', 'inc.business', '1', 3.5),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '02', row: 'total', column: '4' }, expected: 3.5, actual: 0, difference: -3.5 }],
    },
    {
      name: '0.01 between two printed totals is 尾数误差',
      report: () => shifted(exampleReport(), '02', 'total', '7', -0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '02', row: 'total', column: '7' }, expected: 6, actual: 5.99, difference: -0.01 }],
    },
    { name: 'table 02 absent', report: () => withoutTable(exampleReport(), '02'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 01 partly read', report: () => partlyRead(exampleReport(), '01'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
