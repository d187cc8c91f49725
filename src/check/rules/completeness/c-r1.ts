import type { Section, TemplateFamily } from '../../../model/report.js';
import { TABLE_TITLES } from '../../../recognise/index.js';
import type { Rule } from '../../types.js';
import { isFinalAccounts, KIND_WORD, listedTables, spanOf, squeeze, templateOf } from '../narrative.js';

const NATIONAL = ['01', '02', '03', '04', '05', '06', '07', '08', '09'];
/** The table set of each template family, in printed order (rules.md §1.1). */
export const TABLE_SETS: Record<TemplateFamily, string[]> = {
  gd: NATIONAL,
  sx: [...NATIONAL, '10'],
  sc: ['01', '02', '03', '04', 'sc-fiscal-detail', '05', 'sc-gpb-detail', '06', 'sc-gpb-project', '07', 'sc-state-capital', '08', '09'],
};

const FAMILY_WORD: Record<TemplateFamily, string> = { gd: '全国通用（广东）模板', sx: '山西模板', sc: '四川模板' };

/** Titles accepted for a table: the current national name; table 06 also without 明细 (Sichuan 2023). */
const ACCEPTED: Record<string, string[]> = Object.fromEntries(
  TABLE_TITLES.map((t) => [t.id, t.id === '06' ? [t.name, '一般公共预算财政拨款基本支出决算表'] : [t.name]]),
);
const NAME = Object.fromEntries(TABLE_TITLES.map((t) => [t.id, t.name]));
/** Older or local titles of a table (一般公共预算财政拨款“三公”经费支出决算表 of 2020–2021 …). */
const OTHER = Object.fromEntries(TABLE_TITLES.map((t) => [t.id, t.aliases.filter((a) => !ACCEPTED[t.id]!.some((n) => titleKey(n) === titleKey(a)))]));

function titleKey(text: string): string {
  return squeeze(text).replace(/[“”"‘’'（）()《》]/g, '');
}

/**
 * C-R1: the template's table set is present (9 national/Guangdong, 10 Shanxi, 13 Sichuan), in order
 * and under the current titles. The template is the one the tables follow, else the one of the
 * tables the document lists in its own sections (seed 004 lists 13 附表 and prints none), else
 * the national set. A document without any table body gets one error; a set with gaps one error per
 * missing table; tables out of order or under an old title a warning.
 * Only for 决算 disclosures: a performance evaluation or a budget is not applicable.
 */
export const rule: Rule = {
  meta: {
    id: 'C-R1',
    title: '决算公开表格齐全',
    severity: 'error',
    category: 'completeness',
    tables: [...new Set(Object.values(TABLE_SETS).flat())],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.6, §1.1, §6.1 [SRC 1, 2; SEED]',
    doc: '按模板核对决算表是否齐全：全国通用/广东 9 张，山西 10 张（加公开10表），四川 13 张。一张表体也没有时报一条错误（如只列出附表目录）；缺表逐张报错误；顺序不对或使用旧表名报警告。只适用于决算公开文档。',
    messages: {
      no_tables: '文档列出的{{listed}}没有表体，文本中未读到任何决算表{{hint}}',
      missing: '缺少“{{name}}”（{{family}}应公开{{count}}张决算表）',
      order: '决算表的顺序与{{family}}不一致：应为 {{expected}}，文档为 {{actual}}',
      title: '表{{id}}的表名为“{{actual}}”，现行表名为“{{expected}}”',
    },
  },
  check(ctx) {
    const report = ctx.report;
    if (!isFinalAccounts(report)) {
      ctx.notApplicable(`本文档是${KIND_WORD[report.kind]}，不是决算公开，不适用“${ctx.meta.title}”`);
      return;
    }
    const family = templateOf(report) ?? 'gd';
    const expected = TABLE_SETS[family];
    const present = new Set(report.tables.map((t) => t.id));
    if (report.tables.length === 0) {
      const listed = listedTables(report);
      const parent = listed.sections.length > 0 ? parentOf(report.sections, listed.sections[0]!) : undefined;
      ctx.flag({
        messageId: 'no_tables',
        location: parent ? { span: spanOf(parent) } : listed.sections[0] ? { span: spanOf(listed.sections[0]) } : {},
        expected: expected.length,
        actual: 0,
        data: {
          listed: listed.ids.length > 0 ? `${listed.ids.length}张附表` : `${FAMILY_WORD[family]}${expected.length}张决算表`,
          hint: '；附表如为单独的附件（xls、pdf），请一并导入后再检查',
        },
      });
      return;
    }
    for (const id of expected) {
      if (present.has(id)) continue;
      ctx.flag({
        messageId: 'missing',
        location: { table: id },
        expected: NAME[id] ?? id,
        actual: null,
        data: { name: NAME[id] ?? id, family: FAMILY_WORD[family], count: expected.length },
      });
    }
    const printed = [...report.tables].sort((a, b) => a.source.line - b.source.line).map((t) => t.id).filter((id) => expected.includes(id));
    const ordered = expected.filter((id) => printed.includes(id));
    if (printed.join() !== ordered.join()) {
      ctx.flag({
        messageId: 'order',
        severity: 'warning',
        location: {},
        expected: ordered.join(','),
        actual: printed.join(','),
        data: { family: FAMILY_WORD[family], expected: ordered.join('、'), actual: printed.join('、') },
      });
    }
    for (const t of report.tables) {
      const accepted = ACCEPTED[t.id];
      if (!accepted || !expected.includes(t.id)) continue;
      // The title may carry the entity or year around the name, but not an older name holding it.
      const key = titleKey(t.title);
      const hit = accepted.find((a) => key.includes(titleKey(a)));
      const older = (OTHER[t.id] ?? []).some((a) => key.includes(titleKey(a)) && (!hit || titleKey(a).length > titleKey(hit).length));
      if (hit && !older) continue;
      ctx.flag({
        messageId: 'title',
        severity: 'warning',
        location: { table: t.id },
        expected: accepted[0]!,
        actual: t.title,
        data: { id: t.id, actual: t.title, expected: accepted[0]! },
      });
    }
  },
};

function parentOf(roots: readonly Section[], child: Section): Section | undefined {
  for (const s of roots) {
    if (s.children.includes(child)) return s;
    const deeper = parentOf(s.children, child);
    if (deeper) return deeper;
  }
  return undefined;
}
