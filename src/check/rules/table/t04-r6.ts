import type { Rule } from '../../types.js';
import { T04_EXP_COLUMNS } from './rows.js';

/** T04-R6: 财政拨款收入支出决算总表, expenditure 总计 = 本年支出合计 + 年末财政拨款结转和结余, in every column. */
export const rule: Rule = {
  meta: {
    id: 'T04-R6',
    title: '财政拨款收入支出决算总表 支出总计等于本年支出合计与年末财政拨款结转和结余之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['04'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'exp64[c] 总计 = exp59[c] 本年支出合计 + exp60[c] 年末财政拨款结转和结余，c = 栏2–5，容差 env(2)',
    messages: {
      mismatch:
        '财政拨款收入支出决算总表 支出方“总计”{{column}}栏 {{actual}} ≠ 本年支出合计与年末财政拨款结转和结余之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('04')) return;
    const table = ctx.table('04')!;
    for (const column of T04_EXP_COLUMNS) {
      ctx.sum({
        messageId: 'mismatch',
        total: { table: '04', row: 'exp.grand_total', column },
        terms: ['exp.total', 'exp.closing'].map((row) => ({ table: '04', row, column })),
        termsLabel: '本年支出合计与年末财政拨款结转和结余之和',
        data: { column: table.columns.find((c) => c.key === column)?.label ?? `第${column}` },
        related: ['T04-R7', 'T04-R8'],
      });
    }
  },
};
