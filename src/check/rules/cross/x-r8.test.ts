import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r8.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 15.00 ≤ 20.00 and 17.00 ≤ 24.00', report: exampleReport },
    { name: 'equal balances are allowed', report: () => withCell(exampleReport(), '04', 'inc.opening', '1', 20) },
  ],
  invalid: [
    {
      name: '年初财政拨款结转和结余 larger than 年初结转和结余',
      report: () => withCell(exampleReport(), '04', 'inc.opening', '1', 21),
      findings: [{ messageId: 'exceeds', status: 'fail', severity: 'error', location: { table: '04', row: 'inc.opening', column: '1' }, expected: 20, actual: 21, difference: 1 }],
    },
    {
      name: '0.01 over is 尾数误差',
      report: () => withCell(exampleReport(), '04', 'exp.closing', '2', 24.01),
      findings: [{ messageId: 'exceeds', status: 'round', severity: 'info', location: { table: '04', row: 'exp.closing', column: '2' }, expected: 24, actual: 24.01, difference: 0.01 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 01 partly read', report: () => partlyRead(exampleReport(), '01'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
