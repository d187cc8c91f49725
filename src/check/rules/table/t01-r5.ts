import type { Rule } from '../../types.js';

/** T01-R5: the two sides of 收入支出决算总表 balance: 收入总计 = 支出总计. */
export const rule: Rule = {
  meta: {
    id: 'T01-R5',
    title: '收入支出决算总表 收入总计与支出总计相等',
    severity: 'error',
    category: 'accuracy',
    tables: ['01'],
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'inc[总计] = exp[总计]，两者都是打印的合计数，不允许尾数误差',
    messages: {
      mismatch:
        '收入支出决算总表 支出方“总计” {{actual}} ≠ 收入方“总计” {{expected}}，相差 {{absDifference}} {{unit}}；两方总计应完全相等。无法判断是哪一方有误，请结合 T01-R2（收入总计）与 T01-R4（支出总计）的核对结果查找',
    },
  },
  check(ctx) {
    if (!ctx.need('01')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: { table: '01', row: 'exp.grand_total', column: '2' },
      expected: { table: '01', row: 'inc.grand_total', column: '1' },
      related: ['T01-R2', 'T01-R4', 'T01-R6'],
    });
  },
};
