/**
 * Find the standard tables in a Document: each grid region (page-split parts joined), the title
 * above it (or in its first rows), the preamble lines between (单位：…, 金额单位：万元, 公开01表, 2023年度)
 * and the notes below (注：…, 本表本年度无发生额).
 */
import type { Block, GridRow, TableBlock } from '../model/document.js';
import { compact, foldWideNumber } from './normalise.js';
import type { Line, TableRegion } from './tables/grid.js';
import { matchLabel, matchTitle, type TitleMatch } from './tables/titles.js';

export interface LocatedTable {
  match: TitleMatch;
  region: TableRegion;
  empty: boolean;
  /** 单位：万元 / 金额单位：元 as printed above the table. */
  unit?: string;
  /** The 单位：/部门：/部门名称： line above the table: [which word, the name]. */
  entityLine?: [string, string];
  /** The year printed above the table (`2023年度`, alone or after the entity name). */
  year?: number;
  notes: string[];
  line: number;
  endLine: number;
}

export interface Located {
  tables: LocatedTable[];
  /** Indices of blocks that belong to tables (titles, preambles, grids, notes): not narrative. */
  consumed: Set<number>;
  /** Grid regions whose title could not be found. */
  untitled: { line: number; rows: number }[];
}

const UNIT_RE = /^(?:金额)?单位[:：]\s*(亿元|万元|元)$/;
const ENTITY_RE = /^(单位名称|部门名称|编制单位|编制部门|预算单位|单位|部门)[:：]\s*(.+?)$/;
const YEAR_LINE = /^(\d{4})年度?$/;
const EMPTY_NOTE = /本表本年度无发生额|本表无数据|本年度无发生额|本表无发生额|本单位无此项|本部门无此项|本年度无此项(?:收入|支出)?[，。,]?$|无数据/;
const NOTE_START = /^(?:注|说明|备注)\s*\d*[:：.．]|^\d+[.．、]\s*本(?:表|套报表)/;
const PAGE_NUMBER = /^(?:[-—－–]\s*\d+\s*[-—－–]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d{1,3})$/;
/** A continuation mark between two parts of a table: 续表, （续表）, 续表1, 续上表, 表1（续）. */
const CONTINUED = /^[（(]?续(?:上?表)?\d*[)）]?$|^续表|[（(]续表?[)）]$/;

function blockText(b: Block): string {
  return b.kind === 'table' ? '' : compact(b.text);
}

/** Preamble: the small lines printed between a title and its grid. */
function preambleOf(text: string): { unit?: string; entity?: [string, string]; label?: string; year?: number } | undefined {
  const parts = text.split(/\s{2,}|\t/).filter(Boolean);
  const c = compact(text);
  if (UNIT_RE.test(c)) return { unit: UNIT_RE.exec(c)![1]! };
  if (matchLabel(c)) return { label: matchLabel(c)! };
  if (YEAR_LINE.test(c)) return { year: Number(YEAR_LINE.exec(c)![1]) };
  // "部门：XX局    单位：万元" on one line.
  const result: { unit?: string; entity?: [string, string]; year?: number } = {};
  for (const part of parts.length > 1 ? parts : [text]) {
    const p = compact(part);
    const unit = UNIT_RE.exec(p);
    if (unit) {
      result.unit = unit[1]!;
      continue;
    }
    const ent = ENTITY_RE.exec(p);
    if (ent) {
      const name = ent[2]!.replace(/\d{4}年度?$/, '').replace(/(?:金额)?单位[:：](?:亿元|万元|元)$/, '');
      const unitTail = /(?:金额)?单位[:：](亿元|万元|元)$/.exec(ent[2]!);
      if (unitTail) result.unit = unitTail[1]!;
      const yearTail = /(\d{4})年度?$/.exec(ent[2]!);
      if (yearTail) result.year = Number(yearTail[1]);
      if (name) result.entity = [ent[1]!, name];
      continue;
    }
    const year = YEAR_LINE.exec(p);
    if (year) {
      result.year = Number(year[1]);
      continue;
    }
    return undefined;
  }
  return result.unit || result.entity ? result : undefined;
}

function toLines(rows: GridRow[], part: number): Line[] {
  return rows.map((r) => ({
    cells: r.cells.map((c) => foldWideNumber(c.text)),
    line: r.pos.line,
    ...(r.pos.page !== undefined ? { page: r.pos.page } : {}),
    part,
    // Where each cell was printed, so findings can point at it (absent for text and HTML).
    ...(r.cells.some((c) => c.box) ? { boxes: r.cells.map((c) => c.box) } : {}),
    ...(r.pos.sheet !== undefined ? { sheet: r.pos.sheet } : {}),
    ...(r.pos.row !== undefined ? { row: r.pos.row } : {}),
    ...(r.cells.some((c) => c.column !== undefined) ? { columns: r.cells.map((c) => c.column) } : {}),
  }));
}

/**
 * Rows at the top of a grid that hold only one text: a title or preamble printed inside the table
 * (HTML and spreadsheet exports), maybe below a caption such as `附件2` or a part heading. Ends after
 * the last title/preamble row; other one-text rows are taken only when a title or preamble follows.
 */
function leadingSingleRows(block: TableBlock): number {
  let n = 0;
  const rows = block.rows;
  for (let i = 0; i < rows.length && i < 8; i++) {
    const filled = rows[i]!.cells.filter((c) => c.text.trim() !== '');
    if (filled.length !== 1 && !(filled.length === 2 && filled.every((c) => preambleOf(c.text)))) break;
    const t = filled.map((c) => c.text).join('  ');
    if (matchTitle(t) || preambleOf(t)) n = i + 1;
    else if (n > 0) break;
  }
  return n;
}

/**
 * Columns blank in every row of every part: a spreadsheet's margin column, or the second column of
 * a label merged across two in every row. Removed, so positions line up as in the printed table.
 */
function dropEmptyColumns(parts: Line[][]): Line[][] {
  const used: boolean[] = [];
  for (const part of parts) for (const line of part) line.cells.forEach((c, i) => (used[i] ||= c.trim() !== ''));
  if (used.every(Boolean)) return parts;
  const keep = <T>(a: T[] | undefined) => a?.filter((_, i) => used[i]);
  return parts.map((part) =>
    part.map((line) => ({
      ...line,
      cells: line.cells.filter((_, i) => used[i]),
      ...(line.boxes ? { boxes: keep(line.boxes) } : {}),
      ...(line.columns ? { columns: keep(line.columns) } : {}),
    })),
  );
}

export function locateTables(blocks: Block[], skip: Set<number>): Located {
  const consumed = new Set<number>();
  const tables: LocatedTable[] = [];
  const untitled: { line: number; rows: number }[] = [];
  const counts = new Map<string, number>();
  for (const b of blocks) if (b.kind !== 'table') counts.set(blockText(b), (counts.get(blockText(b)) ?? 0) + 1);
  const isNoise = (b: Block | undefined) =>
    b !== undefined && b.kind !== 'table' && (PAGE_NUMBER.test(blockText(b)) || ((counts.get(blockText(b)) ?? 0) >= 3 && blockText(b).length <= 20 && !matchTitle(b.text)));

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'table' || consumed.has(i)) continue;
    const own: number[] = [i];
    let match: TitleMatch | undefined;
    let unit: string | undefined;
    let entityLine: [string, string] | undefined;
    let label: string | undefined;
    let year: number | undefined;
    let firstLine = block.pos.line;

    // Title and preamble above the grid.
    for (let k = i - 1; k >= 0 && k >= i - 10; k--) {
      const b = blocks[k]!;
      if (b.kind === 'table' || consumed.has(k) || skip.has(k)) break;
      const pre = preambleOf(b.text);
      if (!pre && isNoise(b)) continue;
      if (pre) {
        own.push(k);
        unit ??= pre.unit;
        entityLine ??= pre.entity;
        label ??= pre.label;
        year ??= pre.year;
        firstLine = b.pos.line;
        continue;
      }
      const m = matchTitle(b.text);
      if (m) {
        match = m;
        own.push(k);
        firstLine = b.pos.line;
      }
      break;
    }

    // Title printed inside the grid (HTML and spreadsheet exports).
    let rows = block.rows;
    const single = leadingSingleRows(block);
    if (single > 0) {
      for (const row of rows.slice(0, single)) {
        const t = row.cells.map((c) => c.text).filter((x) => x.trim() !== '').join('  ');
        const m = matchTitle(t);
        if (m && !match) match = m;
        const pre = preambleOf(t);
        if (pre) {
          unit ??= pre.unit;
          entityLine ??= pre.entity;
          label ??= pre.label;
          year ??= pre.year;
        }
      }
      rows = rows.slice(single);
    }
    if (!match) {
      untitled.push({ line: block.pos.line, rows: block.rows.length });
      continue;
    }
    if (label && !match.label) match = { ...match, label };

    // Following parts: grids after a page break, maybe with a repeated title/preamble or 续表.
    const parts: Line[][] = [toLines(rows, 0)];
    let endLine = block.pos.endLine ?? block.pos.line;
    let j = i + 1;
    while (j < blocks.length) {
      const b = blocks[j]!;
      if (skip.has(j)) break;
      if (b.kind === 'table') {
        const inner = leadingSingleRows(b);
        const innerTitle = inner > 0 ? b.rows.slice(0, inner).map((r) => matchTitle(r.cells.map((c) => c.text).join(' '))).find(Boolean) : undefined;
        if (innerTitle && innerTitle.id !== match.id) break;
        parts.push(toLines(b.rows.slice(inner), parts.length));
        own.push(j);
        endLine = b.pos.endLine ?? b.pos.line;
        j++;
        continue;
      }
      // Repeated title / preamble / page furniture between two parts of one table.
      let k = j;
      const between: number[] = [];
      while (k < blocks.length && blocks[k]!.kind !== 'table') {
        const p = blocks[k]!;
        const t = p.kind === 'table' ? '' : p.text;
        const repeat = matchTitle(t)?.id === match.id || CONTINUED.test(compact(t));
        if (isNoise(p) || preambleOf(t) || repeat) {
          between.push(k);
          k++;
          continue;
        }
        break;
      }
      if (between.length > 0 && k < blocks.length && blocks[k]!.kind === 'table' && !skip.has(k)) {
        own.push(...between);
        j = k;
        continue;
      }
      break;
    }

    // Notes under the table.
    const notes: string[] = [];
    let empty = false;
    while (j < blocks.length) {
      const b = blocks[j]!;
      if (b.kind === 'table' || skip.has(j)) break;
      const t = compact(b.text);
      if (NOTE_START.test(t) || EMPTY_NOTE.test(t) || (notes.length > 0 && /^\d+[.．、]/.test(t) && /本表|报表|尾数/.test(t))) {
        notes.push(b.text);
        if (EMPTY_NOTE.test(t)) empty = true;
        own.push(j);
        endLine = b.pos.endLine ?? b.pos.line;
        j++;
        continue;
      }
      if (isNoise(b)) {
        j++;
        continue;
      }
      break;
    }
    for (const k of own) consumed.add(k);
    tables.push({
      match,
      region: { parts: dropEmptyColumns(parts) },
      empty,
      ...(unit ? { unit } : {}),
      ...(entityLine ? { entityLine } : {}),
      ...(year !== undefined ? { year } : {}),
      notes,
      line: firstLine,
      endLine,
    });
    i = j - 1;
  }

  // Tables printed as a title and an empty-table note with no grid at all.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'table' || consumed.has(i) || skip.has(i)) continue;
    const m = matchTitle(b.text);
    if (!m) continue;
    const own = [i];
    let unit: string | undefined;
    let entityLine: [string, string] | undefined;
    let year: number | undefined;
    let k = i + 1;
    for (; k < blocks.length && k <= i + 6; k++) {
      const n = blocks[k]!;
      if (n.kind === 'table' || consumed.has(k)) break;
      const pre = preambleOf(n.text);
      if (pre) {
        unit ??= pre.unit;
        entityLine ??= pre.entity;
        year ??= pre.year;
        own.push(k);
        continue;
      }
      if (EMPTY_NOTE.test(compact(n.text)) || NOTE_START.test(compact(n.text))) {
        own.push(k);
        if (EMPTY_NOTE.test(compact(n.text))) {
          for (const o of own) consumed.add(o);
          tables.push({
            match: m,
            region: { parts: [] },
            empty: true,
            ...(unit ? { unit } : {}),
            ...(entityLine ? { entityLine } : {}),
            ...(year !== undefined ? { year } : {}),
            notes: [n.text],
            line: b.pos.line,
            endLine: n.pos.line,
          });
          break;
        }
        continue;
      }
      break;
    }
  }
  tables.sort((a, b) => a.line - b.line);
  return { tables, consumed, untitled };
}
