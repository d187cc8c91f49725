import type { Rule } from '../../types.js';

/** T04-R4: every expenditure row of 财政拨款收入支出决算总表, 合计 = the three fund columns. */
export const rule: Rule = {
  meta: {
    id: 'T04-R4',
    title: '财政拨款收入支出决算总表 支出方各行合计等于三项财政拨款之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['04'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '支出方每行（26 类、本年支出合计、年末财政拨款结转和结余、总计）栏2 合计 = 栏3 一般公共预算财政拨款 + 栏4 政府性基金预算财政拨款 + 栏5 国有资本经营预算财政拨款，容差 env(3)',
    messages: {
      mismatch:
        '财政拨款收入支出决算总表 支出方“{{name}}”合计栏 {{actual}} ≠ 一般公共预算、政府性基金预算、国有资本经营预算三栏之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('04')) return;
    for (const row of ctx.table('04')!.rows) {
      if (!row.key.startsWith('exp.')) continue;
      ctx.sum({
        messageId: 'mismatch',
        total: { table: '04', row: row.key, column: '2' },
        terms: ['3', '4', '5'].map((column) => ({ table: '04', row: row.key, column })),
        termsLabel: '三项财政拨款之和',
        data: { name: row.name },
      });
    }
  },
};
