import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r12.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: every code of table 05 within table 03', report: exampleReport },
    {
      name: 'a code printed with zeros only in table 05 is not asked for in table 03',
      report: () =>
        edit(exampleReport(), (r) => {
          r.tables.find((t) => t.id === '05')!.rows.push({ key: '2012699', code: '2012699', name: '其他档案事务支出', cells: { '1': 0, '2': null, '3': null } });
        }),
    },
  ],
  invalid: [
    {
      name: '基本支出 of 2080505 larger in table 05 than in table 03',
      report: () => withCell(exampleReport(), '05', '2080505', '2', 34),
      findings: [{ messageId: 'exceeds', status: 'fail', severity: 'error', location: { table: '05', row: '2080505', column: '2' }, expected: 33, actual: 34, difference: 1 }],
    },
    {
      name: 'a code of table 05 missing from table 03',
      report: () =>
        edit(exampleReport(), (r) => {
          const t = r.tables.find((x) => x.id === '03')!;
          t.rows = t.rows.filter((x) => x.key !== '2101102');
        }),
      findings: [{ messageId: 'missingInT03', status: 'fail', severity: 'error', location: { table: '05', row: '2101102', column: '1' }, expected: 0, actual: 12, difference: 12 }],
    },
    {
      name: '0.01 over is 尾数误差',
      report: () => withCell(exampleReport(), '05', '2080505', '1', 33.01),
      findings: [{ messageId: 'exceeds', status: 'round', severity: 'info', location: { table: '05', row: '2080505', column: '1' }, expected: 33, actual: 33.01, difference: 0.01 }],
    },
    { name: 'table 03 absent', report: () => withoutTable(exampleReport(), '03'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 05 partly read', report: () => partlyRead(exampleReport(), '05'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
