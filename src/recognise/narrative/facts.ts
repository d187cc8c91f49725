/**
 * Facts: the quantitative statements of the narrative (情况说明), each with its subject, basis,
 * measure, printed value, unit and precision, and the table cell it restates when there is one.
 *
 * Reading is clause by clause, in one left-to-right pass over each paragraph (no backtracking):
 * - a number with 万元/元/亿元 is an amount, or a change when it follows 增加/减少;
 *   a decimal number with no unit is an amount with unit '' (rule N-R13 flags it);
 * - a percentage is a rate (after 增长/下降), a share (占 …), or a completion (完成 … 的 / 执行率);
 * - 辆, 人次, 批次, 个, 台（套）, 名, 万人 … make counts, and so does 分 (the points of an evaluation);
 * - 持平 / 与上年相同 make a change with value null and direction 'flat'; `--` / 不可比 a rate or
 *   completion with value null and `notComparable`.
 * The subject is the noun phrase before the number in its clause, with the year, the entity name
 * and fillers removed, normalised through the dictionary in fact-subjects.ts. A clause with no noun
 * phrase (比上年决算数增加 94.16万元) carries the subject of the statement before it, or the topic
 * printed before a colon (1. X（类）Y（款）Z（项）：支出决算为 572.52 万元); a phrase naming two
 * quantities (收、支总计均为 3037.9 万元) gives one fact per quantity at the same span.
 *
 * After the pass, each sentence with a completion rate (支出率 / 完成预算的) gets its budget and actual
 * amounts put on one subject and basis (全年预算数 … 执行数 … 完成预算的 …), so that the rate can be
 * recomputed from them.
 *
 * Values are kept as printed: a decrease is a positive value with direction 'decrease'.
 */
import type { FunctionalCode } from '../../catalog/index.js';
import type { Fact, MoneyUnit, Paragraph, Section, Table } from '../../model/report.js';
import { COUNT_SUBJECTS, LEADING_FILLERS, SUBJECTS, TRAILING_FILLERS } from './fact-subjects.js';

export interface ExtractFactsOptions {
  /** Source offset of index `i` of a paragraph's text (default: `span.start + i`, right when text = source slice). */
  position?: (paragraph: Paragraph, index: number) => number;
  /** 1-based source line of a source offset (default: the paragraph's line). */
  lineOf?: (offset: number) => number;
  /** The reporting entity, removed from the front of a phrase (XX局机关运行经费支出 → 机关运行经费支出). */
  entity?: string;
  /** The functional catalogue (类/款/项), which gives codes to items when table 05 does not. */
  catalog?: readonly FunctionalCode[];
  /**
   * Prose outside the section tree, each read on its own: the statements in cells of grids that are
   * not standard tables (项目绩效分析 of a 自评表: 预算下达55万元，实际支出54.96万元，预算执行率为99.92%).
   */
  extra?: Paragraph[];
}

type CellRef = { table: string; row: string; column: string };

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const COUNT_UNITS = String.raw`辆|人次|批次|个月|个|台[（(]套[)）]|次|人|名|件|场|条|家|户|份|项|所|期|本|天|篇|位`;
const TOKEN = new RegExp(
  String.raw`(持平|与上年[^，。；;,]{0,16}?相同)|(-{2}|—{1,2})\s*[%％]?(?:[（(][^（()）]{0,12}[)）])?|(不可比)|(${NUMBER})\s*(万元|亿元|元|万(?=\s*元)|\\?[%％]|[万亿]余?(?:${COUNT_UNITS})?|${COUNT_UNITS}|分(?![钟别配类析期之摊批项段担管]))?`,
  'g',
);
const CLAUSE_BREAKS = new Set('，,；;。：:！？!?、\n');
const SENTENCE_BREAKS = new Set('。！？!?；;');
const CHANGE_WORD = /(增加|减少|增长|下降|上升|降低|提高|节约|超支)([了]?)$/;
const RATE_WORD = /(增长|下降|上升|降低|提高|增加|减少)/;
const DECREASE = /减少|下降|降低|节约/;
/** Phrases that name no quantity of their own: the subject is the one being described. */
const GENERIC = /^(?:支出|收入|金额|资金|项目|经费|合计|共计|总计|总额|小计|支出金额|共计支出|累计支出|支出合计)?$/;
/** Class names that are also the names of other things (a fund, a catch-all). */
const AMBIGUOUS_CLASSES = new Set(['国有资本经营预算支出', '其他支出']);

interface Resolved {
  subject: string;
  known: boolean;
  link?: CellRef;
}

/** Name → row lookups built once per report (table 05 classes and items, table 06 economic items). */
interface RowIndex {
  t05: Map<string, { code: string; key: string }[]>;
  t06: Map<string, string>;
  cells: Set<string>;
}

/** The functional catalogue by parent code ('' for the classes). */
type CatalogIndex = Map<string, FunctionalCode[]>;

interface ReadCtx {
  index: RowIndex;
  classNames: Map<string, string>;
  catalog: CatalogIndex;
  entity: string;
  position: (p: Paragraph, i: number) => number;
  lineOf: (p: Paragraph, offset: number) => number | undefined;
  /** Inside a section on 一般公共预算财政拨款支出: its 基本支出 / 项目支出 are the fiscal ones (table 05). */
  fiscal: boolean;
  /** Phrases already resolved in this report (by section kind). */
  memo: Map<string, Resolved>;
}

/** What the reader knows of a fact beyond the Fact itself; dropped at the end. */
interface Meta {
  /** Key of the sentence: source offset of its start, carried over a line wrapped by the export. */
  sentence: number;
  /** The compacted text before the number in its clause. */
  local: string;
  /** The subject as resolved (for the cell link); unset when a later pass changed the subject. */
  resolved?: Resolved;
  /** The topic printed before a colon in the sentence (部门整体支出绩效自评情况：…). */
  topic?: string;
}

interface Draft {
  fact: Omit<Fact, 'id'>;
  meta: Meta;
}

function cellKey(table: string, row: string, column: string): string {
  return `${table}/${row}/${column}`;
}

function buildIndex(tables: Table[]): RowIndex {
  const t05 = new Map<string, { code: string; key: string }[]>();
  const t06 = new Map<string, string>();
  const cells = new Set<string>();
  for (const t of tables) {
    for (const r of t.rows) {
      for (const c of Object.keys(r.cells)) cells.add(cellKey(t.id, r.key, c));
      const name = normName(r.name);
      if (t.id === '05' && r.code) {
        const list = t05.get(name) ?? [];
        list.push({ code: r.code, key: r.key });
        t05.set(name, list);
      }
      if (t.id === '06' && r.code && !t06.has(name)) t06.set(name, r.key);
    }
  }
  return { t05, t06, cells };
}

function buildCatalog(catalog: readonly FunctionalCode[] | undefined): CatalogIndex {
  const byParent: CatalogIndex = new Map();
  for (const c of catalog ?? []) {
    const list = byParent.get(c.parent) ?? [];
    list.push(c);
    byParent.set(c.parent, list);
  }
  return byParent;
}

function normName(s: string): string {
  return s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** True when every character of `short` appears in `long` in order (巩固脱贫衔接乡村振兴 in 巩固脱贫攻坚成果衔接乡村振兴). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let k = 0; k < long.length && i < short.length; k++) if (long[k] === short[i]) i++;
  return i === short.length;
}

/**
 * The catalogue entry under `parent` printed as `name`: the exact name, else the one entry whose
 * name is the printed one with words left out (narratives shorten long names), else nothing.
 */
function findChild(catalog: CatalogIndex, parent: string, name: string): FunctionalCode | undefined {
  const list = catalog.get(parent);
  if (!list) return undefined;
  const exact = list.find((c) => c.name === name);
  if (exact) return exact;
  const near = list.filter((c) => c.name.length > name.length && name.length >= c.name.length * 0.6 && c.name[0] === name[0] && isSubsequence(name, c.name));
  return near.length === 1 ? near[0] : undefined;
}

/** The noun phrase of a clause prefix: year, entity name, ordinal and fillers removed. */
function cleanPhrase(raw: string, entity = ''): string {
  let s = raw.replace(/\s+/g, '').replace(/\*\*/g, '');
  s = s.replace(/^.*?\d{4}年(?:度|初|末|底)?(?=[^\d月]|$)/, '');
  s = s.replace(/^[，,、]/, '');
  s = s.replace(/^(?:\d{1,2}(?:[.．]\d{1,2})+(?=[^\d.．万元%])|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）][、.．]?|[一二三四五六七八九十]{1,3}[、.．])/, '');
  if (entity && s.startsWith(entity)) s = s.slice(entity.length);
  s = s.replace(LEADING_FILLERS, '');
  s = s.replace(TRAILING_FILLERS, '');
  return s;
}

/** The topic printed before a colon (34个项目绩效自评情况： → 34个项目). */
function cleanTopic(raw: string, entity: string): string {
  return cleanPhrase(raw, entity)
    .replace(/(?:绩效)?(?:自评|评价)?(?:完成)?(?:情况|结果)(?:说明|如下)?$/, '')
    .replace(/^(?:其中|具体|主要|包括|如下)$/, '');
}

/** What a section title is about: 一般公共预算财政拨款支出决算结构情况 → 一般公共预算财政拨款支出. */
function sectionTopic(title: string, entity: string): string {
  return cleanPhrase(title, entity)
    .replace(/(?:决算)?(?:总体|结构|具体)?(?:情况)?(?:说明)?$/, '')
    .replace(/决算$/, '');
}

/** The classification label a text consists of (1. X（类）Y（款）Z（项）[。：]), cleaned; '' when it is not one. */
function itemLabel(raw: string, entity: string): string {
  const t = cleanPhrase(raw.replace(/[。：:；;\s]+$/, ''), entity);
  return t.length <= 80 && /（类）.*（(?:款|项)）$/.test(normName(t)) ? t : '';
}

/** Basis words at the end of a phrase; returns the basis and the phrase without them. */
function splitBasis(phrase: string, entity: string): { phrase: string; basis?: string } {
  const m = /(完成)?(年初预算(?:数|安排|金额)?|全年预算(?:数)?|预算(?:数|下达)?|支出决算(?:数)?|决算(?:数)?|执行数|上年(?:决算)?(?:数)?)$/.exec(phrase);
  if (!m) return { phrase };
  const w = m[2]!;
  const basis = /年初预算/.test(w) ? 'budget' : /预算/.test(w) ? 'adjusted_budget' : /上年/.test(w) ? 'prior' : 'current';
  return { phrase: cleanPhrase(phrase.slice(0, m.index), entity), basis };
}

function comparisonBasis(context: string): string {
  let basis = 'prior';
  const re = /年初预算|全年预算|预算数|上年/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(context))) basis = m[0] === '年初预算' ? 'budget' : m[0] === '上年' ? 'prior' : 'adjusted_budget';
  return basis;
}

/** A phrase naming two quantities: 收、支总计 / 收支总计 / 财政拨款收、支总计 → its two phrases. */
function splitPair(phrase: string): [string, string] | undefined {
  const m = /^(.*?)收入?[、和与及]?支出?(总计|合计)(?:均|各|分别)?$/.exec(phrase) ?? /^(.*?)收入(总计|合计)[、和与及](?:\1)?支出\2(?:均|各|分别)?$/.exec(phrase);
  if (!m) return undefined;
  return [`${m[1]}收入${m[2]}`, `${m[1]}支出${m[2]}`];
}

function resolveAll(phrase: string, rc: ReadCtx, context?: Resolved[]): Resolved[] | undefined {
  if (phrase === '') return undefined;
  const pair = splitPair(phrase);
  if (pair) {
    const both = pair.map((p) => resolve(p, rc));
    if (both.every((r) => r?.known)) return both as Resolved[];
  }
  const r = resolve(phrase, rc, context?.[0]);
  return r ? [r] : undefined;
}

function resolve(phrase: string, rc: ReadCtx, context?: Resolved): Resolved | undefined {
  if (phrase === '') return undefined;
  const { index } = rc;
  const economic = context !== undefined && (/^(?:人员经费|公用经费)$/.test(context.subject) || /^3\d{4}$/.test(context.subject));
  if (economic) {
    const eco = index.t06.get(normName(phrase));
    if (eco) return { subject: eco, known: true, link: { table: '06', row: eco, column: 'amount' } };
  }
  // 财政拨款收入总计…，支出总计…: the second total is the fiscal one too
  if (context && /^财政拨款收入/.test(context.subject) && /^支出(?:总计|合计)$/.test(phrase)) return resolve('财政拨款' + phrase, rc);
  // 财政拨款收入…，年末结转和结余…: the balance of the same statement is the fiscal one (T04) too
  if (context && /^财政拨款(?:收入|支出)/.test(context.subject) && /^年[初末]结转(?:和|及)?结余$/.test(phrase)) return resolve('财政拨款' + phrase, rc);
  // The rest depends on the phrase and the section only: remember it for the report.
  const key = (rc.fiscal ? '1' : '0') + phrase;
  const hit = rc.memo.get(key);
  if (hit) return hit;
  const r = resolvePhrase(phrase, rc);
  rc.memo.set(key, r);
  return r;
}

function resolvePhrase(phrase: string, rc: ReadCtx): Resolved {
  const { index, classNames } = rc;
  const p = normName(phrase).replace(/^[“"]|[”"]$/g, '');
  if (rc.fiscal && /^(?:基本|项目)支出$/.test(p)) return resolve('一般公共预算财政拨款' + p, rc)!;
  for (const e of SUBJECTS) {
    if (e.match.test(p)) return { subject: e.subject, known: true, ...(e.cell ? { link: e.cell } : {}) };
  }
  // X（类）Y（款）Z（项）, X（类）Y（款）
  const item = /^(.+?)（类）(?:(.+?)（款）)?(?:(.+?)（项）)?$/.exec(p);
  if (item && (item[2] || item[3])) {
    const code = itemCode(item[1]!, item[2], item[3], rc);
    if (code) return code;
    return { subject: p, known: true };
  }
  const name = p.replace(/（(?:类|款|项)）$/, '');
  const rows05 = index.t05.get(name);
  if (rows05 && rows05.length > 0) {
    const row = rows05.reduce((a, b) => (a.code.length <= b.code.length ? a : b));
    return { subject: row.code, known: true, link: { table: '05', row: row.key, column: '1' } };
  }
  // A class the table does not print: by the catalogue's name, unless the name is also a fund's
  // (国有资本经营预算支出 in 涉及…国有资本经营预算支出0万元) and the text does not say （类）.
  const className = /支出$/.test(name) ? name : /（类）$/.test(p) ? name + '支出' : '';
  const cls = className && (/（类）$/.test(p) || !AMBIGUOUS_CLASSES.has(className)) ? classNames.get(className) : undefined;
  if (cls) return { subject: cls, known: true, link: { table: '05', row: cls, column: '1' } };
  const eco = index.t06.get(name);
  if (eco) return { subject: eco, known: true, link: { table: '06', row: eco, column: 'amount' } };
  return { subject: p, known: false };
}

/** The code of X（类）Y（款）Z（项）: table 05's row of that name, else the catalogue's entry. */
function itemCode(clsName: string, kuan: string | undefined, itemName: string | undefined, rc: ReadCtx): Resolved | undefined {
  const className = clsName.replace(/支出$/, '') + '支出';
  const cls = rc.classNames.get(className) ?? findChild(rc.catalog, '', className)?.code;
  const wanted = itemName ?? kuan!;
  const level = itemName ? 7 : 5;
  const rows = rc.index.t05.get(wanted) ?? [];
  const row = rows.find((r) => r.code.length === level && (!cls || r.code.startsWith(cls))) ?? rows.find((r) => r.code.length === level);
  if (row) return { subject: row.code, known: true, link: { table: '05', row: row.key, column: '1' } };
  if (!cls) return undefined;
  const k = kuan ? findChild(rc.catalog, cls, kuan) : undefined;
  let code = itemName ? (k ? findChild(rc.catalog, k.code, itemName) : undefined) : k;
  if (!code && itemName) {
    // The 款 was not recognised: the item's name within the class, when only one 款 has it.
    const hits = (rc.catalog.get(cls) ?? []).map((c) => findChild(rc.catalog, c.code, itemName)).filter((c): c is FunctionalCode => c !== undefined);
    if (hits.length === 1) code = hits[0];
  }
  if (!code) return undefined;
  return { subject: code.code, known: true, link: { table: '05', row: code.code, column: '1' } };
}

function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /“[^”]{0,80}”|《[^》]{0,80}》/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if (!/^“三公”$/.test(m[0])) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Extract the facts of every paragraph of the section tree, in reading order. */
export function extractFacts(sections: Section[], tables: Table[], moneyUnit: MoneyUnit, options: ExtractFactsOptions = {}, classNames: Map<string, string> = new Map()): Fact[] {
  void moneyUnit;
  const rc: ReadCtx = {
    index: buildIndex(tables),
    classNames,
    catalog: buildCatalog(options.catalog),
    entity: options.entity ? normName(options.entity) : '',
    position: (p, i) => (options.position ? options.position(p, i) : p.span.start + i),
    lineOf: (p, offset) => (options.lineOf ? options.lineOf(offset) : p.span.line),
    fiscal: false,
    memo: new Map(),
  };
  const drafts: Draft[] = [];
  const visit = (s: Section, fiscal: boolean) => {
    const inFiscal = fiscal || /一般公共预算财政拨款(?:支出|基本支出|项目支出)/.test(s.title);
    rc.fiscal = inFiscal;
    // A section on one quantity (…支出决算结构情况, “三公”经费…具体情况说明) is the whole of its bare shares.
    const topicOfTitle = resolve(sectionTopic(s.title, rc.entity), rc);
    const state: CarryState = { tail: '', ...(topicOfTitle?.known ? { whole: topicOfTitle } : {}) };
    for (const p of s.paragraphs) factsOfParagraph(p, rc, drafts, state);
    for (const c of s.children) visit(c, inFiscal);
  };
  sections.forEach((s) => visit(s, false));
  rc.fiscal = false;
  for (const p of options.extra ?? []) factsOfParagraph(p, rc, drafts, { tail: '' });
  pairExecution(drafts, rc);
  // Reading order (the extra paragraphs sit between the sections' ones); stable for facts of one span.
  if (options.extra?.length) drafts.sort((a, b) => a.fact.span.start - b.fact.span.start);
  const facts = drafts.map((d, i) => finish(d, i, rc.index));
  relate(facts);
  return facts;
}

/**
 * What a paragraph hands to the next one of its section: the subject being described, the whole
 * that bare shares are shares of, and, when the paragraph stops mid-sentence (a line wrapped by
 * the export), the unfinished clause, its sentence and its topic.
 */
interface CarryState {
  current?: Resolved[];
  tail: string;
  /** The total an enumeration's bare shares (占 93.5%) are shares of (…支出 3030.4 万元，主要用于：). */
  whole?: Resolved;
  sentence?: number;
  topic?: string;
  /** A paragraph that was only an item's label (X（类）Y（款）Z（项）): the topic of the next one. */
  label?: string;
}

/** Words after an amount that open an enumeration of its parts. */
const OPENS_PARTS = /^[\s，,]*(?:[：:]|其中|主要用于|主要包括|具体(?:情况)?如下|包括)/;

function factsOfParagraph(p: Paragraph, rc: ReadCtx, out: Draft[], state: CarryState): void {
  const text = p.text;
  const carried = state.tail;
  let lastBreak = text.length - 1;
  while (lastBreak >= 0 && !CLAUSE_BREAKS.has(text[lastBreak]!)) lastBreak--;
  const ends = /[。；;！？!?]\s*$/.test(text);
  state.tail = ends || /[：:]\s*$/.test(text) ? '' : text.slice(lastBreak + 1).slice(-80);
  const pos = (i: number) => rc.position(p, i);
  let sentenceKey = carried !== '' && state.sentence !== undefined ? state.sentence : pos(0);
  let topic = carried !== '' ? state.topic : state.label;
  state.label = undefined;
  const finishParagraph = () => {
    state.sentence = sentenceKey;
    state.topic = topic;
  };
  if (!/\d|持平|相同|不可比|--/.test(text)) {
    // A heading-like line or a clause with no number may still say what follows (…中，/ …：).
    scanTopicOnly(text, rc, state);
    state.sentence = pos(0);
    return;
  }
  const quotes = quotedRanges(text);
  let quoteAt = 0;
  let clauseStart = 0;
  let sentenceStart = 0;
  let scanned = 0; // clause and sentence breaks are scanned up to here
  let localStart = 0; // end of the previous token in the clause
  let factsInClause = 0;
  let factsInSentence = 0;
  let current: Resolved[] | undefined = carried !== '' ? state.current : undefined; // the subject carried from the previous statement
  let currentSentence = carried !== '' ? sentenceKey : -1; // the sentence in which `current` was named
  let prevCount: string | undefined; // the subject of the last count, for 团组0个、累计0人次
  const isBreak = (i: number) => {
    const ch = text[i]!;
    if (!CLAUSE_BREAKS.has(ch)) return false;
    // 收、支总计: one phrase naming two totals, not an enumeration
    if (ch === '、' && /收入?$/.test(text.slice(Math.max(0, i - 2), i)) && /^支/.test(text.slice(i + 1, i + 2))) return false;
    return true;
  };
  // The end (past the break) of the sentence holding index i; i only grows, so the scan is linear.
  let nextBreak = -1;
  const sentenceEndFrom = (i: number) => {
    if (nextBreak < i) {
      nextBreak = i;
      while (nextBreak < text.length && !SENTENCE_BREAKS.has(text[nextBreak]!)) nextBreak++;
    }
    return Math.min(text.length, nextBreak + 1);
  };
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    for (; scanned < start; scanned++) {
      if (!isBreak(scanned)) continue;
      const ch = text[scanned]!;
      if (factsInClause === 0) {
        const clauseText = (clauseStart === 0 ? carried : '') + text.slice(clauseStart, scanned);
        if (ch === '：' || ch === ':') {
          const t = cleanTopic(clauseText, rc.entity);
          if (t) topic = t;
        }
        noteWhole(clauseText, rc, state);
      }
      clauseStart = scanned + 1;
      localStart = scanned + 1;
      factsInClause = 0;
      if (SENTENCE_BREAKS.has(ch)) {
        // A sentence that is only a label (1.一般公共服务（类）人大事务（款）行政运行（项）。) names what the next one states.
        const label = factsInSentence === 0 ? itemLabel((sentenceStart === 0 ? carried : '') + text.slice(sentenceStart, scanned), rc.entity) : '';
        topic = label || undefined;
        sentenceStart = scanned + 1;
        sentenceKey = pos(scanned + 1);
        factsInSentence = 0;
      }
    }
    while (quoteAt < quotes.length && quotes[quoteAt]![1] <= start) quoteAt++;
    // A count inside a quoted name (“第1及第2批次招用工培训补贴”) is part of the name; an amount is not.
    if (quoteAt < quotes.length && quotes[quoteAt]![0] <= start && !/^[\d,.]+\s*(?:万元|亿元|元|万\s*元|[%％])/.test(m[0])) continue;
    const local = (localStart === 0 ? carried : '') + text.slice(localStart, start);
    const clause = (clauseStart === 0 ? carried : '') + text.slice(clauseStart, start);
    const sentence = () => (sentenceStart === 0 ? carried : '') + text.slice(sentenceStart, start);
    const before = start > 0 ? text[start - 1]! : '';
    const after = text.slice(end, end + 8);
    /** The subject(s) of a phrase; a phrase naming nothing of its own takes the one being described. */
    const subjectsOf = (phrase: string): Resolved[] | undefined => {
      if (GENERIC.test(phrase)) {
        if (currentSentence === sentenceKey && current) return current;
        if (topic) return resolveAll(topic, rc, current) ?? current;
        return current ?? (phrase ? resolveAll(phrase, rc) : undefined);
      }
      return resolveAll(phrase, rc, current);
    };
    const emit = (fact: Omit<Fact, 'span' | 'subject'>, subjects: Resolved[] | undefined, fallback = '') => {
      const list: (Resolved | undefined)[] = subjects && subjects.length > 0 ? subjects : [undefined];
      for (const r of list) {
        out.push({
          fact: { subject: r?.subject ?? fallback, ...fact, span: spanOf(p, rc, start, end), sentence: sentenceSpan(p, rc, sentenceStart, sentenceEndFrom(end), sentenceKey) },
          meta: { sentence: sentenceKey, local: local.replace(/\s+/g, ''), ...(r ? { resolved: r } : {}), ...(topic ? { topic } : {}) },
        });
      }
      if (fact.measure !== 'count') factsInClause++; // 34个项目…情况： still opens a topic
      factsInSentence++;
      localStart = end;
    };

    if (m[1]) {
      // 持平 / 与上年相同, with the subject of its own clause when it names one (X支出决算与2022年持平)
      const own = cleanPhrase(clause.replace(/(?:与|较|比)(?:上年|\d{4}年|年初|全年|预算).*$/, '').replace(/与$/, ''), rc.entity);
      const r = own ? resolveAll(splitBasis(own, rc.entity).phrase || own, rc, current) : undefined;
      const subjects = r && r[0]!.known ? r : current;
      emit({ basis: comparisonBasis(clause + m[1]), measure: 'change', value: null, unit: '', text: m[0], direction: 'flat' }, subjects);
      continue;
    }
    if (m[2] || m[3]) {
      const completion = /完成|执行率|支出率/.test(clause);
      const isRate = RATE_WORD.test(local.slice(-4));
      if (!completion && !isRate) {
        localStart = end;
        continue;
      }
      if (completion) {
        emit({ basis: /年初预算/.test(clause) ? 'budget' : 'adjusted_budget', measure: 'completion', value: null, unit: '%', text: m[0], notComparable: true }, current);
      } else {
        emit({ basis: comparisonBasis(sentence()), measure: 'rate', value: null, unit: '%', text: m[0], notComparable: true, direction: DECREASE.test(local.slice(-4)) ? 'decrease' : 'increase' }, current);
      }
      continue;
    }
    const numText = m[4]!;
    let unit = m[5] ?? '';
    if (before === '第' || /^\s*(?:年|月|日|号|届|岁|周年|[-—~～至]\s*\d)/.test(after) || /^[A-Za-z]/.test(after)) continue;
    if (/[-—~～]$/.test(text.slice(Math.max(0, start - 1), start)) && unit === '') continue; // 1-12 月, a range
    if (unit === '万' && /^\s*元/.test(text.slice(end))) unit = '万元';
    unit = unit.replace('余', '');
    if (unit === '％' || unit === '\\%' || unit === '\\％') unit = '%';
    if (/^(?:万元|元)/.test(unit) && /^\s*(?:[（(]含[)）])?\s*及?以上/.test(after)) continue; // a threshold: 100万元以上设备
    const money = unit === '万元' || unit === '元' || unit === '亿元';
    if (unit === '' && !/[.,]/.test(numText)) continue; // a bare integer: an ordinal, a code, a phone number
    // An outline number at the start of a sentence (2.1产出指标 / 1.1清远市公共创业孵化基地…).
    if (unit === '' && /^\d+\.\d+$/.test(numText) && /^[\s（(]*$/.test(text.slice(sentenceStart, start)) && /^\s*[\u4e00-\u9fff“（(]/.test(after)) continue;
    const value = Number(numText.replace(/,/g, ''));
    const decimals = numText.includes('.') ? numText.length - numText.indexOf('.') - 1 : 0;
    const num = { value, decimals, text: m[0].replace(/\s+/g, '') };

    // A rate of its own (结案率达到95%, 满意度 98%), not the execution of a budget.
    const ratio = unit === '%' && /(?<!执行|支出|完成|支付|进)(?:率|度)(?:达到?|为|是)?$/.test(cleanPhrase(local, rc.entity)) && !/占/.test(local);
    if (unit === '%' && ratio) {
      const phrase = cleanPhrase(local, rc.entity).replace(/(?:达到?|为|是)$/, '');
      emit({ basis: 'current', measure: 'share', unit, ...num, ...(phrase ? { phrase } : {}) }, [resolve(phrase, rc) ?? { subject: phrase, known: false }]);
      continue;
    }
    if (unit === '%') {
      if (/完成|执行率|支出率|支付率|执行(?:总体)?进度/.test(clause)) {
        emit({ basis: /年初预算/.test(clause) ? 'budget' : 'adjusted_budget', measure: 'completion', unit, ...num }, current);
      } else if (/占/.test(clause)) {
        const c = clause.replace(/\s+/g, '');
        const at = c.lastIndexOf('占');
        const own = cleanPhrase(c.slice(0, at), rc.entity);
        const printedBase = c.slice(at + 1).replace(/^比/, '').replace(/的$/, '');
        const prev = out[out.length - 1];
        const subjects = own ? (resolveAll(own, rc, current) ?? current) : current;
        let baseSubject: string | undefined;
        if (printedBase) {
          const b = resolve(cleanPhrase(printedBase, rc.entity), rc);
          if (b?.known) baseSubject = b.subject;
        } else if (state.whole && prev && prev.meta.sentence === sentenceKey && prev.fact.measure === 'amount' && subjects?.some((s) => s.subject === prev.fact.subject)) {
          // 其中：A x万元，占 y%: a share of the total the enumeration began with
          if (state.whole.subject !== prev.fact.subject) baseSubject = state.whole.subject;
        }
        emit({ basis: 'current', measure: 'share', unit, ...num, ...(printedBase ? { base: printedBase } : {}), ...(baseSubject ? { baseSubject } : {}) }, subjects);
      } else if (RATE_WORD.test(local)) {
        const dir = DECREASE.test(local) ? 'decrease' : 'increase';
        const phrase = cleanPhrase(local.replace(RATE_WORD, '').replace(/^.*?比.*$/, ''), rc.entity);
        const r = phrase ? resolveAll(phrase, rc, current) : undefined;
        if (r && r[0]!.known) {
          current = r;
          currentSentence = sentenceKey;
        }
        emit({ basis: comparisonBasis(sentence()), measure: 'rate', unit, ...num, direction: dir }, current);
      } else {
        // A ratio stated for the year (满意率, 结案率 …): its subject is the phrase before it.
        const phrase = cleanPhrase(local, rc.entity);
        const r = phrase ? resolve(phrase, rc) : undefined;
        emit({ basis: 'current', measure: 'share', unit, ...num, ...(phrase ? { phrase } : {}) }, r ? [r] : current);
      }
      continue;
    }
    if (money || unit === '') {
      const compactLocal = local.replace(/\s+/g, '');
      const change = CHANGE_WORD.exec(compactLocal);
      if (change) {
        const dir = DECREASE.test(change[1]!) ? 'decrease' : 'increase';
        const head = compactLocal.slice(0, change.index);
        const phrase = cleanPhrase(head.replace(/(?:比|较|与)(?:上年|\d{4}年|年初|全年|预算).*$/, '').replace(/与上年相比/, ''), rc.entity);
        const r = phrase && !GENERIC.test(phrase) ? resolveAll(phrase, rc, current) : undefined;
        if (r) {
          current = r;
          currentSentence = sentenceKey;
        }
        emit({ basis: comparisonBasis(sentence()), measure: 'change', unit, ...num, direction: dir, ...(phrase ? { phrase } : {}) }, current);
      } else {
        const whole = cleanPhrase(local, rc.entity);
        // The phrase as a whole first (一般公共预算支出决算数 names the fiscal total), then without its basis word.
        const direct = whole ? resolveAll(whole, rc, current) : undefined;
        const split = direct && direct[0]!.known ? { phrase: whole } : splitBasis(whole, rc.entity);
        const phrase = split.phrase;
        let basis = split.basis ?? 'current';
        if (!split.basis && /上年/.test(local)) basis = 'prior';
        // 轿车0辆、金额0万元: the amount of what was just counted, not of the section's subject
        const counted = phrase === '金额' ? out[out.length - 1] : undefined;
        const r =
          counted && counted.meta.sentence === sentenceKey && counted.fact.measure === 'count' && counted.fact.phrase
            ? [{ subject: `${counted.fact.phrase}金额`, known: false }]
            : direct && direct[0]!.known
              ? direct
              : subjectsOf(phrase);
        if (r) {
          current = r;
          currentSentence = sentenceKey;
        }
        const label = phrase || (GENERIC.test(phrase) && topic ? topic : '');
        emit({ basis, measure: 'amount', unit, ...num, ...(label ? { phrase: label } : {}) }, current);
        prevCount = undefined;
        if (OPENS_PARTS.test(text.slice(end, end + 12)) && current?.[0]?.known && current.length === 1) state.whole = current[0];
      }
      continue;
    }
    if (unit === '分') {
      const phrase = cleanPhrase(local, rc.entity).replace(/(?:得分|分数|分值)?(?:为|是|达)?$/, '');
      emit({ basis: 'current', measure: 'count', unit, ...num, ...(phrase ? { phrase } : {}) }, undefined, phrase || topic || '');
      continue;
    }
    // A count: vehicles, receptions, groups, people …
    const phrase = cleanPhrase(local, rc.entity);
    const subject = countSubject(phrase, unit, prevCount, current?.[0]?.subject, rc);
    prevCount = subject.subject;
    emit({ basis: 'current', measure: 'count', unit, ...num, ...(phrase ? { phrase } : {}) }, [subject]);
  }
  finishParagraph();
  // A paragraph ending with a bare label (…其他…支出（项）) hands it to the next paragraph as its topic.
  if (factsInSentence === 0 && !ends) {
    const label = itemLabel((sentenceStart === 0 ? carried : '') + text.slice(sentenceStart), rc.entity);
    if (label) {
      state.label = label;
      state.tail = '';
    }
  }
  // Clause breaks after the last number: a topic or a whole printed at the paragraph's end (…，其中：).
  for (; scanned < text.length; scanned++) {
    if (!isBreak(scanned)) continue;
    if (factsInClause === 0) {
      const clauseText = (clauseStart === 0 ? carried : '') + text.slice(clauseStart, scanned);
      noteWhole(clauseText, rc, state);
    }
    clauseStart = scanned + 1;
    factsInClause = 0;
  }
  state.current = current;
}

/** A paragraph with no number: only what it says about the whole of what follows. */
function scanTopicOnly(text: string, rc: ReadCtx, state: CarryState): void {
  state.label = itemLabel(text, rc.entity) || undefined;
  if (state.label) state.tail = '';
  let at = text.indexOf('中');
  while (at >= 0) {
    let k = at + 1;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    if (k < text.length && CLAUSE_BREAKS.has(text[k]!)) {
      let b = at - 1;
      while (b >= 0 && !CLAUSE_BREAKS.has(text[b]!)) b--;
      noteWhole(text.slice(b + 1, at + 1), rc, state);
    }
    at = text.indexOf('中', at + 1);
  }
}

/** A clause without numbers ending in 中 (“三公”经费财政拨款支出决算中，…) names the whole of what follows. */
function noteWhole(clauseText: string, rc: ReadCtx, state: CarryState): void {
  const c = clauseText.replace(/\s+/g, '');
  if (!/中$/.test(c) || c.length > 60) return;
  const whole = cleanPhrase(c.slice(0, -1), rc.entity);
  let r = whole ? resolve(whole, rc) : undefined;
  if (!r?.known) {
    const phrase = splitBasis(whole, rc.entity).phrase;
    r = phrase ? resolve(phrase, rc) : undefined;
  }
  if (r?.known) state.whole = r;
}

/**
 * The subject of a count: vehicles by the dictionary; receptions and trips abroad by their kind
 * (国内 / 外事 / 公务接待, 因公出国（境）) and what is counted (批次 or 人次), also when the phrase is
 * only 共接待 or empty (团组0个、累计0人次; 国内公务接待 16 批次，245 人次).
 */
function countSubject(phrase: string, unit: string, prevCount: string | undefined, current: string | undefined, rc: ReadCtx): Resolved {
  const p = normName(phrase);
  for (const e of COUNT_SUBJECTS) if (e.match.test(p)) return { subject: e.subject, known: true, ...(e.cell ? { link: e.cell } : {}) };
  const people = /^(?:人次|人|名)$/.test(unit);
  const batches = /^(?:批次|次|个|批)$/.test(unit);
  const generic = /^(?:共|累计|共计)?(?:接待|来访)?(?:人数|人员)?(?:共|合计)?$/.test(p);
  if (people || batches) {
    let kind: string | undefined;
    if (/出国|出境|团组/.test(p) && !/来访|接待/.test(p)) kind = '因公出国（境）';
    else if (/国内/.test(p)) kind = '国内公务接待';
    else if (/外事|境外|国（境）外|外宾|来访/.test(p)) kind = '外事接待';
    else if (/接待/.test(p) || generic) {
      const from = generic && prevCount ? prevCount : (current ?? '');
      if (/^因公出国/.test(from)) kind = '因公出国（境）';
      else if (/^国内/.test(from)) kind = '国内公务接待';
      else if (/^外事/.test(from)) kind = '外事接待';
      else if (/^公务接待/.test(from) || (/接待/.test(p) && !generic)) kind = '公务接待';
    }
    if (kind === '因公出国（境）') return { subject: people ? '因公出国（境）人次' : '因公出国（境）团组数', known: true };
    if (kind) return { subject: `${kind}${people ? '人次' : '批次'}`, known: true };
  }
  const r = p ? resolve(p, rc) : undefined;
  return r ?? { subject: p, known: false };
}

function spanOf(p: Paragraph, rc: ReadCtx, start: number, end: number): Fact['span'] {
  const s = rc.position(p, start);
  const e = rc.position(p, end - 1) + 1;
  const line = rc.lineOf(p, s);
  return { start: s, end: e, ...(line === undefined ? {} : { line }), ...(p.span.page !== undefined ? { page: p.span.page } : {}) };
}

/** The source span of a fact's sentence: from its start (carried over a wrapped line) to its break, inclusive. */
function sentenceSpan(p: Paragraph, rc: ReadCtx, sentenceStart: number, sentenceEnd: number, key: number): { start: number; end: number } {
  const start = sentenceStart === 0 ? key : rc.position(p, sentenceStart);
  return { start, end: rc.position(p, Math.max(sentenceStart, sentenceEnd - 1)) + 1 };
}

// ---------------------------------------------------------------------------------------------
// Budget, actual and completion of one sentence
// ---------------------------------------------------------------------------------------------

/** Words of the amount a rate is the execution of: 已支出, 实际支出, 执行数, 支出金额 … */
const ACTUAL = /(?:^|已|实际|累计|全部|至今|完成)(?:支出|执行|支付|使用|拨付)(?:数|金额|资金|总额)?$|^执行数$|^(?:已|实际)(?:支出|支付)/;
/** Amounts that are neither the budget nor the actual: balances, adjustments. */
const NOT_BUDGET = /结余|结转|调减|调增|追加|退回|减少|增加|缺口/;
const BUDGET_WORD = /预算|下达|到位|指标|安排|金额|资金|计划/;
/** Budget words at the end of a project's phrase (…补贴金额共 → …补贴). */
const BUDGET_TAIL = /(?:部门|年初|全年|财政)?(?:预算|实际下达|共下达|下达|实际到位|到位)?(?:金额|资金|指标|数)?(?:共|为)?$/;

/**
 * In a sentence with a completion rate whose budget and actual amounts were read under different
 * phrases (X补贴金额共89.4万元，已支出89.4万元，支出率为100%), put them on one subject: the budget
 * (the last amount with a budget word before the actual, else the first) gets basis adjusted_budget
 * (budget for 年初预算), the actual basis current, and the rate the same subject and basis.
 * Sentences whose amounts already share the rate's known subject (三公, 类/款/项) are left alone.
 */
function pairExecution(drafts: Draft[], rc: ReadCtx): void {
  const isMoney = (d: Draft) => d.fact.measure === 'amount' && d.fact.unit !== '' && d.fact.unit !== '%';
  let i = 0;
  let previous: Draft[] = [];
  while (i < drafts.length) {
    let j = i;
    while (j < drafts.length && drafts[j]!.meta.sentence === drafts[i]!.meta.sentence) j++;
    const group = drafts.slice(i, j);
    const before = previous;
    previous = group;
    i = j;
    for (let k = 0; k < group.length; k++) {
      const c = group[k]!;
      if (c.fact.measure !== 'completion') continue;
      let amounts = group.slice(0, k).filter(isMoney);
      if (amounts.length === 0) continue;
      // Only the actual in this sentence (已支出…，支出率为100%): the budget is the previous sentence's
      // last amount when that sentence has no rate of its own (…资金下达市工商技工学校22350元。).
      const hasBudget = amounts.some((d) => !NOT_BUDGET.test(d.meta.local) && !ACTUAL.test(cleanPhrase(d.meta.local, rc.entity)));
      if (!hasBudget && before.length > 0 && !before.some((d) => d.fact.measure === 'completion')) {
        const last = before.filter(isMoney).at(-1);
        if (last && BUDGET_WORD.test(last.meta.local) && !NOT_BUDGET.test(last.meta.local) && !ACTUAL.test(cleanPhrase(last.meta.local, rc.entity))) amounts = [last, ...amounts];
      }
      const known = c.meta.resolved?.known && amounts.some((a) => a.fact.subject === c.fact.subject && a.meta.resolved?.known);
      if (known) continue;
      let actualAt = -1;
      for (let a = amounts.length - 1; a >= 0; a--) {
        if (ACTUAL.test(cleanPhrase(amounts[a]!.meta.local, rc.entity)) && !NOT_BUDGET.test(amounts[a]!.meta.local)) {
          actualAt = a;
          break;
        }
      }
      const candidates = amounts.slice(0, actualAt < 0 ? amounts.length : actualAt).filter((d) => !NOT_BUDGET.test(d.meta.local));
      let budget: Draft | undefined;
      for (let b = candidates.length - 1; b >= 0 && !budget; b--) if (BUDGET_WORD.test(candidates[b]!.meta.local)) budget = candidates[b];
      budget ??= candidates[0];
      const actual = actualAt >= 0 ? amounts[actualAt] : undefined;
      if (!budget && !actual) continue;
      // The subject: the budget's phrase without its budget words, else the sentence's first amount's,
      // else the topic before the colon, else what the rate was read under.
      const nameOf = (d: Draft | undefined) => {
        if (!d) return '';
        let s = cleanPhrase(d.meta.local, rc.entity).replace(/^(?:截[止至]\S{0,4}?)?(?:已|实际)?(?:全部)?(?:支出|支付|执行)(?=\S{2})/, '');
        const cut = /(?:年初|全年)?(?:预算下达|预算指标|预算金额|预算|实际下达|共下达|下达|实际到位|到位)/.exec(s);
        if (cut && cut.index >= 2) s = s.slice(0, cut.index);
        return s.replace(BUDGET_TAIL, '').replace(/(?:年初|全年|财政|部门)$/, '');
      };
      const chain = [nameOf(budget), nameOf(amounts[0]), c.meta.topic ?? '', c.fact.subject];
      const subject = chain.find((s) => !GENERIC.test(s) && !/^(?:该|本|此)(?:项目|专项|经费|资金)?$/.test(s)) ?? chain.find((s) => s !== '');
      if (!subject) continue;
      const basis = budget && /年初预算/.test(budget.meta.local) && !/完成(?:调整|全年)预算/.test(c.meta.local) ? 'budget' : c.fact.basis;
      for (const d of [budget, actual, c]) {
        if (!d) continue;
        if (d.fact.subject !== subject) delete d.meta.resolved;
        d.fact.subject = subject;
      }
      if (budget) budget.fact.basis = basis;
      if (actual) actual.fact.basis = 'current';
      c.fact.basis = basis;
      // Balances of the same statement are the subject's (X结余), not other quantities.
      for (const d of amounts) {
        if (d !== budget && d !== actual && /结余|结转/.test(d.meta.local)) {
          delete d.meta.resolved;
          d.fact.subject = `${subject}结余`;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Ids, cell links and relations
// ---------------------------------------------------------------------------------------------

function finish(d: Draft, i: number, index: RowIndex): Fact {
  const f: Fact = { id: `f${i + 1}`, ...d.fact } as Fact;
  const link = d.meta.resolved?.link;
  const moneyOrCount = f.measure === 'amount' || (f.measure === 'count' && link?.table === '10');
  if (link && moneyOrCount && f.basis === 'current' && f.subject === d.meta.resolved!.subject && index.cells.has(cellKey(link.table, link.row, link.column))) {
    f.link = { ...link };
  }
  return f;
}

/** Facts about the same quantity: same subject, basis and measure (for known subjects), or same cell. */
function relate(facts: Fact[]): void {
  const known = new Set([...SUBJECTS.map((e) => e.subject), ...COUNT_SUBJECTS.map((e) => e.subject), '国内公务接待批次', '国内公务接待人次', '外事接待批次', '外事接待人次', '公务接待批次', '公务接待人次', '因公出国（境）团组数', '因公出国（境）人次']);
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (!f.subject || f.value === null || f.unit === '') continue; // a number without unit is N-R13's, not a restatement
    if (!f.link && !known.has(f.subject) && !/^\d+$/.test(f.subject)) continue;
    const unit = f.unit === '元' || f.unit === '亿元' ? '万元' : f.unit;
    const base = f.measure === 'share' ? `|${f.baseSubject ?? f.base ?? ''}` : '';
    const key = f.link ? `cell:${f.link.table}/${f.link.row}/${f.link.column}` : `${f.subject}|${f.basis}|${f.measure}|${unit}${base}`;
    const g = groups.get(key) ?? [];
    g.push(f);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    if (g.length < 2 || g.length > 50) continue;
    for (const f of g) f.related = g.filter((o) => o !== f).map((o) => o.id!);
  }
}
