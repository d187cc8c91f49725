import type { Rule } from '../../types.js';

/** T01-R4: expenditure side 总计 = 本年支出合计 + 结余分配 + 年末结转和结余. */
export const rule: Rule = {
  meta: {
    id: 'T01-R4',
    title: '收入支出决算总表 支出总计等于本年支出合计、结余分配与年末结转和结余之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['01'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'exp[总计] = exp[本年支出合计] + exp[结余分配] + exp[年末结转和结余]，容差 env(3)',
    messages: {
      mismatch:
        '收入支出决算总表 支出方“总计” {{actual}} ≠ 本年支出合计、结余分配、年末结转和结余三项之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('01')) return;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '01', row: 'exp.grand_total', column: '2' },
      terms: ['exp.total', 'exp.surplus_distribution', 'exp.closing'].map((row) => ({ table: '01', row, column: '2' })),
      termsLabel: '本年支出合计、结余分配、年末结转和结余之和',
      related: ['T01-R5', 'T01-R6'],
    });
  },
};
