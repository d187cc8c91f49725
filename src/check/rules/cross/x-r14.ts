import type { Rule } from '../../types.js';

/** X-R14: 一般公共预算基本支出 = 基本支出明细表 人员经费合计 + 公用经费合计. */
export const rule: Rule = {
  meta: {
    id: 'X-R14',
    title: '一般公共预算基本支出与基本支出明细表一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['05', '06'],
    crossTable: true,
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T05[合计, 栏2 基本支出] = T06[人员经费合计] + T06[公用经费合计]，容差 env(2)',
    messages: {
      mismatch:
        '{{where}} 为 {{actual}} {{unit}}，一般公共预算财政拨款基本支出决算明细表的人员经费合计与公用经费合计之和为 {{expected}} {{unit}}，相差 {{absDifference}} {{unit}}{{toleranceNote}}' +
        '两表反映的是同一笔基本支出：请先核对明细表的人员经费、公用经费合计（T06-R2、T06-R3），再核对支出表的基本支出。',
    },
  },
  check(ctx) {
    if (!ctx.need('05', '06')) return;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '05', row: 'total', column: '2' },
      terms: [
        { table: '06', row: 'personnel_total', column: 'amount' },
        { table: '06', row: 'public_total', column: 'amount' },
      ],
      termsLabel: '人员经费合计与公用经费合计之和',
      related: ['T06-R2', 'T06-R3', 'T05-R2'],
    });
  },
};
