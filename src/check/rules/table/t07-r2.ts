import type { Rule } from '../../types.js';

/** T07-R2: every row of 政府性基金预算财政拨款收入支出决算表 rolls forward: 年末 = 年初 + 本年收入 − 本年支出. */
export const rule: Rule = {
  meta: {
    id: 'T07-R2',
    title: '政府性基金预算财政拨款收入支出决算表 各行年末结转和结余等于年初结转和结余加本年收入减本年支出',
    severity: 'warning',
    category: 'accuracy',
    tables: ['07'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '每行 栏6 年末结转和结余 = 栏1 年初结转和结余 + 栏2 本年收入 − 栏3 本年支出小计，容差 env(3)；资金上缴国库等调整在模板中没有单独栏次，可能合理不等，故为警告',
    messages: {
      mismatch:
        '{{where}} {{actual}} ≠ 年初结转和结余 + 本年收入 − 本年支出 = {{expected}}（如有资金交回国库等调整，请在情况说明中说明），相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('07')) return;
    for (const row of ctx.table('07')!.rows) {
      const at = (column: string) => ({ table: '07', row: row.key, column });
      ctx.sum({
        messageId: 'mismatch',
        total: at('6'),
        terms: [at('1'), at('2')],
        minus: [at('3')],
        termsLabel: '年初结转和结余加本年收入减本年支出',
        related: ['T07-R1', 'T04-R9'],
      });
    }
  },
};
