/**
 * Reading the narrative (Report.sections) for the label and completeness rules: sections found by
 * their titles, the text under a section, paragraphs re-joined across page breaks, sentences, the
 * tables a document lists, and the template family a document follows.
 */
import type { Paragraph, Report, Section, Span, TemplateFamily } from '../../model/report.js';
import { matchTitle } from '../../recognise/index.js';

/** No whitespace at all: the seeds put spaces around numbers (`16 批次，245 人次`). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Every section in document order. */
export function allSections(report: Readonly<Report>): Section[] {
  const out: Section[] = [];
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(report.sections ?? []);
  return out;
}

/** The first section whose title (without spaces) matches. */
export function findSection(report: Readonly<Report>, title: RegExp, where: (s: Section) => boolean = () => true): Section | undefined {
  return allSections(report).find((s) => title.test(squeeze(s.title)) && where(s));
}

/** A section's own paragraphs and those of its subsections, in document order. */
export function paragraphsUnder(section: Section): Paragraph[] {
  return [...section.paragraphs, ...section.children.flatMap(paragraphsUnder)];
}

/** The text under a section (titles of subsections included), without whitespace, one line per paragraph. */
export function textUnder(section: Section): string {
  const parts: string[] = [];
  const walk = (s: Section) => {
    for (const p of s.paragraphs) parts.push(squeeze(p.text));
    for (const c of s.children) {
      parts.push(squeeze(c.title));
      walk(c);
    }
  };
  walk(section);
  return parts.join('\n');
}

export function spanOf(x: { span: Span }): Span {
  return { ...x.span };
}

/** Parts of a document that are reference material, not the 情况说明: 名词解释, 附件, 附表. */
const REFERENCE = /名词解释|^附件|^附表/;

/**
 * The sections of the explanatory narrative: everything outside 名词解释 / 附件 / 附表, and outside
 * the evaluation reports a document appends after its 附件 part (top-level sections after it).
 */
export function bodySections(report: Readonly<Report>): Section[] {
  const out: Section[] = [];
  let inAppendix = false;
  for (const top of report.sections ?? []) {
    if (/^(?:附件|附表)/.test(squeeze(top.title))) inAppendix = true;
    if (inAppendix) continue;
    const walk = (s: Section) => {
      if (REFERENCE.test(squeeze(s.title))) return;
      out.push(s);
      s.children.forEach(walk);
    };
    walk(top);
  }
  return out;
}

/** The paragraphs of the explanatory narrative (see bodySections), in document order. */
export function bodyParagraphs(report: Readonly<Report>): Paragraph[] {
  return bodySections(report).flatMap((s) => s.paragraphs);
}

/** Sentences (and clauses closed by ；) of a text without whitespace. */
export function sentences(text: string): string[] {
  return squeeze(text)
    .split(/[。；;！!？?]/)
    .filter((s) => s !== '');
}

const CLOSED = /[。；;：:！!？?）)”」』]$/;
const NUMBERED = /^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|项目[一二三四五六七八九十百\d]+[、.．]|第[一二三四五六七八九十]+)/;

/**
 * Paragraphs as written: a paragraph broken by a page break is joined to the next. It is broken when
 * it ends mid-sentence and the next one does not start a numbered item, and either it is a long line
 * of text or the next piece is a short tail that closes it (`…工作经` + `费：`); two short unclosed
 * lines are two titles, not one. The span runs from the first piece to the last.
 */
export function joinBroken(paragraphs: readonly Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    const text = p.text.trim();
    const broken = prev !== undefined && !CLOSED.test(prev.text.trim()) && !NUMBERED.test(text) && text !== '';
    if (broken && (squeeze(prev.text).length >= 40 || (squeeze(text).length <= 6 && CLOSED.test(text)))) {
      out[out.length - 1] = { text: prev.text.trimEnd() + text, span: { ...prev.span, end: p.span.end } };
    } else out.push({ text, span: { ...p.span } });
  }
  return out;
}

/** The standard tables a document lists by title in its own sections (e.g. a 第五部分 附表 list). */
export function listedTables(report: Readonly<Report>): { ids: string[]; sections: Section[] } {
  const ids: string[] = [];
  const sections: Section[] = [];
  for (const s of allSections(report)) {
    const m = matchTitle(s.title);
    if (!m || ids.includes(m.id)) continue;
    ids.push(m.id);
    sections.push(s);
  }
  return { ids, sections };
}

/** The template family of the tables, else of the tables the document lists, else null. */
export function templateOf(report: Readonly<Report>): TemplateFamily | null {
  if (report.template) return report.template;
  const { ids } = listedTables(report);
  if (ids.some((id) => id.startsWith('sc-'))) return 'sc';
  if (ids.includes('10')) return 'sx';
  if (ids.length > 0) return 'gd';
  return null;
}

/** The top-level part holding the 情况说明, to point at when a piece of it is missing. */
export function explanationPart(report: Readonly<Report>): Section | undefined {
  return (report.sections ?? []).find((s) => /情况说明/.test(squeeze(s.title))) ?? findSection(report, /情况说明/);
}

/** Levenshtein distance, for telling a misprint from a different name. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** True when `short` is `long` with some characters left out (a shortened name). */
export function isAbbreviation(short: string, long: string): boolean {
  if (short.length >= long.length || short.length < 2) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length && short[0] === long[0];
}

/** Names compared as printed, but without spaces and with one form of brackets and quotes. */
export function nameKey(name: string): string {
  return squeeze(name)
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[“”"‘’']/g, '');
}

/** Kind of the document: completeness rules judge 决算 disclosures only. */
export function isFinalAccounts(report: Readonly<Report>): boolean {
  return report.kind === 'final-accounts';
}

export const KIND_WORD: Record<Report['kind'], string> = {
  'final-accounts': '决算公开',
  budget: '预算公开',
  'performance-evaluation': '绩效评价报告',
};
