import type { Rule } from '../../types.js';
import { amount, atMostMessage, titleOf, valueOf } from './shared.js';

const COLUMNS = ['1', '2', '3'];

/**
 * X-R12: 一般公共预算财政拨款支出 is part of all spending, code by code: every code of table 05 with
 * an amount is in table 03, and each of its columns 1–3 (本年支出合计, 基本支出, 项目支出) is at
 * most the same column of table 03. A code printed in table 05 with nothing but zeros is not asked for.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R12',
    title: '一般公共预算支出表各科目不超过支出决算表',
    severity: 'error',
    category: 'accuracy',
    tables: ['05', '03'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T05 的每个科目编码须在 T03 中出现；T05[编码, 栏1…3] ≤ T03[编码, 栏1…3]（本年支出合计、基本支出、项目支出），容差 0.01',
    messages: {
      exceeds: atMostMessage('一般公共预算财政拨款支出只是该科目全部支出的一部分：请核对两表该科目的填列。'),
      missingInT03:
        '{{where}} 为 {{actual}} {{unit}}，但{{t03}}没有 {{code}} 这一科目；一般公共预算财政拨款安排的支出也应列入支出决算表，请补列该科目或核对科目编码。',
    },
  },
  check(ctx) {
    if (!ctx.need('05', '03')) return;
    for (const row of ctx.table('05')?.rows ?? []) {
      if (!row.code) continue;
      if (!ctx.row('03', row.key)) {
        const ref = { table: '05', row: row.key, column: '1' };
        const v = valueOf(ctx, ref) ?? 0;
        const any = COLUMNS.some((column) => (valueOf(ctx, { table: '05', row: row.key, column }) ?? 0) !== 0);
        if (!any) continue;
        ctx.flag({
          messageId: 'missingInT03',
          location: ref,
          expected: 0,
          actual: amount(ctx, v),
          differenceUnits: v,
          data: { where: ctx.describe(ref), actual: ctx.money(v), t03: titleOf(ctx, '03'), code: row.code },
        });
        continue;
      }
      for (const column of COLUMNS) {
        ctx.atMost({
          messageId: 'exceeds',
          actual: { table: '05', row: row.key, column },
          expected: { table: '03', row: row.key, column },
        });
      }
    }
  },
};
