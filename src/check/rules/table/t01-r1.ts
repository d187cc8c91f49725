import type { Rule } from '../../types.js';

const INCOME_ROWS = ['inc.gpb', 'inc.gov_fund', 'inc.state_capital', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other'];

/** T01-R1: 本年收入合计 = the eight income rows. */
export const rule: Rule = {
  meta: {
    id: 'T01-R1',
    title: '收入支出决算总表 本年收入合计等于各项收入之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['01'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'inc[本年收入合计] = Σ inc[一般公共预算财政拨款收入 … 其他收入]（8 项），容差 env(8)',
    messages: {
      mismatch: '{{where}} {{actual}} ≠ 八项收入之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('01')) return;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '01', row: 'inc.total', column: '1' },
      terms: INCOME_ROWS.map((row) => ({ table: '01', row, column: '1' })),
      termsLabel: '八项收入之和',
    });
  },
};
