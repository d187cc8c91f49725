/**
 * Table identity by title. Titles are matched after normalisation by the longest alias contained in
 * the printed title, so 财政拨款收入支出决算总表 is table 04 although it contains table 01's title,
 * whatever number or position the document gives the table (rules.md §1.1).
 */
import { compact, labelKey } from '../normalise.js';
// One list for the reader (久其 sheet names) and recognition: the model holds it.
import { TABLE_TITLES, type TitleEntry } from '../../model/table-titles.js';

export { TABLE_TITLES, type TitleEntry };

const ALIASES: { id: string; key: string }[] = TABLE_TITLES.flatMap((t) =>
  t.aliases.map((a) => ({ id: t.id, key: titleKey(a) })),
).sort((a, b) => b.key.length - a.key.length);

/** Title comparison key: labelKey without quotes, brackets, 续表 marks and trailing table labels. */
export function titleKey(text: string): string {
  return labelKey(text)
    .replace(/[()（）《》【】\[\]]/g, '')
    .replace(/^(?:附表|附件|表)\d+[-—－.．、:：]*/, '')
    .replace(/(?:公开|附表)?\d{1,2}表$/, '');
}

export interface TitleMatch {
  id: string;
  /** The title as printed, without the table label (表1, 公开01表, 一、). */
  title: string;
  /** The table label printed with the title, if any. */
  label?: string;
}

const LABEL_RE = /^(?:附表\s*\d+|表\s*\d+(?:[-—－]\d+)?|公开\s*\d+\s*表|[一二三四五六七八九十]+[、.．])\s*[:：、.．]?\s*/;
const TRAILING_LABEL_RE = /\s*[（(]?\s*(?:公开\s*\d+\s*表|表\s*\d+|附表\s*\d+)\s*[)）]?\s*$/;

/**
 * Match a line of text against the table titles. The line must look like a title (short, not a
 * sentence), so narrative text that mentions a table by name is not taken for it.
 */
export function matchTitle(text: string): TitleMatch | undefined {
  const c = compact(text);
  if (c.length < 4 || c.length > 70) return undefined;
  if (/[。；;，,]|本表|反映|说明[:：]|情况说明|详见|见附/.test(c)) return undefined;
  const key = titleKey(c);
  const hit = ALIASES.find((a) => key.includes(a.key));
  if (!hit) return undefined;
  // What surrounds the alias may be an entity name or a year, not other words of a sentence.
  const rest = key.replace(hit.key, '');
  if (rest.length > 40) return undefined;
  // The 久其 export's sheet name printed as the page header: form code and number are no part of the title.
  let title = text.trim().replace(/^[A-Z]\d{2,3}\s*(?=[^\x00-\x7f])/, '').replace(/\s*[（(]\s*财决\s*\d+\s*表\s*[)）]\s*$/, '');
  let label: string | undefined;
  const lead = LABEL_RE.exec(title);
  if (lead) {
    label = compact(lead[0]).replace(/[:：、.．]$/, '');
    title = title.slice(lead[0].length);
  }
  const trail = TRAILING_LABEL_RE.exec(title);
  if (trail) {
    label ??= compact(trail[0]).replace(/[()（）]/g, '');
    title = title.slice(0, trail.index);
  }
  return { id: hit.id, title: compact(title), ...(label ? { label } : {}) };
}

/** A line that is only a table label: 表1, 公开01表, 附表3. */
export function matchLabel(text: string): string | undefined {
  const c = compact(text);
  return /^(?:附表\d+|表\d+(?:[-—－]\d+)?|公开\d+表)$/.test(c) ? c : undefined;
}
