/**
 * Printed amounts. Values are kept as integers scaled by 10^scale (e.g. 2,169.36 → 216936, scale 2),
 * so sums never suffer binary-float drift; `toNumber` gives the plain JSON number of the Report.
 */
export interface Amount {
  /** The value in units of 10^-scale. Safe for any amount a budget prints (< 9e13 at scale 2). */
  units: number;
  scale: number;
}

const AMOUNT_RE = /^[-−－]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?$/;

/** The dashes publishers print for "not applicable". They read as null, never as 0. */
const NOT_APPLICABLE_RE = /^(?:[—–\-－─━]{1,4}|\/|／|＼|\\|不适用|无)$/;

export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE_RE.test(text.trim());
}

/** Normalise the printed form: full-width digits and signs, spaces inside the number. */
function normaliseNumberText(text: string): string {
  return text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.')
    // A space is a thousands separator only before a group of three digits ("1 234.56"); "1 2" stays two numbers.
    .replace(/(?<=\d)[\s\u00a0](?=\d{3}(?:\D|$))/g, '')
    .replace(/^\((.*)\)$/, '-$1');
}

/** Parse a printed amount ("2,169.36", "0.00", "-12.5"); undefined when the text is not an amount. */
export function parseAmount(text: string): Amount | undefined {
  const t = normaliseNumberText(text);
  if (!AMOUNT_RE.test(t)) return undefined;
  const negative = /^[-−－]/.test(t);
  const digits = t.replace(/^[-−－]/, '').replace(/[,，]/g, '');
  const dot = digits.indexOf('.');
  const scale = dot < 0 ? 0 : digits.length - dot - 1;
  const units = Number(digits.replace('.', ''));
  if (!Number.isSafeInteger(units)) return undefined;
  return { units: negative && units !== 0 ? -units : units, scale };
}

/** True when the text looks like a printed amount (used to tell data rows from header rows). */
export function isAmountText(text: string): boolean {
  return parseAmount(text) !== undefined;
}

/** The plain number as printed (2169.36); exact because it is built from the decimal string. */
export function toNumber(amount: Amount): number {
  if (amount.scale === 0) return amount.units;
  const sign = amount.units < 0 ? '-' : '';
  const abs = String(Math.abs(amount.units)).padStart(amount.scale + 1, '0');
  return Number(`${sign}${abs.slice(0, -amount.scale)}.${abs.slice(-amount.scale)}`);
}

/** Bring a JSON number back to integer units at a given scale (exact for numbers printed with ≤ scale decimals). */
export function toUnits(value: number, scale: number): number {
  return Math.round(value * 10 ** scale);
}
