import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r18.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 0.60 ≤ 0.60 and 2.40 ≤ 2.40; 30212 and 31013 not printed', report: exampleReport },
    { name: '三公 决算 larger than the 基本支出 line (project spending)', report: () => withCell(exampleReport(), '09', 'main', '12', 1.5) },
  ],
  invalid: [
    {
      name: '公务接待费 of 基本支出 larger than the 三公 决算',
      report: () => withCell(exampleReport(), '06', '30217', 'amount', 1),
      findings: [{ messageId: 'exceeds', status: 'fail', severity: 'warning', location: { table: '06', row: '30217', column: 'amount' }, expected: 0.6, actual: 1, difference: 0.4 }],
    },
    {
      name: 'table 09 printed empty: the 三公 lines of table 06 must be 0',
      report: () =>
        edit(exampleReport(), (r) => {
          const t09 = r.tables.find((t) => t.id === '09')!;
          t09.empty = true;
          t09.rows = [];
        }),
      findings: [
        { messageId: 'exceeds', status: 'fail', severity: 'warning', location: { table: '06', row: '30217', column: 'amount' }, expected: 0, actual: 0.6, difference: 0.6 },
        { messageId: 'exceeds', status: 'fail', severity: 'warning', location: { table: '06', row: '30231', column: 'amount' }, expected: 0, actual: 2.4, difference: 2.4 },
      ],
    },
    {
      name: '0.01 over is 尾数误差',
      report: () => withCell(exampleReport(), '06', '30231', 'amount', 2.41),
      findings: [{ messageId: 'exceeds', status: 'round', severity: 'info', location: { table: '06', row: '30231', column: 'amount' }, expected: 2.4, actual: 2.41, difference: 0.01 }],
    },
    { name: 'table 09 absent', report: () => withoutTable(exampleReport(), '09'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 06 partly read', report: () => partlyRead(exampleReport(), '06'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
