import type { Rule } from '../../types.js';
import { atMostMessage, classRows } from './shared.js';

/** X-R9: fiscal spending (table 04) is part of all spending (table 01), in total and class by class. */
export const rule: Rule = {
  meta: {
    id: 'X-R9',
    title: '财政拨款支出不超过总表支出',
    severity: 'error',
    category: 'accuracy',
    tables: ['04', '01'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T04[本年支出合计, 栏2] ≤ T01[本年支出合计]；每一类 T04[该类, 栏2] ≤ T01[该类]，容差 0.01',
    messages: {
      exceeds: atMostMessage('财政拨款支出只是全部支出的一部分：请核对两表该项支出的填列。'),
    },
  },
  check(ctx) {
    if (!ctx.need('04', '01')) return;
    ctx.atMost({
      messageId: 'exceeds',
      actual: { table: '04', row: 'exp.total', column: '2' },
      expected: { table: '01', row: 'exp.total', column: '2' },
    });
    for (const row of classRows(ctx, '04')) {
      ctx.atMost({
        messageId: 'exceeds',
        actual: { table: '04', row: row.key, column: '2' },
        expected: { table: '01', row: row.key, column: '2' },
      });
    }
  },
};
