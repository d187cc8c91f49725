import type { Rule } from '../../types.js';
import { classTerms, T04_EXP_COLUMNS } from './rows.js';

/** T04-R5: 财政拨款收入支出决算总表, 本年支出合计 = the 26 class rows, in every expenditure column. */
export const rule: Rule = {
  meta: {
    id: 'T04-R5',
    title: '财政拨款收入支出决算总表 本年支出合计等于各类支出之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['04'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'exp59[c] 本年支出合计 = Σ exp33..58[c]（26 类），c = 栏2 合计、栏3–5 三项财政拨款，容差 env(26)',
    messages: {
      mismatch: '财政拨款收入支出决算总表 支出方“本年支出合计”{{column}}栏 {{actual}} ≠ {{terms}} {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('04')) return;
    const table = ctx.table('04')!;
    const terms = classTerms(ctx, table);
    if (terms.length === 0) {
      ctx.insufficient('财政拨款收入支出决算总表未读到任何支出类别行，无法核对本年支出合计', { table: '04', row: 'exp.total', column: '2' });
      return;
    }
    for (const column of T04_EXP_COLUMNS) {
      ctx.sum({
        messageId: 'mismatch',
        total: { table: '04', row: 'exp.total', column },
        terms: terms.map((row) => ({ table: '04', row, column })),
        termsLabel: `各类支出（${terms.length} 类）之和`,
        data: { column: table.columns.find((c) => c.key === column)?.label ?? `第${column}` },
      });
    }
  },
};
