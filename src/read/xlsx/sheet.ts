/**
 * Worksheets → blocks, shared by the .xlsx and .xls readers. A sheet holds one or more printed
 * tables: title, unit and entity lines above the grid (one text per row, or a text merged across
 * the sheet), the grid, notes below. Lines become paragraphs and each grid one table block, as the
 * HTML reader does for a titled grid; merged cells are expanded (text in the top-left cell, the
 * covered positions empty and marked). Hidden rows, columns and sheets are not read. A sheet with
 * no title row (the 久其 export: `Z01 收入支出决算总表(财决01表)`) is titled by its name: a title
 * cut at Excel's 31 characters is completed from the known tables' titles (model/table-titles.ts),
 * and in an evident 久其 export a sheet named by its code alone (`Z05`) is titled from its code.
 *
 * Positions: `pos.line` runs across the visible sheets (one line per sheet row), and every block and
 * row also carries `sheet`, `row` (1-based sheet row) and `column` (1-based sheet column of its first
 * cell), so a finding can say 工作表 Z01 第12行.
 */
import type { Block, GridCell, GridRow, SourcePos } from '../../model/document.js';
import { JuesuanError } from '../../model/errors.js';
import { TABLE_TITLES } from '../../model/table-titles.js';
import type { BinaryReadResult } from '../binary.js';
import type { Deadline } from './deadline.js';

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet as read from the file, 1-based rows and columns, displayed texts. */
export interface SheetData {
  name: string;
  /** row → column → displayed text (empty texts may be left out). */
  cells: Map<number, Map<number, string>>;
  merges: MergeRange[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
}

/** A source position inside a workbook. */
export interface SheetPos extends SourcePos {
  sheet: string;
  row: number;
  column: number;
}

/** Cell text as printed: line breaks inside a cell are wrapping (joined without a separator). */
export function cleanCellText(text: string): string {
  return text
    .replace(/[ \t]*[\r\n]+\s*/g, '')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

interface Cell {
  text: string;
  rowSpan: number;
  colSpan: number;
  covered: boolean;
}

type RowClass = 'blank' | 'line' | 'grid' | 'maybe';

/**
 * A one-text row that stands outside the grid even when it touches it: a title (…表), a unit or
 * entity line (…：…), a year, a table label, a continuation mark, a note.
 */
const TITLE_OR_NOTE =
  /[:：]|表$|表[(（][^)）]*[)）]?$|^[（(]?续表?|^\d{4}年度?$|^(?:公开)?\d+表$|^表\s*\d+$|^(?:注|说明|备注)|^\d+[.．、]\s*本|^本(?:表|套报表)|无发生额|无数据/;
/** Each text of a two-text row outside the grid: 部门名称：… | 金额单位：万元. */
const PREAMBLE_PART = /[:：]|^\d{4}年度?$|^(?:公开)?\d+表$|^表\s*\d+$/;
const CJK = /[\u3400-\u9fff]/g;
/** Most visible positions (rows × columns) a sheet's grid is built over. */
const MAX_POSITIONS = 20_000_000;

/**
 * The visible sheets, in workbook order, as blocks. `allNames` are the names of all the workbook's
 * sheets, hidden ones included (they tell a 久其 export by its codes); the visible ones by default.
 */
export function sheetsToBlocks(sheets: SheetData[], options: { deadline?: Deadline; allNames?: string[]; path?: string } = {}): BinaryReadResult {
  const out = new Out();
  const titles = sheetTitles(options.allNames ?? sheets.map((s) => s.name));
  let lineOffset = 0;
  for (const sheet of sheets) {
    options.deadline?.check();
    lineOffset += readSheet(sheet, lineOffset, out, titles.get(sheet.name) ?? sheetTitle(sheet.name), options.deadline, options.path);
  }
  return { text: out.text, blocks: out.blocks };
}

/** Reads one sheet into `out`; returns the number of lines (sheet rows) it spans. */
function readSheet(sheet: SheetData, lineOffset: number, out: Out, nameTitle: string, deadline: Deadline | undefined, path: string | undefined): number {
  let maxRow = 0;
  let maxCol = 0;
  for (const [r, row] of sheet.cells) {
    for (const [c, t] of row) {
      if (t === '') continue;
      if (r > maxRow) maxRow = r;
      if (c > maxCol) maxCol = c;
    }
  }
  let rows: number[] = [];
  let cols: number[] = [];
  if (maxRow * maxCol > MAX_POSITIONS) {
    // A sparse sheet spread over a huge range (two cells, A1 and XFD1048576): only the rows and
    // columns that hold a cell or a merge's corner, and one blank row where blank rows were.
    const usedRows = new Set<number>();
    const usedCols = new Set<number>();
    for (const [r, row] of sheet.cells) {
      for (const [c, t] of row) {
        if (t === '') continue;
        usedRows.add(r);
        usedCols.add(c);
      }
    }
    for (const m of sheet.merges) {
      usedRows.add(m.top).add(m.bottom);
      usedCols.add(m.left).add(m.right);
    }
    const sorted = (set: Set<number>, hidden: Set<number>, max: number) => [...set].filter((x) => x <= max && !hidden.has(x)).sort((a, b) => a - b);
    for (const r of sorted(usedRows, sheet.hiddenRows, maxRow)) {
      if (rows.length > 0 && r > rows[rows.length - 1]! + 1) rows.push(rows[rows.length - 1]! + 1);
      rows.push(r);
    }
    cols = sorted(usedCols, sheet.hiddenCols, maxCol);
    if (rows.length * cols.length > MAX_POSITIONS) {
      throw new JuesuanError('limit_exceeded', `工作表“${sheet.name}”过大（${rows.length} 行 × ${cols.length} 列），已停止读取${path ? `：${path}` : ''}`, path);
    }
  } else {
    for (let r = 1; r <= maxRow; r++) if (!sheet.hiddenRows.has(r)) rows.push(r);
    for (let c = 1; c <= maxCol; c++) if (!sheet.hiddenCols.has(c)) cols.push(c);
  }
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const colIndex = new Map(cols.map((c, i) => [c, i]));

  deadline?.check();
  // The grid of visible positions.
  const grid: Cell[][] = rows.map((r) => cols.map((c) => ({ text: cleanCellText(sheet.cells.get(r)?.get(c) ?? ''), rowSpan: 1, colSpan: 1, covered: false })));
  for (const m of sheet.merges) {
    const rs = rows.filter((r) => r >= m.top && r <= m.bottom);
    const cs = cols.filter((c) => c >= m.left && c <= m.right);
    if (rs.length === 0 || cs.length === 0) continue;
    // The value sits in the range's top-left cell; if that is hidden, the first visible one shows it.
    const text = cleanCellText(sheet.cells.get(m.top)?.get(m.left) ?? '');
    rs.forEach((r, i) =>
      cs.forEach((c, j) => {
        const cell = grid[rowIndex.get(r)!]![colIndex.get(c)!]!;
        if (i === 0 && j === 0) {
          cell.text = text;
          cell.rowSpan = rs.length;
          cell.colSpan = cs.length;
        } else {
          cell.text = '';
          cell.covered = true;
        }
      }),
    );
  }
  deadline?.check();

  // Classify rows: grid rows, one-text lines (title, unit, notes), blank rows.
  const texts = grid.map((row) => row.filter((c) => c.text !== ''));
  const cls: RowClass[] = texts.map((t) => (t.length === 0 ? 'blank' : t.length >= 3 ? 'grid' : 'maybe'));
  const strongLine = (t: Cell[]) => {
    const joined = t.map((c) => c.text).join('').replace(/\s/g, '');
    if (joined.length >= 40) return true;
    return t.length === 1 ? TITLE_OR_NOTE.test(joined) : t.every((c) => PREAMBLE_PART.test(c.text.replace(/\s/g, '')));
  };
  for (let i = 0; i < cls.length; i++) if (cls[i] === 'maybe' && strongLine(texts[i]!)) cls[i] = 'line';
  // A one- or two-text row touching the grid is a row of it (a section row, a 合计 row, a blank-zero row).
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < cls.length; i++) {
      if (cls[i] === 'maybe' && (cls[i - 1] === 'grid' || cls[i + 1] === 'grid')) {
        cls[i] = 'grid';
        changed = true;
      }
    }
  }
  for (let i = 0; i < cls.length; i++) if (cls[i] === 'maybe') cls[i] = 'line';

  // The sheet name titles a sheet with no title line above its first grid (the 久其 export).
  const firstGrid = cls.indexOf('grid');
  const titled = cls.slice(0, firstGrid < 0 ? cls.length : firstGrid).some((c, i) => {
    if (c !== 'line') return false;
    const t = texts[i]!.map((x) => x.text).join('').replace(/\s/g, '');
    return !/[:：]/.test(t) && (t.match(CJK)?.length ?? 0) >= 4;
  });
  const meaningful = nameTitle;
  if (!titled && firstGrid >= 0 && (meaningful.match(CJK)?.length ?? 0) >= 4) {
    const r = rows[firstGrid]!;
    out.paragraph(meaningful, { line: lineOffset + r, sheet: sheet.name, row: r, column: cols[0] ?? 1 });
  }

  // Emit blocks in row order.
  let i = 0;
  let checked = 0;
  while (i < rows.length) {
    if (i - checked >= 512) {
      deadline?.check();
      checked = i;
    }
    const c = cls[i]!;
    if (c === 'blank') {
      i++;
      continue;
    }
    if (c === 'line' || c === 'maybe') {
      const cells = texts[i]!;
      const firstCol = cols[grid[i]!.findIndex((x) => x.text !== '')] ?? 1;
      out.paragraph(cells.map((x) => x.text).join('  '), { line: lineOffset + rows[i]!, sheet: sheet.name, row: rows[i]!, column: firstCol });
      i++;
      continue;
    }
    // A grid: consecutive grid rows; blank rows inside are skipped when the grid goes on after them.
    const members: number[] = [];
    let j = i;
    while (j < rows.length) {
      if (cls[j] === 'grid') {
        members.push(j);
        j++;
        continue;
      }
      if (cls[j] === 'blank') {
        let k = j;
        while (k < rows.length && cls[k] === 'blank') k++;
        if (k < rows.length && cls[k] === 'grid') {
          j = k;
          continue;
        }
      }
      break;
    }
    emitGrid(grid, members, rows, cols, sheet.name, lineOffset, out);
    i = j;
  }
  return maxRow;
}

/**
 * The title a sheet name gives: the 久其 form code (`Z01 `, `F03`) and the form number
 * (`(财决01表)`, maybe cut at Excel's 31 characters) left out; the full name stays in `pos.sheet`.
 */
export function sheetTitle(name: string): string {
  return splitSheetName(name).rest;
}

/** A sheet name's form code (letters and number), and the rest without the form number. */
function splitSheetName(name: string): { letters?: string; number?: number; rest: string } {
  const trimmed = name.trim();
  // `Z01 `, `Z01收入…`, `Z01_收入…`, `Z01-1 …`; not `ABC123xyz`.
  const code = /^([A-Za-z]{1,3})(\d{1,3})(?:[-_.]\d+)?(?=[\s(（_\-.、:：]|$|[^\x00-\x7f])[\s_\-.、:：]*/.exec(trimmed);
  const rest = trimmed
    .slice(code ? code[0].length : 0)
    .replace(/^(?:表\s*\d+|(?:公开)?\d+表)\s*/, '')
    .replace(/\s*[(（][^)）]*(?:[)）]\s*)?$/, '')
    .trim();
  return code ? { letters: code[1]!.toUpperCase(), number: Number(code[2]), rest } : { rest };
}

/** Comparison key of a title: no blanks, quotes or brackets, no year before it. */
function titleKey(text: string): string {
  return text.replace(/[\s“”"'‘’「」『』()（）]/g, '').replace(/^\d{4}年度?/, '');
}

const KNOWN: { id: string; name: string; key: string }[] = TABLE_TITLES.flatMap((t) =>
  [t.name, ...t.aliases].map((a) => ({ id: t.id, name: t.name, key: titleKey(a) })),
);

/**
 * The known tables whose title the rest of a sheet name is, or begins: a title cut at Excel's 31
 * characters (a long name; a short one like 收入支出 is not a cut title but a name of its own).
 */
function titleCandidates(name: string, rest: string): { ids: Set<string>; names: Map<string, string> } {
  const key = titleKey(rest);
  const ids = new Set<string>();
  const names = new Map<string, string>();
  if (key.length < 4) return { ids, names };
  const exact = KNOWN.find((k) => k.key === key);
  if (exact) return { ids: new Set([exact.id]), names: new Map([[exact.id, rest]]) };
  if (name.trim().length < 28 && key.length < 8) return { ids, names };
  for (const k of KNOWN) {
    if (k.key.startsWith(key)) {
      ids.add(k.id);
      names.set(k.id, k.name);
    }
  }
  return { ids, names };
}

/**
 * Titles from the sheet names of a workbook (name → title). A title cut at Excel's 31 characters
 * is completed when it begins one known table title only. In a 久其 export — several sheets whose
 * code number is the number of the table their title names (Z01 收入支出决算总表, Z02 收入决算表),
 * none contradicting — a sheet named by its code alone (`Z05`), or whose cut title begins several
 * titles, is titled from its code. Sheets named Z01, Z02 by chance give no title.
 */
export function sheetTitles(names: string[]): Map<string, string> {
  const parsed = names.map((name) => ({ name, ...splitSheetName(name), cand: titleCandidates(name, splitSheetName(name).rest) }));
  // Per code letter: how many sheets' titles agree with their number, how many contradict it.
  const agree = new Map<string, number>();
  const contradict = new Map<string, number>();
  for (const p of parsed) {
    if (!p.letters || p.number === undefined || p.cand.ids.size !== 1) continue;
    const id = [...p.cand.ids][0]!;
    const map = id === String(p.number).padStart(2, '0') ? agree : contradict;
    map.set(p.letters, (map.get(p.letters) ?? 0) + 1);
  }
  const jiuqi = (letters: string | undefined) => !!letters && (agree.get(letters) ?? 0) >= 2 && (contradict.get(letters) ?? 0) === 0;
  const titles = new Map<string, string>();
  for (const p of parsed) {
    let title = p.rest;
    if (p.cand.ids.size === 1) title = [...p.cand.names.values()][0]!;
    else if (jiuqi(p.letters) && p.number !== undefined) {
      const id = String(p.number).padStart(2, '0');
      const entry = TABLE_TITLES.find((t) => t.id === id);
      // Code only, or a cut title that begins this table's title among others.
      if (entry && (titleKey(p.rest) === '' || p.cand.ids.has(id))) title = entry.name;
    }
    titles.set(p.name, title);
  }
  return titles;
}

function emitGrid(grid: Cell[][], members: number[], rows: number[], cols: number[], sheet: string, lineOffset: number, out: Out): void {
  // Columns used by this grid (a margin column or a title column outside it is left out).
  let lo = Infinity;
  let hi = -1;
  for (const m of members) {
    grid[m]!.forEach((cell, c) => {
      if (cell.text !== '') {
        lo = Math.min(lo, c);
        hi = Math.max(hi, c + cell.colSpan - 1);
      }
    });
  }
  if (hi < 0) return;
  const memberSet = new Set(members);
  const gridRows: { cells: GridCell[]; pos: SheetPos }[] = [];
  for (const m of members) {
    const cells: GridCell[] = [];
    for (let c = lo; c <= hi; c++) {
      const cell = grid[m]![c]!;
      if (cell.covered) {
        cells.push({ text: '', covered: true });
        continue;
      }
      // Spans clipped to this grid's rows and columns.
      let rowSpan = 1;
      for (let k = 1; k < cell.rowSpan; k++) if (memberSet.has(m + k)) rowSpan++;
      const colSpan = Math.min(cell.colSpan, hi - c + 1);
      cells.push({ text: cell.text, ...(rowSpan > 1 ? { rowSpan } : {}), ...(colSpan > 1 ? { colSpan } : {}), column: cols[c]! });
    }
    const r = rows[m]!;
    gridRows.push({ cells, pos: { line: lineOffset + r, sheet, row: r, column: cols[lo]!, start: 0, end: 0 } });
  }
  out.table(gridRows, sheet, cols[lo]!);
}

/** Builds the extracted text and the blocks pointing into it (as the HTML reader's TextOut). */
class Out {
  text = '';
  blocks: Block[] = [];

  private add(content: string): { start: number; end: number } {
    if (this.text.length > 0) this.text += '\n\n';
    const start = this.text.length;
    this.text += content;
    return { start, end: this.text.length };
  }

  paragraph(text: string, at: Omit<SheetPos, 'start' | 'end'>): void {
    const { start, end } = this.add(text);
    const pos: SheetPos = { ...at, start, end };
    this.blocks.push({ kind: 'paragraph', text, pos });
  }

  table(rows: { cells: GridCell[]; pos: SheetPos }[], sheet: string, column: number): void {
    if (this.text.length > 0) this.text += '\n\n';
    const tableStart = this.text.length;
    const gridRows: GridRow[] = [];
    rows.forEach((row, i) => {
      if (i > 0) this.text += '\n';
      const start = this.text.length;
      this.text += row.cells.map((c) => c.text).join('\t');
      const pos: SheetPos = { ...row.pos, start, end: this.text.length };
      gridRows.push({ cells: row.cells, pos });
    });
    const first = rows[0]!.pos;
    const last = rows[rows.length - 1]!.pos;
    const pos: SheetPos = { line: first.line, endLine: last.line, start: tableStart, end: this.text.length, sheet, row: first.row, column };
    this.blocks.push({ kind: 'table', rows: gridRows, pos });
  }
}
