import { parseAmount } from '../../../model/amount.js';
import type { Fact, Paragraph, Report, Span } from '../../../model/report.js';
import { compareAmounts, halfUnitAt, rat, ratAbs, ratAdd, ratCmp, ratMul, ratOfAmount, ratSub, roundHalfUp, type AmountMatch, type Money, type Rational } from '../../narrative/interval.js';
import type { Rule, RuleContext } from '../../types.js';
import { allSections, editDistance, squeeze } from '../narrative.js';
import { amountOf, factIndex, factLocation, factsOf, isMoneyUnit, printAmount } from './shared.js';

// ---------------------------------------------------------------------------------------------
// Values of facts
// ---------------------------------------------------------------------------------------------

const UNIT_EXP: Record<Money['unit'], number> = { 元: 0, 万元: 4, 亿元: 8 };

/** A money fact as Money, signed by its direction word; a number without unit is in the report's unit. */
function signedMoney(f: Fact, report: Readonly<Report>): Money | undefined {
  if (f.direction === 'flat') return { units: 0, scale: 0, unit: isMoneyUnit(f.unit) ? f.unit : report.moneyUnit };
  const a = amountOf(f);
  if (!a) return undefined;
  if (!isMoneyUnit(f.unit) && f.unit !== '') return undefined;
  const unit = isMoneyUnit(f.unit) ? f.unit : report.moneyUnit;
  return { units: f.direction === 'decrease' ? -a.units : a.units, scale: a.scale, unit };
}

/** The ways a money fact may be read: a number printed without unit in the report's unit or in 元 (003: `165141.73`). */
function readings(f: Fact, report: Readonly<Report>): Money[] {
  const m = signedMoney(f, report);
  if (!m) return [];
  return f.unit === '' && m.unit !== '元' ? [m, { ...m, unit: '元' }] : [m];
}

/** A Money in 万元, exactly, with the decimals it carries there (1,800元 → 0.18, 4 decimals). */
function inWan(m: Money): { value: Rational; scale: number } {
  const shift = UNIT_EXP[m.unit] - 4;
  const value = shift >= 0 ? rat(BigInt(m.units) * 10n ** BigInt(shift), 10n ** BigInt(m.scale)) : rat(BigInt(m.units), 10n ** BigInt(m.scale - shift));
  return { value, scale: Math.max(0, m.scale - shift) };
}

/** An exact rational printed with thousands separators, at least 2 decimals and as many as it needs (≤ 6). */
function printRational(r: Rational): string {
  for (let d = 2; d <= 6; d++) {
    const scaled = ratMul(r, rat(10n ** BigInt(d)));
    if (scaled.den === 1n) return printAmount({ units: Number(scaled.num), scale: d });
  }
  const scaled = ratMul(r, rat(10n ** 6n));
  return printAmount({ units: Number(scaled.num / scaled.den), scale: 6 });
}

const AGAINST: Record<string, string> = { prior: '比上年', budget: '比年初预算', adjusted_budget: '比全年预算' };
const AMOUNT_OF: Record<string, string> = { current: '金额', prior: '上年金额', budget: '年初预算数', adjusted_budget: '全年预算数' };

/** What kind of statement a fact is, for the message: 金额, 比上年增减额, 完成预算的比例 … */
function what(f: Fact): string {
  switch (f.measure) {
    case 'amount':
      return AMOUNT_OF[f.basis] ?? '金额';
    case 'change':
      return `${AGAINST[f.basis] ?? ''}增减额`;
    case 'rate':
      return `${AGAINST[f.basis] ?? ''}增减幅度`;
    case 'share':
      return '占比';
    case 'completion':
      return f.basis === 'budget' ? '完成年初预算的比例' : '完成预算的比例';
    case 'count':
      return '数量';
  }
}

/** A fact as the clerk reads it: `增加1,019.89万元`, `下降4.5%`, `1,135.67万元`, `持平`. */
function shown(f: Fact): string {
  if (f.direction === 'flat') return f.text;
  if (f.measure === 'change') return `${f.direction === 'decrease' ? '减少' : '增加'}${f.text}`;
  if (f.measure === 'rate') return `${f.direction === 'decrease' ? '下降' : '增长'}${f.text}`;
  return f.text;
}

/** The printed value with the sign of its direction word (减少0.50 → −0.5), for the finding's expected/actual. */
function signedValue(f: Fact): number | null {
  if (f.direction === 'flat') return 0;
  if (f.value === null) return null;
  return f.direction === 'decrease' ? -f.value : f.value;
}

function label(f: Fact): string {
  return f.subject !== '' && !/^\d+$/.test(f.subject) ? f.subject : (f.phrase ?? f.subject);
}

/** For two money statements: their difference and the allowed slack, in the context's integer units. */
function moneyDifference(ctx: RuleContext, x: Fact, ref: Fact): { toleranceUnits?: number; differenceUnits?: number } {
  if (x.measure !== 'amount' && x.measure !== 'change') return {};
  const a = signedMoney(x, ctx.report);
  const b = signedMoney(ref, ctx.report);
  if (!a || !b) return {};
  const [wa, wb] = [inWan(a), inWan(b)];
  return { toleranceUnits: slack(ctx, Math.min(wa.scale, wb.scale)), differenceUnits: units(ctx, ratSub(wa.value, wb.value)) };
}

/** An exact amount of the money unit in the context's integer units (rounded half up), for the finding. */
function units(ctx: RuleContext, r: Rational): number {
  return roundHalfUp(ratMul(r, rat(BigInt(ctx.scale))), 0).units;
}

/** The difference allowed between two printed amounts (§3): half a unit of the coarser precision, plus 0.01. */
function slack(ctx: RuleContext, decimals: number): number {
  return units(ctx, ratAdd(decimals >= 2 ? rat(0n) : halfUnitAt(decimals), rat(1n, 100n)));
}

const lineOf = (f: Fact): string => String(f.span.line ?? '?');
const joinLines = (fs: readonly Fact[]): string => [...new Set(fs.map(lineOf))].join('、');

type Verdict = AmountMatch | 'incomparable';

/** Two statements of one quantity: equal, 尾数 (round), different, or not comparable. */
function agree(a: Fact, b: Fact, report: Readonly<Report>): Verdict {
  if (a.measure !== b.measure || a.basis !== b.basis) return 'incomparable';
  if (a.value === null && a.direction !== 'flat') return 'incomparable';
  if (b.value === null && b.direction !== 'flat') return 'incomparable';
  if (a.measure === 'amount' || a.measure === 'change') {
    const xs = readings(a, report);
    const ys = readings(b, report);
    if (xs.length === 0 || ys.length === 0) return 'incomparable';
    const rank = { equal: 0, round: 1, different: 2 } as const;
    return xs.flatMap((x) => ys.map((y) => compareAmounts(x, y).match)).reduce((m, v) => (rank[v] < rank[m] ? v : m));
  }
  if (a.measure === 'count') {
    if (a.unit !== b.unit) return 'incomparable';
    return ratCmp(ratOfAmount(amountOf(a)!), ratOfAmount(amountOf(b)!)) === 0 ? 'equal' : 'different';
  }
  // Percentages: equal within half a unit of the coarser precision (4.5% = 4.52%).
  if (a.unit !== '%' || b.unit !== '%') return 'incomparable';
  if (a.measure === 'share' && !(a.base && b.base && squeeze(a.base) === squeeze(b.base))) return 'incomparable';
  const sign = (f: Fact) => (f.direction === 'decrease' ? -1 : 1);
  const pa = a.direction === 'flat' ? rat(0n) : ratMul(ratOfAmount(amountOf(a)!), rat(BigInt(sign(a))));
  const pb = b.direction === 'flat' ? rat(0n) : ratMul(ratOfAmount(amountOf(b)!), rat(BigInt(sign(b))));
  const half = halfUnitAt(Math.min(amountOf(a)?.scale ?? 0, amountOf(b)?.scale ?? 0));
  return ratCmp(ratAbs(ratSub(pa, pb)), half) <= 0 ? 'equal' : 'different';
}

// ---------------------------------------------------------------------------------------------
// 1. The same quantity stated more than once (Fact.related: same subject, basis, measure)
// ---------------------------------------------------------------------------------------------

function restatements(ctx: RuleContext): void {
  const report = ctx.report;
  const byId = factIndex(report);
  const seen = new Set<string>();
  for (const f of factsOf(report)) {
    if (!f.related?.length || seen.has(f.id ?? '')) continue;
    const group = [f, ...f.related.map((id) => byId.get(id)).filter((g): g is Fact => g !== undefined)].sort((a, b) => a.span.start - b.span.start);
    group.forEach((g) => seen.add(g.id ?? ''));
    // The statement most others agree with is the reference; ties go to the first one.
    const agreeing = (x: Fact) => group.filter((y) => y === x || agree(x, y, report) === 'equal');
    const reference = group.reduce((best, x) => (agreeing(x).length > agreeing(best).length ? x : best), group[0]!);
    const refs = agreeing(reference);
    for (const x of group) {
      if (refs.includes(x)) continue;
      const v = agree(x, reference, report);
      if (v === 'equal' || v === 'incomparable') continue;
      // Both restate one cell: N-R1 compares each with the cell, which says which one is wrong.
      if (x.link && reference.link) continue;
      ctx.flag({
        messageId: 'restated',
        status: v === 'round' ? 'round' : 'fail',
        location: factLocation(x),
        ...moneyDifference(ctx, x, reference),
        expected: signedValue(reference),
        actual: signedValue(x),
        data: {
          subject: label(x),
          what: what(x),
          refLines: joinLines(refs),
          refValue: shown(reference),
          line: lineOf(x),
          value: shown(x),
        },
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 2. A part and its whole: the fiscal part of a total can exceed it neither this year nor last year
// ---------------------------------------------------------------------------------------------

/** [part, whole]: the first is included in the second by definition (表4 ⊂ 表1, 表5 ⊂ 表4, 表6 ⊂ 表3). */
const PART_OF: readonly [string, string][] = [
  ['财政拨款收支总计', '收支总计'],
  ['财政拨款收入总计', '收入总计'],
  ['财政拨款支出总计', '支出总计'],
  ['财政拨款收入总计', '收支总计'],
  ['财政拨款支出总计', '收支总计'],
  ['财政拨款收支总计', '收入总计'],
  ['财政拨款收支总计', '支出总计'],
  ['财政拨款收入合计', '本年收入合计'],
  ['财政拨款支出合计', '本年支出合计'],
  ['一般公共预算财政拨款收入', '财政拨款收入合计'],
  ['一般公共预算财政拨款支出', '财政拨款支出合计'],
  ['一般公共预算财政拨款基本支出', '基本支出'],
  ['一般公共预算财政拨款项目支出', '项目支出'],
];

/** A current-year amount and the change stated with it (比上年增加/减少 …). */
interface YearPair {
  current: Fact;
  change: Fact;
}

/** The changes against last year, each with the nearest current amount of its subject before it. */
function yearPairs(facts: readonly Fact[], subject: string): YearPair[] {
  const out: YearPair[] = [];
  let current: Fact | undefined;
  for (const f of facts) {
    if (f.subject !== subject) continue;
    if (f.measure === 'amount' && f.basis === 'current' && f.value !== null) current = f;
    else if (f.measure === 'change' && f.basis === 'prior' && current && f.span.start - current.span.end < 400) out.push({ current, change: f });
  }
  return out;
}

/** How far `excess` (part − whole, in 万元) is beyond what the printed precision allows. */
function excessVerdict(excess: Rational, decimals: number): AmountMatch {
  if (excess.num <= 0n) return 'equal';
  const half = halfUnitAt(decimals);
  if (ratCmp(excess, half) <= 0) return 'equal';
  return ratCmp(excess, ratAdd(half, rat(1n, 100n))) <= 0 ? 'round' : 'different';
}

function partsAndWholes(ctx: RuleContext): void {
  const report = ctx.report;
  const facts = factsOf(report);
  // One finding per printed number (收、支总计 may give an income and an expenditure fact on one number).
  const flagged = new Set<number>();
  for (const [partSubject, wholeSubject] of PART_OF) {
    const parts = facts.filter((f) => f.subject === partSubject && f.measure === 'amount' && f.basis === 'current' && f.value !== null);
    const wholes = facts.filter((f) => f.subject === wholeSubject && f.measure === 'amount' && f.basis === 'current' && f.value !== null);
    // This year: part ≤ whole.
    for (const p of parts) {
      if (flagged.has(p.span.start)) continue;
      const pm = signedMoney(p, report);
      if (!pm) continue;
      const over: { w: Fact; v: AmountMatch; diff: Rational; scale: number }[] = [];
      for (const w of wholes) {
        if (p.link && w.link) continue; // both restate cells: N-R1 and the cross-table rules judge them
        const wm = signedMoney(w, report);
        if (!wm) continue;
        const c = compareAmounts(pm, wm);
        if (ratCmp(c.delta, rat(0n)) <= 0 || c.match === 'equal') continue;
        over.push({ w, v: c.match, diff: c.delta, scale: wm.scale });
      }
      if (over.length === 0) continue;
      flagged.add(p.span.start);
      const worst = over.some((o) => o.v === 'different') ? 'different' : 'round';
      const shownWholes = over.filter((o) => o.v === worst);
      ctx.flag({
        messageId: 'part_exceeds',
        status: worst === 'round' ? 'round' : 'fail',
        location: factLocation(p),
        toleranceUnits: slack(ctx, Math.min(pm.scale, shownWholes[0]!.scale)),
        differenceUnits: units(ctx, shownWholes[0]!.diff),
        expected: shownWholes[0]!.w.value,
        actual: p.value,
        data: {
          line: lineOf(p),
          part: partSubject,
          partValue: p.text,
          wholeLines: joinLines(shownWholes.map((o) => o.w)),
          whole: wholeSubject,
          wholeValue: shownWholes[0]!.w.text,
          difference: `${printRational(shownWholes[0]!.diff)}万元`,
        },
      });
    }
    // Last year: (current − change) of the part ≤ that of the whole.
    const partPairs = yearPairs(facts, partSubject);
    const wholePairs = yearPairs(facts, wholeSubject);
    for (const pp of partPairs) {
      if (flagged.has(pp.change.span.start)) continue;
      const money = [pp.current, pp.change].map((f) => signedMoney(f, report));
      if (money.some((m) => !m)) continue;
      const [pc, pd] = money.map((m) => inWan(m!));
      const priorPart = ratSub(pc!.value, pd!.value);
      for (const wp of wholePairs) {
        const wMoney = [wp.current, wp.change].map((f) => signedMoney(f, report));
        if (wMoney.some((m) => !m)) continue;
        const [wc, wd] = wMoney.map((m) => inWan(m!));
        const priorWhole = ratSub(wc!.value, wd!.value);
        const excess = ratSub(priorPart, priorWhole);
        const v = excessVerdict(excess, Math.min(pc!.scale, pd!.scale, wc!.scale, wd!.scale));
        if (v === 'equal') continue;
        flagged.add(pp.change.span.start);
        ctx.flag({
          messageId: 'prior_exceeds',
          status: v === 'round' ? 'round' : 'fail',
          location: factLocation(pp.change),
          toleranceUnits: slack(ctx, Math.min(pc!.scale, pd!.scale, wc!.scale, wd!.scale)),
          differenceUnits: units(ctx, excess),
          expected: null,
          actual: pp.change.value,
          data: {
            line: lineOf(pp.change),
            part: partSubject,
            partCurrent: pp.current.text,
            partChange: shown(pp.change),
            partPrior: `${printRational(priorPart)}万元`,
            wholeLine: lineOf(wp.change),
            whole: wholeSubject,
            wholeCurrent: wp.current.text,
            wholeChange: shown(wp.change),
            wholePrior: `${printRational(priorWhole)}万元`,
            difference: `${printRational(excess)}万元`,
          },
        });
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 3. A part of a stated breakdown that is stated elsewhere with another value — the other value
//    being the one that makes the breakdown add up (001: 免学费 3117.0475（中央和省级1892.3975，市级1224.56）
//    while 项目二十四 states the 市级 免学费 as 1224.65 twice).
// ---------------------------------------------------------------------------------------------

interface Located {
  paragraph: Paragraph;
  /** Index of the fact's first character in the paragraph text. */
  index: number;
}

/** Paragraphs in source order, for finding the text around a fact. */
function paragraphIndex(report: Readonly<Report>): Paragraph[] {
  return allSections(report)
    .flatMap((s) => s.paragraphs)
    .sort((a, b) => a.span.start - b.span.start);
}

/** The paragraph a fact was read from, when its text is the source slice there. */
function locate(f: Fact, paragraphs: readonly Paragraph[]): Located | undefined {
  const p = paragraphs.find((x) => x.span.start <= f.span.start && f.span.end <= x.span.end);
  if (!p) return undefined;
  const index = f.span.start - p.span.start;
  if (squeeze(p.text.slice(index, index + (f.span.end - f.span.start))) !== squeeze(f.text)) return undefined;
  return { paragraph: p, index };
}

/** The sentence of a fact, as printed (for the qualifier test). */
function sentenceText(f: Fact, paragraphs: readonly Paragraph[]): string {
  const at = locate(f, paragraphs);
  if (!at) return '';
  const text = at.paragraph.text;
  let s = at.index;
  while (s > 0 && !/[。；;！？!?]/.test(text[s - 1]!)) s--;
  let e = at.index;
  while (e < text.length && !/[。；;！？!?]/.test(text[e]!)) e++;
  return squeeze(text.slice(s, e));
}

/** A name as compared: no brackets, quotes, 其中/有/共 around it. */
function core(name: string | undefined): string {
  return squeeze(name ?? '')
    .replace(/^[（(“"‘]+|[)）”"’]+$/g, '')
    .replace(/^(?:其中[：:，,]?|有|共|包括)/, '')
    .replace(/(?:共|合计|为|达)$/, '');
}

/** A name without the generic word for money at its end (资金, 经费, 金额, 支出). */
function generic(name: string): string {
  return name.replace(/(?:资金|经费|金额|支出)$/, '');
}

function decompositions(ctx: RuleContext): void {
  const report = ctx.report;
  const facts = factsOf(report);
  const paragraphs = paragraphIndex(report);
  const money = (f: Fact) => f.measure === 'amount' && f.basis === 'current' && f.value !== null && isMoneyUnit(f.unit);
  for (const w of facts) {
    if (!money(w)) continue;
    const at = locate(w, paragraphs);
    if (!at) continue;
    const text = at.paragraph.text;
    const afterAt = at.index + (w.span.end - w.span.start);
    const open = /^\s*[（(]/.exec(text.slice(afterAt));
    if (!open) continue;
    const openAt = afterAt + open[0].length - 1;
    let depth = 0;
    let closeAt = -1;
    const depthAt = new Map<number, number>();
    for (let i = openAt; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '（' || ch === '(') depth++;
      else if (ch === '）' || ch === ')') depth--;
      depthAt.set(i, depth);
      if (depth === 0) {
        closeAt = i;
        break;
      }
    }
    if (closeAt < 0) continue;
    const base = at.paragraph.span.start;
    const parts = facts.filter((f) => {
      const i = f.span.start - base;
      return f !== w && money(f) && i > openAt && f.span.end - base <= closeAt && depthAt.get(i) === 1 && locate(f, paragraphs)?.paragraph === at.paragraph;
    });
    if (parts.length < 2) continue;
    const total = inWan(signedMoney(w, report)!);
    const terms = parts.map((p) => inWan(signedMoney(p, report)!));
    const sum = terms.reduce((acc, t) => ratAdd(acc, t.value), rat(0n));
    const envelope = [total, ...terms].reduce((acc, t) => ratAdd(acc, halfUnitAt(t.scale)), rat(0n));
    if (ratCmp(ratAbs(ratSub(sum, total.value)), envelope) <= 0) continue;
    const wholeKey = core(w.subject) || core(w.phrase);
    // 档案数字化加工资金 … 市级资金 is restated as 档案数字化加工市级资金: compare without 资金/经费 and the qualifier.
    const wholeCore = generic(wholeKey);
    if (wholeCore.length < 2) continue;
    for (const [i, p] of parts.entries()) {
      const qualifier = generic(core(p.phrase) || core(p.subject));
      if (qualifier.length < 2) continue;
      const pm = signedMoney(p, report)!;
      const others = facts.filter((q) => {
        if (!money(q) || q === w || parts.includes(q)) return false;
        const qi = q.span.start - base;
        if (qi >= openAt && qi <= closeAt && q.span.start >= base && q.span.end <= at.paragraph.span.end) return false;
        const name = squeeze(q.subject === q.phrase ? q.subject : q.subject + (q.phrase ?? ''));
        if (!name.split(qualifier).join('').includes(wholeCore)) return false;
        if (!name.includes(qualifier) && !sentenceText(q, paragraphs).includes(qualifier)) return false;
        if (compareAmounts(pm, signedMoney(q, report)!).match === 'equal') return false;
        const fixed = ratAdd(ratSub(sum, terms[i]!.value), inWan(signedMoney(q, report)!).value);
        return ratCmp(ratAbs(ratSub(fixed, total.value)), envelope) <= 0;
      });
      if (others.length === 0) continue;
      const q = others[0]!;
      const v = compareAmounts(pm, signedMoney(q, report)!).match;
      const fixedSum = ratAdd(ratSub(sum, terms[i]!.value), inWan(signedMoney(q, report)!).value);
      ctx.flag({
        messageId: 'component',
        status: v === 'round' ? 'round' : 'fail',
        location: factLocation(p),
        differenceUnits: units(ctx, ratSub(sum, total.value)),
        expected: q.value,
        actual: p.value,
        data: {
          line: lineOf(p),
          whole: wholeKey,
          total: w.text,
          part: qualifier,
          value: p.text,
          otherLines: joinLines(others),
          otherValue: q.text,
          sum: `${printRational(sum)}万元`,
          fixedSum: `${printRational(fixedSum)}万元`,
          difference: `${printRational(ratAbs(ratSub(sum, total.value)))}万元`,
        },
      });
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Performance indicators: the target the text states = the target of the indicator table
// ---------------------------------------------------------------------------------------------

/** A printed grid as the indicator reader uses it: each row's cells as printed (empty cells kept: they place the others) and its line. */
export interface RowsOfGrid {
  line: number;
  rows: { line: number; cells: string[] }[];
}

/**
 * The printed grids of a report that are not standard tables: `Report.grids` when the recogniser
 * keeps them, else paragraphs that are tab-separated rows (rows at most two lines apart form one grid).
 */
export function gridsOf(report: Readonly<Report>): RowsOfGrid[] {
  if (report.grids) {
    return report.grids.map((g) => ({
      line: g.line,
      rows: g.rows.map((r) => ({ line: r.line ?? r.span.line ?? 0, cells: r.cells.map((c) => c.trim()) })),
    }));
  }
  const grids: RowsOfGrid[] = [];
  for (const p of paragraphIndex(report)) {
    if (!p.text.includes('\t')) continue;
    const line = p.span.line ?? 0;
    const row = { line, cells: p.text.split('\t').map((c) => c.trim()) };
    const last = grids[grids.length - 1];
    const prev = last?.rows[last.rows.length - 1];
    if (last && prev && line - prev.line <= 2) last.rows.push(row);
    else grids.push({ line, rows: [row] });
  }
  return grids;
}

/** A quantity as printed in an indicator: `约 20 人`, `28 万人以上`, `≥90%`. */
export interface Quantity {
  printed: string;
  value: Rational;
  kind: 'percent' | 'money' | 'months' | 'count';
}

const QUANTITY = /(约|≥|≤|不低于|不高于|不超过?|不少于|达到?)?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|亿元|元|万人次|万人|万户|万|亿|个月|%|％|人次|人|名|家|个|次|件|场|户|条|天|日)?(以上|以下|或以上|及以上)?/;

export function parseQuantity(text: string): Quantity | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const a = parseAmount(m[2]!.replace(/,/g, ''));
  if (!a) return undefined;
  const unit = m[3] ?? '';
  let value = ratOfAmount(a);
  if (/^万(?!元)/.test(unit)) value = ratMul(value, rat(10000n));
  if (/^亿(?!元)/.test(unit)) value = ratMul(value, rat(100000000n));
  const kind = /[%％]/.test(unit) ? 'percent' : /元$/.test(unit) ? 'money' : unit === '个月' ? 'months' : 'count';
  if (kind === 'money') value = inWan({ ...a, unit: unit as Money['unit'] }).value;
  return { printed: squeeze(m[0]), value, kind };
}

/** One indicator row: its name, target and achieved value as printed, and the row's line. */
export interface IndicatorRow {
  name: string;
  target: string;
  actual: string;
  line: number;
}

const NAME_HEADER = /^(?:三级)?指标(?:项|名称)?$|^绩效指标$/;
const TARGET_HEADER = /预期实现值|预期值|目标值|指标值|年度指标/;
const ACTUAL_HEADER = /完成情况|实际完成|完成值|实现值|实际值/;

/** Where the name, target and achieved value are in a header row (a merged 绩效指标及年度目标值 spans two columns). */
function headerColumns(cells: string[]): { name: number; target: number; actual: number; width: number } | undefined {
  const c = cells.map(squeeze);
  // 完成情况 is the last such column; 指标内容及年度预期实现值 names the target, not the result.
  const actual = c.findLastIndex((x) => ACTUAL_HEADER.test(x) && !/预期|目标/.test(x));
  const target = c.findIndex((x, i) => i !== actual && TARGET_HEADER.test(x));
  if (actual < 0 || target < 0) return undefined;
  let name = c.findIndex((x) => NAME_HEADER.test(x));
  let t = target;
  if (name < 0 && /指标/.test(c[target]!) && /及/.test(c[target]!) && c[target + 1] === '') {
    name = target;
    t = target + 1;
  }
  if (name < 0 || name >= t || t >= actual) return undefined;
  return { name, target: t, actual, width: c.length };
}

/**
 * The rows of 绩效 indicator tables (指标名称 / 指标值 / 实际完成值, whatever the exact header words):
 * rows shorter than the header are aligned on the right (a leading 分类 cell left out), a row with
 * no name continues the row before it (a cell broken by a page break), and a grid without a header
 * continues the table before it.
 */
export function indicatorRows(grids: readonly RowsOfGrid[]): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  let columns: ReturnType<typeof headerColumns>;
  let lastLine = -Infinity;
  for (const g of grids) {
    // A grid without a header continues the table just before it (a page break), not one further up.
    if ((g.rows[0]?.line ?? 0) - lastLine > 3) columns = undefined;
    for (const r of g.rows) {
      lastLine = r.line;
      const header = headerColumns(r.cells);
      if (header) {
        columns = header;
        continue;
      }
      if (!columns) continue;
      const shift = columns.width - r.cells.length;
      const cell = (i: number) => (i - shift >= 0 ? (r.cells[i - shift] ?? '') : '');
      const name = cell(columns.name).trim();
      const target = cell(columns.target).trim();
      const actual = cell(columns.actual).trim();
      const prev = out[out.length - 1];
      if (name === '' && prev) {
        prev.target += target;
        prev.actual += actual;
        continue;
      }
      if (name !== '') out.push({ name, target, actual, line: r.line });
    }
  }
  return out;
}

/** The target in a target cell: after 预期实现值： / 目标值： when the cell explains the indicator first. */
function targetQuantity(cell: string): Quantity | undefined {
  const s = squeeze(cell);
  const m = /(?:预期实现值?|预期值|目标值|年度目标)[：:]/g;
  let from = -1;
  let x: RegExpExecArray | null;
  while ((x = m.exec(s))) from = x.index + x[0].length;
  return parseQuantity(from >= 0 ? s.slice(from) : s);
}

/** An indicator target stated in the text (数量指标18个，分别为…28万人以上、…13人、…). */
interface TextTarget {
  name: string;
  quantity: Quantity;
  span: Span;
}

const LIST_INTRO = /指标\s*(?:共\s*)?\d+\s*个\s*[，,：:]\s*(?:分别)?(?:为|是|包括)/g;

/** Paragraphs joined where a line of the export broke a sentence, with the source place of each index. */
function joinedParagraphs(report: Readonly<Report>): { text: string; at: (i: number) => { start: number; line: number | undefined } }[] {
  const out: { text: string; at: (i: number) => { start: number; line: number | undefined } }[] = [];
  for (const s of allSections(report)) {
    let pieces: Paragraph[] = [];
    const flush = () => {
      if (pieces.length === 0) return;
      const ps = pieces;
      const offsets: number[] = [];
      let text = '';
      for (const p of ps) {
        offsets.push(text.length);
        text += p.text;
      }
      out.push({
        text,
        at: (i) => {
          let k = offsets.length - 1;
          while (k > 0 && offsets[k]! > i) k--;
          const p = ps[k]!;
          return { start: p.span.start + (i - offsets[k]!), line: p.span.line };
        },
      });
      pieces = [];
    };
    for (const p of s.paragraphs) {
      if (p.text.includes('\t')) {
        flush();
        continue;
      }
      pieces.push(p);
      if (/[。！？!?]\s*$/.test(p.text)) flush();
    }
    flush();
  }
  return out;
}

function textTargets(report: Readonly<Report>): TextTarget[] {
  const out: TextTarget[] = [];
  for (const para of joinedParagraphs(report)) {
    const text = para.text;
    LIST_INTRO.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LIST_INTRO.exec(text))) {
      const start = m.index + m[0].length;
      let end = text.indexOf('。', start);
      if (end < 0) end = text.length;
      // Items are separated by 、 outside brackets.
      let depth = 0;
      let itemStart = start;
      for (let i = start; i <= end; i++) {
        const ch = text[i] ?? '。';
        if (ch === '（' || ch === '(') depth++;
        else if (ch === '）' || ch === ')') depth--;
        else if ((ch === '、' && depth === 0) || i === end) {
          const item = text.slice(itemStart, i);
          const q = QUANTITY.exec(item);
          if (q && q[2]) {
            const name = squeeze(item.slice(0, q.index)).replace(/(?:达到|达|为|约|共|是)+$/, '');
            const quantity = parseQuantity(item.slice(q.index));
            if (name.length >= 2 && quantity && q[3]) {
              const from = para.at(itemStart + (item.length - item.trimStart().length));
              const numberAt = para.at(itemStart + q.index + q[0].search(/\d/));
              const last = para.at(itemStart + q.index + q[0].trimEnd().length - 1);
              out.push({ name, quantity, span: { start: from.start, end: last.start + 1, ...(numberAt.line !== undefined ? { line: numberAt.line } : {}) } });
            }
          }
          itemStart = i + 1;
        }
      }
    }
  }
  return out;
}

/** The table row of an indicator named in the text: same name, one containing the other, or a misprint. */
function findRow(name: string, rows: readonly IndicatorRow[]): IndicatorRow | undefined {
  const key = (s: string) => squeeze(s).replace(/[“”"‘’'，,。；;：:]/g, '');
  const n = key(name);
  const exact = rows.filter((r) => key(r.name) === n);
  if (exact.length > 0) return exact[0];
  const containing = rows.filter((r) => {
    const k = key(r.name);
    return k.length >= 4 && (n.includes(k) || k.includes(n));
  });
  if (containing.length > 0) return containing.reduce((a, b) => (key(b.name).length > key(a.name).length ? b : a));
  const close = rows.filter((r) => Math.min(n.length, key(r.name).length) >= 6 && editDistance(n, key(r.name)) <= 2);
  return close.length === 1 ? close[0] : undefined;
}

function indicatorTargets(ctx: RuleContext): void {
  const rows = indicatorRows(gridsOf(ctx.report));
  if (rows.length === 0) return;
  for (const t of textTargets(ctx.report)) {
    const row = findRow(t.name, rows);
    if (!row) continue;
    const target = targetQuantity(row.target);
    if (!target || target.kind !== t.quantity.kind) continue;
    if (ratCmp(target.value, t.quantity.value) === 0) continue;
    const actual = parseQuantity(squeeze(row.actual).replace(/^.*?(?=(?:约|≥)?\d)/, ''));
    const isActual = actual !== undefined && actual.kind === t.quantity.kind && ratCmp(actual.value, t.quantity.value) === 0;
    ctx.flag({
      messageId: 'target',
      location: { span: t.span },
      expected: target.printed,
      actual: t.quantity.printed,
      data: {
        indicator: row.name,
        line: t.span.line ?? '?',
        stated: t.quantity.printed,
        tableLine: row.line,
        tableValue: target.printed,
        note: isActual ? `（正文所写${t.quantity.printed}是该指标的实际完成值，不是目标值）` : '',
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * N-R2: one quantity stated twice must agree (rules.md §2.4), within the document and without tables:
 * 1. restatements of one quantity (same subject, basis and measure: Fact.related) — amounts through
 *    compareAmounts (1,677.2 = 1,677.20; 0.01 → 尾数误差, info), counts exactly, percentages within
 *    half a unit of the coarser precision;
 * 2. a fiscal part and its whole (财政拨款收支总计 ⊂ 收支总计, 一般公共预算财政拨款基本支出 ⊂ 基本支出 …):
 *    the part cannot exceed the whole this year, nor last year as implied by current − change
 *    (004: 3,037.9 − 1,019.8 = 2,018.10 > 3,037.9 − 1,019.89 = 2,018.01);
 * 3. a part of a stated breakdown that another statement gives with the value the breakdown needs
 *    (001: 市级免学费 1,224.56 in the breakdown of 3,117.0475, 1,224.65 in 项目二十四);
 * 4. a performance indicator's target in the text against the indicator table (002).
 */
export const rule: Rule = {
  meta: {
    id: 'N-R2',
    title: '同一数据多处表述须一致',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.4, §3 [SEED]',
    doc: '文中多处出现的同一数据（同一事项、同一口径、同一指标）须一致：金额按情况说明的精度比较，相差0.01为尾数误差（提示），更大为错误；数量须完全相同。财政拨款部分不能大于其所属总数（本年数，以及由本年数和增减额推算的上年数）；合计的组成部分与文中其他处所述同一数额不一致时，按能使合计成立的数额提示核对；绩效指标正文所述目标值须与指标表一致。',
    messages: {
      restated: '情况说明中“{{subject}}”{{what}}前后不一致：第{{refLines}}行为{{refValue}}，第{{line}}行为{{value}}{{toleranceNote}}请核对并统一',
      part_exceeds: '情况说明第{{line}}行“{{part}}”为{{partValue}}，大于第{{wholeLines}}行“{{whole}}”的{{wholeValue}}（多{{difference}}），而前者是后者的一部分{{toleranceNote}}请核对两处金额',
      prior_exceeds:
        '情况说明第{{line}}行“{{part}}”为{{partCurrent}}、比上年{{partChange}}，第{{wholeLine}}行“{{whole}}”为{{wholeCurrent}}、比上年{{wholeChange}}：由此推算上年{{part}}为{{partPrior}}，大于上年{{whole}}{{wholePrior}}（多{{difference}}），而前者是后者的一部分{{toleranceNote}}两处增减额不可能同时正确，请核对',
      component:
        '情况说明第{{line}}行“{{whole}}”{{total}}的组成部分“{{part}}”为{{value}}，而第{{otherLines}}行所述为{{otherValue}}；按{{value}}计算各组成部分之和为{{sum}}，与{{total}}相差{{difference}}，按{{otherValue}}计算则为{{fixedSum}}，与合计一致。请核对该组成部分',
      target: '绩效指标“{{indicator}}”的目标值前后不一致：正文第{{line}}行为{{stated}}，第{{tableLine}}行的绩效指标表为{{tableValue}}{{note}}。请核对并统一',
    },
  },
  check(ctx) {
    restatements(ctx);
    partsAndWholes(ctx);
    decompositions(ctx);
    indicatorTargets(ctx);
  },
};
