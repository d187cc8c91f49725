import type { Rule } from '../../types.js';
import { childrenOf } from '../shared.js';
import { isDash, t06Classes } from './rows.js';

/** T06-R1: 一般公共预算财政拨款基本支出决算明细表, every 类 = the sum of its 款 (—— lines left out). */
export const rule: Rule = {
  meta: {
    id: 'T06-R1',
    title: '一般公共预算财政拨款基本支出决算明细表 各类等于其下各款之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['06'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '301、302、303、307、309、310、311、312、313、399 各类 = Σ其款，印为“——”（不适用）的行不计入，容差 env(款数)',
    messages: {
      mismatch: '{{where}} {{actual}} ≠ 其下 {{n}} 款之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('06')) return;
    const table = ctx.table('06')!;
    for (const cls of t06Classes(table)) {
      if (isDash(cls, 'amount')) continue; // the whole class is not applicable (309, 311 in Shanxi)
      const items = childrenOf(table, cls.code).filter((r) => !isDash(r, 'amount'));
      if (items.length === 0) continue;
      ctx.sum({
        messageId: 'mismatch',
        total: { table: '06', row: cls.key, column: 'amount' },
        terms: items.map((r) => ({ table: '06', row: r.key, column: 'amount' })),
        termsLabel: '其下各款之和',
      });
    }
  },
};
