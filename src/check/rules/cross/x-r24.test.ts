import { edit, partlyRead, shifted, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { sichuanReport, total } from '../../../../test/support/sichuan.js';
import type { Report } from '../../../model/report.js';
import { rule } from './x-r24.js';

/** A synthetic Sichuan report (13 tables, the four extra ones derived consistently). */
let cached: Report | undefined;
const sc = (): Report => structuredClone((cached ??= sichuanReport(() => true)));
const value = (r: Report) => total(r, 'sc-gpb-detail', '1');

ruleTester(rule, {
  valid: [
    { name: 'a synthetic Sichuan report: 一般公共预算财政拨款支出决算明细表 合计 = 表05 合计', report: sc },
    {
      name: 'both sides printed empty (本表无数据) count as 0',
      report: () =>
        edit(sc(), (r) => {
          for (const t of r.tables.filter((x) => x.id === 'sc-gpb-detail' || x.id === '05')) {
            t.empty = true;
            t.rows = [];
          }
        }),
    },
  ],
  invalid: [
    {
      name: 'the Sichuan table off by 1.00',
      report: () => shifted(sc(), 'sc-gpb-detail', 'total', '1', 1),
      findings: [
        {
          messageId: 'mismatch',
          status: 'fail',
          severity: 'error',
          location: { table: 'sc-gpb-detail', row: 'total', column: '1' },
          actual: Math.round((value(sc()) + 1) * 100) / 100,
          expected: value(sc()),
          difference: 1,
        },
      ],
    },
    {
      name: '0.01 between the two printed totals is 尾数误差',
      report: () => shifted(sc(), '05', 'total', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: 'sc-gpb-detail', row: 'total', column: '1' }, difference: -0.01 }],
    },
    { name: 'no Sichuan table (every non-Sichuan document)', report: () => withoutTable(sc(), 'sc-gpb-detail'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'the Sichuan table partly read', report: () => partlyRead(sc(), 'sc-gpb-detail'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
