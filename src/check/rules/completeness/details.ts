/**
 * The shared shape of C-R4 … C-R6: a section of the 其他重要事项 (三公, 国有资产, 政府采购) must state
 * some details. A detail is stated when one sentence under the section matches all its patterns.
 * A generated document that lacks a figure prints a 【待填写：…】 marker in its place: a marker naming
 * the detail counts as the detail, present but unfilled — C-R10 reports the marker, not this rule.
 */
import type { Section } from '../../../model/report.js';
import type { RuleContext } from '../../types.js';
import { allSections, isFinalAccounts, KIND_WORD, sentences, spanOf, squeeze, textUnder } from '../narrative.js';
import { MARKER } from './c-r10.js';

export interface Detail {
  key: string;
  /** What must be stated, as the clerk would say it. */
  label: string;
  /** All must match one sentence. */
  all: RegExp[];
  /** Stated in a table instead (e.g. Shanxi 公开10表): a row whose name matches. */
  tableRow?: { table: string; name: RegExp };
  /** A 【待填写：…】 marker whose text matches stands for the detail (present, unfilled: C-R10). */
  unfilled?: RegExp;
}

/** The texts of the 【待填写：…】 markers in a text (empty for a bare 【待填写】). */
export function markerTexts(text: string): string[] {
  return [...text.matchAll(MARKER)].map((m) => squeeze(m[1] ?? ''));
}

/** The top-most sections whose titles match (a 三公 part and its 总体/具体 subsections count once). */
export function sectionsTitled(ctx: RuleContext, title: RegExp): Section[] {
  const all = allSections(ctx.report).filter((s) => !/名词解释/.test(s.title));
  const hits = all.filter((s) => title.test(squeeze(s.title)));
  const inside = new Set<Section>();
  const mark = (s: Section) => s.children.forEach((c) => (inside.add(c), mark(c)));
  hits.forEach(mark);
  return hits.filter((s) => !inside.has(s));
}

/**
 * Run a details rule: not applicable outside 决算 disclosures, insufficient without the section
 * (C-R3 reports a missing section), else one finding per detail not stated.
 */
export function checkDetails(
  ctx: RuleContext,
  options: { title: RegExp; topic: string; details: Detail[]; none?: RegExp; messageId: string },
): void {
  const report = ctx.report;
  if (!isFinalAccounts(report)) {
    ctx.notApplicable(`本文档是${KIND_WORD[report.kind]}，不是决算公开，不适用“${ctx.meta.title}”`);
    return;
  }
  const sections = sectionsTitled(ctx, options.title);
  const tableStates = (d: Detail) =>
    d.tableRow !== undefined && (ctx.table(d.tableRow.table)?.rows.some((r) => d.tableRow!.name.test(squeeze(r.name))) ?? false);
  if (sections.length === 0) {
    if (options.details.some(tableStates)) {
      // No text read at all (the tables alone: a workbook, a report saved without its narrative): what only
      // the text states cannot be looked for, as C-R3 says for the sections.
      const textOnly = options.details.filter((d) => !tableStates(d));
      if (textOnly.length > 0 && allSections(report).length === 0) {
        ctx.insufficient(`文档中没有读到情况说明文字，无法核对${options.topic}是否写明${textOnly.map((d) => d.label).join('、')}`);
        return;
      }
      for (const d of options.details) {
        if (tableStates(d)) continue;
        ctx.flag({ messageId: options.messageId, location: {}, expected: d.label, actual: null, data: { label: d.label, topic: options.topic } });
      }
      return;
    }
    ctx.insufficient(`情况说明中没有找到${options.topic}部分，无法核对其内容（缺少该部分见 C-R3）`);
    return;
  }
  const text = sections.map(textUnder).join('\n');
  if (options.none?.test(text)) return;
  const said = sentences(text.replace(/\n/g, '。'));
  const markers = markerTexts(text);
  const unfilled = (d: Detail) => d.unfilled !== undefined && markers.some((m) => d.unfilled!.test(m));
  for (const d of options.details) {
    if (said.some((s) => d.all.every((re) => re.test(s))) || tableStates(d) || unfilled(d)) continue;
    ctx.flag({
      messageId: options.messageId,
      location: { span: spanOf(sections[0]!) },
      expected: d.label,
      actual: null,
      data: { label: d.label, topic: options.topic },
    });
  }
}
