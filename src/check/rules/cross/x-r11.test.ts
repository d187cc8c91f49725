import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r11.js';

const dropCode = (table: string, prefix: string) =>
  edit(exampleReport(), (r) => {
    const t = r.tables.find((x) => x.id === table)!;
    t.rows = t.rows.filter((x) => !x.code?.startsWith(prefix));
  });

ruleTester(rule, {
  valid: [
    { name: 'the example: 426.00, 50.00, 12.00, 20.00 in both', report: exampleReport },
    { name: 'a class with 政府性基金 only needs no row in table 05', report: () => withCell(exampleReport(), '04', 'exp.212', '4', 30) },
  ],
  invalid: [
    {
      name: '社会保障和就业支出 一般公共预算 column off by 1.00',
      report: () => shifted(exampleReport(), '04', 'exp.208', '3', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '04', row: 'exp.208', column: '3' }, expected: 50, actual: 51, difference: 1 }],
    },
    {
      name: '住房保障支出 in table 04 but no 221 in table 05',
      report: () => dropCode('05', '221'),
      findings: [{ messageId: 'missingInT05', status: 'fail', severity: 'error', location: { table: '04', row: 'exp.221', column: '3' }, expected: 0, actual: 20, difference: 20 }],
    },
    {
      name: 'a 类 row of table 05 with no class in table 04',
      report: () =>
        edit(exampleReport(), (r) => {
          r.tables.find((t) => t.id === '05')!.rows.push({ key: '233', code: '233', name: '债务发行费用支出', cells: { '1': 5, '2': 0, '3': 5 } });
        }),
      findings: [{ messageId: 'missingInT04', status: 'fail', severity: 'error', location: { table: '05', row: '233', column: '1' }, expected: 0, actual: 5, difference: 5 }],
    },
    {
      name: '0.01 between two printed class totals is 尾数误差',
      report: () => shifted(exampleReport(), '05', '210', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '04', row: 'exp.210', column: '3' }, expected: 12.01, actual: 12, difference: -0.01 }],
    },
    { name: 'table 05 absent', report: () => withoutTable(exampleReport(), '05'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 05 partly read', report: () => partlyRead(exampleReport(), '05'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
