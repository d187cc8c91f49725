/**
 * The printed layout of each standard table, per template: the lines above the grid (表1 / 公开NN表,
 * title, 单位：/部门名称： line, year, money unit), the header block with its merged cells, the 栏次
 * row, the body rows (codes and names as the template prints them, zero as 0.00 (gd) or blank (sx),
 * —— where not applicable), and the notes under the table (本表无数据 for an empty table).
 *
 * Every writer prints from this, so all formats show the same cells in the same positions: the plain
 * text writer (render/text.ts) joins each row with tabs (a merged cell's covered positions print
 * blank), markdown writes pipe rows, HTML and DOCX turn the spans into rowspan/colspan and merged
 * Word cells. The readers (text, HTML) expand spans back into the same positions, so `extract`
 * reads every format into the same tables.
 */
import { economicItems, functionalClasses } from '../catalog/index.js';
import type { Report, Row, Table } from '../model/report.js';
import { SC_TABLE_IDS } from '../model/sc-tables.js';
import { scTableGrid, scTableNote } from './templates/sc-tables.js';

/** Layout families: Sichuan prints its tables like the national template. */
export type LayoutTemplate = 'gd' | 'sx';

/** A header position: the top-left cell of a merged range carries its spans, the others are `covered`. */
export interface LayoutCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  covered?: boolean;
}

/** What a column holds, for alignment and widths. */
export type ColumnKind = 'label' | 'code' | 'line' | 'amount';

export interface PreambleLine {
  text: string;
  role: 'label' | 'title' | 'entity' | 'year' | 'unit';
}

export interface TableLayout {
  id: string;
  title: string;
  /** The lines printed above the grid, in order. */
  preamble: PreambleLine[];
  /** Header rows, each as wide as the table; covered positions print blank. */
  header: LayoutCell[][];
  /** Body rows, each as wide as the table. */
  body: string[][];
  /** Whether the body may break across pages under a repeated header (not 09, 10). */
  paged: boolean;
  kinds: ColumnKind[];
  /** Notes under the table: groups of lines printed together (a group is one paragraph of text). */
  notes: string[][];
  empty: boolean;
}

export interface LayoutOptions {
  template?: LayoutTemplate;
  /**
   * Print —— in the cells a row lists as not applicable (`row.dashes`); default true. The plain-text
   * writer keeps its blank (its output is pinned byte for byte against the seeds' lines).
   */
  dashes?: boolean;
}

/** The ids laid out here, in print order. */
export const LAYOUT_TABLE_IDS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'] as const;

/** The report's own family when it is one we print (Sichuan prints like the national template). */
export function layoutTemplate(report: Report, template?: LayoutTemplate | 'sc'): LayoutTemplate {
  if (template === 'gd' || template === 'sx') return template;
  if (template === 'sc') return 'gd';
  if (report.template === 'gd' || report.template === 'sx') return report.template;
  return report.tables.some((t) => t.id === '10') ? 'sx' : 'gd';
}

/** 部门 or 单位: the word of the 单位：/部门： lines and of the notes (本表反映单位本年度…). */
export function scopeWord(report: Report): '部门' | '单位' {
  return report.scope === 'department' ? '部门' : '单位';
}

/** The tables of a report that have a printed layout, in report order. */
export function layoutTables(report: Report): Table[] {
  return report.tables.filter((t) => LAYOUTS[t.id] !== undefined);
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 26 → 二十六 (the ordinals of the printed rows and headings). */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return CN[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens]}十${CN[ones]}`;
}

/**
 * A JSON number in integer units of 10^-decimals, read from its shortest decimal form (what JSON
 * carries: "2169.36", "1.005") and rounded half away from zero there, never through a binary
 * multiplication (1.005 * 100 = 100.49999…). Exponent forms (1e-7, 1e21) fall back to Math.round.
 */
function toUnits(value: number, decimals: number): number {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(Math.abs(value)));
  if (!m) return Math.round(value * 10 ** decimals);
  const frac = m[2] ?? '';
  let units = Number(m[1]! + frac.slice(0, decimals).padEnd(decimals, '0'));
  if ((frac[decimals] ?? '0') >= '5') units += 1;
  return value < 0 ? -units : units;
}

/**
 * A printed amount: thousands separators and `decimals` places, built from integer units so
 * 2169.36 never prints as 2,169.35. Null prints blank; zero prints 0.00, or blank when `blankZero`
 * (the Shanxi template).
 */
export function formatAmount(value: number | null | undefined, options: { decimals?: number; blankZero?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const decimals = options.decimals ?? 2;
  const units = toUnits(value, decimals);
  if (units === 0) return options.blankZero ? '' : decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${units < 0 ? '-' : ''}${int}${frac}`;
}

interface Context {
  report: Report;
  template: LayoutTemplate;
  dashes: boolean;
  scopeWord: '部门' | '单位';
}

interface Grid {
  header: LayoutCell[][];
  body: string[][];
  paged: boolean;
  kinds: ColumnKind[];
}

/** The printed layout of one table, or undefined for a table this module has no layout for. */
export function tableLayout(report: Report, table: Table, options: LayoutOptions = {}): TableLayout | undefined {
  const build = LAYOUTS[table.id];
  if (!build) return undefined;
  const ctx: Context = { report, template: options.template ?? layoutTemplate(report), dashes: options.dashes ?? true, scopeWord: scopeWord(report) };
  const grid = build(ctx, table);
  return { id: table.id, title: table.title, preamble: preamble(ctx, table), ...grid, notes: notes(ctx, table), empty: table.empty };
}

// ---------------------------------------------------------------------------------------------
// Lines above and below the grid

function preamble(ctx: Context, table: Table): PreambleLine[] {
  const { report } = ctx;
  const lines: PreambleLine[] = [];
  if (ctx.template === 'gd') {
    if (table.id === '01') lines.push({ text: '表1', role: 'label' });
    lines.push({ text: table.title, role: 'title' });
    lines.push({ text: `${ctx.scopeWord}：${report.entity}`, role: 'entity' });
    lines.push({ text: `单位：${report.moneyUnit}`, role: 'unit' });
    return lines;
  }
  lines.push({ text: table.title, role: 'title' });
  lines.push({ text: `公开${table.id}表`, role: 'label' });
  // Seed 003 heads table 10 with 单位名称 for a unit, and prints table 04's year on the entity line.
  const word = table.id === '10' && report.scope === 'unit' ? '单位名称' : '部门名称';
  if (table.id === '04') lines.push({ text: `${word}：${report.entity} ${report.year}年度`, role: 'entity' });
  else {
    lines.push({ text: `${word}：${report.entity}`, role: 'entity' });
    lines.push({ text: `${report.year}年度`, role: 'year' });
  }
  // Seed 003 prints 单位：万元 (not 金额单位) above tables 07 and 08.
  lines.push({ text: `${table.id === '07' || table.id === '08' ? '单位' : '金额单位'}：${report.moneyUnit}`, role: 'unit' });
  return lines;
}

const NOTES: Record<string, string> = {
  '01': '本表反映{S}本年度的总收支和年末结转结余情况。',
  '02': '本表反映{S}本年度取得的各项收入情况。',
  '03': '本表反映{S}本年度各项支出情况。',
  '04': '本表反映{S}本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
  '05': '本表反映{S}本年度一般公共预算财政拨款实际支出情况。',
  '06': '本表反映{S}本年度一般公共预算财政拨款基本支出明细情况。',
  '07': '本表反映{S}本年度政府性基金预算财政拨款收入、支出及结转结余情况。',
  '08': '本表反映{S}本年度国有资本经营预算财政拨款支出情况。',
  '09': '本表反映{S}本年度财政拨款“三公”经费支出预决算情况。',
  '10': '本表反映{S}本年度政府采购、机关运行经费和国有资产占用情况。',
};

function notes(ctx: Context, table: Table): string[][] {
  const text = (NOTES[table.id] ?? scTableNote(table.id, ctx.scopeWord) ?? '本表反映{S}本年度相关情况。').replace('{S}', ctx.scopeWord);
  if (ctx.template === 'sx') return table.empty ? [[`注：${text}`], ['说明：本表无数据']] : [[`注：${text}`]];
  if (table.id === '01') return [[`注：1. ${text}`], ['2. 本套报表金额单位转换时可能存在尾数误差。']];
  // The empty-table line follows the note on the next line, in the same block (seed 000).
  if (table.empty) return [[`注：${text}`, '本表本年度无发生额。']];
  return [[`注：${text}`]];
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Header rows from plain texts, with spans: `spans[r][c] = [rowSpan, colSpan]` at a range's top-left. */
function headerRows(texts: string[][], spans: [number, number, number, number][] = []): LayoutCell[][] {
  const rows: LayoutCell[][] = texts.map((r) => r.map((text) => ({ text })));
  for (const [r, c, rowSpan, colSpan] of spans) {
    const cell = rows[r]![c]!;
    if (rowSpan > 1) cell.rowSpan = rowSpan;
    if (colSpan > 1) cell.colSpan = colSpan;
    for (let dr = 0; dr < rowSpan; dr++) {
      for (let dc = 0; dc < colSpan; dc++) {
        if (dr === 0 && dc === 0) continue;
        const covered = rows[r + dr]![c + dc]!;
        // A covered position prints blank in every format; the layouts keep its text empty.
        if (covered.text !== '') throw new Error(`layout: merged cell at ${r},${c} covers text “${covered.text}”`);
        covered.covered = true;
      }
    }
  }
  return rows;
}

function amounts(ctx: Context, table: Table, row: Row | undefined, keys: string[]): string[] {
  return keys.map((k) => {
    if (ctx.dashes && row?.dashes?.includes(k) && (row.cells[k] === null || row.cells[k] === undefined)) return '——';
    return formatAmount(row?.cells[k], { decimals: table.decimals ?? 2, blankZero: ctx.template === 'sx' });
  });
}

const blanks = (n: number): string[] => Array.from({ length: n }, () => '');

// ---------------------------------------------------------------------------------------------
// Tables 01 and 04: income and expenditure side by side, each row with its 行次

const INCOME_ORDINALS: Record<'01' | '04', Set<string>> = {
  '01': new Set(['inc.gpb', 'inc.gov_fund', 'inc.state_capital', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other']),
  '04': new Set(['inc.gpb', 'inc.gov_fund', 'inc.state_capital']),
};

function twoSidedHeader(id: '01' | '04', template: LayoutTemplate): LayoutCell[][] {
  if (id === '01') {
    const amount = template === 'sx' ? '金额' : '决算数';
    return headerRows(
      [
        ['收入', '', '', '支出', '', ''],
        ['项目', '行次', amount, '项目', '行次', amount],
        ['栏次', '', '1', '栏次', '', '2'],
      ],
      [
        [0, 0, 1, 3],
        [0, 3, 1, 3],
      ],
    );
  }
  return headerRows(
    [
      ['收入', '', '', '支出', '', '', '', '', ''],
      ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
      ['栏次', '', '1', '栏次', '', '2', '3', '4', '5'],
    ],
    [
      [0, 0, 1, 3],
      [0, 3, 1, 6],
    ],
  );
}

/**
 * The national 行次 of a fixed row, for reports that carry none. Shanxi's table 01 has one more
 * income line (a filler at 30) than Guangdong's, which shifts its expenditure side by one.
 */
function defaultLine(id: '01' | '04', template: LayoutTemplate, key: string, year: number): number | undefined {
  const order = functionalClasses(year).find((c) => `exp.${c.code}` === key && c.order > 0)?.order;
  if (id === '01') {
    const sx = template === 'sx';
    const offset = sx ? 31 : 30;
    const income: Record<string, number> = {
      'inc.gpb': 1, 'inc.gov_fund': 2, 'inc.state_capital': 3, 'inc.superior': 4, 'inc.business': 5, 'inc.operating': 6,
      'inc.affiliated': 7, 'inc.other': 8, 'inc.total': 27, 'inc.use_nonfiscal_balance': 28, 'inc.opening': 29, 'inc.grand_total': sx ? 31 : 30,
    };
    const expense: Record<string, number> = {
      'exp.total': offset + 27, 'exp.surplus_distribution': offset + 28, 'exp.closing': offset + 29, 'exp.grand_total': offset + (sx ? 31 : 30),
    };
    return income[key] ?? expense[key] ?? (order !== undefined ? offset + order : undefined);
  }
  const fixed: Record<string, number> = {
    'inc.gpb': 1, 'inc.gov_fund': 2, 'inc.state_capital': 3, 'inc.total': 27, 'inc.opening': 28, 'inc.opening.gpb': 29,
    'inc.opening.gov_fund': 30, 'inc.opening.state_capital': 31, 'inc.grand_total': 32, 'exp.total': 59, 'exp.closing': 60, 'exp.grand_total': 64,
  };
  return fixed[key] ?? (order !== undefined ? 32 + order : undefined);
}

/** Rows by printed 行次, from `from` to `to`; a line with no row is a filler (only its number printed). */
function sideSequence(rows: Map<number, Row>, from: number, to: number): { line: number; row?: Row }[] {
  const seq: { line: number; row?: Row }[] = [];
  for (let line = from; line <= to; line++) {
    const row = rows.get(line);
    seq.push(row ? { line, row } : { line });
  }
  return seq;
}

function byLine(ctx: Context, id: '01' | '04', rows: Row[]): Map<number, Row> {
  const map = new Map<number, Row>();
  for (const row of rows) {
    let line = row.line ?? defaultLine(id, ctx.template, row.key, ctx.report.year);
    // A row the template has no place for is printed after the others rather than dropped.
    if (line === undefined || map.has(line)) line = Math.max(0, ...map.keys()) + 1;
    map.set(line, row);
  }
  return map;
}

function twoSided(ctx: Context, table: Table): Grid {
  const id = table.id as '01' | '04';
  const expenseKeys = id === '01' ? ['2'] : ['2', '3', '4', '5'];
  const income = byLine(ctx, id, table.rows.filter((r) => r.key.startsWith('inc.')));
  const expense = byLine(ctx, id, table.rows.filter((r) => !r.key.startsWith('inc.')));
  const lastIncome = Math.max(0, ...income.keys());
  // The expenditure side numbers on from the income side (31… in GD table 01, 32… in SX, 33… in table 04).
  const firstExpense = Math.min(lastIncome + 1, ...expense.keys());
  const incomeSeq = sideSequence(income, 1, lastIncome);
  const expenseSeq = sideSequence(expense, firstExpense, Math.max(firstExpense - 1, ...expense.keys()));
  let incOrdinal = 0;
  let expOrdinal = 0;
  const label = (row: Row, side: 'inc' | 'exp') => {
    if (side === 'inc' && INCOME_ORDINALS[id].has(row.key)) return `${chineseOrdinal(++incOrdinal)}、${row.name}`;
    if (side === 'exp' && /^exp\.\d{3}$/.test(row.key)) return `${chineseOrdinal(++expOrdinal)}、${row.name}`;
    return row.name;
  };
  const body: string[][] = [];
  for (let i = 0; i < Math.max(incomeSeq.length, expenseSeq.length); i++) {
    const inc = incomeSeq[i];
    const exp = expenseSeq[i];
    body.push([
      ...(inc ? [inc.row ? label(inc.row, 'inc') : '', String(inc.line), ...amounts(ctx, table, inc.row, ['1'])] : blanks(3)),
      ...(exp ? [exp.row ? label(exp.row, 'exp') : '', String(exp.line), ...amounts(ctx, table, exp.row, expenseKeys)] : blanks(2 + expenseKeys.length)),
    ]);
  }
  const kinds: ColumnKind[] = ['label', 'line', 'amount', 'label', 'line', ...expenseKeys.map((): ColumnKind => 'amount')];
  return { header: twoSidedHeader(id, ctx.template), body, paged: true, kinds };
}

// ---------------------------------------------------------------------------------------------
// Tables 02, 03, 05, 07, 08: a 合计 row, then classification codes

const CODED_KEYS: Record<string, string[]> = {
  '02': ['1', '2', '3', '4', '5', '6', '7'],
  '03': ['1', '2', '3', '4', '5', '6'],
  '05': ['1', '2', '3'],
  '07': ['1', '2', '3', '4', '5', '6'],
  '08': ['1', '2', '3'],
};

/**
 * The two label rows above the 栏次 row (group labels on top, sub-labels under a spanning group), and
 * the merged ranges among the amount columns: [row, column, rowSpan, colSpan] relative to them.
 */
function codedLabels(id: string, template: LayoutTemplate): { top: string[]; sub: string[]; spans: [number, number, number, number][] } {
  const standing = (n: number): [number, number, number, number][] => Array.from({ length: n }, (_, c) => [0, c, 2, 1]);
  switch (id) {
    case '02':
      return { top: ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'], sub: blanks(7), spans: standing(7) };
    case '03':
      return { top: ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'], sub: blanks(6), spans: standing(6) };
    case '05':
      return template === 'sx'
        ? { top: ['本年支出', '', ''], sub: ['小计', '基本支出', '项目支出'], spans: [[0, 0, 1, 3]] }
        : { top: ['本年支出合计', '基本支出', '项目支出'], sub: blanks(3), spans: standing(3) };
    case '07':
      return {
        top: ['年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
        sub: ['', '', '小计', '基本支出', '项目支出', ''],
        spans: [
          [0, 0, 2, 1],
          [0, 1, 2, 1],
          [0, 2, 1, 3],
          [0, 5, 2, 1],
        ],
      };
    default:
      return { top: ['本年支出', '', ''], sub: [template === 'sx' ? '合计' : '小计', '基本支出', '项目支出'], spans: [[0, 0, 1, 3]] };
  }
}

function coded(ctx: Context, table: Table): Grid {
  const keys = CODED_KEYS[table.id]!;
  const sx = ctx.template === 'sx';
  const { top, sub, spans } = codedLabels(table.id, ctx.template);
  const header = headerRows(
    [['项目', '', ...top], [sx ? '科目代码' : '功能分类科目编码', '科目名称', ...sub], sx ? ['栏次', '', ...keys] : ['', '栏次', ...keys]],
    [[0, 0, 1, 2], ...spans.map(([r, c, rs, cs]): [number, number, number, number] => [r, c + 2, rs, cs]), ...(sx ? [[2, 0, 1, 2] as [number, number, number, number]] : [])],
  );
  const body = table.rows.map((row): string[] => {
    const values = amounts(ctx, table, row, keys);
    if (row.key === 'total') return sx ? [row.name, '', ...values] : ['', row.name, ...values];
    return [row.code ?? row.key, row.name, ...values];
  });
  return { header, body, paged: true, kinds: ['code', 'label', ...keys.map((): ColumnKind => 'amount')] };
}

// ---------------------------------------------------------------------------------------------
// Table 06: economic classification in column groups side by side, then the two totals

/**
 * The column groups, in the order the rows are listed (group by group): 人员经费 (classes 301 and
 * 303 in the catalog) and 公用经费; Shanxi spreads 公用经费 over three groups of equal height.
 */
function t06Groups(ctx: Context, rows: Row[]): Row[][] {
  const personnel = new Set(economicItems(ctx.report.year).filter((i) => i.level === '类' && i.group === '人员经费').map((i) => i.code));
  const items = rows.filter((r) => r.key !== 'personnel_total' && r.key !== 'public_total');
  const people = items.filter((r) => personnel.has((r.code ?? r.key).slice(0, 3)));
  const pub = items.filter((r) => !personnel.has((r.code ?? r.key).slice(0, 3)));
  if (ctx.template !== 'sx') return [people, pub];
  const height = Math.max(people.length, Math.ceil(pub.length / 3));
  return [people, pub.slice(0, height), pub.slice(height, 2 * height), pub.slice(2 * height)];
}

function t06(ctx: Context, table: Table): Grid {
  const groups = t06Groups(ctx, table.rows);
  const sx = ctx.template === 'sx';
  const width = groups.length * 3;
  const top = blanks(width);
  top[0] = '人员经费';
  top[3] = '公用经费';
  const labels = groups.flatMap(() => (sx ? ['科目代码', '科目名称', '决算数'] : ['经济分类科目编码', '科目名称', '金额']));
  const body: string[][] = [];
  const height = Math.max(0, ...groups.map((g) => g.length));
  for (let i = 0; i < height; i++) {
    body.push(groups.flatMap((g) => (g[i] ? [g[i]!.code ?? g[i]!.key, g[i]!.name, ...amounts(ctx, table, g[i], ['amount'])] : blanks(3))));
  }
  const personnelTotal = table.rows.find((r) => r.key === 'personnel_total');
  const publicTotal = table.rows.find((r) => r.key === 'public_total');
  if (personnelTotal || publicTotal) {
    // 人员经费合计 under the first group; 公用经费合计 in the name column of the last-but-one group
    // (the second of two in GD, the third of four in SX), its amount in the last amount column.
    const totals = blanks(width);
    if (personnelTotal) [totals[1], totals[2]] = [personnelTotal.name, amounts(ctx, table, personnelTotal, ['amount'])[0]!];
    if (publicTotal) {
      totals[3 * Math.max(1, groups.length - 2) + 1] = publicTotal.name;
      totals[width - 1] = amounts(ctx, table, publicTotal, ['amount'])[0]!;
    }
    body.push(totals);
  }
  const header = headerRows([top, labels], [
    [0, 0, 1, 3],
    [0, 3, 1, width - 3],
  ]);
  return { header, body, paged: true, kinds: groups.flatMap((): ColumnKind[] => ['code', 'label', 'amount']) };
}

// ---------------------------------------------------------------------------------------------
// Table 09: 预算数 and 决算数 blocks of six columns, one data row

const T09_ITEMS = ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'];
const T09_SUB = ['', '', '小计', '公务用车购置费', '公务用车运行维护费', ''];

function t09(ctx: Context, table: Table): Grid {
  const keys = Array.from({ length: 12 }, (_, i) => String(i + 1));
  const block = (c: number): [number, number, number, number][] => [
    [1, c, 2, 1],
    [1, c + 1, 2, 1],
    [1, c + 2, 1, 3],
    [1, c + 5, 2, 1],
  ];
  const header = headerRows(
    [['预算数', ...blanks(5), '决算数', ...blanks(5)], [...T09_ITEMS, ...T09_ITEMS], [...T09_SUB, ...T09_SUB], keys],
    [[0, 0, 1, 6], [0, 6, 1, 6], ...block(0), ...block(6)],
  );
  return { header, body: table.rows.map((row) => amounts(ctx, table, row, keys)), paged: false, kinds: keys.map((): ColumnKind => 'amount') };
}

// ---------------------------------------------------------------------------------------------
// Table 10 (Shanxi): three sections of rows keyed by 行次

const T10_SECTIONS: { title: string; from: number; to: number; columns?: string[] }[] = [
  { title: '一、政府采购情况', from: 1, to: 4, columns: ['项目', '行次', '统计数'] },
  { title: '二、机关运行经费', from: 5, to: 6, columns: ['项目', '', '统计数'] },
  { title: '三、国有资产占用情况', from: 7, to: 99 },
];

/** The printed ordinal of a table-10 row: (一) (二) for sub-sections, 1.–8. for the vehicle kinds. */
function t10Prefix(line: number): string {
  if (line === 5 || line === 7) return '(一) ';
  if (line === 6 || line === 17) return '(二) ';
  if (line >= 8 && line <= 15) return `${line - 7}. `;
  return '';
}

function t10(ctx: Context, table: Table): Grid {
  const cells: string[][] = [];
  const sx = ctx.template === 'sx';
  for (const section of T10_SECTIONS) {
    cells.push([section.title, '', '']);
    if (section.columns) cells.push(section.columns);
    for (const row of table.rows) {
      const line = row.line ?? Number(/^L(\d+)$/.exec(row.key)?.[1] ?? NaN);
      if (!(line >= section.from && line <= section.to)) continue;
      const v = row.cells['amount'];
      // Rows 7–17 count vehicles and equipment: printed as whole numbers, not amounts.
      const count = line >= 7 && v !== null && v !== undefined && Number.isInteger(v);
      const text = count ? (v === 0 && sx ? '' : String(v)) : amounts(ctx, table, row, ['amount'])[0]!;
      cells.push([`${t10Prefix(line)}${row.name}`, String(line), text]);
    }
  }
  const header = headerRows(cells.slice(0, 2), [[0, 0, 1, 3]]);
  return { header, body: cells.slice(2), paged: false, kinds: ['label', 'line', 'amount'] };
}

const LAYOUTS: Record<string, ((ctx: Context, table: Table) => Grid) | undefined> = {
  '01': twoSided,
  '02': coded,
  '03': coded,
  '04': twoSided,
  '05': coded,
  '06': t06,
  '07': coded,
  '08': coded,
  '09': t09,
  '10': t10,
  // Sichuan's four extra tables (rules.md §1.13), laid out from their column data.
  ...Object.fromEntries(SC_TABLE_IDS.map((id) => [id, (ctx: Context, table: Table) => scTableGrid(table, { template: ctx.template, amounts: (row, keys) => amounts(ctx, table, row, keys) })!])),
};
