/**
 * DisclosureDocument → an Excel workbook: one sheet per standard table in its printed layout
 * (render/layout.ts: preamble lines, header rows with merged cells, 栏次, body, notes) with real
 * numbers formatted `#,##0.00`, a 正文 sheet with the narrative, and the 基本信息 and 文字与补充数据
 * sheets of the input workbook. The table sheets are the same as those of the blank input workbook
 * (src/input/template.ts adds formulas, validation and protection to them), so a generated workbook
 * reads back with `readInputWorkbook` into the same tables.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../model/lazy.js';
import { isNotApplicable, parseAmount, toNumber } from '../../model/amount.js';
import type { Report, Table } from '../../model/report.js';
import { isScTableId, SC_PRINT_ORDER } from '../../model/sc-tables.js';
import { SUPPLEMENT_FIELDS, type Supplement, type SupplementField } from '../../model/supplement.js';
import type { DisclosureDocument, TemplateId } from '../document/model.js';
import { layoutTemplate, layoutTables, tableLayout, type LayoutTemplate, type TableLayout } from '../layout.js';

export const AMOUNT_FORMAT = '#,##0.00';
export const COUNT_FORMAT = '0';
export const INFO_SHEET = '基本信息';
export const SUPPLEMENT_SHEET = '文字与补充数据';
export const TEXT_SHEET = '正文';
export const PROJECTS_SHEET = '绩效项目';
export const BUDGETS_SHEET = '各项预算数';

/**
 * The sheet of a table: 表N and the national title (Excel allows 31 characters, no []:*?/\). A
 * Sichuan report numbers its 13 tables in its own print order (its four extra tables have no
 * national number).
 */
export function tableSheetName(id: string, title: string, sichuan = false): string {
  const sc = SC_PRINT_ORDER.indexOf(id);
  const n = (sichuan || isScTableId(id)) && sc >= 0 ? sc + 1 : Number(id);
  return `表${n} ${title}`.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
}

const isSichuan = (report: Report) => report.template === 'sc' || report.tables.some((t) => isScTableId(t.id));

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Where a table sheet's parts are (1-based rows). */
export interface TableSheet {
  sheet: ExcelJS.Worksheet;
  layout: TableLayout;
  /** First header row. */
  headerRow: number;
  /** First body row. */
  bodyRow: number;
  /** Number of body rows written. */
  bodyRows: number;
  width: number;
}

/** Columns that stay in view when scrolling right: the code and name of coded tables, the label of table 10. */
function frozenColumns(id: string): number {
  if (['02', '03', '05', '07', '08'].includes(id)) return 2;
  if (id === '10') return 1;
  return 0;
}

/**
 * One table in its printed layout. Amount texts become numbers (exact: parsed from the printed
 * decimal), blank stays blank, —— stays text; 行次 become numbers, codes stay text.
 */
export function writeTableSheet(workbook: ExcelJS.Workbook, report: Report, table: Table, template: LayoutTemplate): TableSheet {
  const layout = tableLayout(report, table, { template });
  if (!layout) throw new Error(`no layout for table ${table.id}`);
  const width = layout.header[0]?.length ?? layout.kinds.length;
  const headerRow = layout.preamble.length + 1;
  const bodyRow = headerRow + layout.header.length;
  const sheet = workbook.addWorksheet(tableSheetName(table.id, table.title, isSichuan(report)), {
    views: [{ state: 'frozen', xSplit: frozenColumns(table.id), ySplit: bodyRow - 1 }],
    pageSetup: { paperSize: 9, orientation: width > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  layout.kinds.forEach((kind, i) => {
    sheet.getColumn(i + 1).width = kind === 'label' ? (table.id === '01' || table.id === '04' ? 34 : 30) : kind === 'code' ? 14 : kind === 'line' ? 6 : 15;
  });
  // The lines above the grid: title centred and large, label and unit to the right, entity to the left.
  layout.preamble.forEach((line, i) => {
    const r = i + 1;
    if (width > 1) sheet.mergeCells(r, 1, r, width);
    const cell = sheet.getCell(r, 1);
    cell.value = line.text;
    if (line.role === 'title') {
      cell.font = { bold: true, size: 16 };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      sheet.getRow(r).height = 28;
    } else cell.alignment = { horizontal: line.role === 'label' || line.role === 'unit' ? 'right' : line.role === 'year' ? 'center' : 'left' };
  });
  layout.header.forEach((cells, i) => {
    const r = headerRow + i;
    cells.forEach((c, j) => {
      const cell = sheet.getCell(r, j + 1);
      cell.border = THIN;
      cell.fill = HEADER_FILL;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      if (c.covered) return;
      cell.value = c.text;
      if ((c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1) sheet.mergeCells(r, j + 1, r + (c.rowSpan ?? 1) - 1, j + (c.colSpan ?? 1));
    });
  });
  layout.body.forEach((cells, i) => {
    const r = bodyRow + i;
    // Table 10 counts vehicles and equipment from 行次 7 on: whole numbers, not amounts.
    const countRow = table.id === '10' && Number(cells[1]) >= 7;
    cells.forEach((text, j) => {
      const cell = sheet.getCell(r, j + 1);
      cell.border = THIN;
      const kind = layout.kinds[j];
      if (kind === 'amount') {
        cell.numFmt = countRow ? COUNT_FORMAT : AMOUNT_FORMAT;
        cell.alignment = { horizontal: 'right' };
        if (text === '') return;
        const amount = isNotApplicable(text) ? undefined : parseAmount(text);
        if (amount) cell.value = toNumber(amount);
        else {
          cell.value = text;
          cell.alignment = { horizontal: 'center' };
        }
      } else if (kind === 'line') {
        cell.alignment = { horizontal: 'center' };
        if (/^\d+$/.test(text)) cell.value = Number(text);
        else if (text) cell.value = text;
      } else {
        if (text) cell.value = text;
        cell.alignment = { horizontal: 'left', wrapText: kind === 'label' };
      }
    });
  });
  let r = bodyRow + layout.body.length;
  for (const group of layout.notes) {
    r++;
    for (const line of group) {
      if (width > 1) sheet.mergeCells(r, 1, r, width);
      const cell = sheet.getCell(r, 1);
      cell.value = line;
      cell.alignment = { horizontal: 'left', wrapText: true };
      r++;
    }
  }
  return { sheet, layout, headerRow, bodyRow, bodyRows: layout.body.length, width };
}

// ---------------------------------------------------------------------------------------------
// 基本信息: who, which year, which template

export interface WorkbookInfo {
  entity: string;
  year: number;
  scope: 'department' | 'unit' | null;
  template: TemplateId;
  title: string;
}

export const TEMPLATE_CHOICES: Record<TemplateId, string> = { gd: 'gd 全国/广东通用格式', sx: 'sx 山西格式', sc: 'sc 四川格式' };
export const SCOPE_CHOICES = { department: '部门决算', unit: '单位决算' } as const;

/** The rows of the 基本信息 sheet: label in A, value in B, instruction in C. */
export const INFO_ROWS = [
  { key: 'entity', label: '单位（部门）名称', help: '与公开文档封面一致的全称。' },
  { key: 'year', label: '决算年度', help: '四位数年份，如 2024。' },
  { key: 'scope', label: '决算类别', help: '部门决算（含下属单位的汇总）或单位决算，从下拉列表选择。' },
  { key: 'template', label: '公开格式', help: '表格版式：gd 全国/广东通用，sx 山西，sc 四川。' },
  { key: 'title', label: '文档标题', help: '可不填，默认为“单位名称 + 年度 + 部门（单位）决算”。' },
  { key: 'moneyUnit', label: '金额单位', help: '固定为万元，保留两位小数。' },
] as const;

export function writeInfoSheet(workbook: ExcelJS.Workbook, info: Partial<WorkbookInfo>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(INFO_SHEET);
  sheet.getColumn(1).width = 20;
  sheet.getColumn(2).width = 44;
  sheet.getColumn(3).width = 60;
  const head = sheet.getRow(1);
  head.values = ['项目', '填写内容', '填写说明'];
  head.font = { bold: true };
  INFO_ROWS.forEach((row, i) => {
    const value =
      row.key === 'scope'
        ? info.scope
          ? SCOPE_CHOICES[info.scope]
          : ''
        : row.key === 'template'
          ? TEMPLATE_CHOICES[info.template ?? 'gd']
          : row.key === 'moneyUnit'
            ? '万元'
            : (info[row.key] ?? '');
    sheet.getRow(i + 2).values = [row.label, value === '' ? null : value, row.help];
  });
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// 文字与补充数据: one row per field of SUPPLEMENT_FIELDS (open-ended ones expanded or on their own sheet)

/** The standard kinds of vehicles (rows 8–15 of table 10), the keys of `assets.vehicleKinds`. */
export const VEHICLE_KINDS = ['副部(省)级及以上领导用车', '主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部服务用车', '其他用车'];

/** A concrete row of the supplement sheet: the field and the path its value goes to. */
export interface SupplementRow {
  field: SupplementField;
  path: string;
  label: string;
}

/** The supplement fields, as rows: `<…>` paths expanded (vehicle kinds) or left to their own sheet. */
export function supplementRows(fields: SupplementField[] = SUPPLEMENT_FIELDS): SupplementRow[] {
  const rows: SupplementRow[] = [];
  for (const field of fields) {
    if (field.path === 'assets.vehicleKinds.<用车类别>') {
      for (const kind of VEHICLE_KINDS) rows.push({ field, path: `assets.vehicleKinds.${kind}`, label: `${kind}数量` });
    } else if (/<.+>/.test(field.path) || field.path === 'performance.projects') continue; // own sheets
    else rows.push({ field, path: field.path, label: field.label });
  }
  return rows;
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of splitPath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = splitPath(path);
  let cur = obj;
  parts.slice(0, -1).forEach((p) => {
    if (typeof cur[p] !== 'object' || cur[p] === null) cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  });
  cur[parts[parts.length - 1]!] = value;
}

/** Dotted path; the first two segments are object keys, the rest is one key (reasons.一般公共预算/预算 has no dot, but a key may). */
function splitPath(path: string): string[] {
  const parts = path.split('.');
  return parts.length <= 2 ? parts : [parts[0]!, parts[1]!, parts.slice(2).join('.')];
}

const TYPE_WORD: Record<string, string> = { text: '文字', money: '金额（万元）', count: '数量', list: '列表（每行一项）', score: '分数' };

export function writeSupplementSheet(workbook: ExcelJS.Workbook, supplement: Supplement | undefined): { sheet: ExcelJS.Worksheet; rows: SupplementRow[] } {
  const sheet = workbook.addWorksheet(SUPPLEMENT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [34, 60, 12, 50, 30];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const head = sheet.getRow(1);
  head.values = ['项目', '填写内容', '类型', '填写说明', '字段'];
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
  const rows = supplementRows();
  rows.forEach((row, i) => {
    const r = sheet.getRow(i + 2);
    const value = getPath(supplement, row.path);
    const cellValue = Array.isArray(value) ? value.join('\n') : typeof value === 'string' || typeof value === 'number' ? value : null;
    r.values = [row.label, cellValue, TYPE_WORD[row.field.type] ?? row.field.type, row.field.help, row.path];
    const cell = r.getCell(2);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (row.field.type === 'money') cell.numFmt = AMOUNT_FORMAT;
    if (row.field.type === 'count') cell.numFmt = COUNT_FORMAT;
    r.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    r.getCell(5).font = { color: { argb: 'FF808080' } };
  });
  return { sheet, rows };
}

/** 绩效项目: one row per self-evaluated project. */
export const PROJECT_COLUMNS = [
  { key: 'name', label: '项目名称', width: 40 },
  { key: 'budget', label: '全年预算数（万元）', width: 18 },
  { key: 'actual', label: '全年执行数（万元）', width: 18 },
  { key: 'score', label: '自评得分', width: 12 },
  { key: 'grade', label: '评价等级', width: 12 },
] as const;

export function writeProjectsSheet(workbook: ExcelJS.Workbook, supplement: Supplement | undefined): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(PROJECTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  PROJECT_COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  const head = sheet.getRow(1);
  head.values = PROJECT_COLUMNS.map((c) => c.label);
  head.font = { bold: true };
  (supplement?.performance?.projects ?? []).forEach((p, i) => {
    sheet.getRow(i + 2).values = PROJECT_COLUMNS.map((c) => p[c.key] ?? null);
    sheet.getCell(i + 2, 2).numFmt = AMOUNT_FORMAT;
    sheet.getCell(i + 2, 3).numFmt = AMOUNT_FORMAT;
  });
  return sheet;
}

/** 各项预算数: 年初预算 and 全年预算 per 类/款/项 code of 一般公共预算财政拨款支出. */
export const BUDGET_COLUMNS = ['科目编码', '科目名称', '年初预算数（万元）', '全年预算数（万元）'];

export function writeBudgetsSheet(workbook: ExcelJS.Workbook, supplement: Supplement | undefined, items: { code: string; name: string }[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(BUDGETS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  [14, 40, 18, 18].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const head = sheet.getRow(1);
  head.values = BUDGET_COLUMNS;
  head.font = { bold: true };
  const initial = supplement?.budgets?.initial ?? {};
  const adjusted = supplement?.budgets?.adjusted ?? {};
  const codes = new Map(items.map((i) => [i.code, i.name]));
  for (const code of [...Object.keys(initial), ...Object.keys(adjusted)]) if (/^\d+$/.test(code) && !codes.has(code)) codes.set(code, '');
  // budgets.initial.total is a field of the supplement sheet; this sheet holds the codes.
  let r = 2;
  for (const [code, name] of [...codes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    sheet.getRow(r).values = [code, name, initial[code] ?? null, adjusted[code] ?? null];
    sheet.getCell(r, 3).numFmt = AMOUNT_FORMAT;
    sheet.getCell(r, 4).numFmt = AMOUNT_FORMAT;
    r++;
  }
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// The whole disclosure

const HEADING_SIZE: Record<number, number> = { 1: 14, 2: 12, 3: 11, 4: 11 };

function writeTextSheet(workbook: ExcelJS.Workbook, doc: DisclosureDocument): void {
  const sheet = workbook.addWorksheet(TEXT_SHEET);
  sheet.getColumn(1).width = 100;
  let r = 1;
  const title = sheet.getCell(r++, 1);
  title.value = doc.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      const cell = sheet.getCell(r++, 1);
      cell.value = block.text;
      cell.font = { bold: true, size: HEADING_SIZE[block.level] ?? 11 };
    } else if (block.kind === 'paragraph') {
      const cell = sheet.getCell(r++, 1);
      cell.value = block.text;
      cell.alignment = { wrapText: true, vertical: 'top' };
    } else if (block.kind === 'table') {
      const table = doc.report.tables.find((t) => t.id === block.id);
      if (table) sheet.getCell(r++, 1).value = `（见工作表“${tableSheetName(table.id, table.title, isSichuan(doc.report))}”）`;
    }
  }
}

/** Fill a workbook with a report's tables and its texts; shared by renderXlsx and the input template. */
export function writeReportWorkbook(workbook: ExcelJS.Workbook, report: Report, supplement: Supplement | undefined, template: TemplateId): TableSheet[] {
  writeInfoSheet(workbook, {
    entity: report.entity,
    year: report.year,
    scope: report.scope,
    template,
    title: report.title,
  });
  const layoutFamily = layoutTemplate(report, template);
  const sheets = layoutTables(report).map((t) => writeTableSheet(workbook, report, t, layoutFamily));
  writeSupplementSheet(workbook, supplement);
  const t05 = report.tables.find((t) => t.id === '05');
  writeBudgetsSheet(workbook, supplement, (t05?.rows ?? []).filter((r) => r.code).map((r) => ({ code: r.code!, name: r.name })));
  writeProjectsSheet(workbook, supplement);
  return sheets;
}

export async function renderXlsx(doc: DisclosureDocument): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'juesuan';
  workbook.title = doc.title;
  writeTextSheet(workbook, doc);
  writeReportWorkbook(workbook, { ...doc.report, title: doc.title, entity: doc.entity, year: doc.year }, doc.supplement, doc.template);
  // The preparer's instructions (填写说明) are not part of the published document: hidden, so a reader
  // of the workbook does not take “只有本级时填本单位名称” for a statement about the unit.
  workbook.getWorksheet(INFO_SHEET)!.getColumn(3).hidden = true;
  workbook.getWorksheet(SUPPLEMENT_SHEET)!.getColumn(4).hidden = true;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
