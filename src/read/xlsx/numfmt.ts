/**
 * A spreadsheet number as it is displayed: the cell's number format decides the decimals, the
 * thousands separator, a percent sign, literal text and the section used for negatives and zero
 * (`#,##0.00;-#,##0.00;` prints zero as blank, as Shanxi's tables do). Rounding is done on the
 * decimal digits of the value (15 significant digits, as Excel does), never with binary-float
 * arithmetic, so 2169.355 shown with 2 decimals is 2,169.36 and 0.1 + 0.2 is 0.3.
 */

/** Split a format into its `;` sections, ignoring `;` inside quotes, brackets and after `\`. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      cur += fmt.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      cur += fmt.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i + 1);
      const stop = end < 0 ? fmt.length : end;
      cur += fmt.slice(i, stop + 1);
      i = stop;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

interface Parsed {
  prefix: string;
  suffix: string;
  /** Any digit placeholder at all (a section of only literals prints just them). */
  numeric: boolean;
  decimals: number;
  thousands: boolean;
  percent: boolean;
  /** Trailing commas after the digits: each divides by 1,000. */
  scale: number;
  date: boolean;
  condition: boolean;
}

function parseSection(section: string): Parsed {
  let prefix = '';
  let suffix = '';
  let numeric = false;
  let decimals = 0;
  let thousands = false;
  let percent = false;
  let afterPoint = false;
  let trailingCommas = 0;
  let date = false;
  let condition = false;
  let seenDigits = false;
  const literal = (s: string) => {
    if (seenDigits) suffix += s;
    else prefix += s;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === '\\') {
      literal(section[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      if (/^[<>=]/.test(inner)) condition = true;
      if (/^(h+|m+|s+)$/i.test(inner)) date = true;
      i = end < 0 ? section.length : end;
    } else if (ch === '_' || ch === '*') {
      i++; // padding and fill characters print nothing meaningful here
    } else if (ch === '0' || ch === '#' || ch === '?') {
      numeric = true;
      seenDigits = true;
      if (afterPoint) decimals++;
      if (trailingCommas > 0 && !afterPoint) {
        thousands = true;
        trailingCommas = 0;
      }
    } else if (ch === '.' && (numeric || /[0#?]/.test(section.slice(i + 1, i + 2)))) {
      afterPoint = true;
      seenDigits = true;
      numeric = true;
    } else if (ch === ',' && seenDigits) {
      trailingCommas++;
    } else if (ch === '%') {
      percent = true;
      literal('%');
    } else if (/[yYmMdDhHsS年月日时分秒]/.test(ch) && !numeric) {
      date = true;
    } else if (/[eE]/.test(ch) && numeric) {
      // Scientific notation: shown here as the plain number.
      i++;
    } else if (/^general/i.test(section.slice(i))) {
      i += 6;
    } else {
      literal(ch);
    }
  }
  return { prefix, suffix, numeric, decimals, thousands, percent, scale: trailingCommas, date, condition };
}

/** Whether a number format shows dates or times. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || /^general$/i.test(fmt.trim())) return false;
  const first = sections(fmt)[0] ?? '';
  const p = parseSection(first);
  return p.date && !p.numeric;
}

/** Digits of |v| to 15 significant digits: [digits, exponent of the first digit]. */
function decimalDigits(v: number): [number[], number] {
  const s = Math.abs(v).toExponential(14); // d.ddddddddddddddde±x
  const [mant, exp] = s.split('e') as [string, string];
  return [mant.replace('.', '').split('').map(Number), Number(exp)];
}

/** |v| × 10^shift rounded half away from zero to `decimals` places, as [integer digits, fraction digits]. */
export function roundDecimal(v: number, decimals: number, shift = 0): [string, string] {
  if (v === 0 || !Number.isFinite(v)) return ['0', '0'.repeat(decimals)];
  const [digits, e] = decimalDigits(v);
  const exp = e + shift;
  // Position of the decimal point after digit index exp (digit 0 has weight 10^exp).
  const keep = exp + 1 + decimals; // number of digits kept
  let kept: number[];
  if (keep <= 0) {
    kept = keep === 0 && digits[0]! >= 5 ? [1] : [0];
    return split(kept, decimals);
  }
  kept = digits.slice(0, keep);
  while (kept.length < keep) kept.push(0);
  if ((digits[keep] ?? 0) >= 5) {
    let i = kept.length - 1;
    while (i >= 0) {
      if (kept[i]! < 9) {
        kept[i]!++;
        break;
      }
      kept[i] = 0;
      i--;
    }
    if (i < 0) kept.unshift(1);
  }
  return split(kept, decimals);
}

/** Digits ending at the last kept decimal place → [integer part, fraction]; leading zeros added. */
function split(digits: number[], decimals: number): [string, string] {
  const all = digits.join('').padStart(decimals + 1, '0');
  const intPart = all.slice(0, all.length - decimals).replace(/^0+(?=\d)/, '') || '0';
  return [intPart, all.slice(all.length - decimals)];
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Excel's General format: up to 15 significant digits, no trailing zeros. */
function general(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = String(Number(v.toPrecision(15)));
  if (!/e/i.test(s)) return s;
  // Plain digits for large and small numbers (a published amount is never shown in exponent form).
  const [i, f] = roundDecimal(v, 10);
  const frac = f.replace(/0+$/, '');
  return `${v < 0 ? '-' : ''}${i}${frac ? `.${frac}` : ''}`;
}

/** The displayed text of a number under a format (`General` when absent). */
export function formatNumber(v: number, fmt: string | undefined): string {
  if (fmt === undefined || fmt === '' || /^general$/i.test(fmt.trim()) || fmt.includes('@')) return general(v);
  const secs = sections(fmt);
  let section = secs[0]!;
  let negSection = false;
  if (v < 0 && secs.length >= 2 && !parseSection(secs[0]!).condition) {
    section = secs[1]!;
    negSection = true;
  } else if (v === 0 && secs.length >= 3) {
    section = secs[2]!;
  }
  const p = parseSection(section);
  if (p.date) return general(v);
  if (!p.numeric) {
    // A section of literals only (`"-"`, or empty: zero printed as blank).
    if (/^general$/i.test(section.trim())) return general(v);
    return (p.prefix + p.suffix).trim();
  }
  const [intPart, frac] = roundDecimal(v, p.decimals, (p.percent ? 2 : 0) - 3 * p.scale);
  const zero = /^0*$/.test(intPart + frac);
  const sign = v < 0 && !negSection && !zero ? '-' : '';
  const body = (p.thousands ? group(intPart) : intPart) + (p.decimals > 0 ? `.${frac}` : '');
  return (sign + p.prefix + body + p.suffix).trim();
}

/** A date as shown: `2024年9月25日` for a Chinese format, else ISO `2024-09-25` (with the time if any). */
export function formatDate(date: Date, fmt: string | undefined): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  if (fmt && /年/.test(fmt)) return /日|d/i.test(fmt) ? `${y}年${m}月${d}日` : `${y}年${m}月`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${y}-${pad(m)}-${pad(d)}`;
  const h = date.getUTCHours();
  const min = date.getUTCMinutes();
  return h || min ? `${day} ${pad(h)}:${pad(min)}` : day;
}

/** An Excel serial day number (1900 date system) as a Date. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}
