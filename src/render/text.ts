/**
 * Report → a plain-text disclosure in the layout of the published documents (the seeds): a cover
 * title, 目录, 第一部分 概况, 第二部分 with the standard tables (tab-separated rows under the header
 * block of each table, split into pages whose header block repeats), notes under each table, and a
 * short 第三部分 情况说明. Two template families:
 *   gd — national/Guangdong (seeds 000, 001): `表1`, `单位：…`/`部门：…`, `单位：万元`, zero printed 0.00;
 *   sx — Shanxi (seed 003): `公开NN表`, `部门名称：…`, `YYYY年度`, `金额单位：万元`, zero printed blank,
 *        table 06 in four column groups, table 10.
 * `extract` reads the output back into the same tables; tests and the benchmark rely on that.
 */
import { economicItems, functionalClasses } from '../catalog/index.js';
import type { Report, Row, Table } from '../model/report.js';

export type TextTemplate = 'gd' | 'sx';

export interface RenderTextOptions {
  /** Template family (default: the report's own, else sx when it has table 10, else gd). */
  template?: TextTemplate;
  /** Printed data rows per page before a page break (default 22). */
  rowsPerPage?: number;
  /** Repeat the header block after each page break (default true); otherwise only a blank line. */
  repeatHeader?: boolean;
}

/** One printed table row: its cells, joined by tabs. */
type Cells = string[];

interface Context {
  report: Report;
  template: TextTemplate;
  rowsPerPage: number;
  repeatHeader: boolean;
  /** 部门 or 单位: the word of the 单位：/部门： lines and of the notes (本表反映单位本年度…). */
  scopeWord: '部门' | '单位';
}

/** A table laid out as printed rows: the header block and the data rows, pageable or not. */
interface Layout {
  header: Cells[];
  body: Cells[];
  paged: boolean;
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

export function renderText(report: Report, options: RenderTextOptions = {}): string {
  const ctx: Context = {
    report,
    template: options.template ?? defaultTemplate(report),
    rowsPerPage: Math.max(1, options.rowsPerPage ?? 22),
    repeatHeader: options.repeatHeader ?? true,
    scopeWord: report.scope === 'department' ? '部门' : '单位',
  };
  const out: string[] = [];
  cover(ctx, out);
  contents(ctx, out);
  overview(ctx, out);
  tablesPart(ctx, out);
  narrative(ctx, out);
  return out.join('\n') + '\n';
}

/** The report's own family when it is one we print (Sichuan prints like the national template). */
function defaultTemplate(report: Report): TextTemplate {
  if (report.template === 'gd' || report.template === 'sx') return report.template;
  return report.tables.some((t) => t.id === '10') ? 'sx' : 'gd';
}

// ---------------------------------------------------------------------------------------------
// Document parts

/** A paragraph: its line, then a blank line, as the seeds print every heading and paragraph. */
function para(out: string[], text: string): void {
  out.push(text, '');
}

/** 部门决算 or 单位决算, as the title says (seed 000 is a unit whose cover says 部门决算). */
function kindWord(report: Report): string {
  return /单位决算/.test(report.title) ? '单位决算' : '部门决算';
}

function cover(ctx: Context, out: string[]): void {
  const title = ctx.report.title;
  // Shanxi covers print the entity and "2023年度单位决算公开" on two lines.
  const split = ctx.template === 'sx' ? /^(.+?)((?:19|20)\d{2}年度?.+)$/.exec(title) : null;
  if (split) {
    para(out, split[1]!);
    para(out, split[2]!);
  } else para(out, title);
}

function tableEntries(report: Report): Table[] {
  return report.tables.filter((t) => LAYOUTS[t.id] !== undefined);
}

function contents(ctx: Context, out: string[]): void {
  const { report } = ctx;
  const tables = tableEntries(report);
  para(out, '目 录');
  if (ctx.template === 'sx') {
    // Leader dots and a page number, one entry per line (seed 003).
    const entries: [string, number][] = [
      ['第一部分 概况', 1],
      ['一、主要职责', 1],
      ['二、决算单位构成', 1],
      [`第二部分 ${report.year}年部门决算表`, 2],
      ...tables.map((t, i): [string, number] => [`${chineseOrdinal(i + 1)}、${t.title}`, 2 + i]),
      ['第三部分 情况说明', 2 + tables.length],
    ];
    for (const [text, page] of entries) out.push(`${text}.....\t${page}`);
    out.push('');
    return;
  }
  para(out, `第一部分：${report.entity}概况`);
  para(out, '一、主要职责');
  para(out, '二、决算单位构成');
  para(out, `第二部分：${report.entity}${report.year}年度${kindWord(report)}表`);
  tables.forEach((t, i) => para(out, `${chineseOrdinal(i + 1)}、${t.title}`));
  para(out, `第三部分：${report.entity}${report.year}年度${kindWord(report)}情况说明`);
}

/** 第一部分: duties and the composition sentence that tells a unit from a department. */
function overview(ctx: Context, out: string[]): void {
  const { report } = ctx;
  para(out, ctx.template === 'sx' ? '第一部分 概况' : `第一部分：${report.entity}概况`);
  para(out, '一、主要职责');
  para(out, `${report.entity}依法履行本${ctx.scopeWord}职责，承担职能范围内的公共服务、业务管理和综合保障工作。`);
  para(out, '二、决算单位构成');
  para(
    out,
    report.scope === 'department'
      ? `纳入本部门${report.year}年度部门决算编报范围的单位包括本级和下属预算单位。`
      : '本单位没有下属单位，按照决算编制要求，单独编制本单位决算。',
  );
}

function tablesPart(ctx: Context, out: string[]): void {
  const { report } = ctx;
  para(out, ctx.template === 'sx' ? `第二部分 ${report.year}年部门决算表` : `第二部分：${report.entity}${report.year}年度${kindWord(report)}表`);
  for (const table of tableEntries(report)) renderTable(ctx, table, out);
}

/** 第三部分: a few sentences restating the totals of tables 01 and 04. */
function narrative(ctx: Context, out: string[]): void {
  const { report } = ctx;
  const unit = report.moneyUnit;
  const money = (tableId: string, key: string, column: string) => {
    const v = report.tables.find((t) => t.id === tableId)?.rows.find((r) => r.key === key)?.cells[column];
    return `${formatAmount(v ?? 0)}${unit}`;
  };
  const sx = ctx.template === 'sx';
  para(out, sx ? '第三部分 情况说明' : `第三部分：${report.entity}${report.year}年度${kindWord(report)}情况说明`);
  para(out, sx ? '一、收入支出决算总体情况说明' : `一、${report.year}年度收入支出决算总体情况说明`);
  para(
    out,
    `${report.entity}${report.year}年度收入总计${money('01', 'inc.grand_total', '1')}，支出总计${money('01', 'exp.grand_total', '2')}。` +
      `其中本年收入合计${money('01', 'inc.total', '1')}，本年支出合计${money('01', 'exp.total', '2')}，年末结转和结余${money('01', 'exp.closing', '2')}。`,
  );
  para(out, sx ? '二、财政拨款收支决算总体情况说明' : `二、${report.year}年度财政拨款收入支出决算总体情况说明`);
  para(
    out,
    `${report.year}年度财政拨款收入合计${money('04', 'inc.total', '1')}，财政拨款支出合计${money('04', 'exp.total', '2')}，` +
      `其中一般公共预算财政拨款支出${money('04', 'exp.total', '3')}。`,
  );
}

// ---------------------------------------------------------------------------------------------
// One table: label, title, entity and unit lines, the grid in pages, the notes

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

function renderTable(ctx: Context, table: Table, out: string[]): void {
  const layout = LAYOUTS[table.id]?.(ctx, table);
  if (!layout) return;
  preamble(ctx, table, out);
  const pages = layout.paged ? chunk(layout.body, ctx.rowsPerPage) : [layout.body];
  pages.forEach((page, i) => {
    if (i > 0) out.push(''); // the page break: a blank line between the parts
    if (i === 0 || ctx.repeatHeader) for (const cells of layout.header) out.push(cells.join('\t'));
    for (const cells of page) out.push(cells.join('\t'));
  });
  out.push('');
  notes(ctx, table, out);
}

function preamble(ctx: Context, table: Table, out: string[]): void {
  const { report } = ctx;
  if (ctx.template === 'gd') {
    if (table.id === '01') para(out, '表1');
    para(out, table.title);
    para(out, `${ctx.scopeWord}：${report.entity}`);
    para(out, `单位：${report.moneyUnit}`);
    return;
  }
  para(out, table.title);
  para(out, `公开${table.id}表`);
  // Seed 003 heads table 10 with 单位名称 for a unit, and prints table 04's year on the entity line.
  const word = table.id === '10' && report.scope === 'unit' ? '单位名称' : '部门名称';
  if (table.id === '04') para(out, `${word}：${report.entity} ${report.year}年度`);
  else {
    para(out, `${word}：${report.entity}`);
    para(out, `${report.year}年度`);
  }
  // Seed 003 prints 单位：万元 (not 金额单位) above tables 07 and 08.
  para(out, `${table.id === '07' || table.id === '08' ? '单位' : '金额单位'}：${report.moneyUnit}`);
}

function notes(ctx: Context, table: Table, out: string[]): void {
  const text = (NOTES[table.id] ?? '本表反映{S}本年度相关情况。').replace('{S}', ctx.scopeWord);
  if (ctx.template === 'sx') {
    para(out, `注：${text}`);
    if (table.empty) para(out, '说明：本表无数据');
    return;
  }
  if (table.id === '01') {
    para(out, `注：1. ${text}`);
    para(out, '2. 本套报表金额单位转换时可能存在尾数误差。');
  } else if (table.empty) {
    out.push(`注：${text}`); // the empty-table line follows the note without a blank line (seed 000)
    para(out, '本表本年度无发生额。');
  } else para(out, `注：${text}`);
}

function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

function amounts(ctx: Context, table: Table, row: Row | undefined, keys: string[]): string[] {
  return keys.map((k) => formatAmount(row?.cells[k], { decimals: table.decimals ?? 2, blankZero: ctx.template === 'sx' }));
}

const blanks = (n: number): string[] => Array.from({ length: n }, () => '');

// ---------------------------------------------------------------------------------------------
// Tables 01 and 04: income and expenditure side by side, each row with its 行次

const INCOME_ORDINALS: Record<'01' | '04', Set<string>> = {
  '01': new Set(['inc.gpb', 'inc.gov_fund', 'inc.state_capital', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other']),
  '04': new Set(['inc.gpb', 'inc.gov_fund', 'inc.state_capital']),
};

function twoSidedHeader(id: '01' | '04', template: TextTemplate): Cells[] {
  if (id === '01') {
    const amount = template === 'sx' ? '金额' : '决算数';
    return [
      ['收入', '', '', '支出', '', ''],
      ['项目', '行次', amount, '项目', '行次', amount],
      ['栏次', '', '1', '栏次', '', '2'],
    ];
  }
  return [
    ['收入', '', '', '支出', '', '', '', '', ''],
    ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ['栏次', '', '1', '栏次', '', '2', '3', '4', '5'],
  ];
}

/**
 * The national 行次 of a fixed row, for reports that carry none. Shanxi's table 01 has one more
 * income line (a filler at 30) than Guangdong's, which shifts its expenditure side by one.
 */
function defaultLine(id: '01' | '04', template: TextTemplate, key: string, year: number): number | undefined {
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

function twoSided(ctx: Context, table: Table): Layout {
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
  const body: Cells[] = [];
  for (let i = 0; i < Math.max(incomeSeq.length, expenseSeq.length); i++) {
    const inc = incomeSeq[i];
    const exp = expenseSeq[i];
    body.push([
      ...(inc ? [inc.row ? label(inc.row, 'inc') : '', String(inc.line), ...amounts(ctx, table, inc.row, ['1'])] : blanks(3)),
      ...(exp ? [exp.row ? label(exp.row, 'exp') : '', String(exp.line), ...amounts(ctx, table, exp.row, expenseKeys)] : blanks(2 + expenseKeys.length)),
    ]);
  }
  return { header: twoSidedHeader(id, ctx.template), body, paged: true };
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

/** The two label rows above the 栏次 row: group labels on top, sub-labels under a spanning group. */
function codedLabels(id: string, template: TextTemplate): [string[], string[]] {
  switch (id) {
    case '02':
      return [['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'], blanks(7)];
    case '03':
      return [['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'], blanks(6)];
    case '05':
      return template === 'sx' ? [['本年支出', '', ''], ['小计', '基本支出', '项目支出']] : [['本年支出合计', '基本支出', '项目支出'], blanks(3)];
    case '07':
      return [['年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'], ['', '', '小计', '基本支出', '项目支出', '']];
    default:
      return [['本年支出', '', ''], [template === 'sx' ? '合计' : '小计', '基本支出', '项目支出']];
  }
}

function coded(ctx: Context, table: Table): Layout {
  const keys = CODED_KEYS[table.id]!;
  const sx = ctx.template === 'sx';
  const [top, sub] = codedLabels(table.id, ctx.template);
  const header: Cells[] = [
    ['项目', '', ...top],
    [sx ? '科目代码' : '功能分类科目编码', '科目名称', ...sub],
    sx ? ['栏次', '', ...keys] : ['', '栏次', ...keys],
  ];
  const body = table.rows.map((row): Cells => {
    const values = amounts(ctx, table, row, keys);
    if (row.key === 'total') return sx ? [row.name, '', ...values] : ['', row.name, ...values];
    return [row.code ?? row.key, row.name, ...values];
  });
  return { header, body, paged: true };
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

function t06(ctx: Context, table: Table): Layout {
  const groups = t06Groups(ctx, table.rows);
  const sx = ctx.template === 'sx';
  const width = groups.length * 3;
  const top = blanks(width);
  top[0] = '人员经费';
  top[3] = '公用经费';
  const labels = groups.flatMap(() => (sx ? ['科目代码', '科目名称', '决算数'] : ['经济分类科目编码', '科目名称', '金额']));
  const body: Cells[] = [];
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
  return { header: [top, labels], body, paged: true };
}

// ---------------------------------------------------------------------------------------------
// Table 09: 预算数 and 决算数 blocks of six columns, one data row

const T09_ITEMS = ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'];
const T09_SUB = ['', '', '小计', '公务用车购置费', '公务用车运行维护费', ''];

function t09(ctx: Context, table: Table): Layout {
  const keys = Array.from({ length: 12 }, (_, i) => String(i + 1));
  const header: Cells[] = [
    ['预算数', ...blanks(5), '决算数', ...blanks(5)],
    [...T09_ITEMS, ...T09_ITEMS],
    [...T09_SUB, ...T09_SUB],
    keys,
  ];
  return { header, body: table.rows.map((row) => amounts(ctx, table, row, keys)), paged: false };
}

// ---------------------------------------------------------------------------------------------
// Table 10 (Shanxi): three sections of rows keyed by 行次

const T10_SECTIONS: { title: string; from: number; to: number; columns?: Cells }[] = [
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

function t10(ctx: Context, table: Table): Layout {
  const cells: Cells[] = [];
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
  return { header: cells.slice(0, 2), body: cells.slice(2), paged: false };
}

const LAYOUTS: Record<string, ((ctx: Context, table: Table) => Layout) | undefined> = {
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
};
