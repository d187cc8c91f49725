import { edit, partlyRead, shifted, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { sichuanReport, total } from '../../../../test/support/sichuan.js';
import type { Report } from '../../../model/report.js';
import { rule } from './x-r26.js';

/** A synthetic Sichuan report (13 tables, the four extra ones derived consistently). */
let cached: Report | undefined;
const sc = (): Report => structuredClone((cached ??= sichuanReport((r) => total(r, '08', '1') > 0)));
const value = (r: Report) => total(r, 'sc-state-capital', '3');

ruleTester(rule, {
  valid: [
    { name: 'a synthetic Sichuan report: 国有资本 收支表 本年支出 = 表08 合计', report: sc },
    {
      name: 'both sides printed empty (本表无数据) count as 0',
      report: () =>
        edit(sc(), (r) => {
          for (const t of r.tables.filter((x) => x.id === 'sc-state-capital' || x.id === '08')) {
            t.empty = true;
            t.rows = [];
          }
        }),
    },
  ],
  invalid: [
    {
      name: 'the Sichuan table off by 1.00',
      report: () => shifted(sc(), 'sc-state-capital', 'total', '3', 1),
      findings: [
        {
          messageId: 'mismatch',
          status: 'fail',
          severity: 'error',
          location: { table: 'sc-state-capital', row: 'total', column: '3' },
          actual: Math.round((value(sc()) + 1) * 100) / 100,
          expected: value(sc()),
          difference: 1,
        },
      ],
    },
    {
      name: '0.01 between the two printed totals is 尾数误差',
      report: () => shifted(sc(), '08', 'total', '1', 0.01),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', location: { table: 'sc-state-capital', row: 'total', column: '3' }, difference: -0.01 }],
    },
    { name: 'no Sichuan table (every non-Sichuan document)', report: () => withoutTable(sc(), 'sc-state-capital'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'the Sichuan table partly read', report: () => partlyRead(sc(), 'sc-state-capital'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
