/**
 * Document metadata from its own words: title (cover lines joined), year, kind, entity, scope and
 * money unit. Each is decided by the strongest evidence present (see the order in each function).
 */
import type { Block } from '../model/document.js';
import { sourceOffset } from '../model/document.js';
import type { DateMention, MoneyUnit, ReportKind, ReportScope } from '../model/report.js';
import { compact } from './normalise.js';
import type { LocatedTable } from './locate.js';

const KIND_END = /(?:决算|预算|报告|公开|说明|评价|自评表|自评)$/;
const COVER_NOISE = /^(?:仅供|内部|草稿|公开时间|发布时间|日期|编制|目录|目\s*录$)|^\d{4}年\d{1,2}月(?:\d{1,2}日)?$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;
const SECTION_START = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;

export function isTocHeading(text: string): boolean {
  return /^目\s*录$/.test(text.trim());
}

/** The cover title: the first lines before the table of contents or the first section. */
export function findTitle(blocks: Block[], htmlTitle: string | undefined): string {
  const counts = new Map<string, number>();
  for (const b of blocks) if (b.kind !== 'table') counts.set(compact(b.text), (counts.get(compact(b.text)) ?? 0) + 1);
  const pieces: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') break;
    const t = compact(b.text);
    if (isTocHeading(t) || (b.kind === 'paragraph' && b.toc)) break;
    if (SECTION_START.test(t) && pieces.length > 0) break;
    if (SECTION_START.test(t)) break;
    if (COVER_NOISE.test(t) || (counts.get(t) ?? 0) >= 2 || t === '') continue;
    // An entity line (部门名称：…) belongs to a table's header, not to the title above it.
    if (/^(?:单位名称|部门名称|编制单位|编制部门|预算单位|单位|部门)[:：]/.test(t)) break;
    pieces.push(t);
    if (KIND_END.test(t) && /决算|预算|绩效|评价/.test(pieces.join(''))) break;
    if (pieces.length >= 4) break;
  }
  const joined = pieces.join('');
  if (/决算|预算|绩效|评价/.test(joined) && joined.length <= 120) return joined;
  if (htmlTitle && /决算|预算|绩效/.test(htmlTitle)) return compact(htmlTitle);
  for (const b of blocks.slice(0, 60)) {
    if (b.kind === 'table') continue;
    const t = compact(b.text);
    if (t.length <= 80 && /\d{4}年度?.*(?:决算|预算|自评报告)/.test(t) && !/[，。]/.test(t)) return t;
  }
  return joined;
}

export function findYear(title: string, text: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(title);
  if (m) return Number(m[1]);
  const counts = new Map<number, number>();
  for (const y of text.slice(0, 200_000).matchAll(/((?:19|20)\d{2})\s*年度/g)) counts.set(Number(y[1]), (counts.get(Number(y[1])) ?? 0) + 1);
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

export function findKind(title: string, hasTables: boolean): ReportKind | undefined {
  if (/绩效/.test(title) && /评价|自评/.test(title)) return 'performance-evaluation';
  if (/决算/.test(title)) return 'final-accounts';
  if (/预算/.test(title)) return 'budget';
  return hasTables ? 'final-accounts' : undefined;
}

const KIND_SUFFIX =
  /(?:部门|单位)?(?:整体支出)?(?:绩效自评报告|绩效评价报告|绩效自评|自评报告|决算信息公开|决算公开|决算报告|决算说明|决算|预算信息公开|预算公开|预算)$/;

/** How a whole entity name ends (an office, a unit, a government): not a name cut short. */
const COMPLETE_NAME = /(?:局|院|厅|委员会|委|办公室|办|中心|站|所|部|处|会|校|馆|队|司|社|室|园|团|场|台|单位|政府|机关|本级)$/;

/** The entity from the title (year and kind words removed), else from the tables' 单位：/部门： lines. */
export function findEntity(title: string, tables: LocatedTable[]): string {
  const t = compact(title);
  const year = /(?:19|20)\d{2}年度?/.exec(t);
  let candidates: string[] = [];
  if (year) candidates = [t.slice(0, year.index), t.slice(year.index + year[0].length)];
  else candidates = [t];
  for (const c of candidates) {
    const name = c.replace(KIND_SUFFIX, '').replace(KIND_SUFFIX, '');
    if (name.length >= 2 && /[局院厅委办中心站所部处会校馆队司社室]|单位|政府/.test(name)) return name;
  }
  const counts = new Map<string, number>();
  for (const tb of tables) if (tb.entityLine) counts.set(tb.entityLine[1], (counts.get(tb.entityLine[1]) ?? 0) + 1);
  // A name cut short (a sheet cell clipped by its neighbour, a line wrapped in a narrow cell:
  // `晋城市`, `示例市第`) is a prefix of the full name another table prints: it votes for that one.
  const votes = (name: string) => {
    let n = 0;
    for (const [other, k] of counts) if (other === name || (name.startsWith(other) && !COMPLETE_NAME.test(other))) n += k;
    return n;
  };
  let best = '';
  for (const name of counts.keys()) {
    const d = best ? votes(name) - votes(best) : 1;
    if (d > 0 || (d === 0 && ((counts.get(name) ?? 0) > (counts.get(best) ?? 0) || ((counts.get(name) ?? 0) === (counts.get(best) ?? 0) && name.length > best.length)))) best = name;
  }
  return best || candidates.map((c) => c.replace(KIND_SUFFIX, '')).find((c) => c.length >= 2) || '';
}

/**
 * 部门 (consolidated) or 单位 (one unit). Evidence in order: the title (单位决算 / 部门整体), what the
 * document says about its composition (没有下属单位 … / 包括本级和下属…), the 单位：/部门： lines of
 * the tables, the table notes (本表反映单位/部门…), then 部门决算 in the title.
 */
export function findScope(title: string, text: string, tables: LocatedTable[]): ReportScope | null {
  const t = compact(title);
  if (/单位决算|单位预算|单位整体/.test(t)) return 'unit';
  if (/部门整体/.test(t)) return 'department';
  const body = compact(text.slice(0, 400_000));
  if (/没有下属(?:预算)?单位|无下属(?:预算)?单位|单独编制本单位|不存在下属单位|只有本级|仅有本级|仅包括本级/.test(body)) return 'unit';
  if (/包括本级和下属|包括(?:局|部门)?本级(?:及|和)|下属\d+个(?:预算)?单位|(?:编报|编制)范围的(?:独立编制)?单位(?:共\d+个|包括)|所属单位包括/.test(body)) {
    return 'department';
  }
  let unit = 0;
  let dept = 0;
  for (const tb of tables) {
    const word = tb.entityLine?.[0];
    if (word === '单位' || word === '单位名称' || word === '编制单位' || word === '预算单位') unit++;
    if (word === '部门' || word === '编制部门') dept++;
  }
  if (unit !== dept) return unit > dept ? 'unit' : 'department';
  const unitNotes = (body.match(/本表反映单位/g) ?? []).length;
  const deptNotes = (body.match(/本表反映部门/g) ?? []).length;
  if (unitNotes !== deptNotes) return unitNotes > deptNotes ? 'unit' : 'department';
  if (/部门决算|部门预算/.test(t)) return 'department';
  return null;
}

/** The tables' unit (单位：万元), by majority; else the unit most amounts of the narrative use. */
export function findMoneyUnit(tables: LocatedTable[], text: string): MoneyUnit {
  const counts = new Map<MoneyUnit, number>();
  for (const tb of tables) if (tb.unit) counts.set(tb.unit as MoneyUnit, (counts.get(tb.unit as MoneyUnit) ?? 0) + 1);
  if (counts.size === 0) {
    // No tables: 万元 is the disclosures' unit whenever the narrative uses it at all; 亿元 figures
    // there are headline totals (整体收支规模 119.58亿元), not the unit of the accounts.
    for (const m of text.matchAll(/\d(?:[\d,，.]*\d)?\s*(亿元|万元|元)/g)) {
      const u = m[1] as MoneyUnit;
      counts.set(u, (counts.get(u) ?? 0) + 1);
    }
    if (counts.has('万元')) return '万元';
  }
  let best: MoneyUnit = '万元';
  for (const [u, n] of counts) if (n > (counts.get(best) ?? 0)) best = u;
  return best;
}

const DATE = String.raw`((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?!\d))`;
/** 公开时间：2024年9月25日 (also 发布时间 / 公开日期), as a document prints it on its cover or contents. */
const PUBLISHED_RE = new RegExp(String.raw`(?:公开|发布)(?:时间|日期)\s*[:：]\s*${DATE}`);
/** 批复时间：… / 于2024年8月30日批复 / 批复日期为… — a date bound to the word 批复 in one clause. */
const APPROVED_RES = [
  new RegExp(String.raw`批复(?:时间|日期)\s*(?:[:：]|为)\s*${DATE}`),
  new RegExp(String.raw`${DATE}[^。；;，,\n]{0,20}?批复`),
  new RegExp(String.raw`批复[^。；;\n]{0,12}?${DATE}`),
];

function isoDate(m: RegExpExecArray): string | undefined {
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4]);
  const d = Number(m[3] ?? m[5]);
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The disclosure dates a document prints about itself: 公开时间 and the date of the 批复. Only the
 * labelled forms are read; a date merely near the word 公开 (the department published something
 * else on that day) is not this document's publication date.
 */
export function findDisclosureDates(blocks: Block[]): { published?: DateMention; approved?: DateMention } {
  const found: { published?: DateMention; approved?: DateMention } = {};
  const mention = (b: Exclude<Block, { kind: 'table' }>, m: RegExpExecArray): DateMention | undefined => {
    const date = isoDate(m);
    if (!date) return undefined;
    const start = sourceOffset(b.pos, b.shifts, m.index);
    const end = sourceOffset(b.pos, b.shifts, m.index + m[0].length);
    return { date, text: m[0], span: { start, end, line: b.pos.line, ...(b.pos.page !== undefined ? { page: b.pos.page } : {}) } };
  };
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    if (!found.published) {
      const m = PUBLISHED_RE.exec(b.text);
      const d = m ? mention(b, m) : undefined;
      if (d) found.published = d;
    }
    if (!found.approved) {
      for (const re of APPROVED_RES) {
        const m = re.exec(b.text);
        const d = m ? mention(b, m) : undefined;
        if (d) {
          found.approved = d;
          break;
        }
      }
    }
    if (found.published && found.approved) break;
  }
  return found;
}
