/**
 * Shared machinery for reading a printed table: the grid rows of a table (joined across page
 * breaks), the header block (dropped, also where it repeats), the 栏次 numbers and the header
 * labels above each column, and the parsing of amount cells.
 */
import { isNotApplicable, parseAmount, toNumber } from '../../model/amount.js';
import type { Box } from '../../model/document.js';
import type { Column, Row, TableRecognition } from '../../model/report.js';
import { compact, labelKey } from '../normalise.js';

/** One printed row: cell texts and where it was printed. */
export interface Line {
  cells: string[];
  line: number;
  page?: number;
  /** Index of the page-split part it came from. */
  part: number;
  /** Paged formats: each cell's box, parallel to `cells` (undefined where the reader gave none). */
  boxes?: (Box | undefined)[];
  /** Workbooks: the sheet, the 1-based sheet row, and each cell's 1-based sheet column, parallel to `cells`. */
  sheet?: string;
  row?: number;
  columns?: (number | undefined)[];
}

/** A table as found in the document: its printed parts (page-split pieces), in order. */
export interface TableRegion {
  parts: Line[][];
}

export interface HeaderInfo {
  /** Header rows of the first part (column-number rows excluded). */
  rows: string[][];
  /** Position → printed 栏次 number. */
  numbers: Map<number, string>;
  /** Position → the labels above it, top to bottom, group labels filled over the columns they span. */
  paths: string[][];
  dropped: number;
}

export interface SplitResult {
  header: HeaderInfo;
  data: Line[];
}

/** A cell that is a printed 栏次 number. */
const SMALL_INT = /^\d{1,2}$/;

export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map((c) => compact(c)).filter((c) => c !== '');
  if (filled.some((c) => c === '栏次')) return filled.every((c) => c === '栏次' || SMALL_INT.test(c) || /^[行栏]次$/.test(c));
  if (filled.length < 2 || !filled.every((c) => SMALL_INT.test(c))) return false;
  const nums = filled.map(Number);
  return nums[0] === 1 && nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
}

/**
 * Split the parts of a table into its header and its data rows. Each part begins with zero or more
 * header rows (the header block is repeated after a page break, or not); a row is data when the
 * table's own test says so. A header row met later (a repeated header not at a part start, as when
 * a reader joined two pages) is dropped too.
 */
export function splitHeader(region: TableRegion, isData: (cells: string[]) => boolean): SplitResult {
  const headerRows: string[][] = [];
  const numbers = new Map<number, string>();
  const seenHeader = new Set<string>();
  const data: Line[] = [];
  let dropped = 0;
  region.parts.forEach((part, p) => {
    let inHeader = true;
    for (const line of part) {
      const sig = line.cells.map(compact).join('\t');
      if (inHeader && !isData(line.cells)) {
        dropped++;
        if (p === 0 || headerRows.length === 0) {
          if (isColumnNumberRow(line.cells)) {
            line.cells.forEach((c, i) => {
              const t = compact(c);
              if (SMALL_INT.test(t)) numbers.set(i, t);
            });
          } else headerRows.push(line.cells);
        } else if (numbers.size === 0 && isColumnNumberRow(line.cells)) {
          line.cells.forEach((c, i) => {
            const t = compact(c);
            if (SMALL_INT.test(t)) numbers.set(i, t);
          });
        }
        seenHeader.add(sig);
        continue;
      }
      inHeader = false;
      // A header repeated inside a part (page breaks lost): the rows of the first header block, or
      // a 栏次 row however its cells were shifted on that page.
      if ((seenHeader.has(sig) || isColumnNumberRow(line.cells)) && !isData(line.cells)) {
        dropped++;
        continue;
      }
      data.push(line);
    }
  });
  return { header: { rows: headerRows, numbers, paths: columnPaths(headerRows), dropped }, data };
}

/** The labels over each column. A blank cell under nothing but beside a group label takes that label. */
export function columnPaths(rows: string[][]): string[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const filled = rows.map((r) => Array.from({ length: width }, (_, i) => compact(r[i] ?? '')));
  for (let r = 0; r < filled.length - 1; r++) {
    const row = filled[r]!;
    const below = filled[r + 1]!;
    for (let c = 1; c < width; c++) {
      if (row[c] === '' && row[c - 1] !== '' && below[c] !== '' && below[c - 1] !== undefined) {
        // Only spread a label over columns that have their own sub-labels below (a group header).
        row[c] = row[c - 1]!;
      }
    }
  }
  return Array.from({ length: width }, (_, c) => filled.map((row) => row[c]!).filter((l) => l !== ''));
}

export interface ColumnSpec {
  key: string;
  /** Printed labels that name this column (compared with labelKey). */
  labels: string[];
  /** A group label that must be above it, when the leaf label alone is ambiguous. */
  parent?: string[];
}

/** Parse one amount cell: a number, or null for a blank or a not-applicable dash. */
export function cellValue(text: string | undefined): { value: number | null; decimals: number; bad: boolean; dash: boolean } {
  const t = (text ?? '').trim();
  if (t === '') return { value: null, decimals: 0, bad: false, dash: false };
  if (isNotApplicable(t)) return { value: null, decimals: 0, bad: false, dash: true };
  const a = parseAmount(t);
  if (!a) return { value: null, decimals: 0, bad: true, dash: false };
  return { value: toNumber(a), decimals: a.scale, bad: false, dash: false };
}

/** True when a cell from position `from` on is a printed amount or a not-applicable dash. */
export function hasAmount(cells: string[], from = 0): boolean {
  for (let i = from; i < cells.length; i++) {
    const t = (cells[i] ?? '').trim();
    if (t !== '' && (parseAmount(t) || isNotApplicable(t))) return true;
  }
  return false;
}

/**
 * Assign column keys to amount positions: by the printed 栏次 numbers when they name the template's
 * columns, else by header labels, else in order.
 */
export function mapColumns(
  positions: number[],
  header: HeaderInfo,
  specs: ColumnSpec[],
): { map: Map<number, string>; by: TableRecognition['columnsBy'] } {
  const keys = new Set(specs.map((s) => s.key));
  const numbered = positions.filter((p) => header.numbers.has(p));
  if (numbered.length > 0 && numbered.every((p) => keys.has(header.numbers.get(p)!))) {
    const map = new Map<number, string>();
    for (const p of numbered) map.set(p, header.numbers.get(p)!);
    if (map.size >= Math.min(specs.length, positions.length)) return { map, by: 'column-numbers' };
  }
  const byLabel = new Map<number, string>();
  const used = new Set<string>();
  for (const p of positions) {
    const path = (header.paths[p] ?? []).map(labelKey);
    if (path.length === 0) continue;
    const leaf = path[path.length - 1]!;
    const candidates = specs.filter((s) => !used.has(s.key) && s.labels.some((l) => labelKey(l) === leaf));
    const fits = candidates.filter((s) => !s.parent || s.parent.some((pl) => path.includes(labelKey(pl))));
    const chosen = fits[0] ?? candidates[0];
    if (chosen) {
      byLabel.set(p, chosen.key);
      used.add(chosen.key);
    }
  }
  if (byLabel.size >= Math.min(specs.length, positions.length) && byLabel.size > 0) return { map: byLabel, by: 'labels' };
  const map = new Map<number, string>();
  positions.slice(0, specs.length).forEach((p, i) => map.set(p, specs[i]!.key));
  return { map, by: 'position' };
}

export function columnsOf(specs: ColumnSpec[]): Column[] {
  return specs.map((s) => ({ key: s.key, label: s.labels[0]! }));
}

/** Build the cells of a row from its printed cells, every column of the row's side present. */
export function readCells(
  cells: string[],
  map: Map<number, string>,
  keys: string[],
  stats: { decimals: number; bad: number },
  dashes?: string[],
): Row['cells'] {
  const out: Row['cells'] = {};
  for (const key of keys) out[key] = null;
  for (const [pos, key] of map) {
    const v = cellValue(cells[pos]);
    out[key] = v.value;
    if (v.dash) dashes?.push(key);
    if (v.decimals > stats.decimals) stats.decimals = v.decimals;
    if (v.bad) stats.bad++;
  }
  return out;
}

/** A1 column letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Where a row was printed, for the Row: its line and page (or sheet and sheet row), and for each
 * column read from position p of the line (`map`: position → column key) the cell's box on the
 * page or its A1 reference in the sheet — so a finding on the cell can point at it.
 */
export function placed(line: Line, map: Iterable<readonly [number, string]> = []): Pick<Row, 'source' | 'boxes' | 'refs'> {
  const boxes: Record<string, Box> = {};
  const refs: Record<string, string> = {};
  for (const [pos, key] of map) {
    const box = line.boxes?.[pos];
    if (box) boxes[key] = box;
    const column = line.columns?.[pos];
    if (column !== undefined && line.row !== undefined) refs[key] = `${columnLetters(column)}${line.row}`;
  }
  // The row as printed: the box around its cells on the row's page (a label finding points at it).
  const onPage = (line.boxes ?? []).filter((b): b is Box => b !== undefined && (line.page === undefined || b.page === line.page));
  let rowBox: Box | undefined;
  if (onPage.length > 0) {
    const x = Math.min(...onPage.map((b) => b.x));
    const y = Math.min(...onPage.map((b) => b.y));
    const width = Math.max(...onPage.map((b) => b.x + b.width)) - x;
    const height = Math.max(...onPage.map((b) => b.y + b.height)) - y;
    rowBox = { page: onPage[0]!.page, x, y, width, height };
  }
  return {
    source: {
      line: line.line,
      ...(line.page !== undefined ? { page: line.page } : {}),
      ...(rowBox ? { box: rowBox } : {}),
      ...(line.sheet !== undefined ? { sheet: line.sheet } : {}),
      ...(line.row !== undefined ? { row: line.row } : {}),
    },
    ...(Object.keys(boxes).length > 0 ? { boxes } : {}),
    ...(Object.keys(refs).length > 0 ? { refs } : {}),
  };
}
