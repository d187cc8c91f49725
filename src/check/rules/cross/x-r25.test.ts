import { edit, partlyRead, shifted, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { sichuanReport, total } from '../../../../test/support/sichuan.js';
import type { Report } from '../../../model/report.js';
import { rule } from './x-r25.js';

/** A synthetic Sichuan report (13 tables, the four extra ones derived consistently). */
let cached: Report | undefined;
const sc = (): Report => structuredClone((cached ??= sichuanReport(() => true)));
const value = (r: Report) => total(r, 'sc-gpb-project', 'amount');

ruleTester(rule, {
  valid: [
    { name: 'a synthetic Sichuan report: 项目支出决算表 合计 = 表05 项目支出', report: sc },
    {
      name: 'both sides printed empty (本表无数据) count as 0',
      report: () =>
        edit(sc(), (r) => {
          for (const t of r.tables.filter((x) => x.id === 'sc-gpb-project' || x.id === '05')) {
            t.empty = true;
            t.rows = [];
          }
        }),
    },
  ],
  invalid: [
    {
      name: 'the Sichuan table off by 1.00',
      report: () => shifted(sc(), 'sc-gpb-project', 'total', 'amount', 1),
      findings: [
        {
          messageId: 'mismatch',
          status: 'fail',
          severity: 'error',
          location: { table: 'sc-gpb-project', row: 'total', column: 'amount' },
          actual: Math.round((value(sc()) + 1) * 100) / 100,
          expected: value(sc()),
          difference: 1,
        },
      ],
    },
    {
      name: '0.01 between the two printed totals is 尾数误差',
      report: () => shifted(sc(), '05', 'total', '3', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: 'sc-gpb-project', row: 'total', column: 'amount' }, difference: -0.01 }],
    },
    { name: 'no Sichuan table (every non-Sichuan document)', report: () => withoutTable(sc(), 'sc-gpb-project'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'the Sichuan table partly read', report: () => partlyRead(sc(), 'sc-gpb-project'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
