import type { Rule } from '../../types.js';

/** T01-R2: income side 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余. */
export const rule: Rule = {
  meta: {
    id: 'T01-R2',
    title: '收入支出决算总表 收入总计等于本年收入合计、使用非财政拨款结余与年初结转和结余之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['01'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'inc[总计] = inc[本年收入合计] + inc[使用非财政拨款结余(含专用结余)] + inc[年初结转和结余]，容差 env(3)',
    messages: {
      mismatch:
        '收入支出决算总表 收入方“总计” {{actual}} ≠ 本年收入合计、使用非财政拨款结余、年初结转和结余三项之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('01')) return;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '01', row: 'inc.grand_total', column: '1' },
      terms: ['inc.total', 'inc.use_nonfiscal_balance', 'inc.opening'].map((row) => ({ table: '01', row, column: '1' })),
      termsLabel: '本年收入合计、使用非财政拨款结余、年初结转和结余之和',
      related: ['T01-R5', 'T01-R6'],
    });
  },
};
