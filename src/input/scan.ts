/**
 * Find a table in its sheet and list its body rows with the cells that hold each amount. Positions
 * come from the same layout the writer used (render/layout.ts): the header block is located by its
 * first row's texts, the body runs from under it to the notes. Used by the template (to put formulas
 * and validation on the right cells) and by the reader.
 */
import type ExcelJS from 'exceljs';
import { compact, rowName } from '../recognise/normalise.js';
import { tableLayout, type LayoutTemplate, type TableLayout } from '../render/layout.js';
import { address, cellText, rawCell, type RawCell } from './cells.js';
import { skeletonReport } from './skeleton.js';

export interface CellRef {
  row: number;
  col: number;
  address: string;
  raw: RawCell;
}

export interface ScannedRow {
  /** 'inc' / 'exp' side of tables 01 and 04. */
  side?: 'inc' | 'exp';
  /** Label or name text as printed (ordinal kept), and its cell. */
  label: string;
  labelCell: CellRef;
  /** 行次 (01, 04, 10). */
  line?: number;
  /** Code text as typed (coded tables, 06) and its cell. */
  code?: string;
  codeCell?: CellRef;
  /** Column key → the cell holding it. */
  cells: Record<string, CellRef>;
}

export interface ScannedTable {
  layout: TableLayout;
  template: LayoutTemplate;
  headerRow: number;
  bodyRow: number;
  /** Last body row (before the notes). */
  lastRow: number;
  rows: ScannedRow[];
  /** The printed title (preamble), when found. */
  title?: string;
}

const layoutCache = new Map<string, TableLayout>();

/** The reference layout of a table: header rows and column kinds do not depend on the rows. */
export function referenceLayout(id: string, template: LayoutTemplate, year = 2024): TableLayout | undefined {
  const key = `${id}/${template}/${year}`;
  let hit = layoutCache.get(key);
  if (!hit) {
    const report = skeletonReport({ year, template, scope: 'unit', spare: false });
    const table = report.tables.find((t) => t.id === id) ?? skeletonReport({ year, template: 'sx', scope: 'unit', spare: false }).tables.find((t) => t.id === id);
    if (!table) return undefined;
    hit = tableLayout(report, table, { template });
    if (!hit) return undefined;
    layoutCache.set(key, hit);
  }
  return hit;
}

const text = (sheet: ExcelJS.Worksheet, row: number, col: number) => compact(cellText(sheet.getCell(row, col).value));

/** The row where the header block starts: its first row's texts in place (within the first 20 rows). */
function findHeader(sheet: ExcelJS.Worksheet, layout: TableLayout): number | undefined {
  const first = layout.header[0]!;
  const marks = first.map((c, j) => ({ j, t: c.covered ? '' : compact(c.text) })).filter((m) => m.t !== '');
  for (let r = 1; r <= Math.min(20, sheet.rowCount); r++) {
    if (marks.every((m) => text(sheet, r, m.j + 1) === m.t)) {
      // The second header row must match too (01 and 04 both start with 收入 | 支出).
      const second = layout.header[1];
      if (!second || second.every((c, j) => c.covered || c.text === '' || text(sheet, r + 1, j + 1) === compact(c.text))) return r;
    }
  }
  return undefined;
}

function ref(sheet: ExcelJS.Worksheet, row: number, col: number): CellRef {
  return { row, col, address: address(row, col), raw: rawCell(sheet.getCell(row, col).value) };
}

const NOTE = /^(?:注|说明)[:：]|^\d[.．]\s*本套报表|^本表本年度无发生额/;

/** Scan a sheet as table `id` laid out in `template`; undefined when its header is not there. */
export function scanTable(sheet: ExcelJS.Worksheet, id: string, template: LayoutTemplate): ScannedTable | undefined {
  const layout = referenceLayout(id, template);
  if (!layout) return undefined;
  const headerRow = findHeader(sheet, layout);
  if (headerRow === undefined) return undefined;
  const bodyRow = headerRow + layout.header.length;
  let lastRow = bodyRow - 1;
  for (let r = bodyRow; r <= sheet.rowCount; r++) {
    if (NOTE.test(text(sheet, r, 1))) break;
    lastRow = r;
  }
  const width = layout.kinds.length;
  const lastHeader = layout.header[layout.header.length - 1]!;
  const rows: ScannedRow[] = [];
  const lineOf = (r: number, c: number) => {
    const t = text(sheet, r, c);
    return /^\d+$/.test(t) ? Number(t) : undefined;
  };
  for (let r = bodyRow; r <= lastRow; r++) {
    if (id === '01' || id === '04') {
      const expKeys = id === '01' ? ['2'] : ['2', '3', '4', '5'];
      const sides: { side: 'inc' | 'exp'; col: number; keys: string[] }[] = [
        { side: 'inc', col: 1, keys: ['1'] },
        { side: 'exp', col: 4, keys: expKeys },
      ];
      for (const s of sides) {
        const label = cellText(sheet.getCell(r, s.col).value).trim();
        const line = lineOf(r, s.col + 1);
        if (!label) continue;
        const cells = Object.fromEntries(s.keys.map((k, i) => [k, ref(sheet, r, s.col + 2 + i)]));
        rows.push({ side: s.side, label, labelCell: ref(sheet, r, s.col), ...(line !== undefined ? { line } : {}), cells });
      }
    } else if (id === '06') {
      for (let g = 0; g + 2 < width; g += 3) {
        const code = text(sheet, r, g + 1);
        const label = cellText(sheet.getCell(r, g + 2).value).trim();
        if (!code && !label) continue;
        rows.push({ label, labelCell: ref(sheet, r, g + 2), ...(code ? { code, codeCell: ref(sheet, r, g + 1) } : {}), cells: { amount: ref(sheet, r, g + 3) } });
      }
    } else if (id === '09') {
      const cells = Object.fromEntries(lastHeader.map((c, j) => [compact(c.text), ref(sheet, r, j + 1)]));
      rows.push({ label: '', labelCell: ref(sheet, r, 1), cells });
    } else if (id === '10') {
      const label = cellText(sheet.getCell(r, 1).value).trim();
      const line = lineOf(r, 2);
      if (!label) continue;
      rows.push({ label, labelCell: ref(sheet, r, 1), ...(line !== undefined ? { line } : {}), cells: line !== undefined ? { amount: ref(sheet, r, 3) } : {} });
    } else {
      // Coded: code | name | amounts under their 栏次.
      const cells: Record<string, CellRef> = {};
      layout.kinds.forEach((kind, j) => {
        if (kind === 'amount') cells[compact(lastHeader[j]!.text)] = ref(sheet, r, j + 1);
      });
      const code = text(sheet, r, 1);
      const label = cellText(sheet.getCell(r, 2).value).trim();
      rows.push({ label, labelCell: ref(sheet, r, 2), ...(code ? { code, codeCell: ref(sheet, r, 1) } : {}), cells });
    }
  }
  const titleRow = layout.preamble.findIndex((p) => p.role === 'title');
  const title = titleRow >= 0 ? rowName(cellText(sheet.getCell(titleRow + 1, 1).value)) : undefined;
  return { layout, template, headerRow, bodyRow, lastRow, rows, ...(title ? { title } : {}) };
}
