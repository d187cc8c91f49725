import type { Rule } from '../../types.js';
import { amount, classRows, equalMessage, titleOf, valueOf } from './shared.js';

/**
 * X-R11: each class of 财政拨款总表, 一般公共预算 column (栏3) = the 类 row of 一般公共预算财政拨款
 * 支出决算表 (栏1); a non-zero 栏3 needs the 类 row, and a 类 row needs its class in table 04.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R11',
    title: '财政拨款总表一般公共预算各类支出与一般公共预算支出表一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['04', '05'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: '对每一类：T04[该类, 栏3 一般公共预算财政拨款] = T05[类级编码, 栏1 本年支出合计]；T04 栏3 不为 0 时 T05 须有该类行，容差 0.01',
    messages: {
      mismatch: equalMessage('请核对两表该类一般公共预算财政拨款支出的填列。'),
      missingInT05:
        '{{where}} 为 {{actual}} {{unit}}，但{{t05}}没有 {{code}} 类级科目行；一般公共预算财政拨款支出应在该表逐类列示，请补列该类或更正财政拨款收入支出决算总表。',
      missingInT04:
        '{{where}} 为 {{actual}} {{unit}}，但{{t04}}的支出栏没有 {{code}} 这一类；请核对该科目编码是否正确。',
    },
  },
  check(ctx) {
    if (!ctx.need('04', '05')) return;
    const seen = new Set<string>();
    for (const row of classRows(ctx, '04')) {
      const code = row.key.slice(4);
      seen.add(code);
      const t04 = { table: '04', row: row.key, column: '3' };
      if (ctx.row('05', code)) {
        ctx.equal({ messageId: 'mismatch', actual: t04, expected: { table: '05', row: code, column: '1' }, related: ['X-R10'] });
        continue;
      }
      const v = valueOf(ctx, t04);
      if (v === undefined || v === 0) continue;
      ctx.flag({
        messageId: 'missingInT05',
        location: t04,
        expected: 0,
        actual: amount(ctx, v),
        differenceUnits: v,
        data: { where: ctx.describe(t04), actual: ctx.money(v), t05: titleOf(ctx, '05'), code },
        related: ['X-R10'],
      });
    }
    for (const row of ctx.table('05')?.rows ?? []) {
      if (row.code?.length !== 3 || seen.has(row.code)) continue;
      const t05 = { table: '05', row: row.key, column: '1' };
      const v = valueOf(ctx, t05) ?? 0;
      if (v === 0) continue;
      ctx.flag({
        messageId: 'missingInT04',
        location: t05,
        expected: 0,
        actual: amount(ctx, v),
        differenceUnits: v,
        data: { where: ctx.describe(t05), actual: ctx.money(v), t04: titleOf(ctx, '04'), code: row.code },
        related: ['X-R10', 'T01-R7'],
      });
    }
  },
};
