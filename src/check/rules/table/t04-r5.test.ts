import { exampleReport, partlyRead, shifted, synthetic, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withoutRow } from '../../../../test/support/table-edits.js';
import { rule } from './t04-r5.js';

ruleTester(rule, {
  valid: [
    { name: 'the example adds up in all four columns', report: exampleReport },
    { name: 'a Shanxi report, blank for zero', report: () => synthetic(1, 'sx') },
    { name: 'blank class cells count as 0', report: () => withCell(exampleReport(), '04', 'exp.205', '3', null) },
  ],
  invalid: [
    {
      name: '本年支出合计 一般公共预算 column off by 1.00',
      report: () => shifted(exampleReport(), '04', 'exp.total', '3', 1),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', location: { table: '04', row: 'exp.total', column: '3' }, expected: 508, actual: 509, difference: 1 }],
    },
    {
      name: '0.10 over 26 classes is 尾数误差 (env(26) = 0.135)',
      report: () => shifted(exampleReport(), '04', 'exp.210', '5', 0.1),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: '04', row: 'exp.total', column: '5' }, expected: 0.1, actual: 0, difference: -0.1 }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'a class row missing from a table read only partly',
      report: () => partlyRead(withoutRow(exampleReport(), '04', 'exp.229'), '04'),
      findings: ['2', '3', '4', '5'].map((column) => ({ messageId: 'insufficient_data', status: 'insufficient_data' as const, location: { table: '04', row: 'exp.total', column } })),
    },
  ],
});
