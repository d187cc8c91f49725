/** Text normalisation shared by recognition: labels are compared after these steps, never raw. */

/** Remove all whitespace (extraction spaces inside CJK words: "公务用车购 置费"). */
export function compact(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '');
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
