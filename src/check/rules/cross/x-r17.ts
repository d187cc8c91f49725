import type { CellRef, Rule } from '../../types.js';
import { valueOf } from './shared.js';

/** The fiscal tables' 基本支出 and 项目支出 columns of the 合计 row, against table 03's column. */
const PARTS: { t03: string; label: string; parts: { table: string; column: string }[] }[] = [
  {
    t03: '2',
    label: '基本支出',
    parts: [
      { table: '05', column: '2' },
      { table: '07', column: '4' },
      { table: '08', column: '2' },
    ],
  },
  {
    t03: '3',
    label: '项目支出',
    parts: [
      { table: '05', column: '3' },
      { table: '07', column: '5' },
      { table: '08', column: '3' },
    ],
  },
];

/**
 * X-R17: 财政拨款 basic and project spending (一般公共预算 + 政府性基金 + 国有资本经营预算) is part
 * of all basic / project spending of 支出决算表. Tables 07 and 08 count as 0 when the document does
 * not print them.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R17',
    title: '财政拨款基本支出、项目支出不超过支出决算表',
    severity: 'error',
    category: 'accuracy',
    tables: ['03', '05', '07', '08'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T03[合计, 栏2 基本支出] ≥ T05[合计, 栏2] + T07[合计, 栏4] + T08[合计, 栏2]；T03[合计, 栏3 项目支出] ≥ T05[合计, 栏3] + T07[合计, 栏5] + T08[合计, 栏3]，容差 0.01',
    messages: {
      exceeds:
        '三张财政拨款支出表的{{what}}之和 {{actual}} {{unit}}（{{parts}}）大于{{other}} {{expected}} {{unit}}，多出 {{absDifference}} {{unit}}{{toleranceNote}}' +
        '财政拨款安排的{{what}}只是全部{{what}}的一部分：请核对支出决算表的{{what}}和各财政拨款支出表的合计行。',
    },
  },
  check(ctx) {
    const optional = ['07', '08'].filter((id) => ctx.table(id));
    if (!ctx.need('03', '05', ...optional)) return;
    for (const { t03, label, parts } of PARTS) {
      const refs: CellRef[] = parts.filter((p) => ctx.table(p.table)).map((p) => ({ table: p.table, row: 'total', column: p.column }));
      const values = refs.map((r) => valueOf(ctx, r));
      const unread = refs.filter((_, i) => values[i] === undefined);
      if (unread.length > 0) {
        ctx.insufficient(`${ctx.meta.title}：未能读取${unread.map((r) => ctx.describe(r)).join('、')}，无法核对${label}`, unread[0]);
        continue;
      }
      const sum = (values as number[]).reduce((s, v) => s + v, 0);
      const partsText = refs.map((r, i) => `${ctx.table(r.table)!.title} ${ctx.money(values[i]!)}`).join(' + ');
      ctx.atMost({
        messageId: 'exceeds',
        actual: { units: sum, label: `财政拨款${label}之和` },
        expected: { table: '03', row: 'total', column: t03 },
        data: { what: label, parts: partsText },
        related: ['X-R10', 'X-R14', 'X-R15', 'X-R16'],
      });
    }
  },
};
