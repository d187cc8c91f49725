import type { Rule } from '../../types.js';

/** T04-R7: 财政拨款收入支出决算总表 balances: income 总计 = expenditure 总计 (合计 column). */
export const rule: Rule = {
  meta: {
    id: 'T04-R7',
    title: '财政拨款收入支出决算总表 收入总计与支出总计相等',
    severity: 'error',
    category: 'accuracy',
    tables: ['04'],
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'inc32 总计 = exp64 总计（栏2 合计），两者都是打印的合计数，不允许尾数误差',
    messages: {
      mismatch:
        '财政拨款收入支出决算总表 支出方“总计”合计栏 {{actual}} ≠ 收入方“总计” {{expected}}，相差 {{absDifference}} {{unit}}；两方总计应完全相等。无法判断是哪一方有误，请结合 T04-R3（收入总计）与 T04-R6（支出总计）的核对结果查找',
    },
  },
  check(ctx) {
    if (!ctx.need('04')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: { table: '04', row: 'exp.grand_total', column: '2' },
      expected: { table: '04', row: 'inc.grand_total', column: '1' },
      related: ['T04-R3', 'T04-R6', 'T04-R8'],
    });
  },
};
