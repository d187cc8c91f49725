import type { Rule } from '../../types.js';
import { T04_FUNDS } from './rows.js';

/** T04-R8: 财政拨款收入支出决算总表, per fund: 本年收入 + 年初结转和结余 = that fund's 总计 column. */
export const rule: Rule = {
  meta: {
    id: 'T04-R8',
    title: '财政拨款收入支出决算总表 各项财政拨款收支总计平衡',
    severity: 'error',
    category: 'accuracy',
    tables: ['04'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'inc1 + inc29 = exp64[栏3]；inc2 + inc30 = exp64[栏4]；inc3 + inc31 = exp64[栏5]（各项财政拨款的本年收入加年初结转和结余等于支出方总计的对应栏），容差 env(2)',
    messages: {
      mismatch:
        '财政拨款收入支出决算总表 支出方“总计”{{fund}}栏 {{actual}} ≠ 收入方{{fund}}本年收入与年初结转和结余之和 {{expected}}（无法判断是收入方还是支出方有误，请结合 T04-R6、T04-R9 的结果核对），相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('04')) return;
    for (const fund of T04_FUNDS) {
      ctx.sum({
        messageId: 'mismatch',
        total: { table: '04', row: 'exp.grand_total', column: fund.column },
        terms: [fund.income, fund.opening].map((row) => ({ table: '04', row, column: '1' })),
        termsLabel: `${fund.name}本年收入与年初结转和结余之和`,
        data: { fund: fund.name },
        related: ['T04-R6', 'T04-R7', 'T04-R9'],
      });
    }
  },
};
