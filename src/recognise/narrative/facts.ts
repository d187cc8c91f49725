/**
 * Facts: the quantitative statements of the narrative (情况说明), each with its subject, basis,
 * measure, printed value, unit and precision, and the table cell it restates when there is one.
 *
 * Reading is clause by clause, in one left-to-right pass over each paragraph (no backtracking):
 * - a number with 万元/元/亿元 is an amount, or a change when it follows 增加/减少;
 *   a decimal number with no unit is an amount with unit '' (rule N-R13 flags it);
 * - a percentage is a rate (after 增长/下降), a share (占 …), or a completion (完成 … 的 / 执行率);
 * - 辆, 人次, 批次, 个, 台（套）, 次, 人 … make counts;
 * - 持平 / 与上年相同 make a change with value null and direction 'flat'; `--` / 不可比 a rate or
 *   completion with value null and `notComparable`.
 * The subject is the noun phrase before the number in its clause, with the year, the entity name
 * and fillers removed, normalised through the dictionary in fact-subjects.ts; a clause with no noun
 * phrase (比上年决算数增加 94.16万元) carries the subject of the statement before it.
 *
 * Values are kept as printed: a decrease is a positive value with direction 'decrease'.
 */
import type { Fact, MoneyUnit, Paragraph, Section, Table } from '../../model/report.js';
import { LEADING_FILLERS, SUBJECTS, TRAILING_FILLERS } from './fact-subjects.js';

export interface ExtractFactsOptions {
  /** Source offset of index `i` of a paragraph's text (default: `span.start + i`, right when text = source slice). */
  position?: (paragraph: Paragraph, index: number) => number;
  /** 1-based source line of a source offset (default: the paragraph's line). */
  lineOf?: (offset: number) => number;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const COUNT_UNITS = String.raw`辆|人次|批次|个|台[（(]套[)）]|次|人|件|场|条|家`;
const TOKEN = new RegExp(
  String.raw`(持平|与上年[^，。；;,]{0,16}?相同)|(-{2}|—{1,2})\s*[%％]?(?:[（(][^（()）]{0,12}[)）])?|(不可比)|(${NUMBER})\s*(万元|亿元|元|万(?=\s*元)|[%％]|${COUNT_UNITS})?`,
  'g',
);
const CLAUSE_BREAKS = new Set('，,；;。：:！？!?、\n');
const SENTENCE_BREAKS = new Set('。！？!?；;');
const CHANGE_WORD = /(增加|减少|增长|下降|上升|降低|提高|节约|超支)([了]?)$/;
const RATE_WORD = /(增长|下降|上升|降低|提高|增加|减少)/;
const DECREASE = /减少|下降|降低|节约/;

interface Resolved {
  subject: string;
  known: boolean;
  link?: { table: string; row: string; column: string };
}

/** Name → row lookups built once per report (table 05 classes and items, table 06 economic items). */
interface RowIndex {
  t05: Map<string, { code: string; key: string }[]>;
  t06: Map<string, string>;
  cells: Set<string>;
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

function normName(s: string): string {
  return s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** The noun phrase of a clause prefix: year, entity name, ordinal and fillers removed. */
function cleanPhrase(raw: string): string {
  let s = raw.replace(/\s+/g, '');
  s = s.replace(/^.*?\d{4}年(?:度|初)?(?=[^\d月]|$)/, '');
  s = s.replace(/^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）][、.．]?|[一二三四五六七八九十]{1,3}[、.．])/, '');
  s = s.replace(LEADING_FILLERS, '');
  s = s.replace(TRAILING_FILLERS, '');
  return s;
}

/** Basis words at the end of a phrase; returns the basis and the phrase without them. */
function splitBasis(phrase: string): { phrase: string; basis?: string } {
  const m = /(完成)?(年初预算(?:数|安排)?|全年预算(?:数)?|预算(?:数|下达)?|支出决算(?:数)?|决算(?:数)?|执行数|上年(?:决算)?(?:数)?)$/.exec(phrase);
  if (!m) return { phrase };
  const w = m[2]!;
  const basis = /年初预算/.test(w) ? 'budget' : /预算/.test(w) ? 'adjusted_budget' : /上年/.test(w) ? 'prior' : 'current';
  return { phrase: cleanPhrase(phrase.slice(0, m.index)), basis };
}

function comparisonBasis(context: string): string {
  let basis = 'prior';
  const re = /年初预算|全年预算|预算数|上年/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(context))) basis = m[0] === '年初预算' ? 'budget' : m[0] === '上年' ? 'prior' : 'adjusted_budget';
  return basis;
}

function resolve(phrase: string, index: RowIndex, classNames: Map<string, string>, context?: Resolved): Resolved | undefined {
  if (phrase === '') return undefined;
  const economic = context !== undefined && (/^(?:人员经费|公用经费)$/.test(context.subject) || /^3\d{4}$/.test(context.subject));
  if (economic) {
    const eco = index.t06.get(normName(phrase));
    if (eco) return { subject: eco, known: true, link: { table: '06', row: eco, column: 'amount' } };
  }
  // 财政拨款收入总计…，支出总计…: the second total is the fiscal one too
  if (context && /^财政拨款收入/.test(context.subject) && /^支出(?:总计|合计)$/.test(phrase)) return resolve('财政拨款' + phrase, index, classNames);
  const p = normName(phrase).replace(/^[“"]|[”"]$/g, '');
  for (const e of SUBJECTS) {
    if (e.match.test(p)) return { subject: e.subject, known: true, ...(e.cell ? { link: e.cell } : {}) };
  }
  // X（类）Y（款）Z（项）
  const item = /^(.+?)（类）(?:(.+?)（款）)?(.+?)（项）$/.exec(p);
  if (item) {
    const cls = classNames.get(item[1]!.replace(/支出$/, '') + '支出');
    const rows = index.t05.get(item[3]!) ?? [];
    const row = rows.find((r) => r.code.length === 7 && (!cls || r.code.startsWith(cls))) ?? rows.find((r) => r.code.length === 7);
    if (row) return { subject: row.code, known: true, link: { table: '05', row: row.key, column: '1' } };
    return { subject: p, known: true };
  }
  const name = p.replace(/（(?:类|款|项)）$/, '');
  const rows05 = index.t05.get(name);
  if (rows05 && rows05.length > 0) {
    const row = rows05.reduce((a, b) => (a.code.length <= b.code.length ? a : b));
    return { subject: row.code, known: true, link: { table: '05', row: row.key, column: '1' } };
  }
  // The catalog names a class the table does not print only when the text says （类）: 国有资本经营预算支出
  // is also the name of a fund, as in 涉及…国有资本经营预算支出0万元.
  const cls = /（类）$/.test(p) ? classNames.get(name) : undefined;
  if (cls) return { subject: cls, known: true, link: { table: '05', row: cls, column: '1' } };
  const eco = index.t06.get(name);
  if (eco) return { subject: eco, known: true, link: { table: '06', row: eco, column: 'amount' } };
  return { subject: p, known: false };
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
  const index = buildIndex(tables);
  const facts: Fact[] = [];
  const visit = (s: Section) => {
    const state: CarryState = { tail: '' };
    for (const p of s.paragraphs) factsOfParagraph(p, index, classNames, options, facts, state);
    for (const c of s.children) visit(c);
  };
  sections.forEach(visit);
  relate(facts, index);
  return facts;
}

/**
 * What a paragraph hands to the next one of its section: the subject being described and, when the
 * paragraph stops mid-sentence (a line wrapped by the export), the unfinished clause.
 */
interface CarryState {
  current?: Resolved;
  tail: string;
}

function factsOfParagraph(p: Paragraph, index: RowIndex, classNames: Map<string, string>, options: ExtractFactsOptions, out: Fact[], state: CarryState): void {
  const text = p.text;
  const carried = state.tail;
  let lastBreak = text.length - 1;
  while (lastBreak >= 0 && !CLAUSE_BREAKS.has(text[lastBreak]!)) lastBreak--;
  state.tail = /[。；;：:！？!?]\s*$/.test(text) ? '' : text.slice(lastBreak + 1).slice(-40);
  if (!/\d|持平|相同|不可比|--/.test(text)) return;
  const pos = (i: number) => (options.position ? options.position(p, i) : p.span.start + i);
  const lineOf = (offset: number) => (options.lineOf ? options.lineOf(offset) : p.span.line);
  const quotes = quotedRanges(text);
  let quoteAt = 0;
  let clauseStart = 0;
  let sentenceStart = 0;
  let scanned = 0; // clause and sentence breaks are scanned up to here
  let localStart = 0; // end of the previous token in the clause
  let current: Resolved | undefined = carried !== '' ? state.current : undefined; // the subject carried from the previous statement
  const isBreak = (ch: string) => CLAUSE_BREAKS.has(ch);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    for (; scanned < start; scanned++) {
      const ch = text[scanned]!;
      if (isBreak(ch)) {
        clauseStart = scanned + 1;
        localStart = scanned + 1;
        // A 、 inside an enumeration does not end the subject's statement; others end the clause.
      }
      if (SENTENCE_BREAKS.has(ch)) sentenceStart = scanned + 1;
    }
    while (quoteAt < quotes.length && quotes[quoteAt]![1] <= start) quoteAt++;
    // A count inside a quoted name (“第1及第2批次招用工培训补贴”) is part of the name; an amount is not.
    if (quoteAt < quotes.length && quotes[quoteAt]![0] <= start && !/^[\d,.]+\s*(?:万元|亿元|元|万\s*元|[%％])/.test(m[0])) continue;
    const local = (localStart === 0 ? carried : '') + text.slice(localStart, start);
    const clause = (clauseStart === 0 ? carried : '') + text.slice(clauseStart, start);
    const sentence = (sentenceStart === 0 ? carried : '') + text.slice(sentenceStart, start);
    const before = start > 0 ? text[start - 1]! : '';
    const after = text.slice(end, end + 8);
    let fact: Omit<Fact, 'span'> | undefined;

    if (m[1]) {
      // 持平 / 与上年相同
      fact = { subject: current?.subject ?? '', basis: comparisonBasis(clause + m[1]), measure: 'change', value: null, unit: '', text: m[0], direction: 'flat' };
    } else if (m[2] || m[3]) {
      const completion = /完成|执行率|支出率/.test(clause);
      const isRate = RATE_WORD.test(local.slice(-4));
      if (!completion && !isRate) {
        localStart = end;
        continue;
      }
      fact = completion
        ? { subject: current?.subject ?? '', basis: /年初预算/.test(clause) ? 'budget' : 'adjusted_budget', measure: 'completion', value: null, unit: '%', text: m[0], notComparable: true }
        : { subject: current?.subject ?? '', basis: comparisonBasis(sentence), measure: 'rate', value: null, unit: '%', text: m[0], notComparable: true, direction: DECREASE.test(local.slice(-4)) ? 'decrease' : 'increase' };
    } else {
      const numText = m[4]!;
      let unit = m[5] ?? '';
      if (before === '第' || /^\s*(?:年|月|日|号|届|岁|周年)/.test(after) || /^[A-Za-z]/.test(after)) continue;
      if (unit === '万') unit = '万元';
      if (unit === '％') unit = '%';
      if (/^(?:万元|元)/.test(unit) && /^\s*(?:[（(]含[)）])?\s*及?以上/.test(after)) continue; // a threshold: 100万元以上设备
      const money = unit === '万元' || unit === '元' || unit === '亿元';
      if (unit === '' && !/[.,]/.test(numText)) {
        continue; // a bare integer: an ordinal, a code, a phone number
      }
      const value = Number(numText.replace(/,/g, ''));
      const decimals = numText.includes('.') ? numText.length - numText.indexOf('.') - 1 : 0;
      const num = { value, decimals, text: m[0].replace(/\s+/g, '') };
      if (unit === '%') {
        if (/完成|执行率|支出率|完成率/.test(clause)) {
          fact = { subject: current?.subject ?? '', basis: /年初预算/.test(clause) ? 'budget' : 'adjusted_budget', measure: 'completion', unit, ...num };
        } else if (/占/.test(clause)) {
          const b = /占(?:比)?(.*?)的?$/.exec(clause.replace(/\s+/g, ''));
          const base = b?.[1]?.replace(/的$/, '') ?? '';
          fact = { subject: current?.subject ?? '', basis: 'current', measure: 'share', unit, ...num, ...(base ? { base } : {}) };
        } else if (RATE_WORD.test(local)) {
          const dir = DECREASE.test(local) ? 'decrease' : 'increase';
          const phrase = cleanPhrase(local.replace(RATE_WORD, '').replace(/^.*?比.*$/, ''));
          const r = phrase ? resolve(phrase, index, classNames, current) : undefined;
          if (r && r.known) current = r;
          fact = { subject: current?.subject ?? '', basis: comparisonBasis(sentence), measure: 'rate', unit, ...num, direction: dir };
        } else {
          // A ratio stated for the year (满意率, 结案率 …): its subject is the phrase before it.
          const phrase = cleanPhrase(local);
          fact = { subject: phrase || (current?.subject ?? ''), basis: 'current', measure: 'share', unit, ...num, ...(phrase ? { phrase } : {}) };
        }
      } else if (money || unit === '') {
        const change = CHANGE_WORD.exec(local.replace(/\s+/g, ''));
        if (change) {
          const dir = DECREASE.test(change[1]!) ? 'decrease' : 'increase';
          const head = local.replace(/\s+/g, '').slice(0, change.index);
          const phrase = cleanPhrase(head.replace(/(?:比|较|与)(?:上年|年初|全年|预算).*$/, '').replace(/与上年相比/, ''));
          const r = phrase ? resolve(phrase, index, classNames, current) : undefined;
          if (r) current = r;
          fact = { subject: current?.subject ?? '', basis: comparisonBasis(sentence), measure: 'change', unit, ...num, direction: dir, ...(phrase ? { phrase } : {}) };
        } else {
          const split = splitBasis(cleanPhrase(local));
          const phrase = split.phrase;
          let basis = split.basis ?? 'current';
          if (!split.basis && /上年/.test(local)) basis = 'prior';
          const r = phrase ? resolve(phrase, index, classNames, current) : undefined;
          if (r) current = r;
          fact = { subject: current?.subject ?? '', basis, measure: 'amount', unit, ...num, ...(phrase ? { phrase } : {}) };
        }
      } else {
        const phrase = cleanPhrase(local);
        const r = phrase ? resolve(phrase, index, classNames, current) : undefined;
        fact = { subject: r?.subject ?? phrase, basis: 'current', measure: 'count', unit, ...num, ...(phrase ? { phrase } : {}) };
        if (r?.known) current = r;
        localStart = end;
        pushFact(out, fact, r, p, pos, lineOf, start, end, sentenceStart, text, index);
        continue;
      }
    }
    localStart = end;
    pushFact(out, fact, current, p, pos, lineOf, start, end, sentenceStart, text, index);
  }
  state.current = current;
}

function pushFact(
  out: Fact[],
  fact: Omit<Fact, 'span'>,
  subject: Resolved | undefined,
  p: Paragraph,
  pos: (i: number) => number,
  lineOf: (offset: number) => number | undefined,
  start: number,
  end: number,
  sentenceStart: number,
  text: string,
  index: RowIndex,
): void {
  const s = pos(start);
  const e = pos(end - 1) + 1;
  let sentenceEnd = text.length;
  for (let i = end; i < text.length; i++) {
    if (SENTENCE_BREAKS.has(text[i]!)) {
      sentenceEnd = i + 1;
      break;
    }
  }
  const f: Fact = {
    id: `f${out.length + 1}`,
    ...fact,
    span: { start: s, end: e, ...lineField(lineOf(s)), ...(p.span.page !== undefined ? { page: p.span.page } : {}) },
    sentence: { start: pos(sentenceStart), end: pos(Math.max(sentenceStart, sentenceEnd - 1)) + 1 },
  };
  const link = subject?.link;
  const moneyOrCount = f.measure === 'amount' || (f.measure === 'count' && link?.table === '10');
  if (link && moneyOrCount && f.basis === 'current' && f.subject === subject.subject && index.cells.has(cellKey(link.table, link.row, link.column))) {
    f.link = { ...link };
  }
  out.push(f);
}

/** Facts about the same quantity: same subject, basis and measure (for known subjects), or same cell. */
function relate(facts: Fact[], index: RowIndex): void {
  void index;
  const known = new Set(SUBJECTS.map((e) => e.subject));
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (!f.subject || f.value === null) continue;
    if (!f.link && !known.has(f.subject) && !/^\d+$/.test(f.subject)) continue;
    const key = f.link ? `cell:${f.link.table}/${f.link.row}/${f.link.column}` : `${f.subject}|${f.basis}|${f.measure}|${f.unit === '元' ? '万元' : f.unit}`;
    const g = groups.get(key) ?? [];
    g.push(f);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    if (g.length < 2 || g.length > 50) continue;
    for (const f of g) f.related = g.filter((o) => o !== f).map((o) => o.id!);
  }
}

function lineField(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
