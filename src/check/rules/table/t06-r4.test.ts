import { exampleReport, synthetic, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { withDash, withRow } from '../../../../test/support/table-edits.js';
import { rule } from './t06-r4.js';

const dashed = (key: string, name: string) => ({ key, code: key, name, cells: { amount: null }, dashes: ['amount'] });

ruleTester(rule, {
  valid: [
    { name: 'the example prints no ——', report: exampleReport },
    { name: 'a Shanxi report, blank for zero (blank is not ——)', report: () => synthetic(1, 'sx') },
    {
      name: 'the 309 and 311 基本建设 lines may be ——',
      report: () =>
        withRow(
          withRow(withRow(exampleReport(), '06', dashed('309', '资本性支出（基本建设）'), '31003'), '06', dashed('30901', '房屋建筑物购建'), '309'),
          '06',
          dashed('31101', '资本金注入'),
          '30901',
        ),
    },
  ],
  invalid: [
    {
      name: 'an ordinary 款 printed ——',
      report: () => withDash(exampleReport(), '06', '30103', 'amount'),
      findings: [{ messageId: 'dash', status: 'fail', severity: 'warning', location: { table: '06', row: '30103', column: 'amount' }, expected: null, actual: '——' }],
    },
    {
      name: 'a class and its 款 printed ——',
      report: () => withDash(withDash(exampleReport(), '06', '310', 'amount'), '06', '31003', 'amount'),
      findings: [
        { messageId: 'dash', severity: 'warning', location: { table: '06', row: '310', column: 'amount' } },
        { messageId: 'dash', severity: 'warning', location: { table: '06', row: '31003', column: 'amount' } },
      ],
    },
    { name: 'table 06 absent', report: () => withoutTable(exampleReport(), '06'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
  ],
});
