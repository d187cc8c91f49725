/**
 * Reading the prose of a document for the textual narrative rules (N-R10, N-R12 … N-R15): paragraphs
 * re-joined across page breaks with the line of every piece kept, sentences with the line where each
 * starts, amounts of money as printed, and the rows of grids that are not standard tables (indicator
 * tables, 管理效率 tables, 自评表).
 */
import { parseAmount, type Amount } from '../../../model/amount.js';
import type { Fact, MoneyUnit, Paragraph, Report, Section, Span } from '../../../model/report.js';
import { bodySections, joinBroken, squeeze } from '../narrative.js';

/** A paragraph (or a grid row) as one piece of text without whitespace. */
export interface ProseUnit {
  /** The text without whitespace; the cells of a row are separated by a tab. */
  text: string;
  /** Where each printed piece starts in `text`, with its span (a paragraph broken by a page break has two). */
  pieces: { at: number; span: Span }[];
  /** Titles (without whitespace) of the section holding the unit and of its ancestors, outermost first. */
  path: string[];
  /** The cells of a grid row (or of a paragraph printed with tabs), without whitespace. */
  cells?: string[];
  /** The grid a row belongs to, to read its header row. */
  grid?: number;
}

/** A sentence (or clause closed by ；, or a cell) of a unit. */
export interface ProseSentence {
  text: string;
  /** Offset of the sentence in its unit's text. */
  at: number;
  unit: ProseUnit;
}

const REFERENCE = /名词解释/;

/** Cells of a text printed with tabs, without whitespace; one cell for ordinary prose. */
function cellsOf(text: string): string[] {
  return text
    .split(/\t+/)
    .map(squeeze)
    .filter((c) => c !== '');
}

function unitOf(pieces: Paragraph[], path: string[]): ProseUnit {
  const out: ProseUnit = { text: '', pieces: [], path };
  const cells: string[] = [];
  let tabbed = false;
  for (const p of pieces) {
    const c = cellsOf(p.text);
    out.pieces.push({ at: out.text.length, span: { ...p.span } });
    cells.push(...c);
    tabbed ||= c.length > 1;
    out.text += c.join('\t');
  }
  // A paragraph printed with tabs is a row of cells; pieces joined across a page break are not.
  if (tabbed) out.cells = cells;
  return out;
}

/**
 * The document's prose in reading order: every section's paragraphs (re-joined across page breaks),
 * outside the 名词解释 (definitions quote amounts and words that are not statements about the unit),
 * then the rows of the grids that are not standard tables (Report.grids). `body` restricts it
 * to the explanatory narrative (情况说明, without 附件 and appended reports).
 */
export function proseUnits(report: Readonly<Report>, options: { body?: boolean } = {}): ProseUnit[] {
  const units: ProseUnit[] = [];
  const body = options.body ? new Set(bodySections(report)) : undefined;
  const walk = (s: Section, path: string[]) => {
    const title = squeeze(s.title);
    if (REFERENCE.test(title)) return;
    const here = [...path, title];
    if (!body || body.has(s)) {
      const originals = s.paragraphs;
      for (const joined of joinBroken(originals)) {
        const pieces = originals.filter((p) => p.span.start >= joined.span.start && p.span.end <= joined.span.end && p.text.trim() !== '');
        units.push(unitOf(pieces.length > 0 ? pieces : [joined], here));
      }
    }
    for (const c of s.children) walk(c, here);
  };
  for (const s of report.sections ?? []) walk(s, []);
  if (options.body) return units;
  (report.grids ?? []).forEach((g, gi) => {
    for (const row of g.rows) {
      const cells = row.cells.map(squeeze);
      units.push({ text: cells.join('\t'), pieces: [{ at: 0, span: { ...row.span, line: row.span.line ?? row.line } }], path: [], cells, grid: gi });
    }
  });
  return units;
}

/** The sentences of a unit: split at 。；！？ and between cells. */
export function sentencesOf(unit: ProseUnit): ProseSentence[] {
  const out: ProseSentence[] = [];
  const re = /[^。；;！!？?\t]+/g;
  for (let m = re.exec(unit.text); m; m = re.exec(unit.text)) out.push({ text: m[0], at: m.index, unit });
  return out;
}

/** Every sentence of the units, in order. */
export function allSentences(units: readonly ProseUnit[]): ProseSentence[] {
  return units.flatMap(sentencesOf);
}

/** The span of the printed piece holding position `at` of a unit's text. */
export function spanAt(unit: ProseUnit, at = 0): Span {
  let piece = unit.pieces[0]!;
  for (const p of unit.pieces) if (p.at <= at) piece = p;
  return { ...piece.span };
}

/**
 * The span of the fact printed as `needle` inside the piece holding position `at`, for a finding that
 * points at the amount itself; the piece's span when no fact matches.
 */
export function spanOfText(report: Readonly<Report>, unit: ProseUnit, at: number, needle: string): Span {
  const piece = spanAt(unit, at);
  const fact = (report.facts ?? []).find((f: Fact) => f.span.start >= piece.start && f.span.end <= piece.end && squeeze(f.text) === needle);
  return fact ? { ...fact.span } : piece;
}

/** A number as printed: 2,169.36 / 1677.2 / 0 (no sign: direction words carry it). */
export const NUMBER = String.raw`(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?`;

/** An amount of money printed in a text without whitespace. */
export interface MoneyMention {
  /** Number and unit as printed (`2,169.36万元`). */
  text: string;
  number: string;
  amount: Amount;
  unit: MoneyUnit;
  /** Offset in the text searched. */
  at: number;
  end: number;
}

/** The amounts of money (亿元 / 万元 / 元) in a text without whitespace, in order. */
export function moneyIn(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  const re = new RegExp(`(?<![\\d.])(${NUMBER})(亿元|万元|元)`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const amount = parseAmount(m[1]!.replace(/，/g, ','));
    if (amount) out.push({ text: m[0], number: m[1]!, amount, unit: m[2] as MoneyUnit, at: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The Chinese words printed right before position `at` (the noun an amount belongs to), at most `n` characters. */
export function nounBefore(text: string, at: number, n = 14): string {
  const m = /[\u4e00-\u9fff]+$/.exec(text.slice(Math.max(0, at - n), at).replace(/[\d.,，]+$/, ''));
  return m ? m[0].replace(/^(?:其中|包括|分别为|以及|和|及)/, '') : '';
}

/** True when an Amount is zero. */
export function isZero(a: Amount): boolean {
  return a.units === 0;
}
