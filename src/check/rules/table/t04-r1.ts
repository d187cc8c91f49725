import type { Rule } from '../../types.js';
import { T04_FUNDS } from './rows.js';

/** T04-R1: 财政拨款收入支出决算总表, 本年收入合计 = the three fiscal funds. */
export const rule: Rule = {
  meta: {
    id: 'T04-R1',
    title: '财政拨款收入支出决算总表 本年收入合计等于三项财政拨款收入之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['04'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'inc27 本年收入合计 = inc1 一般公共预算财政拨款 + inc2 政府性基金预算财政拨款 + inc3 国有资本经营预算财政拨款，容差 env(3)',
    messages: {
      mismatch:
        '财政拨款收入支出决算总表 收入方“本年收入合计” {{actual}} ≠ 一般公共预算、政府性基金预算、国有资本经营预算三项财政拨款之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('04')) return;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '04', row: 'inc.total', column: '1' },
      terms: T04_FUNDS.map((f) => ({ table: '04', row: f.income, column: '1' })),
      termsLabel: '三项财政拨款收入之和',
    });
  },
};
