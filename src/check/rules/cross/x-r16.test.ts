import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r16.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: table 08 empty, 0.00 in table 04', report: exampleReport },
    { name: 'Shanxi blank 合计 against blank column 5', report: () => withCell(withCell(exampleReport(), '08', 'total', '1', null), '04', 'exp.total', '5', null) },
  ],
  invalid: [
    {
      name: '国有资本经营预算 spending only in table 04',
      report: () => withCell(exampleReport(), '04', 'exp.total', '5', 3),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '08', row: 'total', column: '1' }, expected: 3, actual: 0, difference: -3 }],
    },
    {
      name: '0.01 between two printed totals is 尾数误差',
      report: () => withCell(exampleReport(), '08', 'total', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '08', row: 'total', column: '1' }, expected: 0, actual: 0.01, difference: 0.01 }],
    },
    { name: 'table 08 absent', report: () => withoutTable(exampleReport(), '08'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 04 partly read', report: () => partlyRead(exampleReport(), '04'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
