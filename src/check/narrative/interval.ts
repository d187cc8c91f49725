/**
 * Exact rounding-interval arithmetic for the narrative rules (rules.md §2.4 N-R1…N-R15, §3).
 *
 * Every printed amount stands for an interval (±half a unit of its precision, at least ±0.005 of the
 * table's 2-decimal 万元), so a percentage recomputed from printed amounts is an interval too. A stated
 * percentage is accepted when it lies in that interval widened by half a unit of its own precision.
 * All comparisons are on exact rationals (BigInt numerator/denominator): a binary float would put
 * values such as 1.955 or 99.01 on the wrong side of a boundary.
 */
import type { Amount } from '../../model/amount.js';
import type { MoneyUnit } from '../../model/report.js';
import { formatUnits } from '../format.js';

// ---------------------------------------------------------------------------------------------
// Exact rationals
// ---------------------------------------------------------------------------------------------

/** An exact rational num/den, den > 0, in lowest terms. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Build a normalised rational (den > 0, reduced) so that equal values compare equal field by field. */
export function rat(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('rational with zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

const TEN = 10n;
const pow10 = (k: number): bigint => TEN ** BigInt(k);

/** A printed amount as the exact rational it displays (2,169.36 → 216936/100). */
export function ratOfAmount(a: Amount): Rational {
  return rat(BigInt(a.units), pow10(a.scale));
}

export const ratAdd = (a: Rational, b: Rational): Rational => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const ratSub = (a: Rational, b: Rational): Rational => rat(a.num * b.den - b.num * a.den, a.den * b.den);
export const ratMul = (a: Rational, b: Rational): Rational => rat(a.num * b.num, a.den * b.den);
export const ratDiv = (a: Rational, b: Rational): Rational => rat(a.num * b.den, a.den * b.num);
export const ratNeg = (a: Rational): Rational => ({ num: -a.num, den: a.den });
export const ratAbs = (a: Rational): Rational => (a.num < 0n ? ratNeg(a) : a);
/** −1, 0 or 1 as a < b, a = b, a > b (exact). */
export function ratCmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}
export const ratEq = (a: Rational, b: Rational): boolean => ratCmp(a, b) === 0;
const ratMin = (xs: Rational[]): Rational => xs.reduce((m, x) => (ratCmp(x, m) < 0 ? x : m));
const ratMax = (xs: Rational[]): Rational => xs.reduce((m, x) => (ratCmp(x, m) > 0 ? x : m));
const HUNDRED = rat(100n);
/** Half a unit of `decimals` decimals: 0.5·10^−d. */
export const halfUnitAt = (decimals: number): Rational => rat(1n, 2n * pow10(decimals));

/**
 * Round half away from zero (四舍五入 on the magnitude, as Excel's ROUND and the 决算 system do),
 * giving an Amount at `decimals` decimals. Used for every "correctly rounded" comparison.
 */
export function roundHalfUp(r: Rational, decimals: number): Amount {
  const neg = r.num < 0n;
  const n = (neg ? -r.num : r.num) * pow10(decimals);
  const q = (2n * n + r.den) / (2n * r.den);
  return { units: toSafe(neg ? -q : q), scale: decimals };
}

/** Truncate toward zero at `decimals` decimals: what authors do when they chop instead of round (§3). */
export function truncate(r: Rational, decimals: number): Amount {
  const neg = r.num < 0n;
  const q = ((neg ? -r.num : r.num) * pow10(decimals)) / r.den;
  return { units: toSafe(neg ? -q : q), scale: decimals };
}

function toSafe(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`value out of range: ${v}`);
  return v === 0n ? 0 : n;
}

/** A rational as printed text with `decimals` decimals, rounded half up ("7.61", "6,407.92"): for messages only. */
export function formatRational(r: Rational, decimals: number): string {
  const a = roundHalfUp(r, decimals);
  return formatUnits(a.units, a.scale);
}

/** A percentage value (already ×100) for messages: "7.61%". */
export function formatPercent(percent: Rational, decimals = 2): string {
  return `${formatRational(percent, decimals)}%`;
}

/** An interval of percentages for messages: "7.44%–7.79%", with ∞ for an unbounded side. */
export function formatInterval(iv: Interval, decimals = 2): string {
  const side = (r: Rational | null, inf: string) => (r === null ? inf : formatPercent(r, decimals));
  return `${side(iv.lo, '−∞')}–${side(iv.hi, '+∞')}`;
}

/** The plain JSON number of a rational (lossy): for report payloads, never for comparisons. */
export function ratToNumber(r: Rational): number {
  return Number(r.num) / Number(r.den);
}

// ---------------------------------------------------------------------------------------------
// Amounts: N-R1 / N-R2 equality with units, trailing zeros and coarser narrative precision
// ---------------------------------------------------------------------------------------------

/** A printed amount with its money unit. */
export interface Money extends Amount {
  unit: MoneyUnit;
}

export type AmountMatch = 'equal' | 'round' | 'different';

export interface AmountComparison {
  match: AmountMatch;
  /** The unit both values were compared in: the coarser of the two units. */
  unit: MoneyUnit;
  /** Both values in `unit` (exact; 元 → 万元 is a division by 10^4, not yet rounded). */
  stated: Rational;
  cell: Rational;
  /** stated − cell in `unit`. */
  delta: Rational;
  /** The precision (decimals in `unit`) the comparison was made at: the coarser of the two. */
  decimals: number;
}

const UNIT_EXP: Record<MoneyUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/** Tolerance of a total-vs-total disagreement (§3: ±0.01 is info): one unit at 2 decimals of the compared unit. */
const SLACK = rat(1n, 100n);

/**
 * Compare a narrative amount with a table cell (N-R1) or with another statement of the same quantity (N-R2).
 *
 * - Both are brought to the coarser unit; 元 values keep their full precision (3,898,065.04 元 = 389.806504 万元).
 * - Across units the rules fix `round_half_up(yuan/10000, 2)` (§3): equal iff the finer value rounded half up to the
 *   coarser precision is the coarser value; off by ≤ 0.01 → round.
 * - In one unit, trailing zeros do not matter (1,677.2 = 1,677.20), and a coarser value is equal when
 *   |Δ| ≤ half its unit (§3: a 1-decimal narrative value equals a 2-decimal table value if |Δ| ≤ 0.05);
 *   |Δ| ≤ half unit + 0.01 → round (the ±0.01 of N-R1/N-R2 on top of the narrative's own rounding).
 * Signs are compared as given (a caller turns `减少0.22` into −0.22 if the cell is signed).
 */
export function compareAmounts(stated: Money, cell: Money): AmountComparison {
  const cu = Math.max(UNIT_EXP[stated.unit], UNIT_EXP[cell.unit]);
  const unit = (Object.keys(UNIT_EXP) as MoneyUnit[]).find((u) => UNIT_EXP[u] === cu)!;
  const d = stated.scale + (cu - UNIT_EXP[stated.unit]);
  const e = cell.scale + (cu - UNIT_EXP[cell.unit]);
  const s = rat(BigInt(stated.units), pow10(d));
  const c = rat(BigInt(cell.units), pow10(e));
  const delta = ratSub(s, c);
  const p = Math.min(d, e);
  const absDelta = ratAbs(delta);
  let match: AmountMatch;
  if (stated.unit !== cell.unit) {
    const [fine, coarse] = d > e ? [s, c] : [c, s];
    const residual = ratAbs(ratSub(coarse, ratOfAmount(roundHalfUp(fine, p))));
    match = residual.num === 0n ? 'equal' : ratCmp(residual, SLACK) <= 0 ? 'round' : 'different';
  } else {
    const half = halfUnitAt(p);
    match = ratCmp(absDelta, half) <= 0 ? 'equal' : ratCmp(absDelta, ratAdd(half, SLACK)) <= 0 ? 'round' : 'different';
  }
  return { match, unit, stated: s, cell: c, delta, decimals: p };
}

/** The verdict of compareAmounts alone: 'equal' | 'round' | 'different'. */
export function amountEquals(stated: Money, cell: Money): AmountMatch {
  return compareAmounts(stated, cell).match;
}

/** Convert 元 (or 亿元) to 万元 the way the 决算 system does: round_half_up(yuan/10000, 2) (§3). */
export function toWanyuan(a: Money, decimals = 2): Amount {
  const shift = 4 - UNIT_EXP[a.unit];
  const r = shift >= 0 ? rat(BigInt(a.units), pow10(a.scale + shift)) : rat(BigInt(a.units) * pow10(-shift), pow10(a.scale));
  return roundHalfUp(r, decimals);
}

// ---------------------------------------------------------------------------------------------
// Intervals of ratios and rates
// ---------------------------------------------------------------------------------------------

/** A closed interval; null marks an unbounded side (a base whose interval touches 0). */
export interface Interval {
  lo: Rational | null;
  hi: Rational | null;
}

export interface IntervalOptions {
  /**
   * Displayed amounts are treated as having at least this many decimals (default 2): the narrative's `2.6`
   * is the table's 2.60, so its uncertainty is ±0.005, not ±0.05 (rules.md §3 and the seed intervals
   * 97.01–97.75 for 2.6/2.67 and 7.44–7.79 for −0.22 on 2.67). A value printed with more decimals keeps them.
   */
  minScale?: number;
}

/** The half-unit uncertainty of a displayed amount: ±0.5·10^−max(scale, minScale). */
export function halfUnit(a: Amount, opts: IntervalOptions = {}): Rational {
  return halfUnitAt(Math.max(a.scale, opts.minScale ?? 2));
}

/** [v − h, v + h]: every value the printed amount may stand for. */
export function intervalOf(a: Amount, opts: IntervalOptions = {}): { lo: Rational; hi: Rational } {
  const v = ratOfAmount(a);
  const h = halfUnit(a, opts);
  return { lo: ratSub(v, h), hi: ratAdd(v, h) };
}

/**
 * Range of n/d over a box, from its four corners. n/d is monotone in each variable while the other is fixed
 * (also for the rate c/(C−c), see intervalOfRate), so the extremes are at corners whenever the denominator
 * keeps its sign. When the denominator's interval touches 0 one side is unbounded (null).
 */
function rangeFromCorners(corners: Array<[Rational, Rational]>, num: { lo: Rational; hi: Rational }, den: { lo: Rational; hi: Rational }): Interval {
  const finite = corners.filter(([, d]) => d.num !== 0n).map(([n, d]) => ratDiv(n, d));
  const dl = den.lo.num;
  const dh = den.hi.num;
  if (dl > 0n || dh < 0n) return { lo: ratMin(finite), hi: ratMax(finite) };
  const numPos = num.lo.num > 0n;
  const numNeg = num.hi.num < 0n;
  if (finite.length > 0 && dl === 0n && dh > 0n) {
    if (numPos) return { lo: ratMin(finite), hi: null };
    if (numNeg) return { lo: null, hi: ratMax(finite) };
  }
  if (finite.length > 0 && dh === 0n && dl < 0n) {
    if (numPos) return { lo: null, hi: ratMax(finite) };
    if (numNeg) return { lo: ratMin(finite), hi: null };
  }
  return { lo: null, hi: null };
}

/**
 * The exact range of num/den (a ratio, not ×100) when both printed values carry ±half a unit
 * (share = part/total, completion = actual/budget; N-R5, N-R6). Part and total are treated as
 * independent, as the seeds' intervals do (2.6/2.67 → 97.01%–97.75%).
 */
export function intervalOfRatio(num: Amount, den: Amount, opts: IntervalOptions = {}): Interval {
  const n = intervalOf(num, opts);
  const d = intervalOf(den, opts);
  const corners: Array<[Rational, Rational]> = [
    [n.lo, d.lo],
    [n.lo, d.hi],
    [n.hi, d.lo],
    [n.hi, d.hi],
  ];
  return rangeFromCorners(corners, n, d);
}

/**
 * The exact range of the year-on-year rate change/prior (a ratio, not ×100) with prior = current − change (N-R3):
 * the narrative prints current and change, each ±half a unit, so prior carries ±1 unit and is correlated with
 * change. f(c, C) = c/(C − c) is monotone in C for fixed c and in c for fixed C, hence the extremes are at the
 * corners of the (change, current) box (000 三公: −0.22 on 2.67 → 7.44%–7.79%).
 */
export function intervalOfRate(current: Amount, change: Amount, opts: IntervalOptions = {}): Interval {
  const C = intervalOf(current, opts);
  const c = intervalOf(change, opts);
  const corners: Array<[Rational, Rational]> = [];
  for (const cv of [c.lo, c.hi]) for (const Cv of [C.lo, C.hi]) corners.push([cv, ratSub(Cv, cv)]);
  const prior = { lo: ratSub(C.lo, c.hi), hi: ratSub(C.hi, c.lo) };
  return rangeFromCorners(corners, c, prior);
}

/** The displayed prior-year value of a rate: current − change (both as printed). */
export function priorOf(current: Amount, change: Amount): Amount {
  const scale = Math.max(current.scale, change.scale);
  const u = (a: Amount) => a.units * 10 ** (scale - a.scale);
  return { units: u(current) - u(change), scale };
}

/**
 * A zero base makes a percentage meaningless (N-R4): prior = 0 or budget = 0 ⇒ the narrative must print
 * `--`, `不可比` or `基数为0`, and any number it prints is an error, so callers test this first.
 */
export function zeroBase(base: Amount): boolean {
  return base.units === 0;
}

/** zeroBase for a rate given as current and change: prior = current − change = 0. */
export function zeroPrior(current: Amount, change: Amount): boolean {
  return zeroBase(priorOf(current, change));
}

// ---------------------------------------------------------------------------------------------
// Percentages: N-R3 (rate), N-R5 (share), N-R6 (completion)
// ---------------------------------------------------------------------------------------------

export type PercentKind = 'rate' | 'share' | 'completion';

/**
 * pass: the stated value is the point estimate rounded half up at the stated decimals.
 * truncated: it is the point estimate truncated (info, §3: 001 `91.88%` for 91.889%).
 * round: it lies in the rounding interval widened by half a unit of its precision (info, report the point).
 * fail: none of these. zero-base: the base is 0, no percentage may be printed (N-R4).
 */
export type PercentVerdict = 'pass' | 'round' | 'truncated' | 'fail' | 'zero-base';

export interface PercentCheck {
  verdict: PercentVerdict;
  kind: PercentKind;
  /** Decimals of the stated percentage. */
  decimals: number;
  /** The point estimate in percent from the displayed values; undefined for a zero base. */
  point?: Rational;
  /** The point rounded half up at the stated decimals: the value the narrative should print. */
  expected?: Amount;
  /** The interval in percent (before widening by half a unit); null sides are unbounded. */
  lo: Rational | null;
  hi: Rational | null;
  /** True when the stated value equals the truncated point but not the rounded one (whatever the verdict). */
  truncation: boolean;
  /** True when the magnitudes were compared (a rate stated without sign, the direction being in 增长/下降). */
  magnitude: boolean;
}

export interface PercentOptions extends IntervalOptions {
  /**
   * From how many stated decimals an exact truncation is reported as 'truncated' in preference to 'round'
   * (default 2). At 1 decimal a value inside the interval is 'round' even when it also equals the truncated
   * point (rules.md classes 001 `22.3%` for 22.36% and 000 `97.3%` for 97.38% as ROUND, but 001 `91.88%` and
   * 003 `99.92%` as truncation). A truncation outside the interval is 'truncated' at any precision.
   */
  truncationFromDecimals?: number;
}

function magnitudeInterval(iv: Interval): Interval {
  const { lo, hi } = iv;
  if (lo !== null && lo.num >= 0n) return iv;
  if (hi !== null && hi.num <= 0n) return { lo: ratNeg(hi), hi: lo === null ? null : ratNeg(lo) };
  const hiMag = lo === null || hi === null ? null : ratMax([ratNeg(lo), hi]);
  return { lo: rat(0n), hi: hiMag };
}

const toPercent = (r: Rational | null): Rational | null => (r === null ? null : ratMul(r, HUNDRED));

/**
 * Check a stated percentage against the displayed amounts it is computed from.
 *
 * - kind 'rate' (N-R3): num = change (signed, −0.22 for 减少0.22), den = current; rate = change/(current − change).
 *   A stated value ≥ 0 is compared by magnitude (`下降7.7%` is passed as 7.7; the direction word is N-R4's
 *   business); a negative stated value is compared signed.
 * - kind 'share' (N-R5): num = part, den = total. kind 'completion' (N-R6): num = actual, den = budget.
 */
export function checkPercent(stated: Amount, num: Amount, den: Amount, kind: PercentKind, opts: PercentOptions = {}): PercentCheck {
  const decimals = stated.scale;
  const magnitude = kind === 'rate' && stated.units >= 0;
  const base = kind === 'rate' ? priorOf(den, num) : den;
  if (zeroBase(base)) {
    return { verdict: 'zero-base', kind, decimals, lo: null, hi: null, truncation: false, magnitude };
  }
  let point = kind === 'rate' ? ratDiv(ratOfAmount(num), ratOfAmount(base)) : ratDiv(ratOfAmount(num), ratOfAmount(den));
  let iv = kind === 'rate' ? intervalOfRate(den, num, opts) : intervalOfRatio(num, den, opts);
  point = ratMul(point, HUNDRED);
  iv = { lo: toPercent(iv.lo), hi: toPercent(iv.hi) };
  if (magnitude) {
    point = ratAbs(point);
    iv = magnitudeInterval(iv);
  }
  return classifyPercent(stated, point, iv, kind, opts, magnitude);
}

/**
 * Classify a stated percentage against a point estimate and an interval (both in percent) already computed,
 * e.g. by a rule that derives its own interval (a percentage of a sum). Used by checkPercent; exported so that
 * every rule applies the same pass / truncated / round / fail order.
 */
export function classifyPercent(stated: Amount, point: Rational, iv: Interval, kind: PercentKind, opts: PercentOptions = {}, magnitude = false): PercentCheck {
  const decimals = stated.scale;
  const s = ratOfAmount(stated);
  const expected = roundHalfUp(point, decimals);
  const isRounded = ratEq(s, ratOfAmount(expected));
  const truncation = !isRounded && ratEq(s, ratOfAmount(truncate(point, decimals)));
  const h = halfUnitAt(decimals);
  const inside = (iv.lo === null || ratCmp(s, ratSub(iv.lo, h)) >= 0) && (iv.hi === null || ratCmp(s, ratAdd(iv.hi, h)) <= 0);
  let verdict: PercentVerdict;
  if (isRounded) verdict = 'pass';
  else if (truncation && decimals >= (opts.truncationFromDecimals ?? 2)) verdict = 'truncated';
  else if (inside) verdict = 'round';
  else if (truncation) verdict = 'truncated';
  else verdict = 'fail';
  return { verdict, kind, decimals, point, expected, lo: iv.lo, hi: iv.hi, truncation, magnitude };
}

/** Year-on-year rate (N-R3): stated vs change/(current − change). */
export function checkRate(stated: Amount, current: Amount, change: Amount, opts: PercentOptions = {}): PercentCheck {
  return checkPercent(stated, change, current, 'rate', opts);
}

/** Share of a total (N-R5): stated vs part/total. */
export function checkShare(stated: Amount, part: Amount, total: Amount, opts: PercentOptions = {}): PercentCheck {
  return checkPercent(stated, part, total, 'share', opts);
}

/** Completion / execution rate (N-R6): stated vs actual/budget. */
export function checkCompletion(stated: Amount, actual: Amount, budget: Amount, opts: PercentOptions = {}): PercentCheck {
  return checkPercent(stated, actual, budget, 'completion', opts);
}

// ---------------------------------------------------------------------------------------------
// One decomposition's shares (N-R5 sum rule, §3 "forcing 100.0")
// ---------------------------------------------------------------------------------------------

export interface SharesCheck {
  /** Each share checked by interval; a share found to force the sum (see `forced`) is turned into 'fail'. */
  shares: PercentCheck[];
  /** Σ stated shares (percent). */
  sum: Rational;
  /** Allowed |Σ − 100|: half a unit of each stated share whose part is not 0 (0.05 × n at 1 decimal). */
  tolerance: Rational;
  /**
   * pass: Σ = 100 exactly; round: within tolerance; fail: beyond it; not-a-decomposition: the parts do not
   * add up to the total (beyond the rounding envelope of the printed parts), so the sum rule does not apply.
   */
  sumVerdict: 'pass' | 'round' | 'fail' | 'not-a-decomposition';
  /** Σ of the correctly rounded shares (what the sum should have been). */
  expectedSum: Rational;
  /**
   * Index of the one share mis-rounded so that the shares add to exactly 100 while the correctly rounded shares
   * do not (004: 卫生健康 `1.9%` for 1.955% → 2.0%, the four shares then sum to 100.1). Undefined otherwise.
   */
  forced?: number;
}

/**
 * Check the shares of one decomposition (parts of one total, e.g. the 类 of 一般公共预算 spending): each share by
 * interval, their sum against 100 ± 0.5·10^−d per non-zero share, and the "forced 100.0" pattern of §3.
 */
export function checkShares(stated: readonly Amount[], parts: readonly Amount[], total: Amount, opts: PercentOptions = {}): SharesCheck {
  if (stated.length !== parts.length) throw new RangeError('checkShares: one stated share per part');
  const shares = stated.map((s, i) => checkPercent(s, parts[i]!, total, 'share', opts));
  const sum = stated.reduce((acc, s) => ratAdd(acc, ratOfAmount(s)), rat(0n));
  const tolerance = stated.reduce((acc, s, i) => (parts[i]!.units === 0 ? acc : ratAdd(acc, halfUnitAt(s.scale))), rat(0n));
  const expectedSum = shares.reduce((acc, c) => (c.expected ? ratAdd(acc, ratOfAmount(c.expected)) : acc), rat(0n));

  // The sum rule needs a complete decomposition: Σ parts = total within the printed parts' rounding.
  const partsSum = parts.reduce((acc, p) => ratAdd(acc, ratOfAmount(p)), rat(0n));
  const envelope = [...parts, total].reduce((acc, p) => ratAdd(acc, halfUnitAt(p.scale)), rat(0n));
  const complete = ratCmp(ratAbs(ratSub(partsSum, ratOfAmount(total))), envelope) <= 0;

  const gap = ratAbs(ratSub(sum, HUNDRED));
  let sumVerdict: SharesCheck['sumVerdict'];
  if (!complete) sumVerdict = 'not-a-decomposition';
  else if (gap.num === 0n) sumVerdict = 'pass';
  else sumVerdict = ratCmp(gap, tolerance) <= 0 ? 'round' : 'fail';

  let forced: number | undefined;
  if (complete && gap.num === 0n && !ratEq(expectedSum, HUNDRED) && shares.every((c) => c.verdict !== 'zero-base')) {
    // A share that is neither the correct rounding nor inside its interval (a truncation included).
    const off = shares
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => c.verdict === 'fail' || (c.verdict === 'truncated' && !insideWidened(stated[i]!, c)));
    if (off.length === 1) {
      forced = off[0]!.i;
      shares[forced] = { ...shares[forced]!, verdict: 'fail' };
    }
  }
  return { shares, sum, tolerance, sumVerdict, expectedSum, ...(forced !== undefined ? { forced } : {}) };
}

function insideWidened(stated: Amount, c: PercentCheck): boolean {
  const s = ratOfAmount(stated);
  const h = halfUnitAt(stated.scale);
  return (c.lo === null || ratCmp(s, ratSub(c.lo, h)) >= 0) && (c.hi === null || ratCmp(s, ratAdd(c.hi, h)) <= 0);
}
