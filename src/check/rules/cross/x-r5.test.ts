import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r5.js';

/** Drop rows of a coded table whose code starts with the prefix (a class and its 款/项). */
const dropCode = (table: string, prefix: string) =>
  edit(exampleReport(), (r) => {
    const t = r.tables.find((x) => x.id === table)!;
    t.rows = t.rows.filter((x) => !x.code?.startsWith(prefix));
  });

ruleTester(rule, {
  valid: [
    { name: 'the example: 201, 208, 210, 221 agree', report: exampleReport },
    { name: 'a class printed 0.00 in table 01 needs no row in table 03', report: () => withCell(exampleReport(), '01', 'exp.206', '2', 0) },
  ],
  invalid: [
    {
      name: '卫生健康支出 of table 01 off by 1.00',
      report: () => shifted(exampleReport(), '01', 'exp.210', '2', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '01', row: 'exp.210', column: '2' }, expected: 12, actual: 13, difference: 1 }],
    },
    {
      name: '住房保障支出 in table 01 but no 221 in table 03',
      report: () => dropCode('03', '221'),
      findings: [{ messageId: 'missingInT03', status: 'fail', severity: 'error', location: { table: '01', row: 'exp.221', column: '2' }, expected: 0, actual: 20, difference: 20 }],
    },
    {
      name: 'a 类 row of table 03 with no class in table 01',
      report: () =>
        edit(exampleReport(), (r) => {
          r.tables.find((t) => t.id === '03')!.rows.push({ key: '233', code: '233', name: '债务发行费用支出', cells: { '1': 5, '2': 0, '3': 5, '4': 0, '5': 0, '6': 0 } });
        }),
      findings: [{ messageId: 'missingInT01', status: 'fail', severity: 'error', location: { table: '03', row: '233', column: '1' }, expected: 0, actual: 5, difference: 5 }],
    },
    {
      name: '0.01 between two printed class totals is 尾数误差',
      report: () => shifted(exampleReport(), '03', '210', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '01', row: 'exp.210', column: '2' }, expected: 12.01, actual: 12, difference: -0.01 }],
    },
    { name: 'table 03 absent', report: () => withoutTable(exampleReport(), '03'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 01 partly read', report: () => partlyRead(exampleReport(), '01'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
