/**
 * Office fixtures for the Excel and Word reader tests, written at test time from real layouts: a
 * document read by the text reader (a seed, or a synthetic report printed by renderText) is cut
 * into its printed tables (title, preamble lines, grid parts, notes) and written as
 * - an .xlsx workbook in the published layout (one sheet per table, title and unit lines above the
 *   grid, notes below), or in the 久其 export's layout (sheet named `Z01 收入支出决算总表(财决01表)`,
 *   no title row), with merged header cells, numbers as numbers with a number format or as text
 *   with thousands separators, formulas, a hidden row, a hidden column and a hidden sheet of junk;
 * - an .xls (the .xlsx converted by LibreOffice);
 * - a .docx (the docx library: paragraphs and real tables with merged header cells).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import * as docx from 'docx';
import type { Document, GridRow } from '../src/model/document.js';
import type { Report } from '../src/model/report.js';
import { matchLabel, matchTitle } from '../src/recognise/tables/titles.js';
import { compareWithGolden } from './support/golden.js';

export interface PrintedTable {
  /** Title, label, entity and unit lines above the grid, in order. */
  lines: string[];
  title: string;
  /** The grid (page-split parts joined, repeated header rows dropped). */
  rows: string[][];
  notes: string[];
}

/** The printed tables of a document, in order, and the narrative paragraphs before the first. */
export function printedTables(doc: Document): PrintedTable[] {
  const tables: PrintedTable[] = [];
  const blocks = doc.blocks;
  let current: PrintedTable | undefined;
  let pendingLines: string[] = [];
  let inNotes = false;
  for (const b of blocks) {
    if (b.kind === 'table') {
      const rows = b.rows.map((r: GridRow) => r.cells.map((c) => c.text));
      const title = pendingLines.find((l) => matchTitle(l));
      if (title && (!current || matchTitle(title)?.id !== matchTitle(current.title)?.id)) {
        current = { lines: pendingLines.slice(pendingLines.indexOf(title) - (matchLabel(pendingLines[pendingLines.indexOf(title) - 1] ?? '') ? 1 : 0)), title, rows: [], notes: [] };
        tables.push(current);
      }
      // A grid after other text and no title of its own is not a standard table (a 自评表): left out.
      const continued = pendingLines.every((l) => matchTitle(l)?.id === (current && matchTitle(current.title)?.id) || matchLabel(l) || /[:：]|^\d{4}年度?$|续|^\d{1,3}$/.test(l.replace(/\s/g, '')));
      if (!title && !continued) current = undefined;
      if (current) {
        const header = new Set(current.rows.slice(0, 5).map((r) => r.join('\t')));
        for (const row of rows) if (current.rows.length === 0 || !header.has(row.join('\t'))) current.rows.push(row);
      }
      pendingLines = [];
      inNotes = true;
      continue;
    }
    const text = b.text;
    if (current && inNotes && /^(?:注|说明|备注)|^\d+[.．、]\s*本|本表本年度无发生额|本表无数据/.test(text.replace(/\s/g, ''))) {
      current.notes.push(text);
      continue;
    }
    inNotes = false;
    pendingLines.push(text);
    if (pendingLines.length > 6) pendingLines.shift();
  }
  return tables;
}

/** The 久其 export's sheet names (Z01 … with the 财决 form number), cut at Excel's 31 characters. */
export function jiuqiSheetName(index: number, title: string): string {
  return `Z${String(index + 1).padStart(2, '0')} ${title}(财决${String(index + 1).padStart(2, '0')}表)`.slice(0, 31);
}

const AMOUNT = /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+\.\d+$/;

export interface WorkbookOptions {
  /** `published`: title rows in the sheet; `jiuqi`: 久其 sheet names and no title row. */
  layout: 'published' | 'jiuqi';
  /** Merge header cells (group labels across, labels down over blank cells). */
  mergeHeaders?: boolean;
  /** Amount cells: `number` (value + `#,##0.00`), `text` (`2,169.36` as a string), `mixed` (alternate by table). */
  amounts?: 'number' | 'text' | 'mixed';
  /** Add a hidden row and a hidden column of junk inside the grids, and a hidden sheet of junk. */
  junk?: boolean;
  /** Some amounts written as formulas with a cached result. */
  formulas?: boolean;
  /** Sheet names other than the layout's (index of the table, its title, the layout's name). */
  sheetName?: (index: number, title: string, name: string) => string;
  /** The tables' indices in the order their sheets are written (default: as printed). */
  order?: number[];
}

/** Header rows of a grid: those before the first row holding an amount. */
function headerRowCount(rows: string[][]): number {
  const i = rows.findIndex((r) => r.some((c) => AMOUNT.test(c.trim()) && c.includes('.')));
  const idx = i < 0 ? Math.min(rows.length, 3) : i;
  // Stop before a 栏次 row's data part: the header region ends at the first data row.
  return idx;
}

/** Merge ranges over a grid's header: [top, left, bottom, right], 0-based inside the grid. */
export function headerMerges(rows: string[][]): [number, number, number, number][] {
  const h = headerRowCount(rows);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const taken = rows.slice(0, h).map(() => Array<boolean>(width).fill(false));
  const text = (r: number, c: number) => (rows[r]?.[c] ?? '').trim();
  const merges: [number, number, number, number][] = [];
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < width; c++) {
      if (!text(r, c) || taken[r]![c]) continue;
      // A group label: blank cells to the right whose cells below hold sub-labels.
      let right = c;
      while (right + 1 < width && !text(r, right + 1) && !taken[r]![right + 1] && r + 1 < h && text(r + 1, right + 1)) right++;
      let bottom = r;
      if (right === c) while (bottom + 1 < h && !text(bottom + 1, c) && !taken[bottom + 1]![c]) bottom++;
      if (right > c || bottom > r) {
        merges.push([r, c, bottom, right]);
        for (let i = r; i <= bottom; i++) for (let j = c; j <= right; j++) taken[i]![j] = true;
      }
    }
  }
  return merges;
}

function setAmount(cell: ExcelJS.Cell, text: string, mode: 'number' | 'text', formula: boolean): void {
  const t = text.trim();
  if (mode === 'text' || !AMOUNT.test(t)) {
    cell.value = text;
    return;
  }
  const decimals = t.includes('.') ? t.split('.')[1]!.length : 0;
  const value = Number(t.replace(/,/g, ''));
  cell.numFmt = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  cell.value = formula && value !== 0 ? { formula: `${value}*1`, result: value } : value;
}

export async function tablesToXlsx(tables: PrintedTable[], options: WorkbookOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const order = options.order ?? tables.map((_, i) => i);
  order.forEach((t) => {
    const table = tables[t]!;
    const width = table.rows.reduce((w, r) => Math.max(w, r.length), 0);
    const layoutName = options.layout === 'jiuqi' ? jiuqiSheetName(t, table.title.replace(/\s/g, '')) : `表${t + 1}`;
    const name = options.sheetName ? options.sheetName(t, table.title.replace(/\s/g, ''), layoutName) : layoutName;
    const ws = wb.addWorksheet(name);
    let r = 1;
    const lines = options.layout === 'jiuqi' ? table.lines.filter((l) => !matchTitle(l) && !matchLabel(l)) : table.lines;
    for (const line of lines) {
      ws.getCell(r, 1).value = line;
      if (width > 1 && options.mergeHeaders) ws.mergeCells(r, 1, r, width);
      r++;
    }
    if (options.layout === 'published') r++; // a blank row between the unit line and the grid
    const mode = options.amounts === 'mixed' ? (t % 2 === 0 ? 'number' : 'text') : (options.amounts ?? 'number');
    const top = r;
    const hiddenAt = options.junk ? Math.min(table.rows.length - 1, headerRowCount(table.rows) + 1) : -1;
    table.rows.forEach((row, i) => {
      if (i === hiddenAt) {
        const junk = ws.getRow(r);
        for (let c = 0; c < width; c++) junk.getCell(c + 1).value = c === 0 ? '9999999' : c === 1 ? '隐藏的垃圾行' : 123456.78;
        junk.hidden = true;
        r++;
      }
      row.forEach((text, c) => {
        if (text === '') return;
        setAmount(ws.getCell(r, c + 1), text, mode, !!options.formulas && (i + c) % 3 === 0);
      });
      r++;
    });
    if (options.mergeHeaders) {
      for (const [mt, ml, mb, mr] of headerMerges(table.rows)) ws.mergeCells(top + mt, ml + 1, top + mb, mr + 1);
    }
    if (options.junk && t === 0) {
      // A hidden column of junk right of the grid.
      const col = ws.getColumn(width + 1);
      for (let i = top; i < r; i++) ws.getCell(i, width + 1).value = '垃圾列 999.99';
      col.hidden = true;
    }
    for (const note of table.notes) {
      ws.getCell(r, 1).value = note;
      if (width > 1 && options.mergeHeaders) ws.mergeCells(r, 1, r, width);
      r++;
    }
    if (options.junk && t === 0) {
      // A hidden sheet of junk between the visible ones: must not be read.
      const hidden = wb.addWorksheet('隐藏表');
      hidden.state = 'hidden';
      hidden.addRow(['收入支出决算总表']);
      hidden.addRow(['项目', '行次', '决算数', '项目', '行次', '决算数']);
      hidden.addRow(['一、一般公共预算财政拨款收入', '1', '999,999.99', '一、一般公共服务支出', '31', '888.88']);
    }
    ws.columns.forEach((c) => {
      if (!c.hidden) c.width = 14;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A Word document of the whole text: paragraphs and headings, tables with merged header cells. */
export async function documentToDocx(doc: Document, options: { mergeHeaders?: boolean } = {}): Promise<Buffer> {
  const children: (docx.Paragraph | docx.Table)[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table') {
      const rows = b.rows.map((r) => r.cells.map((c) => c.text));
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
      const merges = options.mergeHeaders ? headerMerges(rows) : [];
      const covered = new Set<string>();
      const spanAt = new Map<string, [number, number]>();
      for (const [t, l, bo, ri] of merges) {
        spanAt.set(`${t},${l}`, [bo - t + 1, ri - l + 1]);
        for (let i = t; i <= bo; i++) for (let j = l; j <= ri; j++) if (i !== t || j !== l) covered.add(`${i},${j}`);
      }
      const tableRows = rows.map(
        (row, i) =>
          new docx.TableRow({
            children: Array.from({ length: width }, (_, j) => j)
              // Covered cells are left out: the library writes the vMerge continuation cells itself.
              .filter((j) => !covered.has(`${i},${j}`))
              .map((j) => {
                const span = spanAt.get(`${i},${j}`);
                return new docx.TableCell({
                  children: [new docx.Paragraph(row[j] ?? '')],
                  ...(span && span[0] > 1 ? { rowSpan: span[0] } : {}),
                  ...(span && span[1] > 1 ? { columnSpan: span[1] } : {}),
                });
              }),
          }),
      );
      children.push(new docx.Table({ rows: tableRows }));
      continue;
    }
    if (b.kind === 'heading') {
      children.push(new docx.Paragraph({ text: b.text, heading: b.level <= 1 ? docx.HeadingLevel.HEADING_1 : docx.HeadingLevel.HEADING_2 }));
      continue;
    }
    children.push(new docx.Paragraph(b.text));
  }
  const file = new docx.Document({ sections: [{ children }] });
  return Buffer.from(await docx.Packer.toBuffer(file));
}

/** LibreOffice's soffice, or undefined when it is not installed (the tests say so and skip). */
export const SOFFICE = (() => {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
})();

/** Convert files with LibreOffice (one process for all of them): returns the converted files' bytes. */
export function convertWithSoffice(files: { name: string; bytes: Buffer }[], to: string): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-office-'));
  const paths = files.map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, f.bytes);
    return p;
  });
  execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', to, '--outdir', join(dir, 'out'), ...paths], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return files.map((f) => readFileSync(join(dir, 'out', f.name.replace(/\.[^.]+$/, `.${to}`))));
}

/** Tables of `back` against `source`: every cell, row key, name and code (lines differ by format). */
export function compareTables(back: Report, source: Report): { cells: number; mismatches: string[] } {
  const result = compareWithGolden(back, source, { meta: false });
  return { cells: result.cells, mismatches: result.mismatches.filter((m) => !/ line: expected/.test(m)) };
}

/**
 * A ZIP package written by hand, for hostile inputs: each entry deflated, its declared size in the
 * central directory as given (a bomb may lie about it).
 */
export function handZip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const comp = deflateRawSync(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(comp.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    central.push(cd, name);
    offset += 30 + name.length + comp.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, eocd]);
}

const xmlEscape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Excel 2003 XML (SpreadsheetML) as web-based 财政 systems export it under the name `.xls`: one
 * sheet per table, title and unit lines, merged header cells (MergeAcross/MergeDown, covered cells
 * left out and the next cell placed by ss:Index), amounts as numbers with a `#,##0.00` style or as
 * text, a hidden row of junk and a hidden sheet of junk.
 */
export function tablesToSpreadsheetXml(tables: PrintedTable[], options: { amounts?: 'number' | 'text' } = {}): string {
  const sheets: string[] = [];
  const cell = (text: string, index: number, extra = '') => {
    const t = text.trim();
    if (options.amounts !== 'text' && AMOUNT.test(t)) {
      const decimals = t.includes('.') ? t.split('.')[1]!.length : 0;
      return `<Cell ss:Index="${index}" ss:StyleID="d${decimals}"${extra}><Data ss:Type="Number">${t.replace(/,/g, '')}</Data></Cell>`;
    }
    return `<Cell ss:Index="${index}"${extra}><Data ss:Type="String">${xmlEscape(text)}</Data></Cell>`;
  };
  tables.forEach((table, t) => {
    const width = table.rows.reduce((w, r) => Math.max(w, r.length), 0);
    const rows: string[] = [];
    for (const line of table.lines) rows.push(`<Row>${cell(line, 1, width > 1 ? ` ss:MergeAcross="${width - 1}"` : '')}</Row>`);
    rows.push('<Row/>');
    const merges = headerMerges(table.rows);
    const covered = new Set<string>();
    const spanAt = new Map<string, [number, number]>();
    for (const [mt, ml, mb, mr] of merges) {
      spanAt.set(`${mt},${ml}`, [mb - mt, mr - ml]);
      for (let i = mt; i <= mb; i++) for (let j = ml; j <= mr; j++) if (i !== mt || j !== ml) covered.add(`${i},${j}`);
    }
    const hiddenAt = Math.min(table.rows.length - 1, headerRowCount(table.rows) + 1);
    table.rows.forEach((row, i) => {
      if (i === hiddenAt) rows.push(`<Row ss:Hidden="1">${cell('隐藏的垃圾行', 1)}${cell('999,999.99', 2)}</Row>`);
      const cells: string[] = [];
      for (let j = 0; j < width; j++) {
        if (covered.has(`${i},${j}`) || (row[j] ?? '') === '') continue;
        const span = spanAt.get(`${i},${j}`);
        const extra = span ? `${span[1] > 0 ? ` ss:MergeAcross="${span[1]}"` : ''}${span[0] > 0 ? ` ss:MergeDown="${span[0]}"` : ''}` : '';
        cells.push(cell(row[j]!, j + 1, extra));
      }
      rows.push(`<Row>${cells.join('')}</Row>`);
    });
    for (const note of table.notes) rows.push(`<Row>${cell(note, 1)}</Row>`);
    sheets.push(`<Worksheet ss:Name="表${t + 1}"><Table>${rows.join('\n')}</Table></Worksheet>`);
    if (t === 0) {
      sheets.push(
        `<Worksheet ss:Name="隐藏表"><Table><Row>${cell('收入支出决算总表', 1)}</Row><Row>${cell('项目', 1)}${cell('999,999.99', 2)}</Row></Table>` +
          '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>',
      );
    }
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?mso-application progid="Excel.Sheet"?>',
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">',
    '<Styles><Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Center"/></Style>' +
      // Two decimals by the named format Standard, the others by their format codes.
      [0, 1, 2, 3, 4].map((d) => `<Style ss:ID="d${d}"><NumberFormat ss:Format="${d === 2 ? 'Standard' : d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`}"/></Style>`).join('') +
      '</Styles>',
    ...sheets,
    '</Workbook>',
  ].join('\n');
}
