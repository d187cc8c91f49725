import type { Rule } from '../../types.js';
import { T04_FUNDS } from './rows.js';

/** T04-R2: 财政拨款收入支出决算总表, 年初财政拨款结转和结余 = its three sub-rows. */
export const rule: Rule = {
  meta: {
    id: 'T04-R2',
    title: '财政拨款收入支出决算总表 年初财政拨款结转和结余等于其下三项之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['04'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'inc28 年初财政拨款结转和结余 = inc29 一般公共预算财政拨款 + inc30 政府性基金预算财政拨款 + inc31 国有资本经营预算财政拨款，容差 env(3)',
    messages: {
      mismatch:
        '财政拨款收入支出决算总表 收入方“年初财政拨款结转和结余” {{actual}} ≠ 其下一般公共预算、政府性基金预算、国有资本经营预算财政拨款三项之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('04')) return;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '04', row: 'inc.opening', column: '1' },
      terms: T04_FUNDS.map((f) => ({ table: '04', row: f.opening, column: '1' })),
      termsLabel: '其下三项之和',
    });
  },
};
