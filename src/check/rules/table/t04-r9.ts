import type { Rule } from '../../types.js';
import { T04_FUNDS } from './rows.js';

/** T04-R9: 财政拨款收入支出决算总表, per fund: 年末结转和结余 = 年初 + 本年收入 − 本年支出. */
export const rule: Rule = {
  meta: {
    id: 'T04-R9',
    title: '财政拨款收入支出决算总表 各项财政拨款年末结转和结余等于年初加本年收入减本年支出',
    severity: 'warning',
    category: 'accuracy',
    tables: ['04'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'exp60[栏K] = 年初结转和结余K（inc29–31）+ 本年收入K（inc1–3）− exp59[栏K]，K = 三项财政拨款，容差 env(3)；资金交回国库等调整在模板中没有单独行次，可能合理不等，故为警告',
    messages: {
      mismatch:
        '财政拨款收入支出决算总表 支出方“年末财政拨款结转和结余”{{fund}}栏 {{actual}} ≠ 年初结转和结余 + 本年收入 − 本年支出 = {{expected}}（如有资金交回国库等调整，请在情况说明中说明），相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('04')) return;
    for (const fund of T04_FUNDS) {
      ctx.sum({
        messageId: 'mismatch',
        total: { table: '04', row: 'exp.closing', column: fund.column },
        terms: [fund.opening, fund.income].map((row) => ({ table: '04', row, column: '1' })),
        minus: [{ table: '04', row: 'exp.total', column: fund.column }],
        termsLabel: `${fund.name}年初结转和结余加本年收入减本年支出`,
        data: { fund: fund.name },
        related: ['T04-R8'],
      });
    }
  },
};
