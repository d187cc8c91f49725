import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r9.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 508.00 ≤ 512.00, 426.00 ≤ 430.00 …', report: exampleReport },
    { name: 'a class entirely financed by 财政拨款', report: () => withCell(exampleReport(), '04', 'exp.201', '2', 430) },
  ],
  invalid: [
    {
      name: '卫生健康支出 of table 04 larger than in table 01',
      report: () => withCell(exampleReport(), '04', 'exp.210', '2', 13),
      findings: [{ messageId: 'exceeds', status: 'fail', severity: 'error', location: { table: '04', row: 'exp.210', column: '2' }, expected: 12, actual: 13, difference: 1 }],
    },
    {
      name: '0.01 over is 尾数误差',
      report: () => withCell(exampleReport(), '04', 'exp.total', '2', 512.01),
      findings: [{ messageId: 'exceeds', status: 'round', severity: 'info', location: { table: '04', row: 'exp.total', column: '2' }, expected: 512, actual: 512.01, difference: 0.01 }],
    },
    { name: 'table 01 absent', report: () => withoutTable(exampleReport(), '01'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 04 partly read', report: () => partlyRead(exampleReport(), '04'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
