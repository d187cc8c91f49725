import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r17.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 382.00 ≥ 380.00 and 130.00 ≥ 128.00', report: exampleReport },
    { name: 'tables 07 and 08 not printed count as 0', report: () => withoutTable(withoutTable(exampleReport(), '07'), '08') },
  ],
  invalid: [
    {
      name: '一般公共预算 基本支出 larger than all 基本支出',
      report: () => withCell(exampleReport(), '05', 'total', '2', 400),
      findings: [{ messageId: 'exceeds', status: 'fail', severity: 'error', location: { table: '03', row: 'total', column: '2' }, expected: 382, actual: 400, difference: 18 }],
    },
    {
      name: '政府性基金 项目支出 pushes the sum over',
      report: () => withCell(exampleReport(), '07', 'total', '5', 5),
      findings: [{ messageId: 'exceeds', status: 'fail', severity: 'error', location: { table: '03', row: 'total', column: '3' }, expected: 130, actual: 133, difference: 3 }],
    },
    {
      name: '0.01 over is 尾数误差',
      report: () => withCell(exampleReport(), '05', 'total', '3', 130.01),
      findings: [{ messageId: 'exceeds', status: 'round', severity: 'info', location: { table: '03', row: 'total', column: '3' }, expected: 130, actual: 130.01, difference: 0.01 }],
    },
    { name: 'table 05 absent', report: () => withoutTable(exampleReport(), '05'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 07 partly read', report: () => partlyRead(exampleReport(), '07'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
