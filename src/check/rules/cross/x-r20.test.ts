import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r20.js';

ruleTester(rule, {
  valid: [
    { name: 'the example: 33 = 33, 17 = 17, 20 = 20, 12 = 12 + 0', report: exampleReport },
    {
      name: 'neither side printed: nothing to compare',
      report: () =>
        edit(exampleReport(), (r) => {
          r.tables.find((t) => t.id === '05')!.rows = r.tables.find((t) => t.id === '05')!.rows.filter((x) => x.key !== '2210201');
          r.tables.find((t) => t.id === '06')!.rows = r.tables.find((t) => t.id === '06')!.rows.filter((x) => x.key !== '30113');
        }),
    },
  ],
  invalid: [
    {
      name: 'seed 000 pattern: 30108 larger than 2080505',
      report: () => withCell(exampleReport(), '06', '30108', 'amount', 40),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'warning', location: { table: '05', row: '2080505', column: '2' }, expected: 40, actual: 33, difference: -7 }],
    },
    {
      name: 'seed 003 pattern: 30109 with no 2080506 row, reported at the table 06 line',
      report: () =>
        edit(exampleReport(), (r) => {
          const t05 = r.tables.find((t) => t.id === '05')!;
          t05.rows = t05.rows.filter((x) => x.key !== '2080506');
        }),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'warning', location: { table: '06', row: '30109', column: 'amount' }, expected: 17, actual: 0, difference: -17 }],
    },
    {
      name: '0.01 is 尾数误差 (21011 against 30110 + 30111)',
      report: () => shifted(exampleReport(), '06', '30110', 'amount', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '05', row: '21011', column: '2' }, expected: 12.01, actual: 12, difference: -0.01 }],
    },
    { name: 'table 06 absent', report: () => withoutTable(exampleReport(), '06'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 05 partly read', report: () => partlyRead(exampleReport(), '05'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
