/**
 * Which facts a percentage is computed from, for the percentage rules N-R3 … N-R6 (rules.md §2.4):
 * - a rate (增长 4.5%) goes with the change just before it (增加 94.16万元) and the current amount of
 *   its subject stated before the change (prior = current ∓ change);
 * - a share (占 17.7%) goes with its part (the amount of the same subject just before it) and its
 *   total: the one it names (占政府采购支出总额的…, as a stated amount or else the table cell), or, for
 *   a bare `占 y%` in an enumeration (其中：A x万元，占 y%；B …), the total stated just before the
 *   enumeration, or else the whole the parts belong to (三公 items → 三公经费);
 * - a completion (完成预算的 99.95% / 支出率 99.01%) goes with the actual and the budget amounts of its
 *   sentence (a total followed by its 其中 parts counts as the total), or the T09 预算 cell of a 三公 item.
 * A percentage that cannot be paired is left alone: these rules judge only what they can compute.
 */
import type { Amount } from '../../../model/amount.js';
import type { Fact, Report, Section } from '../../../model/report.js';
import { SUBJECTS } from '../../../recognise/narrative/fact-subjects.js';
import { formatInterval, rat, ratAbs, ratAdd, ratCmp, ratOfAmount, ratSub, type Money, type PercentCheck } from '../../narrative/interval.js';
import { createContext } from '../../context.js';
import type { CellRef, RuleContext } from '../../types.js';
import { allSections } from '../narrative.js';
import { amountOf, cellMoney, factsOf, isMoneyUnit, printAmount } from './shared.js';

// ---------------------------------------------------------------------------------------------
// A view of the facts: reading order, sentence order, sections
// ---------------------------------------------------------------------------------------------

export interface FactView {
  readonly facts: readonly Fact[];
  /** Position of a fact in reading order. */
  readonly at: Map<Fact, number>;
  /** Rank of the fact's sentence among the sentences that hold facts (0, 1, 2 … in reading order). */
  readonly sentence: Map<Fact, number>;
  /** The section whose own paragraph holds the fact. */
  readonly section: Map<Fact, Section | undefined>;
  /** The text of the paragraph that holds the fact. */
  readonly paragraph: Map<Fact, string>;
}

/** Keyed by the facts array: a report whose facts are replaced gets a new view. */
const views = new WeakMap<object, FactView>();

/** The facts of a report with their reading order, sentence ranks and sections (built once per report). */
export function factView(report: Readonly<Report>): FactView {
  const facts = factsOf(report);
  const cached = views.get(facts);
  if (cached) return cached;
  const at = new Map<Fact, number>();
  facts.forEach((f, i) => at.set(f, i));
  const sentence = new Map<Fact, number>();
  let rank = -1;
  let last: number | undefined;
  for (const f of facts) {
    const key = f.sentence?.start ?? f.span.start;
    if (key !== last) {
      rank++;
      last = key;
    }
    sentence.set(f, rank);
  }
  const paragraphs = allSections(report)
    .flatMap((s) => s.paragraphs.map((p) => ({ start: p.span.start, end: p.span.end, s, text: p.text })))
    .sort((a, b) => a.start - b.start);
  const section = new Map<Fact, Section | undefined>();
  const paragraph = new Map<Fact, string>();
  for (const f of facts) {
    const pos = f.span.start;
    let lo = 0;
    let hi = paragraphs.length - 1;
    let hit: (typeof paragraphs)[number] | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = paragraphs[mid]!;
      if (p.start > pos) hi = mid - 1;
      else {
        if (pos < p.end) hit = p;
        lo = mid + 1;
      }
    }
    section.set(f, hit?.s);
    paragraph.set(f, hit?.text ?? '');
  }
  const view = { facts, at, sentence, section, paragraph };
  views.set(facts, view);
  return view;
}

/** Sentences between a (earlier) and b (later): 0 = same sentence, 1 = the one before, … */
export function sentenceGap(view: FactView, a: Fact, b: Fact): number {
  return view.sentence.get(b)! - view.sentence.get(a)!;
}

/** A printed amount of money with a number (万元 / 元 / 亿元; a number without unit is not trusted here). */
export function isMoneyAmount(f: Fact): boolean {
  return f.measure === 'amount' && isMoney(f);
}

/** A printed number of money (an amount or a change). */
export function isMoney(f: Fact): boolean {
  return f.value !== null && isMoneyUnit(f.unit) && amountOf(f) !== undefined;
}

/** A percentage fact with a printed number (not `--` / 不可比). */
export function isStatedPercent(f: Fact): boolean {
  return f.unit === '%' && f.value !== null && !f.notComparable && amountOf(f) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Amounts in one unit
// ---------------------------------------------------------------------------------------------

/** A printed amount, in 万元, exact (3,898,065.04 元 → 389.806504). */
export interface Quantity {
  amount: Amount;
  /** How it reads in a message: `2,169.36万元`, or the cell it was taken from. */
  label: string;
  fact?: Fact;
  cell?: CellRef;
  /** The cell's description (表 行 栏) when taken from a table. */
  source?: string;
}

const SHIFT: Record<Money['unit'], number> = { 元: -4, 万元: 0, 亿元: 4 };

/** Money as an exact Amount in 万元 (the unit of every seed's tables). */
export function inWanyuan(m: Money): Amount {
  const shift = SHIFT[m.unit];
  return shift <= 0 ? { units: m.units, scale: m.scale - shift } : { units: m.units * 10 ** shift, scale: m.scale };
}

/** A fact's amount as a Quantity (money facts only). */
export function quantityOfFact(f: Fact): Quantity | undefined {
  if (!isMoney(f)) return undefined;
  const a = amountOf(f)!;
  return { amount: inWanyuan({ ...a, unit: f.unit as Money['unit'] }), label: `${printAmount(a)}${f.unit}`, fact: f };
}

/** A table cell as a Quantity; undefined when the cell was not read. */
export function quantityOfCell(ctx: RuleContext, ref: CellRef): Quantity | undefined {
  const m = cellMoney(ctx, ref);
  if (!m) return undefined;
  return { amount: inWanyuan(m), label: `${printAmount(m)}${m.unit}`, cell: ref, source: ctx.describe(ref) };
}

/**
 * The interval of a percentage check for a message, with enough decimals (2 to 4) that its ends differ
 * (99.7529%–99.7533% rather than 99.75%–99.75%).
 */
export function intervalText(check: PercentCheck): string {
  const iv = { lo: check.lo, hi: check.hi };
  for (let d = 2; d < 4; d++) {
    const text = formatInterval(iv, d);
    const [a, b] = text.split('–');
    if (a !== b) return text;
  }
  return formatInterval(iv, 4);
}

/** An Amount for a message, without trailing zeros after the stated precision is lost (389.806504 → 389.81). */
export function printQuantity(a: Amount): string {
  if (a.scale <= 2) return printAmount(a);
  const factor = 10 ** (a.scale - 2);
  const units = Math.round(a.units / factor);
  return printAmount({ units, scale: 2 });
}

// ---------------------------------------------------------------------------------------------
// Rates: change and current amount (N-R3, N-R4)
// ---------------------------------------------------------------------------------------------

export interface RatePair {
  change?: Fact;
  current?: Fact;
}

/**
 * The change and the current amount a rate is computed from: the change of the same subject and basis
 * just before it, in its sentence or the one before (003: 减少68.63万元，下降 | 13.76% is cut in two by
 * the export), and the nearest current amount of that subject in the change's section, at most three
 * sentences back (003: 财政拨款收入总计…，支出总计…。…收入总计减少…；支出总计减少…).
 */
export function pairRate(view: FactView, rate: Fact): RatePair {
  if (rate.subject === '') return {};
  // The change is the fact just before the rate (增加94.16万元，增长4.5%), or one of a run of changes and
  // rates read from one distributive statement (收、支总计各增加1,019.89万元，增长50.5%). A count or an
  // amount in between (工单18,335件，与去年同期对比增加了15.44%) means the rate is about something else.
  let change: Fact | undefined;
  for (let j = view.at.get(rate)! - 1; j >= 0; j--) {
    const f = view.facts[j]!;
    if ((f.measure !== 'change' && f.measure !== 'rate') || sentenceGap(view, f, rate) > 1) break;
    if (f.measure === 'change' && f.subject === rate.subject && f.basis === rate.basis) {
      change = f;
      break;
    }
  }
  if (!change) return {};
  let current: Fact | undefined;
  for (let j = view.at.get(change)! - 1; j >= 0; j--) {
    const f = view.facts[j]!;
    // 收入总计516.85万元，支出总计516.85万元。与上年相比，收入总计减少…；支出总计减少…: up to three sentences back.
    if (sentenceGap(view, f, change) > 3 || view.section.get(f) !== view.section.get(change)) break;
    if (f.measure === 'amount' && f.basis === 'current' && f.subject === rate.subject && isMoneyAmount(f)) {
      current = f;
      break;
    }
  }
  return { change, ...(current ? { current } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Completion: actual and budget (N-R6, N-R4)
// ---------------------------------------------------------------------------------------------

/** Amounts that are neither the budget nor the actual of a completion rate (结余0.9万元, 年中调减91.87万元). */
const NOT_BUDGET_OR_ACTUAL = /结余|结转|调减|调增|追加|退回|收回|差额/;
const BUDGET_BASIS = new Set(['budget', 'adjusted_budget']);

/** The 三公 item a T09 决算 column (7–12) restates, and the 预算 column (1–6) of the same item. */
function t09BudgetColumn(f: Fact): CellRef | undefined {
  const l = f.link;
  if (!l || l.table !== '09') return undefined;
  const c = Number(l.column);
  return c >= 7 && c <= 12 ? { table: '09', row: l.row, column: String(c - 6) } : undefined;
}

/** The whole a part belongs to (for a bare share or a 三公 item's budget): 三公 items → 三公经费, T05 classes → 一般公共预算财政拨款支出. */
export function parentSubject(subject: string): string | undefined {
  if (/^(?:因公出国（境）费|公务用车购置及运行维护费|公务接待费)$/.test(subject)) return '三公经费';
  if (/^(?:公务用车购置费|公务用车运行维护费)$/.test(subject)) return '公务用车购置及运行维护费';
  if (/^\d{3}$/.test(subject)) return '一般公共预算财政拨款支出';
  return undefined;
}

export interface CompletionPair {
  actual?: Fact;
  budget?: Quantity;
  /** Where the budget was found: in the sentence, in the T09 预算 column, or as a whole's zero budget. */
  budgetFrom?: 'sentence' | 'table' | 'parent';
}

/**
 * The actual and budget amounts of a completion rate, from its own sentence (the amounts after any
 * earlier completion rate of that sentence):
 * - actual: the last current-year amount that is not a 结余 / 调减 (执行数, 已支出, 支出决算);
 * - budget: a budget amount stated after the actual (完成全年预算 2.67万元的100%), else the amount
 *   just before the actual (全年预算数 X，执行数 Y; 实际到位 108.13万元，已支出 108.13万元 — the rate
 *   is of the funds actually allotted, 001 line 825), else the T09 预算 cell of a 三公 item, else
 *   (with `parentZero`) a 0 budget stated for the 三公 whole the item belongs to (003: 全年预算0万元).
 */
export function pairCompletion(view: FactView, ctx: RuleContext, completion: Fact, opts: { parentZero?: boolean } = {}): CompletionPair {
  const i = view.at.get(completion)!;
  const candidates: Fact[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const f = view.facts[j]!;
    if (sentenceGap(view, f, completion) !== 0) break;
    if (f.measure === 'completion') break;
    if (isMoneyAmount(f) && !NOT_BUDGET_OR_ACTUAL.test(`${f.subject}${f.phrase ?? ''}`)) candidates.unshift(f);
  }
  let k = candidates.length - 1;
  while (k >= 0 && candidates[k]!.basis !== 'current') k--;
  if (k < 0) return {};
  const actual = candidates[k]!;
  const before = candidates.slice(0, k);
  // 63.56万元，其中：60.76万元，2.8万元，支出率为100%: the last amount is a part, not the actual.
  const breakdown = /其中/.test(view.paragraph.get(completion) ?? '');
  if (breakdown && totalOfParts([...before, actual]) !== undefined) return {};
  const after = candidates.slice(k + 1).find((f) => BUDGET_BASIS.has(f.basis));
  // 17万元（其中：12万元，5万元），实际支出17万元: the budget is the total, not its last part.
  const totalAt = breakdown ? totalOfParts(before) : undefined;
  const stated = after ?? (totalAt !== undefined ? before[totalAt] : before[before.length - 1]);
  if (stated) return { actual, budget: quantityOfFact(stated)!, budgetFrom: 'sentence' };
  const cell = t09BudgetColumn(actual);
  if (cell && ctx.table('09') && !ctx.table('09')!.empty) {
    const q = quantityOfCell(ctx, cell);
    if (q) return { actual, budget: q, budgetFrom: 'table' };
  }
  if (opts.parentZero) {
    // The budget of the nearest whole the item belongs to (公务用车购置费 → 公务用车购置及运行维护费 → 三公经费).
    const wholes: string[] = [];
    for (let p = parentSubject(actual.subject); p; p = parentSubject(p)) wholes.push(p);
    for (let j = i - 1; j >= 0 && wholes.length > 0; j--) {
      const f = view.facts[j]!;
      if (view.section.get(f) !== view.section.get(completion)) break;
      if (wholes.includes(f.subject) && f.measure === 'amount' && BUDGET_BASIS.has(f.basis) && isMoneyAmount(f)) {
        const q = quantityOfFact(f)!;
        return q.amount.units === 0 ? { actual, budget: q, budgetFrom: 'parent' } : { actual };
      }
    }
  }
  return { actual };
}

/**
 * The index of the first amount that is the total of all the amounts after it (two or more of them, within
 * the rounding envelope of §3: 0.005 × (n + 1) 万元), if any: X万元，其中：a万元，b万元.
 */
function totalOfParts(list: readonly Fact[]): number | undefined {
  const values = list.map((f) => ratOfAmount(quantityOfFact(f)!.amount));
  for (let i = 0; i + 2 < values.length; i++) {
    const rest = values.slice(i + 1);
    const sum = rest.reduce(ratAdd, rat(0n));
    const envelope = rat(BigInt(rest.length + 1) * 5n, 1000n);
    if (ratCmp(ratAbs(ratSub(sum, values[i]!)), envelope) <= 0) return i;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Shares: part and total (N-R5)
// ---------------------------------------------------------------------------------------------

/** Wholes a share may name that are not subjects of the phrase dictionary (rules.md §2.4). */
const EXTRA_BASES: { match: RegExp; subject: string; cell?: CellRef }[] = [
  { match: /^一般公共预算(?:财政拨款)?项目支出(?:总额)?$/, subject: '一般公共预算财政拨款项目支出', cell: { table: '05', row: 'total', column: '3' } },
  { match: /^政府性基金预算(?:财政拨款)?项目支出(?:总额)?$/, subject: '政府性基金预算财政拨款项目支出', cell: { table: '07', row: 'total', column: '5' } },
  { match: /^国有资本经营预算(?:财政拨款)?项目支出(?:总额)?$/, subject: '国有资本经营预算财政拨款项目支出', cell: { table: '08', row: 'total', column: '3' } },
  { match: /^项目支出总额$/, subject: '项目支出', cell: { table: '03', row: 'total', column: '3' } },
];

/** The subject (and cell) a printed name of a whole stands for. */
function wholeOf(name: string): { subjects: string[]; cell?: CellRef } {
  const p = name.replace(/\s+/g, '').replace(/[“”"]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  const extra = EXTRA_BASES.find((e) => e.match.test(p));
  if (extra) return { subjects: [extra.subject, p], ...(extra.cell ? { cell: extra.cell } : {}) };
  const entry = SUBJECTS.find((e) => e.match.test(p));
  if (entry) return { subjects: [entry.subject, p], ...(entry.cell ? { cell: entry.cell } : {}) };
  return { subjects: [p] };
}

/** The nearest current-year amount of one of `subjects` stated before `before`. */
function statedBefore(view: FactView, before: Fact, subjects: string[]): Fact | undefined {
  for (let j = view.at.get(before)! - 1; j >= 0; j--) {
    const f = view.facts[j]!;
    if (f.measure === 'amount' && f.basis === 'current' && subjects.includes(f.subject) && isMoneyAmount(f)) return f;
  }
  return undefined;
}

/** A named whole: its amount as stated before the share, else its table cell. */
export function resolveWhole(view: FactView, ctx: RuleContext, before: Fact, name: string, cell?: CellRef): Quantity | undefined {
  const whole = wholeOf(name);
  const stated = statedBefore(view, before, whole.subjects);
  if (stated) return quantityOfFact(stated);
  const ref = cell ?? whole.cell;
  if (!ref) return undefined;
  const t = ctx.table(ref.table);
  if (!t || t.empty) return undefined;
  return quantityOfCell(ctx, ref);
}

export interface ShareItem {
  share: Fact;
  part: Fact;
}

export interface ShareGroup {
  items: ShareItem[];
  total?: Quantity;
  /** named: 占X的y% (one share); enumeration: bare shares after a stated or implied total. */
  kind: 'named' | 'enumeration';
}

/** Σ parts > total beyond the rounding envelope of the printed values (§3): the total is not theirs. */
function exceeds(parts: readonly Amount[], total: Amount): boolean {
  const sum = parts.reduce((acc, p) => ratAdd(acc, ratOfAmount(p)), rat(0n));
  const envelope = rat(BigInt(parts.length + 1) * 5n, 1000n);
  return ratCmp(ratSub(sum, ratOfAmount(total)), envelope) > 0;
}

/** The part of a share: the amount of the same subject just before it, in its sentence. */
function partOf(view: FactView, share: Fact): Fact | undefined {
  const i = view.at.get(share)!;
  const f = view.facts[i - 1];
  if (!f || sentenceGap(view, f, share) !== 0) return undefined;
  return f.subject === share.subject && f.basis === 'current' && isMoneyAmount(f) ? f : undefined;
}

/**
 * The shares of a report, grouped: each share naming its whole on its own; bare shares in runs
 * (A x万元，占 y%；B …) with the total stated just before the run (in its section, in the first part's
 * sentence or the one before), or else the whole the parts belong to.
 */
export function shareGroups(view: FactView, ctx: RuleContext): ShareGroup[] {
  const groups: ShareGroup[] = [];
  let run: ShareItem[] = [];
  const closeRun = () => {
    if (run.length === 0) return;
    const items = run;
    run = [];
    const first = items[0]!.part;
    const subjects = new Set(items.map((x) => x.part.subject));
    const parents = new Set([...subjects].map(parentSubject));
    const parent = parents.size === 1 ? [...parents][0] : undefined;
    // The total stated just before the enumeration (…合计2,826.88万元，其中：A…): in its section, in the first
    // part's sentence or the one before, not one of the parts, and not smaller than the parts together
    // (其中：基本支出380万元，项目支出128万元。按功能分类，A 426万元，占83.9% … is not a share of 128).
    const prev = view.facts[view.at.get(first)! - 1];
    const lead =
      prev &&
      isMoneyAmount(prev) &&
      prev.basis === 'current' &&
      !subjects.has(prev.subject) &&
      view.section.get(prev) === view.section.get(first) &&
      sentenceGap(view, prev, first) <= 1 &&
      (parent === undefined || prev.subject === parent) &&
      !exceeds(items.map((x) => quantityOfFact(x.part)!.amount), quantityOfFact(prev)!.amount)
        ? prev
        : undefined;
    // Else the whole the parts belong to (三公 items → 三公经费; T05 classes → 一般公共预算财政拨款支出).
    const total = lead ? quantityOfFact(lead) : parent ? resolveWhole(view, ctx, first, parent) : undefined;
    groups.push({ items, ...(total ? { total } : {}), kind: 'enumeration' });
  };
  for (const f of view.facts) {
    if (f.measure !== 'share' || !isStatedPercent(f)) continue;
    const part = partOf(view, f);
    if (!part) {
      closeRun();
      continue;
    }
    if (f.base) {
      closeRun();
      const total = resolveWhole(view, ctx, part, f.base);
      groups.push({ items: [{ share: f, part }], ...(total ? { total } : {}), kind: 'named' });
      continue;
    }
    const prev = run[run.length - 1];
    if (prev && view.at.get(part) !== view.at.get(prev.share)! + 1) closeRun();
    run.push({ share: f, part });
  }
  closeRun();
  return groups;
}

/**
 * A subject as a message names it: a subject of the phrase dictionary as is; a T05 code by the name the
 * narrative printed (卫生健康支出), else as 科目210; '' for a phrase the reader could not name (已支出,
 * 结余 …), so the message relies on the line it points at.
 */
export function subjectLabel(subject: string, phrase?: string): string {
  if (SUBJECTS.some((e) => e.subject === subject)) return subject === '三公经费' ? '“三公”经费' : subject;
  if (/^\d{3}(?:\d{2}){0,2}$/.test(subject)) return phrase ? phrase.replace(/[（(](?:类|款|项)[)）]/g, '') : `科目${subject}`;
  return '';
}

/**
 * The percentage facts N-R3, N-R5 and N-R6 judge, paired with the amounts they are computed from (for the
 * narrative mutation test and for coverage reports: a percentage outside this list is skipped by design).
 */
export function judgedPercentages(report: Readonly<Report>): Fact[] {
  const ctx = createContext(report, { id: 'N-R5', title: '', severity: 'error', category: 'accuracy', tables: [], tolerance: { kind: 'none' }, source: '', doc: '', messages: {} }, []);
  const view = factView(report);
  const out = new Set<Fact>();
  for (const f of view.facts) {
    if (!isStatedPercent(f)) continue;
    if (f.measure === 'rate') {
      const { change, current } = pairRate(view, f);
      if (change && current && change.value !== null) out.add(f);
    } else if (f.measure === 'completion') {
      const { actual, budget } = pairCompletion(view, ctx, f);
      if (actual && budget && budget.amount.units !== 0) out.add(f);
    }
  }
  for (const g of shareGroups(view, ctx)) if (g.total && g.total.amount.units !== 0) for (const x of g.items) out.add(x.share);
  return view.facts.filter((f) => out.has(f));
}
