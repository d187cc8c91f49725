/**
 * PDF fixtures printed from Excel workbooks, the way many units publish their tables: the report's
 * tables laid out one per sheet (render/layout.ts: the same cells every writer prints), print setup
 * set as publishers leave it — landscape, fit to one page wide, fonts scaled down to 6–9 pt, cell
 * borders or printed gridlines or no lines at all, header rows repeated on every page (print titles),
 * a page header and footer (sheet name, 第N页 共M页), the 久其 export's layout (sheets named
 * `Z01 收入支出决算总表(财决01表)`, no title row, the sheet name printed in the page header) — and
 * printed to PDF by LibreOffice Calc. Files go to a temp folder, never the repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { isNotApplicable, parseAmount, toNumber } from '../src/model/amount.js';
import type { Report } from '../src/model/report.js';
import { layoutTables, layoutTemplate, tableLayout, type TableLayout } from '../src/render/layout.js';
import { jiuqiSheetName, SOFFICE } from './read-office-fixtures.js';

export { SOFFICE };

export interface ExcelPrint {
  /** `published`: title, entity and unit rows above the grid; `jiuqi`: 久其 sheet names, no title row. */
  layout: 'published' | 'jiuqi';
  /** `borders`: thin borders on every grid cell; `gridlines`: Excel's gridlines printed; `none`: no lines. */
  lines: 'borders' | 'gridlines' | 'none';
  /** Font size of the sheet in points (default 11, Excel's). */
  fontSize?: number;
  /** Landscape paper and columns this many times Excel's usual width, fitted to one page wide (fonts print small). */
  landscapeScale?: number;
  /** Header rows repeated on every printed page. */
  printTitles?: boolean;
  /** Page header (sheet name, or the entity) and footer (第N页 共M页). */
  headerFooter?: boolean;
  /** Amounts right-aligned with thousands separators as numbers (default), or as text. */
  amounts?: 'number' | 'text';
  /** Row height in points for body rows (taller rows make a long table run over pages). */
  rowHeight?: number;
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function widthOf(kind: string, id: string): number {
  return kind === 'label' ? (id === '01' || id === '04' ? 34 : 30) : kind === 'code' ? 12 : kind === 'line' ? 6 : 15;
}

/** One table on its own sheet, printed as set up. */
function writeSheet(wb: ExcelJS.Workbook, index: number, layout: TableLayout, report: Report, print: ExcelPrint): void {
  const width = layout.header[0]?.length ?? layout.kinds.length;
  const jiuqi = print.layout === 'jiuqi';
  const name = jiuqi ? jiuqiSheetName(index, layout.title.replace(/\s/g, '')) : `表${index + 1}`;
  const scale = print.landscapeScale ?? 1;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: print.landscapeScale || width > 6 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      showGridLines: print.lines === 'gridlines',
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  });
  const font: Partial<ExcelJS.Font> = { name: 'WenQuanYi Micro Hei', size: print.fontSize ?? 11 };
  layout.kinds.forEach((kind, i) => (ws.getColumn(i + 1).width = widthOf(kind, layout.id) * scale));
  // Lines above the grid. The 久其 export has no title row: the sheet name says which table it is,
  // and the unit (and entity) sit in the first row's cells.
  const preamble = jiuqi ? layout.preamble.filter((l) => l.role !== 'title' && l.role !== 'label') : layout.preamble;
  let r = 1;
  if (jiuqi) {
    preamble.forEach((line, i) => {
      const c = ws.getCell(1, i === preamble.length - 1 ? width : 1 + i);
      c.value = line.text;
      c.font = font;
      if (line.role === 'unit') c.alignment = { horizontal: 'right' };
    });
    r = 2;
  } else {
    for (const line of preamble) {
      if (width > 1) ws.mergeCells(r, 1, r, width);
      const c = ws.getCell(r, 1);
      c.value = line.text;
      c.font = line.role === 'title' ? { ...font, bold: true, size: (print.fontSize ?? 11) + 5 } : font;
      c.alignment = { horizontal: line.role === 'title' ? 'center' : line.role === 'unit' || line.role === 'label' ? 'right' : 'left' };
      r++;
    }
  }
  const headerRow = r;
  layout.header.forEach((cells, i) => {
    cells.forEach((cell, j) => {
      const c = ws.getCell(headerRow + i, j + 1);
      if (print.lines === 'borders') c.border = THIN;
      c.font = { ...font, bold: true };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      if (cell.covered) return;
      c.value = cell.text;
      if ((cell.rowSpan ?? 1) > 1 || (cell.colSpan ?? 1) > 1) ws.mergeCells(headerRow + i, j + 1, headerRow + i + (cell.rowSpan ?? 1) - 1, j + (cell.colSpan ?? 1));
    });
  });
  const bodyRow = headerRow + layout.header.length;
  layout.body.forEach((cells, i) => {
    const row = ws.getRow(bodyRow + i);
    if (print.rowHeight) row.height = print.rowHeight;
    cells.forEach((text, j) => {
      const c = row.getCell(j + 1);
      if (print.lines === 'borders') c.border = THIN;
      c.font = font;
      const kind = layout.kinds[j];
      if (kind === 'amount') {
        c.alignment = { horizontal: 'right', vertical: 'middle' };
        if (text === '') return;
        const amount = isNotApplicable(text) ? undefined : parseAmount(text);
        if (amount && print.amounts !== 'text') {
          c.value = toNumber(amount);
          c.numFmt = text.includes('.') ? '#,##0.00' : '0';
        } else {
          c.value = text;
          if (!amount) c.alignment = { horizontal: 'center', vertical: 'middle' };
        }
      } else {
        c.alignment = { horizontal: kind === 'line' ? 'center' : 'left', vertical: 'middle', wrapText: kind === 'label' };
        if (text) c.value = text;
      }
    });
  });
  r = bodyRow + layout.body.length;
  for (const group of layout.notes) {
    for (const line of group) {
      if (width > 1) ws.mergeCells(r, 1, r, width);
      const c = ws.getCell(r, 1);
      c.value = line;
      c.font = font;
      c.alignment = { horizontal: 'left', wrapText: true };
      ws.getRow(r).height = Math.max(15, Math.ceil(line.length / (width * 8)) * 15);
      r++;
    }
  }
  if (print.printTitles) ws.pageSetup.printTitlesRow = `${headerRow}:${bodyRow - 1}`;
  if (print.headerFooter) {
    ws.headerFooter = {
      oddHeader: jiuqi ? '&C&"WenQuanYi Micro Hei,Bold"&14&A' : `&L${report.entity}&R${report.year}年度部门决算`,
      oddFooter: '&C第 &P 页 共 &N 页',
    };
  }
}

/** The report's tables as a workbook printed the given way. */
export async function reportToWorkbook(report: Report, print: ExcelPrint): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const template = layoutTemplate(report, report.template ?? undefined);
  layoutTables(report).forEach((table, i) => {
    const layout = tableLayout(report, table, { template });
    if (layout) writeSheet(wb, i, layout, report, print);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Print workbooks to PDF with LibreOffice Calc, all in one process with a private profile. */
export function workbooksToPdf(files: { name: string; bytes: Buffer }[]): { dir: string; pdfs: Buffer[] } {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-xlsx-pdf-'));
  const paths = files.map((f) => {
    const p = join(dir, `${f.name}.xlsx`);
    writeFileSync(p, f.bytes);
    return p;
  });
  execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', join(dir, 'out'), ...paths], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  return { dir, pdfs: files.map((f) => readFileSync(join(dir, 'out', `${f.name}.pdf`))) };
}
