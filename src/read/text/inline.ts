/**
 * Inline clean-up for text and markdown lines: drop emphasis marks (`**`, `__`), simple HTML tags
 * (`<b>`, `<strong>`, `<br>` …) and list bullets, and record where characters were removed so
 * positions in the cleaned text map back to the source exactly.
 */
import type { Shifts } from '../../model/document.js';

const REMOVABLE = /\*\*|__|<\/?(?:b|strong|em|i|u|span|font|br|sup|sub)\b[^>]*>/gi;
const BULLET = /^[-*+•·]\s+/;
/** `- 3 -`: a page number, not a bulleted `3 -`. */
const PAGE_NUMBER = /^[-—–－]\s*\d+\s*[-—–－]\s*$/;

export interface CleanText {
  text: string;
  /** Source characters skipped before the text begins (leading blanks, bullet). */
  lead: number;
  shifts: Shifts | undefined;
}

/** Clean one source line. `shifts` are relative to the line's first source character. */
export function cleanInline(line: string): CleanText {
  let lead = 0;
  const leading = /^[\s\u3000]+/.exec(line);
  if (leading) lead = leading[0].length;
  let body = line.slice(lead);
  const bullet = PAGE_NUMBER.test(body) ? null : BULLET.exec(body);
  if (bullet) {
    lead += bullet[0].length;
    body = body.slice(bullet[0].length);
  }
  let text = '';
  let shifts: Shifts | undefined;
  let removed = 0;
  let last = 0;
  REMOVABLE.lastIndex = 0;
  for (let m = REMOVABLE.exec(body); m; m = REMOVABLE.exec(body)) {
    text += body.slice(last, m.index);
    removed += m[0].length;
    last = m.index + m[0].length;
    (shifts ??= []).push([text.length, lead + removed]);
  }
  text += body.slice(last);
  const trimmed = text.replace(/[\s\u3000]+$/, '');
  if (shifts === undefined && lead === 0) return { text: trimmed, lead, shifts: undefined };
  return { text: trimmed, lead, shifts: shifts ?? undefined };
}

/** Normalise a table cell: markup removed and blanks trimmed (inner spaces kept as printed). */
export function cleanCell(cell: string): string {
  return cell.replace(REMOVABLE, '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}
