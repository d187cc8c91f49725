import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r2.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 510.00 = 510.00 + 0 + 0', report: exampleReport },
    { name: 'blank fiscal income rows count as 0 (Shanxi)', report: () => withCell(exampleReport(), '01', 'inc.gov_fund', '1', null) },
  ],
  invalid: [
    {
      name: '财政拨款收入 of table 02 off by 1.00',
      report: () => shifted(exampleReport(), '02', 'total', '2', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '02', row: 'total', column: '2' }, expected: 510, actual: 511, difference: 1 }],
    },
    {
      name: '0.02 over three terms is 尾数误差 (env(3) = 0.02)',
      report: () => shifted(exampleReport(), '02', 'total', '2', 0.02),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '02', row: 'total', column: '2' }, expected: 510, actual: 510.02, difference: 0.02 }],
    },
    {
      name: '0.03 is beyond the envelope',
      report: () => shifted(exampleReport(), '01', 'inc.gpb', '1', 0.03),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', expected: 510.03, actual: 510, difference: -0.03 }],
    },
    { name: 'table 01 absent', report: () => withoutTable(exampleReport(), '01'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 02 partly read', report: () => partlyRead(exampleReport(), '02'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
