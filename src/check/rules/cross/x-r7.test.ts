import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r7.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 510.00, 0.00, 0.00 in both tables', report: exampleReport },
    { name: 'blank against 0.00 (Shanxi prints zero as blank)', report: () => withCell(exampleReport(), '04', 'inc.gov_fund', '1', null) },
  ],
  invalid: [
    {
      name: '政府性基金 income only in table 01',
      report: () => withCell(exampleReport(), '01', 'inc.gov_fund', '1', 8.5),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '04', row: 'inc.gov_fund', column: '1' }, expected: 8.5, actual: 0, difference: -8.5 }],
    },
    {
      // The same printed number twice: rules.md gives no tolerance, so even 0.01 is an error.
      name: 'no rounding allowance: 0.01 is an error',
      report: () => shifted(exampleReport(), '04', 'inc.gpb', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '04', row: 'inc.gpb', column: '1' }, expected: 510, actual: 510.01, difference: 0.01 }],
    },
    { name: 'table 01 absent', report: () => withoutTable(exampleReport(), '01'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 04 partly read', report: () => partlyRead(exampleReport(), '04'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
