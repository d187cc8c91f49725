import type { Rule } from '../../types.js';
import { amount, classRows, equalMessage, titleOf, valueOf } from './shared.js';

/**
 * X-R5: each of the 26 class rows of 收入支出决算总表 = the 类 row of 支出决算表 (栏1); a class with
 * spending in the 总表 needs its 类 row in 支出决算表, and a 类 row of 支出决算表 needs its class in
 * the 总表.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R5',
    title: '总表各类支出与支出决算表类级科目一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['01', '03'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: '对每一类：T01[该类支出] = T03[类级编码, 栏1 本年支出合计]；T01 该类不为 0 时 T03 须有该类行，T03 的类行须在 T01 有对应类，容差 0.01',
    messages: {
      mismatch: equalMessage('请核对两表该类支出的填列。'),
      missingInT03:
        '{{where}} 为 {{actual}} {{unit}}，但{{t03}}没有 {{code}} 类级科目行；总表的各类支出应能在支出决算表中找到对应的类，请补列该类或更正总表。',
      missingInT01:
        '{{where}} 为 {{actual}} {{unit}}，但{{t01}}的支出栏没有 {{code}} 这一类；请核对该科目编码是否正确，或在总表中列出该类支出。',
    },
  },
  check(ctx) {
    if (!ctx.need('01', '03')) return;
    const seen = new Set<string>();
    for (const row of classRows(ctx, '01')) {
      const code = row.key.slice(4);
      seen.add(code);
      const t01 = { table: '01', row: row.key, column: '2' };
      const t03 = { table: '03', row: code, column: '1' };
      if (ctx.row('03', code)) {
        ctx.equal({ messageId: 'mismatch', actual: t01, expected: t03, related: ['X-R4'] });
        continue;
      }
      const v = valueOf(ctx, t01);
      if (v === undefined || v === 0) continue;
      ctx.flag({
        messageId: 'missingInT03',
        location: t01,
        expected: 0,
        actual: amount(ctx, v),
        differenceUnits: v,
        data: { where: ctx.describe(t01), actual: ctx.money(v), t03: titleOf(ctx, '03'), code },
        related: ['X-R4'],
      });
    }
    for (const row of ctx.table('03')?.rows ?? []) {
      if (row.code?.length !== 3 || seen.has(row.code)) continue;
      const t03 = { table: '03', row: row.key, column: '1' };
      const v = valueOf(ctx, t03) ?? 0;
      if (v === 0) continue;
      ctx.flag({
        messageId: 'missingInT01',
        location: t03,
        expected: 0,
        actual: amount(ctx, v),
        differenceUnits: v,
        data: { where: ctx.describe(t03), actual: ctx.money(v), t01: titleOf(ctx, '01'), code: row.code },
        related: ['X-R4', 'T01-R7'],
      });
    }
  },
};
