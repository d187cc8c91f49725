/**
 * A comparison (one unit across years, many units in one year) as an Excel workbook a clerk can work
 * with: no JSON in cells, one sheet per view, Chinese headers, amounts in 万元 with 2 decimals shown
 * (the stored value is the comparison's own number, never re-computed here).
 * - 总览: one row per report (a year of the unit, or a unit of the year): totals, 基本/项目支出,
 *   “三公”经费 (决算数 and 预算数), the ratios (percent), and where the figures came from;
 * - 功能分类结构: one row per 功能分类 类 (code and name), for each unit/year its amount and share;
 * - “三公”经费: one row per part, for each unit/year its 预算数 and 决算数.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../model/lazy.js';
import type { CompareItem, SanGong } from '../store/index.js';

const AMOUNT = '#,##0.00';
const PERCENT = '0.00';

interface Column {
  header: string;
  value: (item: CompareItem) => string | number | null;
  format?: string;
  width?: number;
}

const OVERVIEW: Column[] = [
  { header: '单位', value: (i) => i.entity, width: 32 },
  { header: '地区', value: (i) => i.region, width: 16 },
  { header: '年度', value: (i) => i.year, width: 8 },
  { header: '口径', value: (i) => i.scope, width: 8 },
  { header: '本年收入合计（万元）', value: (i) => i.income, format: AMOUNT },
  { header: '本年支出合计（万元）', value: (i) => i.expenditure, format: AMOUNT },
  { header: '收支总计（万元）', value: (i) => i.grandTotal, format: AMOUNT },
  { header: '财政拨款收入（万元）', value: (i) => i.fiscalIncome, format: AMOUNT },
  { header: '财政拨款支出（万元）', value: (i) => i.fiscalExpenditure, format: AMOUNT },
  { header: '一般公共预算财政拨款支出（万元）', value: (i) => i.gpbExpenditure, format: AMOUNT },
  { header: '基本支出（万元）', value: (i) => i.basic, format: AMOUNT },
  { header: '项目支出（万元）', value: (i) => i.project, format: AMOUNT },
  { header: '“三公”经费决算数（万元）', value: (i) => i.sanGong?.total ?? null, format: AMOUNT },
  { header: '“三公”经费预算数（万元）', value: (i) => i.sanGongBudget?.total ?? null, format: AMOUNT },
  { header: '基本支出占比（%）', value: (i) => i.ratios.basicShare, format: PERCENT },
  { header: '项目支出占比（%）', value: (i) => i.ratios.projectShare, format: PERCENT },
  { header: '“三公”经费占本年支出（%）', value: (i) => i.ratios.sanGongShare, format: PERCENT },
  { header: '“三公”经费预算执行率（%）', value: (i) => i.ratios.sanGongExecution, format: PERCENT },
  { header: '一般公共预算财政拨款支出占本年支出（%）', value: (i) => i.ratios.gpbShare, format: PERCENT },
  { header: '基本/项目支出取自', value: (i) => source(i.basicProjectFrom), width: 14 },
  { header: '功能分类取自', value: (i) => source(i.functionsFrom), width: 14 },
  { header: '原金额单位', value: (i) => i.sourceUnit, width: 10 },
  { header: '报告编号', value: (i) => i.reportId, width: 10 },
];

/** The parts of “三公”经费, in the order table 09 prints them. */
export const SAN_GONG_PARTS: { key: keyof SanGong; name: string }[] = [
  { key: 'total', name: '“三公”经费合计' },
  { key: 'abroad', name: '因公出国（境）费' },
  { key: 'vehicles', name: '公务用车购置及运行维护费' },
  { key: 'vehiclePurchase', name: '其中：公务用车购置费' },
  { key: 'vehicleOperation', name: '公务用车运行维护费' },
  { key: 'reception', name: '公务接待费' },
];

const source = (table: '03' | '05' | null) => (table ? `表${table}` : null);

/**
 * How a unit/year is named in column headers: the year when every item is of one unit, the unit when
 * every item is of one year, else both.
 */
export function itemLabels(items: CompareItem[]): string[] {
  const oneEntity = new Set(items.map((i) => i.entity)).size <= 1;
  const oneYear = new Set(items.map((i) => i.year)).size <= 1;
  const labels = items.map((i) => (oneEntity && !oneYear ? `${i.year}年` : oneYear && !oneEntity ? i.entity : `${i.entity} ${i.year}年`));
  // Two reports under one label (should not happen: one per unit and year) stay apart by report id.
  return labels.map((l, k) => (labels.indexOf(l) !== k ? `${l}（${items[k]!.reportId}）` : l));
}

export async function comparisonWorkbook(title: string, data: unknown): Promise<Uint8Array> {
  const items = comparisonItems(data);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = '决算通';
  wb.title = title;
  const labels = itemLabels(items);

  const overview = wb.addWorksheet('总览');
  titleRow(overview, title, OVERVIEW.length);
  header(overview, OVERVIEW.map((c) => c.header));
  for (const item of items) overview.addRow(OVERVIEW.map((c) => c.value(item)));
  OVERVIEW.forEach((c, k) => {
    const col = overview.getColumn(k + 1);
    col.width = c.width ?? Math.max(12, Math.min(24, c.header.length * 1.6));
    if (c.format) formatBody(overview, k + 1, c.format);
  });

  // 功能分类结构: every 类 any report prints, by code.
  const classes = new Map<string, string>();
  for (const i of items) for (const f of i.functions) if (!classes.has(f.code)) classes.set(f.code, f.name);
  const codes = [...classes.keys()].sort();
  const structure = wb.addWorksheet('功能分类结构');
  titleRow(structure, `${title}：支出按功能分类（类）`, 2 + items.length * 2);
  header(structure, ['科目编码', '科目名称', ...labels.flatMap((l) => [`${l} 金额（万元）`, `${l} 占比（%）`])]);
  for (const code of codes) {
    const cells: (string | number | null)[] = [code, classes.get(code)!];
    for (const i of items) {
      const f = i.functions.find((x) => x.code === code);
      cells.push(f ? f.amount : null, f ? f.share : null);
    }
    structure.addRow(cells);
  }
  structure.getColumn(1).width = 10;
  structure.getColumn(2).width = 30;
  items.forEach((_, k) => {
    structure.getColumn(3 + k * 2).width = 18;
    structure.getColumn(4 + k * 2).width = 12;
    formatBody(structure, 3 + k * 2, AMOUNT);
    formatBody(structure, 4 + k * 2, PERCENT);
  });

  const sanGong = wb.addWorksheet('“三公”经费');
  titleRow(sanGong, `${title}：“三公”经费预算数与决算数`, 1 + items.length * 2);
  header(sanGong, ['项目', ...labels.flatMap((l) => [`${l} 预算数（万元）`, `${l} 决算数（万元）`])]);
  for (const part of SAN_GONG_PARTS) {
    sanGong.addRow([part.name, ...items.flatMap((i) => [i.sanGongBudget?.[part.key] ?? null, i.sanGong?.[part.key] ?? null])]);
  }
  sanGong.getColumn(1).width = 28;
  for (let c = 2; c < 2 + items.length * 2; c++) {
    sanGong.getColumn(c).width = 18;
    formatBody(sanGong, c, AMOUNT);
  }

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The items of a comparison (`{ items: CompareItem[] }`, as both compare routes answer). */
function comparisonItems(data: unknown): CompareItem[] {
  const items = (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new TypeError('comparison without items');
  return items as CompareItem[];
}

/** Row 1: the workbook's title across the sheet's columns. */
function titleRow(ws: ExcelJS.Worksheet, title: string, columns: number): void {
  const row = ws.addRow([title]);
  row.font = { bold: true, size: 14 };
  if (columns > 1) ws.mergeCells(1, 1, 1, columns);
}

/** Row 2: the column headers, bold, wrapped, frozen with the title above them. */
function header(ws: ExcelJS.Worksheet, names: string[]): void {
  const row = ws.addRow(names);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
  ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
}

/** A number format on a column's body cells (not on the title and header rows). */
function formatBody(ws: ExcelJS.Worksheet, column: number, format: string): void {
  ws.getColumn(column).eachCell((cell, row) => {
    if (row > 2) cell.numFmt = format;
  });
}
