/** Text normalisation shared by recognition: labels are compared after these steps, never raw. */

const BLANK = /[\s\u3000\u00a0]/;
const BLANKS = /[\s\u3000\u00a0]+/g;

/** Remove all whitespace (extraction spaces inside CJK words: "公务用车购 置费"). */
export function compact(text: string): string {
  // Most cells and labels hold no blank at all: skip building a new string for them (a hot path).
  return BLANK.test(text) ? text.replace(BLANKS, '') : text;
}

const ORDINAL_PREFIX =
  /^(?:第[一二三四五六七八九十百零〇]+部分[:：、.．\s]*|[一二三四五六七八九十百]+[、.．,，]|[（(][一二三四五六七八九十百\d]+[)）][、.．]?|\d{1,2}[.．、](?!\d)|[①-⑳])/;

/** Strip one printed ordinal prefix: 一、 （一） (一) 1. 1、 ①. */
export function stripOrdinal(text: string): string {
  return text.replace(ORDINAL_PREFIX, '');
}

/** The printed name of a row: ordinal prefix and all spaces removed, brackets as printed. */
export function rowName(text: string): string {
  return stripOrdinal(compact(text));
}

/**
 * A key for comparing labels: spaces, ordinal, quotes and punctuation variants removed, brackets
 * unified to half-width, so 因公出国（境）费 = 因公出国 (境)费 and “三公” = "三公" = 三公.
 */
export function labelKey(text: string): string {
  return stripOrdinal(compact(text))
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/[：:]$/, '');
}

/** Digits of a classification code as printed ("208", "2080101", "201 06 01" → "2010601"). */
export function codeDigits(text: string): string | undefined {
  const t = compact(text);
  return /^\d{3}(?:\d{2}){0,3}$/.test(t) ? t : undefined;
}

/**
 * A classification code printed alone or in front of its name, in one cell: "208",
 * "208 社会保障和就业支出", "30101基本工资" (PDF copies and some templates merge the two columns).
 */
export function splitCode(text: string): { code: string; name: string } | undefined {
  const t = text.trim();
  const alone = codeDigits(t);
  if (alone) return { code: alone, name: '' };
  const m = /^(\d{3}(?:\s?\d{2}){0,3})(?!\d)\s*([^\d\s.,，．%].*)$/.exec(t);
  const code = m ? codeDigits(m[1]!) : undefined;
  return code ? { code, name: m![2]!.trim() } : undefined;
}

const WIDE_NUMBER = /^[\s\u3000]*[－-]?[０-９][０-９0-9，,．.]*[\s\u3000]*$/;

/**
 * A number cell typed in full-width forms (`２，１６９．３６`, code `２０８`, 行次 `２７`) in ASCII, so
 * codes, 行次 and 栏次 compare as digits. Other text is returned as printed.
 */
export function foldWideNumber(text: string): string {
  if (!WIDE_NUMBER.test(text)) return text;
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/，/g, ',')
    .replace(/．/g, '.')
    .replace(/－/g, '-');
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十六 → 26 (up to 99). */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const t = text.trim();
  if (!/^[〇零一二两三四五六七八九十]+$/.test(t)) return undefined;
  const ten = t.indexOf('十');
  if (ten < 0) return t.length === 1 ? CN_DIGITS[t] : undefined;
  const tens = ten === 0 ? 1 : (CN_DIGITS[t[0]!] ?? 0);
  const ones = ten === t.length - 1 ? 0 : (CN_DIGITS[t[ten + 1]!] ?? 0);
  return tens * 10 + ones;
}
