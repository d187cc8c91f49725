import type { Table } from '../../../model/report.js';
import type { Rule } from '../../types.js';
import { nameKey } from './shared.js';

const TABLES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'];

/** The most frequent value (ties: the first printed); undefined when there is none. */
function majority<T>(values: T[], key: (v: T) => string): T | undefined {
  const counts = new Map<string, { value: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { value: v, n: 1 });
  }
  let best: { value: T; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.value;
}

/**
 * X-R22: every table's header shows the same entity, year and money unit. The header is what the
 * table prints above its grid (单位：/部门：/部门名称： line, `2023年度`, 单位：万元), read into
 * `table.header`; a table that prints no such line is not judged on it (Guangdong tables print no
 * year). The entity is compared with the name most tables print (spaces and brackets normalised),
 * the year with the year the document reports (its title), the unit with the document's money unit.
 * Rows are not read, so a table read only in part is judged like any other.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R22',
    title: '各表表头的单位名称、年度和金额单位一致',
    severity: 'warning',
    category: 'accuracy',
    tables: TABLES,
    crossTable: true,
    tolerance: { kind: 'none' },
    source: 'rules.md §2.2 [SEED]; §1.2（表头：单位/部门名称、年度、金额单位）',
    doc: '各表表头的单位（部门）名称与多数表相同；表头年度 = 报告年度；表头金额单位 = 全套报表的金额单位',
    messages: {
      entity:
        '{{table}}表头的单位名称为“{{actual}}”，其他各表为“{{expected}}”；同一套决算表应属同一单位，请核对该表是否取自其他单位（或下属单位）的报表。',
      year: '{{table}}表头的年度为 {{actual}} 年度，本报告是 {{expected}} 年度决算；请核对该表是否误用了其他年度的报表。',
      unit: '{{table}}表头的金额单位为“{{actual}}”，全套报表为“{{expected}}”；请统一金额单位，并核对该表数字是否按同一单位填列。',
    },
  },
  check(ctx) {
    const tables = ctx.report.tables.filter((t) => TABLES.includes(t.id));
    if (tables.length === 0) {
      ctx.notApplicable(`文档中没有决算表，不适用“${ctx.meta.title}”`);
      return;
    }
    const withHeader = tables.filter((t) => t.header && (t.header.entity || t.header.year || t.header.unit));
    if (withHeader.length === 0) {
      ctx.insufficient(`各表未读到表头的单位名称、年度或金额单位，无法核对“${ctx.meta.title}”`);
      return;
    }
    const label = (t: Table) => `${t.title}（表${t.id}）`;

    const named = withHeader.filter((t) => t.header!.entity);
    const entity = majority(
      named.map((t) => t.header!.entity!),
      nameKey,
    );
    if (entity !== undefined) {
      for (const t of named) {
        if (nameKey(t.header!.entity!) === nameKey(entity)) continue;
        ctx.flag({
          messageId: 'entity',
          location: { table: t.id },
          expected: entity,
          actual: t.header!.entity!,
          data: { table: label(t), actual: t.header!.entity!, expected: entity },
        });
      }
    }

    const dated = withHeader.filter((t) => t.header!.year !== undefined);
    const year = ctx.report.year || majority(dated.map((t) => t.header!.year!), String);
    if (year) {
      for (const t of dated) {
        if (t.header!.year === year) continue;
        ctx.flag({
          messageId: 'year',
          location: { table: t.id },
          expected: year,
          actual: t.header!.year!,
          data: { table: label(t), actual: t.header!.year!, expected: year },
        });
      }
    }

    const united = withHeader.filter((t) => t.header!.unit);
    const unit = ctx.report.moneyUnit || majority(united.map((t) => t.header!.unit!), String);
    for (const t of united) {
      if (t.header!.unit === unit) continue;
      ctx.flag({
        messageId: 'unit',
        location: { table: t.id },
        expected: unit,
        actual: t.header!.unit!,
        data: { table: label(t), actual: t.header!.unit!, expected: unit },
      });
    }
  },
};
