import type { Rule } from '../../types.js';

/** T04-R3: 财政拨款收入支出决算总表, income 总计 = 本年收入合计 + 年初财政拨款结转和结余. */
export const rule: Rule = {
  meta: {
    id: 'T04-R3',
    title: '财政拨款收入支出决算总表 收入总计等于本年收入合计与年初财政拨款结转和结余之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['04'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'inc32 总计 = inc27 本年收入合计 + inc28 年初财政拨款结转和结余，容差 env(2)',
    messages: {
      mismatch:
        '财政拨款收入支出决算总表 收入方“总计” {{actual}} ≠ 本年收入合计与年初财政拨款结转和结余之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('04')) return;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '04', row: 'inc.grand_total', column: '1' },
      terms: ['inc.total', 'inc.opening'].map((row) => ({ table: '04', row, column: '1' })),
      termsLabel: '本年收入合计与年初财政拨款结转和结余之和',
      related: ['T04-R7'],
    });
  },
};
