import type { Rule } from '../../types.js';
import { isDash, T06_DASH_CLASSES } from './rows.js';

/** T06-R4: only the 309 and 311 lines (基本建设) may print —— (not applicable). */
export const rule: Rule = {
  meta: {
    id: 'T06-R4',
    title: '一般公共预算财政拨款基本支出决算明细表 仅基本建设类（309、311）可填“——”',
    severity: 'warning',
    category: 'completeness',
    tables: ['06'],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.1 [SEED]',
    doc: '309 资本性支出（基本建设）与 311 对企业补助（基本建设）的类、款可印“——”（不适用）；其他行应填金额（山西以空白表示零）',
    messages: {
      dash: '一般公共预算财政拨款基本支出决算明细表 {{name}} 填为“——”；只有 309、311 基本建设类可填“——”，其他科目无发生额应填 0 或留空',
    },
  },
  check(ctx) {
    if (!ctx.need('06')) return;
    const allowed: readonly string[] = T06_DASH_CLASSES;
    for (const row of ctx.table('06')!.rows) {
      if (!isDash(row, 'amount')) continue;
      if (row.code && allowed.includes(row.code.slice(0, 3))) continue;
      const name = row.code ? `${row.code} ${row.name}` : row.name;
      ctx.flag({
        messageId: 'dash',
        location: { table: '06', row: row.key, column: 'amount' },
        expected: null,
        actual: '——',
        data: { name },
      });
    }
  },
};
