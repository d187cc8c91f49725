/** Score ranges (exact rationals; lo = hi when exact) and the genre's score formatting. */
import { formatRational, rat, ratAdd, ratCmp, ratEq, roundHalfUp, type Rational } from '../narrative/interval.js';

/** lo = hi when the score is exact. */
export interface ScoreRange {
  lo: Rational;
  hi: Rational;
}

export const exact = (r: Rational): ScoreRange => ({ lo: r, hi: r });
export const rangeAdd = (a: ScoreRange, b: ScoreRange): ScoreRange => ({ lo: ratAdd(a.lo, b.lo), hi: ratAdd(a.hi, b.hi) });
export const isExact = (r: ScoreRange): boolean => ratEq(r.lo, r.hi);
export const inRange = (x: Rational, r: ScoreRange): boolean => ratCmp(x, r.lo) >= 0 && ratCmp(x, r.hi) <= 0;

/** Round as the genre prints a score (half up at the scheme's decimals); the exact rational back. */
export function roundScore(r: Rational, decimals: number): Rational {
  const a = roundHalfUp(r, decimals);
  return rat(BigInt(a.units), 10n ** BigInt(a.scale));
}

/** A score for output: the scheme's decimals, trailing zeros kept as the genre prints them (86.93, 97.998). */
export function formatScore(r: Rational, decimals: number): string {
  return formatRational(r, decimals).replace(/,/g, '');
}

/** A score for output with up to `max` decimals, without trailing zeros (4.99915, 2.5, 10). */
export function formatExactish(r: Rational, max = 5): string {
  const s = formatRational(r, max).replace(/,/g, '');
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

export function formatRange(r: ScoreRange, decimals: number): string {
  return isExact(r) ? formatScore(r.lo, decimals) : `${formatScore(r.lo, decimals)}–${formatScore(r.hi, decimals)}`;
}

