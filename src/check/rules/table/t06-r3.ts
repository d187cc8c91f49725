import type { Rule } from '../../types.js';
import { isDash, T06_PERSONNEL_CLASSES, t06Classes } from './rows.js';

/** T06-R3: 公用经费合计 = the 公用经费 classes present (302, 307, 309, 310, 311, 312, 313, 399). */
export const rule: Rule = {
  meta: {
    id: 'T06-R3',
    title: '一般公共预算财政拨款基本支出决算明细表 公用经费合计等于公用经费各类之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['06'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '公用经费合计 = 302 + 307 + 309 + 310 + 311 + 312 + 313 + 399（表中列出的类，印为“——”的不计入），容差 env(类数)',
    messages: {
      mismatch:
        '一般公共预算财政拨款基本支出决算明细表 公用经费合计 {{actual}} ≠ 公用经费 {{n}} 类（{{codes}}）之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('06')) return;
    const personnel: readonly string[] = T06_PERSONNEL_CLASSES;
    const classes = t06Classes(ctx.table('06')!).filter((r) => !personnel.includes(r.code!) && !isDash(r, 'amount'));
    if (classes.length === 0) {
      ctx.insufficient('一般公共预算财政拨款基本支出决算明细表未读到公用经费的类，无法核对公用经费合计', { table: '06', row: 'public_total', column: 'amount' });
      return;
    }
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '06', row: 'public_total', column: 'amount' },
      terms: classes.map((r) => ({ table: '06', row: r.key, column: 'amount' })),
      termsLabel: '公用经费各类之和',
      data: { codes: classes.map((r) => r.code!).join('、') },
      related: ['T06-R1'],
    });
  },
};
