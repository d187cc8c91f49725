import type { Section } from '../../../model/report.js';
import type { Rule } from '../../types.js';
import { t10Row } from './rows.js';

/** The narrative says the unit has no 机关运行经费 (a 事业单位 not managed under the civil-servant law). */
const NO_RUNNING_COST =
  /非参公|非参照公务员法管理|不属于参照公务员法管理|(?:无|没有|不涉及|不存在)机关运行经费|不在机关运行经费(?:统计|核算)?范围/;

function narrativeStatement(sections: readonly Section[]): string | undefined {
  for (const s of sections) {
    for (const p of s.paragraphs) {
      const m = NO_RUNNING_COST.exec(p.text);
      if (m) {
        // The sentence around the match, to quote it.
        const start = Math.max(0, p.text.lastIndexOf('。', m.index) + 1);
        const end = p.text.indexOf('。', m.index);
        return p.text.slice(start, end < 0 ? undefined : end).trim().slice(0, 60);
      }
    }
    const inner = narrativeStatement(s.children);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * T10-R3 (Shanxi 公开10表): 机关运行经费 = 行政单位 (row 5) + 参照公务员法管理事业单位 (row 6) when the
 * table prints a total; a 事业单位 outside the civil-servant law has none, so both rows must be blank
 * or 0 when the narrative says so; a single unit is one kind or the other, never both.
 */
export const rule: Rule = {
  meta: {
    id: 'T10-R3',
    title: '部门决算公开相关信息统计表 机关运行经费填报口径正确',
    severity: 'error',
    category: 'accuracy',
    tables: ['10'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '机关运行经费 = 行5 行政单位 + 行6 参照公务员法管理事业单位（表中印有合计时核对，容差 env(2)）；情况说明称本单位为非参公事业单位或无机关运行经费时，行5、行6 应为空白或 0；单位决算中两行不应同时有数',
    messages: {
      mismatch:
        '部门决算公开相关信息统计表 机关运行经费“{{name}}” {{actual}} ≠ 行政单位与参照公务员法管理事业单位之和 {{expected}}，相差 {{absDifference}} {{unit}}',
      notExpected:
        '部门决算公开相关信息统计表 机关运行经费“{{name}}”填有 {{actual}} {{unit}}，但情况说明称“{{quote}}”：非参公事业单位没有机关运行经费，应为空白或 0；请核对单位性质或表中数据',
      bothKinds:
        '部门决算公开相关信息统计表 机关运行经费“行政单位” {{admin}} {{unit}}与“参照公务员法管理事业单位” {{civil}} {{unit}}同时有数；单位决算的单位只能属于其中一类，请核对',
    },
  },
  check(ctx) {
    if (!ctx.need('10')) return;
    const table = ctx.table('10')!;
    const admin = t10Row(table, 'administrative');
    const civil = t10Row(table, 'civilServantManaged');
    if (!admin || !civil) {
      ctx.insufficient('部门决算公开相关信息统计表未能读到机关运行经费的行政单位、参照公务员法管理事业单位两行，无法核对', { table: '10' });
      return;
    }
    const at = (key: string) => ({ table: '10', row: key, column: 'amount' });
    const total = t10Row(table, 'runningCostTotal');
    if (total) {
      ctx.sum({ messageId: 'mismatch', total: at(total.key), terms: [at(admin.key), at(civil.key)], termsLabel: '行政单位与参照公务员法管理事业单位之和', data: { name: total.name } });
    }
    const a = ctx.units(at(admin.key)) ?? 0;
    const c = ctx.units(at(civil.key)) ?? 0;
    const quote = narrativeStatement(ctx.report.sections ?? []);
    if (quote !== undefined) {
      for (const [row, v] of [[admin, a], [civil, c]] as const) {
        if (v === 0) continue;
        ctx.flag({
          messageId: 'notExpected',
          location: at(row.key),
          expected: 0,
          actual: v / ctx.scale,
          differenceUnits: v,
          data: { name: row.name, actual: ctx.money(v), quote },
          related: ['N-R10'],
        });
      }
    } else if (ctx.report.scope === 'unit' && a !== 0 && c !== 0) {
      ctx.flag({
        messageId: 'bothKinds',
        location: at(admin.key),
        severity: 'warning',
        expected: null,
        actual: a / ctx.scale,
        data: { admin: ctx.money(a), civil: ctx.money(c) },
      });
    }
  },
};
