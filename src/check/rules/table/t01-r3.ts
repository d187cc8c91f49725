import type { Rule } from '../../types.js';
import { classTerms, T01_KIND_ROWS } from './rows.js';

/** T01-R3: 本年支出合计 = the 26 functional class rows. */
export const rule: Rule = {
  meta: {
    id: 'T01-R3',
    title: '收入支出决算总表 本年支出合计等于各类支出之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['01'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: 'exp[本年支出合计] = Σ exp[一般公共服务支出 … 抗疫特别国债安排的支出]（26 类），容差 env(26)；按支出性质列示的旧版式为基本支出、项目支出等各项之和',
    messages: {
      mismatch: '收入支出决算总表 支出方“本年支出合计” {{actual}} ≠ {{terms}} {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('01')) return;
    const table = ctx.table('01')!;
    let terms = classTerms(ctx, table);
    let termsLabel = `各类支出（${terms.length} 类）之和`;
    if (terms.length === 0) {
      terms = T01_KIND_ROWS.filter((k) => table.rows.some((r) => r.key === k));
      termsLabel = '基本支出、项目支出等各项支出之和';
    }
    if (terms.length === 0) {
      ctx.insufficient('收入支出决算总表未读到任何支出类别行，无法核对本年支出合计', { table: '01', row: 'exp.total', column: '2' });
      return;
    }
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '01', row: 'exp.total', column: '2' },
      terms: terms.map((row) => ({ table: '01', row, column: '2' })),
      termsLabel,
    });
  },
};
