/**
 * The wording helpers of the generated narrative: amounts from integer units, changes with their
 * direction words, growth rates, shares and completion rates rounded half-up from exact integer
 * arithmetic (BigInt), 持平 and 不可比 with a zero base. Every number the narrative prints goes
 * through here, so it is right by construction (rules.md §3: round, never truncate, never force).
 */

/** Amounts of the narrative are integers in hundredths of the money unit (2,169.36 万元 → 216936). */
export const SCALE = 2;

/**
 * A JSON number of a Report (at most `scale` decimals as printed) in integer units, read from its
 * decimal form so 1.15 never becomes 114.99999…; blank (null) and missing read as 0.
 */
export function unitsOf(value: number | null | undefined, scale = SCALE): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return 0;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(Math.abs(value)));
  if (!m) return Math.round(value * 10 ** scale);
  const frac = m[2] ?? '';
  let units = Number(m[1]! + frac.slice(0, scale).padEnd(scale, '0'));
  if ((frac[scale] ?? '0') >= '5') units += 1;
  return value < 0 ? -units : units;
}

/** 216936 → "2,169.36" (always the tables' two decimals: nothing is dropped). */
export function money(units: number, scale = SCALE): string {
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${units < 0 ? '-' : ''}${int}${frac}`;
}

/**
 * part / whole × 100, rounded half-up (away from zero) to `decimals` places, from integers only;
 * undefined when the whole is 0 (a ratio on a zero base is not computable).
 */
export function percent(part: number, whole: number, decimals: number): string | undefined {
  if (whole === 0) return undefined;
  const negative = part < 0 !== whole < 0 && part !== 0;
  const p = BigInt(Math.abs(part));
  const w = BigInt(Math.abs(whole));
  const factor = 10n ** BigInt(2 + decimals);
  // round(p·factor / w) half-up = floor((2·p·factor + w) / (2·w))
  const q = (2n * p * factor + w) / (2n * w);
  const s = q.toString().padStart(decimals + 1, '0');
  const text = decimals > 0 ? `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}` : s;
  return `${negative ? '-' : ''}${text}`;
}

/** What a ratio on a zero base prints (seeds 000/001). */
export const NOT_COMPARABLE = '--（基数为0，不可比）';

export type Direction = 'increase' | 'decrease' | 'flat';

export function direction(current: number, base: number): Direction {
  return current > base ? 'increase' : current < base ? 'decrease' : 'flat';
}

export interface ChangeWords {
  /** 比上年决算数 / 比年初预算数 / 与上年相比 … as the template writes it. */
  against: string;
  /** 与上年决算数持平 */
  flat: string;
}

/**
 * A change against a base: "比上年决算数增加94.16万元，增长4.5%", "…减少…，下降…",
 * "与上年决算数持平", "比上年决算数增加2.00万元，增长--（基数为0，不可比）".
 */
export function change(current: number, base: number, words: ChangeWords, unit: string, decimals: number): string {
  const d = direction(current, base);
  if (d === 'flat') return words.flat;
  const delta = Math.abs(current - base);
  const rate = percent(delta, base, decimals);
  const [verb, rateVerb] = d === 'increase' ? ['增加', '增长'] : ['减少', '下降'];
  return `${words.against}${verb}${money(delta)}${unit}，${rateVerb}${rate === undefined ? NOT_COMPARABLE : `${rate}%`}`;
}

/** "占比93.5%" parts: the share of a part in its whole, or undefined on a zero whole. */
export function share(part: number, whole: number, decimals: number): string | undefined {
  const p = percent(part, whole, decimals);
  return p === undefined ? undefined : `${p}%`;
}

/** "完成年初预算的88.53%", or the not-comparable wording when the budget is 0. */
export function completion(actual: number, budget: number, budgetWord: string, decimals: number): string {
  const p = percent(actual, budget, decimals);
  return `完成${budgetWord}的${p === undefined ? NOT_COMPARABLE : `${p}%`}`;
}

/** The visible marker for a text the preparer must still write (C-R10 reports it). */
export function todo(what: string): string {
  return `【待填写：${what}】`;
}

/** 1 → 一 … 99 → 九十九 (heading ordinals). */
export function ordinal(n: number): string {
  const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  if (n <= 10) return CN[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens]}十${CN[ones]}`;
}
