/**
 * The rows every input workbook offers, per template and year: the fixed rows of tables 01/04/06/09/10
 * with their printed labels, and for the coded tables 02/03/05/07/08 a 合计 row, the functional
 * catalogue's 类/款/项 of the year and blank rows for codes the catalogue lacks. Laid out by
 * render/layout.ts, this is the blank workbook; the reader maps a filled one back onto the same keys.
 */
import { economicItems, functionalClasses, functionalCodes } from '../catalog/index.js';
import type { Report, ReportScope, Row, Table } from '../model/report.js';
import type { TemplateId } from '../render/document/model.js';
import { TABLE_TITLES } from '../recognise/tables/titles.js';

export const CODED_IDS = ['02', '03', '05', '07', '08'];

export const CODED_KEYS: Record<string, string[]> = {
  '02': ['1', '2', '3', '4', '5', '6', '7'],
  '03': ['1', '2', '3', '4', '5', '6'],
  '05': ['1', '2', '3'],
  '07': ['1', '2', '3', '4', '5', '6'],
  '08': ['1', '2', '3'],
};

/** Blank rows for codes the catalogue lacks, per coded table. */
export const SPARE_ROWS: Record<string, number> = { '02': 120, '03': 120, '05': 120, '07': 40, '08': 40 };

export const T09_KEYS = Array.from({ length: 12 }, (_, i) => String(i + 1));

/** The tables of a template, in print order. */
export function templateTableIds(template: TemplateId): string[] {
  return template === 'sx' ? ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'] : ['01', '02', '03', '04', '05', '06', '07', '08', '09'];
}

export function tableTitle(id: string): string {
  return TABLE_TITLES.find((t) => t.id === id)?.name ?? id;
}

export const INCOME_01: [string, string][] = [
  ['inc.gpb', '一般公共预算财政拨款收入'],
  ['inc.gov_fund', '政府性基金预算财政拨款收入'],
  ['inc.state_capital', '国有资本经营预算财政拨款收入'],
  ['inc.superior', '上级补助收入'],
  ['inc.business', '事业收入'],
  ['inc.operating', '经营收入'],
  ['inc.affiliated', '附属单位上缴收入'],
  ['inc.other', '其他收入'],
];

/** The fixed rows of table 01 with their 行次 (Shanxi numbers one filler line more on each side). */
export function rows01(template: TemplateId, year: number): Row[] {
  const sx = template === 'sx';
  const offset = sx ? 31 : 30;
  const row = (key: string, name: string, line: number, col: string): Row => ({ key, name, line, cells: { [col]: null } });
  return [
    ...INCOME_01.map(([key, name], i) => row(key, name, i + 1, '1')),
    row('inc.total', '本年收入合计', 27, '1'),
    row('inc.use_nonfiscal_balance', sx ? '使用非财政拨款结余和专用结余' : '使用非财政拨款结余(含专用结余)', 28, '1'),
    row('inc.opening', '年初结转和结余', 29, '1'),
    row('inc.grand_total', '总计', sx ? 31 : 30, '1'),
    ...classes(year).map((c) => row(`exp.${c.code}`, c.name, offset + c.order, '2')),
    row('exp.total', '本年支出合计', offset + 27, '2'),
    row('exp.surplus_distribution', '结余分配', offset + 28, '2'),
    row('exp.closing', '年末结转和结余', offset + 29, '2'),
    row('exp.grand_total', '总计', offset + (sx ? 31 : 30), '2'),
  ];
}

export function rows04(year: number): Row[] {
  const inc = (key: string, name: string, line: number): Row => ({ key, name, line, cells: { '1': null } });
  const exp = (key: string, name: string, line: number): Row => ({ key, name, line, cells: { '2': null, '3': null, '4': null, '5': null } });
  return [
    inc('inc.gpb', '一般公共预算财政拨款', 1),
    inc('inc.gov_fund', '政府性基金预算财政拨款', 2),
    inc('inc.state_capital', '国有资本经营预算财政拨款', 3),
    inc('inc.total', '本年收入合计', 27),
    inc('inc.opening', '年初财政拨款结转和结余', 28),
    inc('inc.opening.gpb', '一般公共预算财政拨款', 29),
    inc('inc.opening.gov_fund', '政府性基金预算财政拨款', 30),
    inc('inc.opening.state_capital', '国有资本经营预算财政拨款', 31),
    inc('inc.grand_total', '总计', 32),
    ...classes(year).map((c) => exp(`exp.${c.code}`, c.name, 32 + c.order)),
    exp('exp.total', '本年支出合计', 59),
    exp('exp.closing', '年末财政拨款结转和结余', 60),
    exp('exp.grand_total', '总计', 64),
  ];
}

function classes(year: number) {
  return functionalClasses(year)
    .filter((c) => c.order > 0)
    .sort((a, b) => a.order - b.order);
}

/** The Guangdong table 06 prints a subset of the economic classification (seeds 000, 001). */
const GD_T06_SKIP = /^(?:309|311|312|313|30703|30704)/;
/** 基本建设 classes are funded by projects: not applicable in a 基本支出 table, printed —— by Shanxi. */
export const T06_NOT_APPLICABLE = /^(?:309|311)/;

export function rows06(template: TemplateId, year: number): Row[] {
  const sx = template === 'sx';
  const items = economicItems(year).filter((i) => sx || !GD_T06_SKIP.test(i.code));
  const row = (code: string, name: string): Row => ({
    key: code,
    code,
    name,
    cells: { amount: null },
    ...(sx && T06_NOT_APPLICABLE.test(code) ? { dashes: ['amount'] } : {}),
  });
  return [
    ...items.filter((i) => i.group === '人员经费').map((i) => row(i.code, i.name)),
    ...items.filter((i) => i.group === '公用经费').map((i) => row(i.code, i.name)),
    { key: 'personnel_total', name: '人员经费合计', cells: { amount: null } },
    { key: 'public_total', name: '公用经费合计', cells: { amount: null } },
  ];
}

export const T10_ROWS: [number, string][] = [
  [1, '合计'],
  [2, '货物'],
  [3, '工程'],
  [4, '服务'],
  [5, '行政单位'],
  [6, '参照公务员法管理事业单位'],
  [7, '车辆数合计(辆)'],
  [8, '副部(省)级及以上领导用车'],
  [9, '主要负责人用车'],
  [10, '机要通信用车'],
  [11, '应急保障用车'],
  [12, '执法执勤用车'],
  [13, '特种专业技术用车'],
  [14, '离退休干部服务用车'],
  [15, '其他用车'],
  [17, '单价100万元(含)以上设备(不含车辆)'],
];

export function codedRows(id: string, year: number, spare = SPARE_ROWS[id] ?? 0): Row[] {
  const keys = CODED_KEYS[id]!;
  const blank = () => Object.fromEntries(keys.map((k) => [k, null]));
  const items = [...functionalCodes(year).items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return [
    { key: 'total', name: '合计', cells: blank() },
    ...items.map((i): Row => ({ key: i.code, code: i.code, name: i.name, cells: blank() })),
    ...Array.from({ length: spare }, (_, i): Row => ({ key: `spare.${i + 1}`, code: '', name: '', cells: blank() })),
  ];
}

function table(id: string, rows: Row[], template: TemplateId): Table {
  return {
    id,
    title: tableTitle(id),
    empty: false,
    columns: [],
    rows,
    decimals: 2,
    ...(template === 'sx' ? { label: `公开${id}表` } : id === '01' ? { label: '表1' } : {}),
    source: { line: 0, endLine: 0 },
    recognition: { columnsBy: 'column-numbers', parts: 1, headerRowsDropped: 0, unmatchedRows: [], confidence: 1, badCells: 0 },
  };
}

export interface SkeletonOptions {
  year: number;
  template: TemplateId;
  scope: ReportScope | null;
  entity?: string;
  /** Blank rows for extra codes in the coded tables (default SPARE_ROWS). */
  spare?: boolean;
}

export function defaultTitle(entity: string, year: number, scope: ReportScope | null, template: TemplateId): string {
  const word = scope === 'unit' ? '单位决算' : '部门决算';
  return template === 'sx' ? `${entity}${year}年度${word}公开` : `${entity}${year}年度${word}`;
}

/** A Report with every row of the template and no amounts. */
export function skeletonReport(options: SkeletonOptions): Report {
  const { year, template } = options;
  const spare = options.spare ?? true;
  const tables = templateTableIds(template).map((id) => {
    if (id === '01') return table(id, rows01(template, year), template);
    if (id === '04') return table(id, rows04(year), template);
    if (id === '06') return table(id, rows06(template, year), template);
    if (id === '09') return table(id, [{ key: 'main', name: '', cells: Object.fromEntries(T09_KEYS.map((k) => [k, null])) }], template);
    if (id === '10') return table(id, T10_ROWS.map(([line, name]): Row => ({ key: `L${line}`, name, line, cells: { amount: null } })), template);
    return table(id, codedRows(id, year, spare ? undefined : 0), template);
  });
  const entity = options.entity ?? '';
  return {
    schema: 'juesuan/report@1',
    title: entity ? defaultTitle(entity, year, options.scope, template) : '',
    entity,
    year,
    kind: 'final-accounts',
    scope: options.scope,
    moneyUnit: '万元',
    tables,
    sections: [],
    template,
    source: { path: '', format: 'xlsx', encoding: 'binary', bytes: 0, sha256: '' },
    diagnostics: [],
  };
}
