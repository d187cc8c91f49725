/**
 * N-R7 (rules.md §2.4): parts the narrative enumerates add up to the total it states, and a count it
 * states (`共34个项目`) matches the names it lists. Also the sum machinery N-R9 (三公) and N-R11 (政府采购)
 * use for their own decompositions: the narrative read as blocks of text with their facts, and a sum of
 * n displayed terms against a displayed total with the rounding envelope of §3.
 */
import type { Fact, MoneyUnit, Paragraph, Report, Section, Span } from '../../../model/report.js';
import { formatRational, halfUnitAt, rat, ratAbs, ratAdd, ratCmp, ratMul, ratSub, type Money, type Rational } from '../../narrative/interval.js';
import type { Rule, RuleContext } from '../../types.js';
import { allSections, editDistance, joinBroken, nameKey, squeeze } from '../narrative.js';
import { amountOf, factsOf, isMoneyUnit } from './shared.js';

// ---------------------------------------------------------------------------------------------
// The narrative as blocks of text with their facts
// ---------------------------------------------------------------------------------------------

/** One printed paragraph inside a block: where its text starts in the block and in the source. */
interface Piece {
  /** Index of the piece's first character in the block's text. */
  offset: number;
  /** Source offset of that character. */
  source: number;
  length: number;
  line: number | undefined;
  text: string;
}

/** A fact inside a block, at a local index of the block's text. */
export interface Located {
  fact: Fact;
  at: number;
  end: number;
  block: TextBlock;
}

/**
 * A paragraph as written: the printed paragraphs a page break split are joined (joinBroken), and the
 * pieces are kept so that a position in the text maps back to the source line.
 */
export interface TextBlock {
  text: string;
  span: Span;
  section: Section;
  pieces: Piece[];
  facts: Located[];
}

/** Sections whose amounts are reference text, not statements: 名词解释. */
const REFERENCE_TITLE = /名词解释/;

/** Every section with statements (the 情况说明 and the appended reports), without 名词解释. */
export function statementSections(report: Readonly<Report>): Section[] {
  const out: Section[] = [];
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      if (REFERENCE_TITLE.test(squeeze(s.title))) continue;
      out.push(s);
      walk(s.children);
    }
  };
  walk(report.sections ?? []);
  return out;
}

function piecesOf(paragraphs: readonly Paragraph[]): { text: string; pieces: Piece[] } {
  let text = '';
  const pieces: Piece[] = [];
  for (const p of paragraphs) {
    const lead = p.text.length - p.text.trimStart().length;
    const t = p.text.trim();
    text = text.trimEnd();
    pieces.push({ offset: text.length, source: p.span.start + lead, length: t.length, line: p.span.line, text: t });
    text += t;
  }
  return { text, pieces };
}

/** The blocks of one section's own paragraphs, each with the facts printed in it (facts sorted by position). */
export function blocksOf(section: Section, facts: readonly Fact[]): TextBlock[] {
  const paragraphs = section.paragraphs;
  let next = 0;
  let nextFact = 0;
  return joinBroken(paragraphs).map((joined) => {
    // The printed paragraphs the joined one is made of: consecutive, in order.
    const own: Paragraph[] = [];
    while (next < paragraphs.length && paragraphs[next]!.span.start < joined.span.start) next++;
    while (next < paragraphs.length && paragraphs[next]!.span.end <= joined.span.end) own.push(paragraphs[next++]!);
    const { text, pieces } = piecesOf(own.length > 0 ? own : [joined]);
    const block: TextBlock = { text, span: { ...joined.span }, section, pieces, facts: [] };
    while (nextFact < facts.length && facts[nextFact]!.span.start < joined.span.start) nextFact++;
    for (let i = nextFact; i < facts.length && facts[i]!.span.start < joined.span.end; i++) {
      const f = facts[i]!;
      const piece = pieces.find((pc) => f.span.start >= pc.source && f.span.start < pc.source + pc.length);
      if (!piece) continue;
      const at = placeIn(text, f, piece.offset + (f.span.start - piece.source));
      block.facts.push({ fact: f, at, end: at + (f.span.end - f.span.start), block });
    }
    addUnreadAmounts(block);
    block.facts.sort((a, b) => a.at - b.at);
    return block;
  });
}

/**
 * Where a fact's number stands in the block's text. The source offset gives it directly when the
 * paragraph's text is its source slice; a reader that joined wrapped lines (or dropped markup) shifts
 * it by a few characters, so the number is looked for near that estimate, nearest first.
 */
function placeIn(text: string, f: Fact, estimate: number): number {
  const number = /^[\d,，.]+/.exec(f.text)?.[0];
  if (!number || text.startsWith(number, estimate)) return estimate;
  for (let d = 1; d <= 60; d++) {
    if (text.startsWith(number, estimate - d)) return estimate - d;
    if (text.startsWith(number, estimate + d)) return estimate + d;
  }
  return estimate;
}

const MONEY_TEXT = /(?<![\d.])(\d[\d,，]*(?:\.\d+)?)\s*(万元|亿元|元)/g;
const CHANGE_WORDS = /增加|减少|增长|下降|节约|超支|持平/;

/**
 * Amounts printed in the block that no fact covers (the reader of facts may take `资金实际下达100万元` for
 * part of a project name): read here as statements of the current year, or as changes after 增加/减少, so
 * that a list is never summed without one of its items. They carry no link.
 */
function addUnreadAmounts(block: TextBlock): void {
  for (const m of block.text.matchAll(MONEY_TEXT)) {
    const at = m.index;
    const end = at + m[0].length;
    if (block.facts.some((l) => l.at < end && at < l.end)) continue;
    const clauseStart = lastIndexMatching(block.text, /[，,；;：:。！？、]/, at) + 1;
    const change = CHANGE_WORDS.test(block.text.slice(clauseStart, at));
    const value = Number(m[1]!.replace(/[,，]/g, ''));
    const span = spanAt(block, at, end);
    const fact: Fact = { subject: '', basis: 'current', measure: change ? 'change' : 'amount', value, unit: m[2]!, text: m[0], span };
    block.facts.push({ fact, at, end, block });
  }
}

const blockCache = new WeakMap<object, TextBlock[][]>();

/** Every block of the statement sections, section by section (a list never runs across sections). Read once per report. */
export function documentBlocks(report: Readonly<Report>): TextBlock[][] {
  const hit = blockCache.get(report);
  if (hit) return hit;
  const facts = [...factsOf(report)].sort((a, b) => a.span.start - b.span.start);
  const blocks = statementSections(report).map((s) => {
    if (s.paragraphs.length === 0) return [];
    const from = s.paragraphs[0]!.span.start;
    const to = s.paragraphs[s.paragraphs.length - 1]!.span.end;
    return blocksOf(s, facts.filter((f) => f.span.start >= from && f.span.start < to));
  });
  blockCache.set(report, blocks);
  return blocks;
}

/** The source span of the block text from `from` to `to` (local indices), with its line. */
export function spanAt(block: TextBlock, from: number, to: number = from + 1): Span {
  const piece = [...block.pieces].reverse().find((p) => p.offset <= from) ?? block.pieces[0]!;
  const inside = Math.max(0, from - piece.offset);
  const start = piece.source + inside;
  const line = piece.line === undefined ? undefined : piece.line + (piece.text.slice(0, inside).match(/\n/g)?.length ?? 0);
  return { start, end: start + Math.max(1, to - from), ...(line !== undefined ? { line } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Money facts and sums with the rounding envelope
// ---------------------------------------------------------------------------------------------

const UNIT_EXP: Record<MoneyUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/** A fact that states an amount of money with its unit; undefined for a number printed without unit (N-R13's). */
export function statedMoney(f: Fact): Money | undefined {
  if (f.measure !== 'amount' || f.value === null || !isMoneyUnit(f.unit)) return undefined;
  const a = amountOf(f);
  return a ? { ...a, unit: f.unit } : undefined;
}

/** An amount of money as an exact rational in `unit`. */
export function inUnit(m: Money, unit: MoneyUnit): Rational {
  const shift = UNIT_EXP[m.unit] - UNIT_EXP[unit];
  const base = rat(BigInt(m.units), 10n ** BigInt(m.scale));
  return shift >= 0 ? ratMul(base, rat(10n ** BigInt(shift))) : ratMul(base, rat(1n, 10n ** BigInt(-shift)));
}

/** ±half a unit of the printed precision, at least 2 decimals (narratives drop trailing zeros, §3), in `unit`. */
export function halfIn(m: Money, unit: MoneyUnit): Rational {
  const shift = UNIT_EXP[m.unit] - UNIT_EXP[unit];
  const h = halfUnitAt(Math.max(m.scale, 2));
  return shift >= 0 ? ratMul(h, rat(10n ** BigInt(shift))) : ratMul(h, rat(1n, 10n ** BigInt(-shift)));
}

export interface SumCheck {
  status: 'pass' | 'round' | 'fail';
  unit: MoneyUnit;
  total: Rational;
  sum: Rational;
  /** total − Σ parts. */
  delta: Rational;
  tolerance: Rational;
  /** Decimals to print the values with. */
  decimals: number;
}

/**
 * A displayed total against the sum of n displayed parts (rules.md §3): equal is pass; within the
 * envelope — half a unit of every displayed value, 0.005 × (n + 1) for 2-decimal 万元 — is round (尾数误差);
 * beyond it fail. The rule's configured tolerance replaces the envelope when it is absolute or exact.
 */
export function checkSum(ctx: RuleContext, total: Money, parts: readonly Money[]): SumCheck {
  const unit = total.unit;
  const t = inUnit(total, unit);
  const sum = parts.reduce((acc, p) => ratAdd(acc, inUnit(p, unit)), rat(0n));
  const delta = ratSub(t, sum);
  const tol = ctx.meta.tolerance;
  const tolerance =
    tol.kind === 'absolute'
      ? rat(BigInt(Math.round(tol.value * 1e6)), 1000000n)
      : tol.kind === 'exact'
        ? rat(0n)
        : [total, ...parts].reduce((acc, m) => ratAdd(acc, halfIn(m, unit)), rat(0n));
  const status = delta.num === 0n ? 'pass' : ratCmp(ratAbs(delta), tolerance) <= 0 ? 'round' : 'fail';
  const decimals = Math.min(4, Math.max(2, ...[total, ...parts].filter((m) => m.units !== 0).map((m) => m.scale + Math.max(0, UNIT_EXP[unit] - UNIT_EXP[m.unit]))));
  return { status, unit, total: t, sum, delta, tolerance, decimals };
}

/** A rational for a message: at most `decimals` decimals, trailing zeros beyond 2 dropped. */
export function printRational(r: Rational, decimals: number): string {
  const s = formatRational(r, decimals);
  return s.includes('.') ? s.replace(/(\.\d{2}\d*?)0+$/, '$1') : s;
}

/** A rational as a JSON number for expected/actual (display only). */
export function numberOfRational(r: Rational, decimals: number): number {
  return Number(printRational(r, decimals).replace(/,/g, ''));
}

/** How a fact is named in a message: the words the narrative used, else its subject. */
export function labelOf(f: Fact): string {
  const words = f.phrase && f.phrase !== '' ? f.phrase : f.subject;
  return words !== '' ? words : '所述金额';
}

/** The terms of a sum for a message: all of them when few, else the count. */
export function termsText(parts: readonly { fact: Fact }[]): string {
  if (parts.length <= 6) return parts.map((p) => p.fact.text.replace(/\s+/g, '')).join(' + ');
  return `${parts
    .slice(0, 3)
    .map((p) => p.fact.text.replace(/\s+/g, ''))
    .join(' + ')} + … 共${parts.length}项`;
}

export interface SumFindingInput {
  messageId: string;
  roundMessageId: string;
  total: Located | { fact: Fact };
  parts: readonly { fact: Fact }[];
  check: SumCheck;
  data?: Record<string, string | number>;
}

/** Report a sum verdict: nothing on pass; info for 尾数误差; the rule's severity for a failure. */
export function flagSum(ctx: RuleContext, input: SumFindingInput): void {
  const { check } = input;
  if (check.status === 'pass') return;
  const f = input.total.fact;
  const scaleFactor = ctx.unit === check.unit ? ctx.scale : undefined;
  const toUnitsOf = (r: Rational) => (scaleFactor === undefined ? undefined : (Number(r.num) * scaleFactor) / Number(r.den));
  const diff = toUnitsOf(check.delta);
  const tol = toUnitsOf(check.tolerance);
  const round = check.status === 'round';
  ctx.flag({
    messageId: round ? input.roundMessageId : input.messageId,
    status: round ? 'round' : 'fail',
    location: { span: { ...f.span } },
    expected: numberOfRational(check.sum, check.decimals),
    actual: numberOfRational(check.total, check.decimals),
    ...(diff !== undefined ? { differenceUnits: Math.round(diff) } : {}),
    ...(tol !== undefined ? { toleranceUnits: tol } : {}),
    data: {
      line: f.span.line ?? '',
      what: labelOf(f),
      // The total as printed (`3030.4万元`), the sum at the precision of the terms.
      total: /万元|亿元|元/.test(f.text) ? f.text.replace(/\s+/g, '') : `${printRational(check.total, check.decimals)}${check.unit}`,
      sum: `${printRational(check.sum, check.decimals)}${check.unit}`,
      n: input.parts.length,
      terms: termsText(input.parts),
      difference: `${printRational(ratAbs(check.delta), check.decimals)}${check.unit}`,
      ...(input.data ?? {}),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

/** Decompositions other rules own: 三公 (N-R9) and 政府采购 (N-R11). */
const OWNED_ELSEWHERE = /三公|公务用车购置及运行(?:维护)?费|政府采购|采购支出总额/;

interface Enumeration {
  /** closing: `…，资金合计 T`; list: `T，其中：…` / `T，具体内容包括：(1)…(n)`. */
  kind: 'closing' | 'list';
  /** A declared complete list (合计, 如下, 包括) fails when short; a `其中` list may name only some parts. */
  complete: boolean;
  total: Located;
  parts: Located[];
}

const SENTENCE_END = /[。！？!?]/;
const CLAUSE_END = /[，,；;：:。！？!?、]/;

function lastIndexMatching(text: string, re: RegExp, before: number): number {
  for (let i = Math.min(before, text.length) - 1; i >= 0; i--) if (re.test(text[i]!)) return i;
  return -1;
}

function firstIndexMatching(text: string, re: RegExp, from: number): number {
  for (let i = from; i < text.length; i++) if (re.test(text[i]!)) return i;
  return text.length;
}

/** The money facts of a block between two local indices. */
function moneyIn(block: TextBlock, from: number, to: number): Located[] {
  return block.facts.filter((l) => l.at >= from && l.at < to && l.fact.measure === 'amount' && l.fact.value !== null);
}

/** One part per item: the first amount of each segment (the rest of a segment is its own detail). Separators inside brackets do not count. */
function firstPerSegment(block: TextBlock, from: number, to: number, separators: RegExp): Located[] {
  const out: Located[] = [];
  let start = from;
  let depth = 0;
  for (let i = from; i <= to; i++) {
    const ch = block.text[i];
    if (i < to && /[（(]/.test(ch!)) depth++;
    else if (i < to && /[）)]/.test(ch!)) depth = Math.max(0, depth - 1);
    if (i === to || (depth === 0 && separators.test(ch!))) {
      const first = moneyIn(block, start, i)[0];
      if (first) out.push(first);
      start = i + 1;
    }
  }
  return out;
}

/** The index of the bracket that closes one opened before `from`, or the text's end. */
function closingBracket(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (/[（(]/.test(text[i]!)) depth++;
    else if (/[）)]/.test(text[i]!)) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return text.length;
}

/** `…A a，B b，C c，资金合计 T`: a total that closes the sentence's list of amounts. */
function closingTotals(block: TextBlock): Enumeration[] {
  const out: Enumeration[] = [];
  for (const l of moneyIn(block, 0, block.text.length)) {
    const clauseStart = lastIndexMatching(block.text, CLAUSE_END, l.at) + 1;
    const clause = block.text.slice(clauseStart, l.at);
    if (!/合计|共计|总计|累计/.test(clause) || /其中/.test(clause)) continue;
    const sentenceStart = lastIndexMatching(block.text, SENTENCE_END, l.at) + 1;
    if (/其中/.test(block.text.slice(sentenceStart, l.at))) continue;
    const parts = firstPerSegment(block, sentenceStart, clauseStart, /[，,；;、]/);
    if (parts.length >= 2) out.push({ kind: 'closing', complete: true, total: l, parts });
  }
  return out;
}

/** `其中：`, `本年收入中：`, `主要用于以下方面：`, `具体内容包括：`, `如下：`. */
const MARKER = /其\s*中\s*[：:，,]?|([\u4e00-\u9fa5]{2,8}?)中\s*[：:]|主要用于以下(?:几个)?方面\s*[：:]|(?:具体(?:内容|情况)?|明细)?(?:包括|如下)\s*[：:]/g;
const NUMBERED = /^\s*(?:[(（]\s*\d+\s*[)）]|\d+\s*[.．、](?!\d)|[①-⑳])/;

function numberingStyle(text: string): string | undefined {
  const m = NUMBERED.exec(text);
  if (!m) return undefined;
  return /[(（]/.test(m[0]) ? 'paren' : /[①-⑳]/.test(m[0]) ? 'circled' : 'dot';
}

/** A block that starts with an amount in its first clause (`基本支出288.68万元，占比67.10%；`). */
function startsWithAmount(block: TextBlock): Located | undefined {
  const clauseEnd = firstIndexMatching(block.text, /[，,；;：:。]/, 0);
  return moneyIn(block, 0, clauseEnd)[0];
}

/** A clause that names a total. */
const TOTAL_WORD = /总计|合计|共计/;

/** The total a marker refers to, or undefined when the text does not say it plainly. */
function totalBefore(blocks: TextBlock[], index: number, at: number, noun: string | undefined): Located | undefined {
  const block = blocks[index]!;
  if (noun) {
    // `本年收入中：` names its total: the nearest earlier amount of that name.
    for (let j = index; j >= Math.max(0, index - 1); j--) {
      const candidates = moneyIn(blocks[j]!, 0, j === index ? at : blocks[j]!.text.length).reverse();
      const hit = candidates.find((l) => [l.fact.phrase ?? '', l.fact.subject].some((s) => s !== '' && (squeeze(s).includes(noun) || noun.includes(squeeze(s)))));
      if (hit) return hit;
    }
    return undefined;
  }
  const sentenceStart = lastIndexMatching(block.text, SENTENCE_END, at) + 1;
  const same = moneyIn(block, sentenceStart, at);
  if (same.length > 0) {
    // `T，其中：` / `共计支出 T，具体内容包括：`: the amount of the clause just before the marker. A marker
    // further on (`实际下达100万元，已支出99.1万元，…，项目内容及具体支出情况如下：`) details the sentence's
    // first amount, not its last detail.
    const clauseStart = lastIndexMatching(block.text, CLAUSE_END, at) + 1;
    const previousClause = lastIndexMatching(block.text, CLAUSE_END, clauseStart - 1) + 1;
    const near = moneyIn(block, Math.max(sentenceStart, previousClause), at);
    if (near.length > 0) return near[near.length - 1];
    return same[0];
  }
  if (block.text.slice(sentenceStart, at).trim() !== '' && !/^\s*[^\d]{0,20}$/.test(block.text.slice(sentenceStart, at))) return undefined;
  // The marker opens a sentence (`…3030.4 万元，完成预算 100%。其中：`): the total is in the sentence before,
  // its first amount (a sentence may go on with 已支出 / 结余 after the total). A sentence
  // before that is a decomposition itself (其中, ；) leaves it open which amount is detailed: no total.
  let end = sentenceStart - 1;
  while (end > 0) {
    const start = lastIndexMatching(block.text, SENTENCE_END, end) + 1;
    const amounts = moneyIn(block, start, end);
    if (amounts.length > 0) {
      if (/其中|[；;]/.test(block.text.slice(start, end))) return undefined;
      // Totals side by side (`收入总计 X，支出总计 Y。其中本年收入合计…，本年支出合计…`): the list may detail
      // either or both, so none is its total.
      if (amounts.filter((l) => TOTAL_WORD.test(block.text.slice(lastIndexMatching(block.text, CLAUSE_END, l.at) + 1, l.at))).length >= 2) return undefined;
      return amounts[0];
    }
    end = start - 1;
  }
  return undefined;
}

function markerLists(blocks: TextBlock[], index: number): Enumeration[] {
  const block = blocks[index]!;
  const out: Enumeration[] = [];
  for (const m of block.text.matchAll(MARKER)) {
    const at = m.index;
    const end = at + m[0].length;
    let noun = m[1] !== undefined ? squeeze(m[1]) : undefined;
    if (noun !== undefined && noun.endsWith('其')) noun = undefined;
    const before = block.text.slice(Math.max(0, at - 2), at);
    const complete = /包括|如下|明细/.test(m[0]) && !/主要/.test(before);
    const total = totalBefore(blocks, index, at, noun);
    if (!total) continue;
    let sentenceEnd = firstIndexMatching(block.text, SENTENCE_END, end);
    let parts: Located[] = [];
    if (block.text.slice(end).trim() === '') {
      // The list goes on in the next paragraphs, one item each.
      const style = blocks[index + 1] ? numberingStyle(blocks[index + 1]!.text) : undefined;
      for (let j = index + 1; j < blocks.length; j++) {
        const next = blocks[j]!;
        if (style !== undefined) {
          if (numberingStyle(next.text) !== style) break;
          const first = moneyIn(next, 0, next.text.length)[0];
          if (!first) {
            parts = [];
            break;
          }
          parts.push(first);
        } else {
          // A numbered sub-list under an item (`…其中：` then (1)…(16)) belongs to that item.
          if (numberingStyle(next.text) !== undefined) {
            if (/[：:]\s*$/.test(blocks[j - 1]!.text) || (j > index + 1 && numberingStyle(blocks[j - 1]!.text) !== undefined)) continue;
            break;
          }
          const first = startsWithAmount(next);
          if (!first) break;
          parts.push(first);
        }
      }
    } else {
      // A list inside brackets (`17万元（其中：A 12万元，B 5万元），实际支出17万元`) ends at the bracket.
      const clauseStart = lastIndexMatching(block.text, CLAUSE_END, at) + 1;
      const opened = /[（(][^）)]*$/.test(block.text.slice(clauseStart, at));
      if (opened) sentenceEnd = Math.min(sentenceEnd, closingBracket(block.text, end));
      const region = block.text.slice(end, sentenceEnd);
      const separators = /[；;]/.test(region.replace(/[（(][^（()）]*[)）]/g, '')) ? /[；;]/ : /[，,、]/;
      parts = firstPerSegment(block, end, sentenceEnd, separators);
      // A part that opens its own list (`其中本年支出512.00万元：基本支出…`) ends the outer one.
      const nested = parts.findIndex((p) => /^[^，,；;。]*?[：:]|^[^，,；;。]*?[，,]\s*其中/.test(block.text.slice(p.end, sentenceEnd)));
      if (nested >= 0) parts = parts.slice(0, nested + 1);
    }
    parts = parts.filter((p) => p.fact !== total.fact);
    if (parts.length >= 2) out.push({ kind: 'list', complete, total, parts });
  }
  return out;
}

/** Every enumeration of the document with a stated total, one per total. */
export function enumerations(report: Readonly<Report>): Enumeration[] {
  const seen = new Set<Fact>();
  const out: Enumeration[] = [];
  for (const blocks of documentBlocks(report)) {
    blocks.forEach((block, i) => {
      for (const e of [...closingTotals(block), ...markerLists(blocks, i)]) {
        if (seen.has(e.total.fact)) continue;
        seen.add(e.total.fact);
        out.push(e);
      }
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Counts: `“A”、“B”和“C”共3个项目`
// ---------------------------------------------------------------------------------------------

const COUNT_CLAIM = /共\s*(\d+)\s*个\s*([\u4e00-\u9fa5]{1,2})?/g;
const LIST_SEPARATOR = /[\s、，,和及与以]/;

/**
 * The quoted names listed right before `at`, last to first walked back (`“A”、“B”和“C”`). A name may hold
 * quotes of its own (`“清远市“一针一线”纺织服装技能人才培养工作经费”`): quotes are matched by depth.
 */
export function quotedNamesBefore(text: string, at: number): string[] {
  const names: string[] = [];
  let i = at - 1;
  for (;;) {
    while (i >= 0 && LIST_SEPARATOR.test(text[i]!) && !/[”"]/.test(text[i]!)) i--;
    if (i < 0 || text[i] !== '”') break;
    let depth = 0;
    let j = i;
    for (; j >= 0; j--) {
      if (text[j] === '”') depth++;
      else if (text[j] === '“' && --depth === 0) break;
    }
    if (j < 0) break;
    names.unshift(text.slice(j + 1, i));
    i = j - 1;
  }
  return names;
}

const PROJECT_HEADING = /^项目([一二三四五六七八九十百零〇\d]+)[、.．]\s*([^：:]+?)\s*(?:[：:].*)?$/;

/** The projects the document describes one by one (`项目二十三、无人机应用技术重点专业：`). */
function numberedProjects(report: Readonly<Report>): string[] {
  const names = new Map<string, string>();
  for (const s of allSections(report)) {
    for (const text of [s.number && /^项目/.test(s.number) ? `${s.number}、${s.title}` : s.title, ...s.paragraphs.map((p) => p.text)]) {
      const m = PROJECT_HEADING.exec(text.trim());
      if (m && m[2]!.length <= 60 && !names.has(m[1]!)) names.set(m[1]!, m[2]!.replace(/[：:]$/, ''));
    }
  }
  return [...names.values()];
}

/** The described projects that no listed name stands for (exact names first, then close misprints). */
export function unlisted(listed: readonly string[], described: readonly string[]): string[] {
  const left = new Set(listed.map(nameKey));
  const open: string[] = [];
  for (const d of described) {
    const k = nameKey(d);
    if (left.has(k)) left.delete(k);
    else open.push(d);
  }
  const pairs: { d: string; l: string; dist: number }[] = [];
  for (const d of open) {
    for (const l of left) {
      const dist = editDistance(nameKey(d), l);
      if (dist <= Math.max(2, Math.floor(Math.min(l.length, nameKey(d).length) / 5))) pairs.push({ d, l, dist });
    }
  }
  pairs.sort((a, b) => a.dist - b.dist);
  const matched = new Set<string>();
  for (const p of pairs) {
    if (matched.has(p.d) || !left.has(p.l)) continue;
    matched.add(p.d);
    left.delete(p.l);
  }
  return open.filter((d) => !matched.has(d));
}

// ---------------------------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------------------------

/**
 * N-R7: what the narrative enumerates adds up.
 * - Sums. A total with its parts — closing a list (`…207.83万元，资金合计1764.59万元`), or opening one
 *   (`T，其中：A a；B b` / `T。其中：` followed by numbered items / `共计支出3.03万元，具体内容包括：(1)…(16)`):
 *   Σ parts against the total with the envelope of §3 (0.005 × (n + 1) at 2 decimals): within it 尾数误差 (info),
 *   beyond it an error. A `其中` list may name only the main parts, so there it is an error only when the parts
 *   exceed the total; a list declared whole (合计, 如下, 包括) is an error either way. One part per item: the first
 *   amount of each item (its 已支出 / 结余 / 比上年 are details). The total is the amount just before the marker,
 *   or, when the marker ends a sentence of details (`实际下达298.38万元，已支出…，如下：`) or opens one, the first
 *   amount of that sentence or of the sentence before. Amounts no fact was read for are read from the text.
 *   A part whose unit is misprinted (`2819.38 元` for 万元) is N-R13's: the sum is not reported when reading that part
 *   in the total's unit makes it add up.
 * - Counts. `“A”、“B”…和“Z”共N个项目`: the number of quoted names equals N (exact). When the document describes
 *   its projects one by one (项目一、…), the message names the projects missing from the list.
 * Left to other rules, so that one sentence is reported once: the 三公 decomposition (N-R9) and the 政府采购
 * decomposition (N-R11). The 一般公共预算 breakdown is shared: N-R7 sums the 类 and the 项 listed against the stated
 * total (seed 004: 15 项 = 3,030.41 vs 3,030.4, ROUND), N-R8 compares each 类 with its T05 row or with the sum of its
 * 项. A sum whose total and parts all restate table cells is the table rules' (T01-R…, T05-R…: the narrative then
 * only inherits the table's own rounding); an amount printed without unit makes its sum unjudgeable (N-R13).
 */
export const rule: Rule = {
  meta: {
    id: 'N-R7',
    title: '情况说明列举的分项之和等于所述合计',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.4, §3 [SEED]',
    doc: '情况说明中列举的各分项金额之和须等于所述合计数（“其中：”“合计”“具体内容包括”及其后编号列示的各项），按尾数误差规则（n项之和允许0.005×(n+1)万元）判断，范围内为尾数误差提示，超出为错误；“其中”只列主要分项时，分项之和小于合计不报。说明所称的个数（如“共34个项目”）须与列举的名称个数一致。三公经费、政府采购的构成分别由N-R9、N-R11核对。',
    messages: {
      sum: '情况说明第{{line}}行“{{what}}”为{{total}}，而列举的{{n}}个分项之和为{{sum}}（{{terms}}），相差{{difference}}{{toleranceNote}}请核对各分项金额或合计数',
      short: '情况说明第{{line}}行“{{what}}”为{{total}}，而所列明细{{n}}项之和只有{{sum}}（{{terms}}），相差{{difference}}，明细不全或金额有误{{toleranceNote}}请补全明细或核对金额',
      round: '情况说明第{{line}}行“{{what}}”为{{total}}，列举的{{n}}个分项之和为{{sum}}，相差{{difference}}',
      count: '情况说明第{{line}}行称“共{{stated}}个{{noun}}”，但列举的名称只有{{listed}}个{{missing}}。请核对个数或补全列举',
    },
  },
  check(ctx) {
    checkEnumerations(ctx);
    checkCounts(ctx);
  },
};

function checkEnumerations(ctx: RuleContext): void {
  for (const e of enumerations(ctx.report)) {
    const all = [e.total, ...e.parts];
    if (all.some((l) => OWNED_ELSEWHERE.test(`${l.fact.subject}|${l.fact.phrase ?? ''}`))) continue;
    if (all.every((l) => l.fact.link !== undefined)) continue;
    const total = statedMoney(e.total.fact);
    const parts = e.parts.map((p) => statedMoney(p.fact));
    if (!total || parts.some((p) => p === undefined)) continue;
    const check = checkSum(ctx, total, parts as Money[]);
    if (check.status === 'fail' && wrongUnitExplains(ctx, total, parts as Money[])) continue;
    // A partial list (其中) may leave parts out: short of the total is no error there.
    if (check.status === 'fail' && check.delta.num > 0n && !e.complete) continue;
    const messageId = check.delta.num > 0n ? 'short' : 'sum';
    flagSum(ctx, { messageId, roundMessageId: 'round', total: e.total, parts: e.parts, check });
  }
}

/**
 * True when reading one part in the total's unit makes the sum add up: the number is right and its unit is
 * misprinted (004 `一般公共预算收入 2819.38 元` for 万元), which N-R13 reports; the sum is not wrong twice.
 */
export function wrongUnitExplains(ctx: RuleContext, total: Money, parts: readonly Money[]): boolean {
  return parts.some((p, i) => p.unit !== total.unit && checkSum(ctx, total, parts.map((q, j) => (j === i ? { ...q, unit: total.unit } : q))).status !== 'fail');
}

function checkCounts(ctx: RuleContext): void {
  const described = numberedProjects(ctx.report);
  for (const blocks of documentBlocks(ctx.report)) {
    for (const block of blocks) {
      for (const m of block.text.matchAll(COUNT_CLAIM)) {
        const names = quotedNamesBefore(block.text, m.index);
        if (names.length < 2) continue;
        const stated = Number(m[1]);
        if (names.length === stated) continue;
        const noun = m[2] ?? '';
        const countAt = m.index;
        const missing = /项目/.test(noun) && described.length === stated ? unlisted(names, described) : [];
        const missingText =
          missing.length > 0 ? `；文中逐个说明了${described.length}个项目，列举中缺少${missing.slice(0, 5).map((n) => `“${n}”`).join('、')}${missing.length > 5 ? `等${missing.length}个` : ''}` : '';
        ctx.flag({
          messageId: 'count',
          location: { span: spanAt(block, countAt, countAt + m[0].length) },
          expected: stated,
          actual: names.length,
          data: { line: spanAt(block, countAt).line ?? '', stated, noun, listed: names.length, missing: missingText },
        });
      }
    }
  }
}
