/**
 * Table identity by title. Titles are matched after normalisation by the longest alias contained in
 * the printed title, so 财政拨款收入支出决算总表 is table 04 although it contains table 01's title,
 * whatever number or position the document gives the table (rules.md §1.1).
 */
import { compact, labelKey } from '../normalise.js';

export interface TitleEntry {
  id: string;
  /** The national name, used when a document prints none. */
  name: string;
  aliases: string[];
}

export const TABLE_TITLES: TitleEntry[] = [
  { id: '01', name: '收入支出决算总表', aliases: ['收入支出决算总表', '收支决算总表'] },
  { id: '02', name: '收入决算表', aliases: ['收入决算表', '收入决算总表'] },
  { id: '03', name: '支出决算表', aliases: ['支出决算表', '支出决算总表'] },
  { id: '04', name: '财政拨款收入支出决算总表', aliases: ['财政拨款收入支出决算总表', '财政拨款收入支出决算表', '财政拨款收支决算总表'] },
  { id: '05', name: '一般公共预算财政拨款支出决算表', aliases: ['一般公共预算财政拨款支出决算表'] },
  {
    id: '06',
    name: '一般公共预算财政拨款基本支出决算明细表',
    aliases: ['一般公共预算财政拨款基本支出决算明细表', '一般公共预算财政拨款基本支出决算表'],
  },
  { id: '07', name: '政府性基金预算财政拨款收入支出决算表', aliases: ['政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款支出决算表'] },
  { id: '08', name: '国有资本经营预算财政拨款支出决算表', aliases: ['国有资本经营预算财政拨款支出决算表'] },
  {
    id: '09',
    name: '财政拨款“三公”经费支出决算表',
    aliases: [
      '财政拨款三公经费支出决算表',
      '一般公共预算财政拨款三公经费支出决算表',
      '一般公共预算财政拨款三公经费及会议费培训费支出决算表',
      '三公经费行政参公单位机关运行经费情况表',
      '三公经费支出决算表',
    ],
  },
  { id: '10', name: '部门决算公开相关信息统计表', aliases: ['部门决算公开相关信息统计表', '部门决算相关信息统计表', '单位决算公开相关信息统计表'] },
  // Sichuan's 13-table set adds four tables (rules.md §1.13); their expected layout is data in model/sc-tables.ts (tables/sc.ts).
  { id: 'sc-fiscal-detail', name: '财政拨款支出决算明细表', aliases: ['财政拨款支出决算明细表'] },
  { id: 'sc-gpb-detail', name: '一般公共预算财政拨款支出决算明细表', aliases: ['一般公共预算财政拨款支出决算明细表'] },
  { id: 'sc-gpb-project', name: '一般公共预算财政拨款项目支出决算表', aliases: ['一般公共预算财政拨款项目支出决算表'] },
  { id: 'sc-state-capital', name: '国有资本经营预算财政拨款收入支出决算表', aliases: ['国有资本经营预算财政拨款收入支出决算表', '国有资本经营预算财政拨款收支决算表'] },
];

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
