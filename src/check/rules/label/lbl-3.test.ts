import { edit, exampleReport, row, synthetic, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './lbl-3.js';

ruleTester(rule, {
  valid: [
    { name: 'the example prints the catalogue names', report: exampleReport },
    { name: 'a synthetic Shanxi report', report: () => synthetic(2, 'sx') },
    { name: 'brackets of either width', report: () => edit(exampleReport(), (r) => (row(r, '06', '30213').name = '维修(护)费')) },
  ],
  invalid: [
    {
      name: 'seed 003: 构建 for 购建 and 其他资本性支出 for 其他基本建设支出',
      report: () =>
        edit(exampleReport(), (r) => {
          const t = r.tables.find((x) => x.id === '06')!;
          const at = t.rows.findIndex((x) => x.key === '31002');
          t.rows.splice(at, 0, { key: '31001', code: '31001', name: '房屋建筑物构建', cells: { amount: 0 } });
          t.rows.push({ key: '30999', code: '30999', name: '其他资本性支出', cells: { amount: 0 } });
        }),
      findings: [
        { messageId: 'name', status: 'fail', severity: 'warning', location: { table: '06', row: '31001' }, expected: '房屋建筑物购建', actual: '房屋建筑物构建' },
        { messageId: 'name', status: 'fail', severity: 'warning', location: { table: '06', row: '30999' }, expected: '其他基本建设支出', actual: '其他资本性支出' },
      ],
    },
    {
      name: 'a code the classification does not have',
      report: () => edit(exampleReport(), (r) => Object.assign(row(r, '06', '30299'), { code: '30298' })),
      findings: [{ messageId: 'unknown', severity: 'warning', location: { table: '06', row: '30299' }, actual: '30298' }],
    },
    {
      name: 'no table 06',
      report: () => withoutTable(exampleReport(), '06'),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});
