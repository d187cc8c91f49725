import type { Rule } from '../../types.js';

/** X-R2: 收入决算表 合计 财政拨款收入 = 总表 三项财政拨款收入之和. */
export const rule: Rule = {
  meta: {
    id: 'X-R2',
    title: '收入决算表财政拨款收入与总表三项财政拨款收入一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['02', '01'],
    crossTable: true,
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T02[合计, 栏2 财政拨款收入] = T01[一般公共预算财政拨款收入] + T01[政府性基金预算财政拨款收入] + T01[国有资本经营预算财政拨款收入]，容差 env(3)',
    messages: {
      mismatch:
        '{{where}} 为 {{actual}} {{unit}}，收入支出决算总表一般公共预算、政府性基金预算、国有资本经营预算三项财政拨款收入之和为 {{expected}} {{unit}}，相差 {{absDifference}} {{unit}}{{toleranceNote}}' +
        '仅凭这两张表无法判断哪一方有误：请对照财政拨款收入支出决算总表的本年收入（X-R6、X-R7）找出填错的一方。',
    },
  },
  check(ctx) {
    if (!ctx.need('02', '01')) return;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '02', row: 'total', column: '2' },
      terms: ['inc.gpb', 'inc.gov_fund', 'inc.state_capital'].map((row) => ({ table: '01', row, column: '1' })),
      termsLabel: '总表三项财政拨款收入之和',
      related: ['X-R6', 'X-R7'],
    });
  },
};
