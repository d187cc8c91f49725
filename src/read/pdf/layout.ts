/**
 * Page geometry → content: text runs and ruling lines (page points, origin top-left) become text
 * lines and table grids in reading order. Pure functions, no pdfjs: the reader feeds them.
 *
 * Tables are rebuilt from the ruling lines when the publisher drew them (Word, Excel and browser
 * exports do): the rules cut the table into a grid, a missing rule between two grid cells merges
 * them (header cells spanning columns, names over several lines), and every text run falls into
 * the cell holding its centre. Without rules, rows of several text chunks with amounts are
 * clustered into columns by the x extents of their chunks.
 */
import type { Box, GridCell } from '../../model/document.js';
import { charEms, CJK_CHAR, collapseCjkSpaces } from './chars.js';

/** A run of text on one baseline: x, width and the baseline y in points from the top-left. */
export interface Run {
  text: string;
  x: number;
  y: number;
  w: number;
  /** Font size (em) in points. */
  size: number;
  /** The next run on the line starts another cell (a run pdf.js joined across a cell boundary, cut). */
  cut?: boolean;
}

/** A ruling line: horizontal when y1 = y2, vertical when x1 = x2. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageText {
  kind: 'line';
  text: string;
  x: number;
  right: number;
  /** Top of the line. */
  y: number;
  bottom: number;
  size: number;
}

export interface PageTable {
  kind: 'table';
  rows: GridCell[][];
  /** Column bands of a table rebuilt without rules (for its continuation on the next page). */
  bands?: [number, number][];
  y: number;
  bottom: number;
}

export type PageItem = PageText | PageTable;

const TOL = 2;

// ---------------------------------------------------------------------------------------------
// Runs and lines

/**
 * Cut a run in two at the space at index `at`: the left part keeps the run's left end, the right
 * part its right end (an amount right-aligned in its cell and the next cell's left-aligned text,
 * joined by pdf.js into one run over the narrow padding between them).
 */
function cutAtSpace(run: Run, chars: string[], at: number, total: number): [Run, Run] {
  const left = chars.slice(0, at).join('').trimEnd();
  const right = chars.slice(at + 1).join('').trimStart();
  // (Each part a little narrower than estimated: the parts' extents must not overlap, as the
  // columns without rules come from them.)
  const unit = (0.9 * run.w) / total;
  const lw = [...left].reduce((s, c) => s + charEms(c), 0) * unit;
  const rw = [...right].reduce((s, c) => s + charEms(c), 0) * unit;
  return [
    { ...run, text: left, w: lw, cut: true },
    { ...run, text: right, x: run.x + run.w - rw, w: rw },
  ];
}

/** Split a run at an x position, estimating where its characters fall from their em widths. */
function splitRunAt(run: Run, x: number): [Run, Run] | undefined {
  const chars = [...run.text];
  const total = chars.reduce((s, c) => s + charEms(c), 0);
  if (total === 0) return undefined;
  // A space near the rule is where the two cells' texts meet: the estimate from em widths can be
  // a character off (digits and separators are narrower than their average).
  let space = -1;
  let best = 2 * run.size;
  let pos = 0;
  chars.forEach((c, i) => {
    const w = charEms(c);
    if (/\s/.test(c) && i > 0 && i < chars.length - 1) {
      const d = Math.abs(run.x + (run.w * (pos + w / 2)) / total - x);
      if (d < best) [space, best] = [i, d];
    }
    pos += w;
  });
  if (space > 0) return cutAtSpace(run, chars, space, total);
  let acc = 0;
  for (let i = 0; i < chars.length; i++) {
    const next = acc + charEms(chars[i]!);
    const at = run.x + (run.w * (acc + next)) / 2 / total;
    if (at > x) {
      if (i === 0) return undefined;
      const cut = run.x + (run.w * acc) / total;
      return [
        { ...run, text: chars.slice(0, i).join(''), w: cut - run.x },
        { ...run, text: chars.slice(i).join(''), x: cut, w: run.x + run.w - cut },
      ];
    }
    acc = next;
  }
  return undefined;
}

/** Group runs into lines by baseline (tolerant to small jitter), each sorted left to right. */
export function groupLines(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Run[][] = [];
  let current: Run[] = [];
  let base = -Infinity;
  for (const r of sorted) {
    if (current.length > 0 && Math.abs(r.y - base) > Math.max(1.5, 0.35 * r.size)) {
      lines.push(current);
      current = [];
    }
    if (current.length === 0) base = r.y;
    current.push(r);
  }
  if (current.length > 0) lines.push(current);
  for (const l of lines) l.sort((a, b) => a.x - b.x);
  return lines;
}

/** Join the runs of one line: CJK letter spacing dropped, a wide gap kept as two spaces (a column break). */
export function joinRuns(runs: Run[], wideGap = 1.5): string {
  let out = '';
  let prev: Run | undefined;
  for (const r of runs) {
    if (prev) {
      const gap = r.x - (prev.x + prev.w);
      const em = Math.max(prev.size, r.size);
      const last = out[out.length - 1] ?? '';
      const first = r.text[0] ?? '';
      if (gap > wideGap * em) out += '  ';
      else if (!/\s$/.test(out) && !(CJK_CHAR.test(last) && CJK_CHAR.test(first))) {
        // Between a CJK character and a digit or letter, Word and LibreOffice add about a quarter em
        // (autospace: 第 3 社会, 2024 年度) where the text has no space.
        const cjkEdge = CJK_CHAR.test(last) || CJK_CHAR.test(first);
        if (gap > (cjkEdge ? 0.35 : 0.2) * em) out += ' ';
      }
    }
    out += collapseCjkSpaces(r.text);
    prev = r;
  }
  return out.replace(/\s+$/, '').replace(/^\s+/, '');
}

/** Text of a cell: its lines top to bottom, a wrapped name joined without a separator. */
function cellText(runs: Run[]): string {
  if (runs.length === 0) return '';
  const parts = groupLines(runs).map((l) => joinRuns(l, 1e9));
  let out = '';
  for (const p of parts) {
    if (out && !(CJK_CHAR.test(out[out.length - 1]!) || CJK_CHAR.test(p[0] ?? ''))) out += ' ';
    out += p;
  }
  return out.trim();
}

// ---------------------------------------------------------------------------------------------
// Rules → grids

interface HLine {
  y: number;
  x1: number;
  x2: number;
}
interface VLine {
  x: number;
  y1: number;
  y2: number;
}

function mergeH(lines: HLine[]): HLine[] {
  const sorted = [...lines].sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const out: HLine[] = [];
  for (const l of sorted) {
    const same = out.find((o) => Math.abs(o.y - l.y) <= TOL && l.x1 <= o.x2 + TOL && l.x2 >= o.x1 - TOL);
    if (same) {
      same.x1 = Math.min(same.x1, l.x1);
      same.x2 = Math.max(same.x2, l.x2);
    } else out.push({ ...l });
  }
  return out;
}

function mergeV(lines: VLine[]): VLine[] {
  const sorted = [...lines].sort((a, b) => a.x - b.x || a.y1 - b.y1);
  const out: VLine[] = [];
  for (const l of sorted) {
    const same = out.find((o) => Math.abs(o.x - l.x) <= TOL && l.y1 <= o.y2 + TOL && l.y2 >= o.y1 - TOL);
    if (same) {
      same.y1 = Math.min(same.y1, l.y1);
      same.y2 = Math.max(same.y2, l.y2);
    } else out.push({ ...l });
  }
  return out;
}

/** Cluster coordinates closer than TOL into one (their mean). */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

interface Grid {
  xs: number[];
  ys: number[];
  h: HLine[];
  v: VLine[];
}

/** Connected groups of ruling lines that form grids of at least one cell. */
export function findGrids(rules: Rule[]): Grid[] {
  const hs = mergeH(rules.filter((r) => Math.abs(r.y1 - r.y2) <= 0.5).map((r) => ({ y: r.y1, x1: Math.min(r.x1, r.x2), x2: Math.max(r.x1, r.x2) })).filter((l) => l.x2 - l.x1 > TOL));
  const vs = mergeV(rules.filter((r) => Math.abs(r.x1 - r.x2) <= 0.5).map((r) => ({ x: r.x1, y1: Math.min(r.y1, r.y2), y2: Math.max(r.y1, r.y2) })).filter((l) => l.y2 - l.y1 > TOL));
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (v.x >= h.x1 - TOL && v.x <= h.x2 + TOL && h.y >= v.y1 - TOL && h.y <= v.y2 + TOL) parent[find(i)] = find(hs.length + j);
    }),
  );
  const groups = new Map<number, { h: HLine[]; v: VLine[] }>();
  hs.forEach((h, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(h);
    groups.set(find(i), g);
  });
  vs.forEach((v, j) => {
    const g = groups.get(find(hs.length + j)) ?? { h: [], v: [] };
    g.v.push(v);
    groups.set(find(hs.length + j), g);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const xs = cluster(g.v.map((v) => v.x));
    const ys = cluster(g.h.map((h) => h.y));
    if (xs.length >= 2 && ys.length >= 2) grids.push({ xs, ys, h: g.h, v: g.v });
  }
  return grids.sort((a, b) => a.ys[0]! - b.ys[0]!);
}

/** Whether a line holds several cells: three pieces apart, or two with one an amount. */
function rowOfCells(line: Run[]): boolean {
  const pieces: string[] = [];
  let end = -Infinity;
  for (const run of [...line].sort((a, b) => a.x - b.x)) {
    // (A gap of two ems: wider than letter-spacing in `合 计`, narrower than between columns.)
    if (pieces.length === 0 || run.x - end > 2 * run.size) pieces.push(run.text.trim());
    else pieces[pieces.length - 1] += run.text.trim();
    end = Math.max(end, run.x + run.w);
  }
  return pieces.length >= 3 || (pieces.length === 2 && pieces.some((p) => MONEY.test(p)));
}

/**
 * Painted rectangles that look like a grid but do not rule a table's columns: a frame drawn round a
 * borderless table, a shaded header band — a one-column grid whose cell holds whole rows of the table
 * (several cells side by side, far apart). Taken as a grid it would make each such row one cell: it
 * is skipped, and its text laid out as a borderless table is.
 */
function isFrame(grid: Grid, runs: Run[]): boolean {
  if (grid.xs.length !== 2) return false;
  const [left, right] = [grid.xs[0]! - TOL, grid.xs[1]! + TOL];
  const [top, bottom] = [grid.ys[0]! - TOL, grid.ys[grid.ys.length - 1]! + TOL];
  const inside = runs.filter((r) => r.x >= left && r.x + r.w <= right && r.y >= top && r.y - r.size <= bottom);
  return inside.length >= 2 && groupLines(inside).some(rowOfCells);
}

function hasV(grid: Grid, x: number, y1: number, y2: number): boolean {
  const mid = (y1 + y2) / 2;
  return grid.v.some((v) => Math.abs(v.x - x) <= TOL && v.y1 <= mid && v.y2 >= mid);
}
function hasH(grid: Grid, y: number, x1: number, x2: number): boolean {
  const mid = (x1 + x2) / 2;
  return grid.h.some((h) => Math.abs(h.y - y) <= TOL && h.x1 <= mid && h.x2 >= mid);
}

/** Where a grid cell's text is printed (for a row of the grid that is a line of text, not a table row). */
const inkOf = new WeakMap<GridCell, { x: number; right: number; size: number }>();

/**
 * Rows of a ruled grid that are lines of text: a spreadsheet printed with its gridlines rules its
 * title, entity and unit rows above the table and its notes below as cells too. Leading rows of one
 * text across most of the width (or holding the 单位： line), and trailing rows from a 注/说明 row
 * on, each of one text, become lines; undefined when the grid keeps all its rows.
 */
function textRows(rows: GridCell[][]): { lead: number; trail: number } {
  const filled = (row: GridCell[]) => row.filter((c) => c.text !== '');
  const width = rows[0]?.length ?? 0;
  // (Up to the 单位：万元 line, the last line above a table: a section row under it, 一、政府采购情况, is the table's.)
  const unit = (c: GridCell) => /^(?:金额)?单位\s*[:：]\s*(?:人民币)?(?:万元|元|千元|亿元)$/.test(c.text.replace(/\s/g, ''));
  let lead = 0;
  for (let i = 0; i < rows.length - 1; i++) {
    const cells = filled(rows[i]!);
    const one = cells.length === 1 && ((cells[0]!.colSpan ?? 1) * 2 >= width || width === 1);
    if (!(one || cells.some(unit)) || cells.some((c) => MONEY.test(c.text.replace(/\s/g, '')))) break;
    if (cells.some(unit)) lead = i + 1;
  }
  let trail = rows.length;
  const last = rows.reduce((k, row, i) => (filled(row).length >= 2 ? i : k), -1);
  const note = rows.findIndex((row, i) => i > last && filled(row).length === 1 && NOTE_LINE.test(filled(row)[0]!.text));
  if (note > 0 && rows.slice(note).every((row) => filled(row).length <= 1)) trail = note;
  return { lead, trail };
}

/** The cells of a grid with their text; runs used are removed from `pool`. */
function gridCells(grid: Grid, pool: Set<Run>, page: number): GridCell[][] {
  const { xs, ys } = grid;
  const R = ys.length - 1;
  const C = xs.length - 1;
  // Merge cells where the rule between them is missing.
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !hasV(grid, xs[c + 1]!, ys[r]!, ys[r + 1]!)) parent[find(r * C + c + 1)] = find(r * C + c);
      if (r + 1 < R && !hasH(grid, ys[r + 1]!, xs[c]!, xs[c + 1]!)) parent[find((r + 1) * C + c)] = find(r * C + c);
    }
  }
  const spans = new Map<number, { r0: number; c0: number; r1: number; c1: number; runs: Run[] }>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const root = find(r * C + c);
      const s = spans.get(root);
      if (!s) spans.set(root, { r0: r, c0: c, r1: r, c1: c, runs: [] });
      else {
        s.r0 = Math.min(s.r0, r);
        s.c0 = Math.min(s.c0, c);
        s.r1 = Math.max(s.r1, r);
        s.c1 = Math.max(s.c1, c);
      }
    }
  }
  const colAt = (x: number) => {
    for (let c = 0; c < C; c++) if (x < xs[c + 1]!) return c;
    return C - 1;
  };
  const rowAt = (y: number) => {
    for (let r = 0; r < R; r++) if (y < ys[r + 1]!) return r;
    return R - 1;
  };
  const top = ys[0]!;
  const bottom = ys[R]!;
  const left = xs[0]!;
  const right = xs[C]!;
  for (const run0 of [...pool]) {
    const mid = run0.y - run0.size * 0.35;
    if (mid < top - 1 || mid > bottom + 1 || run0.x + run0.w < left || run0.x > right) continue;
    pool.delete(run0);
    // A run that crosses a column rule (two cells merged by the text extractor) is cut there.
    const pieces: Run[] = [];
    let run: Run | undefined = run0;
    for (let c = 1; c < C && run; c++) {
      const x = xs[c]!;
      if (run.x < x - 1 && run.x + run.w > x + 1) {
        const split = splitRunAt(run, x);
        if (split) {
          pieces.push(split[0]);
          run = split[1];
        }
      }
    }
    if (run) pieces.push(run);
    for (const p of pieces) {
      const cx = p.x + p.w / 2;
      const cell = spans.get(find(rowAt(mid) * C + colAt(cx)))!;
      cell.runs.push(p);
    }
  }
  const rows: GridCell[][] = Array.from({ length: R }, () => Array.from({ length: C }, (): GridCell => ({ text: '', covered: true })));
  for (const s of spans.values()) {
    const box: Box = { page, x: xs[s.c0]!, y: ys[s.r0]!, width: xs[s.c1 + 1]! - xs[s.c0]!, height: ys[s.r1 + 1]! - ys[s.r0]! };
    const rowSpan = s.r1 - s.r0 + 1;
    const colSpan = s.c1 - s.c0 + 1;
    for (let r = s.r0; r <= s.r1; r++) for (let c = s.c0; c <= s.c1; c++) rows[r]![c] = { text: '', covered: true, box };
    rows[s.r0]![s.c0] = { text: cellText(s.runs), ...(rowSpan > 1 ? { rowSpan } : {}), ...(colSpan > 1 ? { colSpan } : {}), box };
    if (s.runs.length > 0) {
      const size = Math.max(...s.runs.map((r) => r.size));
      inkOf.set(rows[s.r0]![s.c0]!, { x: Math.min(...s.runs.map((r) => r.x)), right: Math.max(...s.runs.map((r) => r.x + r.w)), size });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Tables without rules: columns from the x extents of the text chunks

const UNIT_LINE = /单位\s*[:：]/;
const NOTE_LINE = /^(?:注|说明|备注|数据来源|资料来源)/;
/** A sentence under a table (an empty-table note), never a row's label. */
const SENTENCE = /[。！]$|^本(?:表|单位|部门)|无发生额|无此项/;
/** An amount with decimals or thousands separators (not a 行次 or 栏次 number). */
// (Negative amounts printed with a minus or in parentheses, `(12.34)`.)
const MONEY = /^[-－−]?(?:\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+\.\d+)$|^\((?:\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+\.\d+)\)$/;
const AMOUNT = /^[-－−]?[\d,，]+(?:\.\d+)?$|^\([\d,，]+(?:\.\d+)?\)$|^[-—–]{1,2}$|^——$/;

interface Chunk {
  text: string;
  x1: number;
  x2: number;
  runs: Run[];
}

/** Split a line into chunks at gaps wider than `gap` ems. */
function chunks(line: Run[], gap = 0.6): Chunk[] {
  const out: Chunk[] = [];
  for (const r of line) {
    const last = out[out.length - 1];
    if (last && !last.runs[last.runs.length - 1]!.cut && r.x - last.x2 <= gap * r.size) {
      last.runs.push(r);
      last.x2 = Math.max(last.x2, r.x + r.w);
    } else out.push({ text: '', x1: r.x, x2: r.x + r.w, runs: [r] });
  }
  for (const c of out) c.text = joinRuns(c.runs, 1e9);
  return out.filter((c) => c.text !== '');
}

/**
 * A run pdf.js joined over the narrow padding between two cells of a table row — an amount
 * right-aligned in its cell, one space, the next cell's text (`2,039.29 一、一般公共服务支出`), as
 * spreadsheets print them — cut at every space next to an amount.
 */
function splitJoinedCells(run: Run): Run[] {
  if (!/\s/.test(run.text.trim())) return [run];
  const chars = [...run.text];
  const total = chars.reduce((s, c) => s + charEms(c), 0);
  const words = run.text.trim().split(/\s+/);
  const at = words.findIndex((w, i) => i > 0 && (MONEY.test(w) || MONEY.test(words[i - 1]!)));
  if (at < 0 || total === 0) return [run];
  // The space before the at-th word.
  let seen = 0;
  let index = -1;
  for (let i = 0, inWord = false; i < chars.length; i++) {
    const blank = /\s/.test(chars[i]!);
    if (blank && inWord && ++seen === at) {
      index = i;
      break;
    }
    inWord = !blank;
  }
  if (index < 0) return [run];
  const [left, right] = cutAtSpace(run, chars, index, total);
  return [left, ...splitJoinedCells(right)];
}

/** Leader dots of a table-of-contents entry (`第一部分 概况..... 1`): its page number is no amount. */
const LEADER = /(?:\.{3,}|…{2,}|·{3,})\s*$/;

/** A 栏次 row: column numbers 1, 2, 3 … (after a 栏次 label, or alone). */
function columnNumbers(cs: Chunk[]): boolean {
  const nums = cs.filter((c) => /^\d{1,2}$/.test(c.text.trim()));
  return nums.length >= 2 && (nums.length === cs.length || /^栏\s*次$/.test(cs[0]!.text.trim())) && nums.every((c, k) => k === 0 || Number(c.text) === Number(nums[k - 1]!.text) + 1);
}

/** A page number in the footer (`- 3 -`, `第3页`, `3/20`). */
const PAGE_NO = /^(?:[-—－–]?\d{1,4}[-—－–]?|第\d+页(?:[,，]?共\d+页)?|\d+\/\d+)$/;

function isDataLine(cs: Chunk[]): boolean {
  return cs.length >= 2 && cs.some((c) => AMOUNT.test(c.text.replace(/\s/g, ''))) && !cs.some((c) => LEADER.test(c.text));
}

function lineTop(line: Run[]): number {
  return Math.min(...line.map((r) => r.y - r.size * 0.88));
}
function lineBottom(line: Run[]): number {
  return Math.max(...line.map((r) => r.y + r.size * 0.12));
}

interface Frag {
  runs: Run[];
  line: number;
  col: number;
  /** Baseline. */
  y: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

/** What a column holds: text (names), money, small integers (行次, codes), or nothing seen. */
type Kind = 't' | 'm' | 'n' | 'e';
/** The kinds of the columns of a table part, by its bands array (the reader hands the array back as `carried`). */
const bandKinds = new WeakMap<[number, number][], Kind[]>();
/** The left edge of a table's text where bands were fitted to the part before (its first bands may be thin ones in a gap). */
const tableLeft = new WeakMap<[number, number][], number>();

function chunkKind(text: string): Kind {
  const t = text.replace(/\s/g, '');
  if (CJK_CHAR.test(t)) return 't';
  if (MONEY.test(t)) return 'm';
  if (/^\d+$/.test(t)) return 'n';
  return AMOUNT.test(t) ? 'm' : 't';
}

/** The most frequent kind of the chunks falling in each band. */
function kindsOf(bands: [number, number][], cs: Chunk[]): Kind[] {
  const counts = bands.map(() => new Map<Kind, number>());
  for (const c of cs) {
    const m = counts[bandOf(bands, c.x1, c.x2)]!;
    const k = chunkKind(c.text);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return counts.map(mostOf);
}

/** The most frequent kind (codes before names on a tie: a 合计 label sits in the code column). */
function mostOf(m: Map<Kind, number>): Kind {
  const order: Kind[] = ['m', 'n', 't'];
  return [...m.entries()].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))[0]?.[0] ?? 'e';
}

/**
 * A continuation without a header on the next page: its own columns (some of the table's columns
 * may be blank on this page, e.g. the left side of a two-sided table) matched in order to the
 * columns of the part before it by what they hold, so that the parts keep the same columns even
 * when the publisher laid the continuation out with other widths. Undefined when they do not fit.
 */
function alignToCarried(lineChunks: Chunk[][], carried: [number, number][], kinds: Kind[]): { bands: [number, number][]; kinds: Kind[] } | undefined {
  // (The body only: a repeated header's words are placed in the bands afterwards.)
  const all = lineChunks.slice(Math.max(0, lineChunks.findIndex((cs) => isDataLine(cs)))).flat().sort((a, b) => a.x1 - b.x1);
  const own: [number, number][] = [];
  for (const c of all) {
    const last = own[own.length - 1];
    if (last && c.x1 <= last[1] + 1) last[1] = Math.max(last[1], c.x2);
    else own.push([c.x1, c.x2]);
  }
  let ownKinds = kindsOf(own, all);
  // Code columns 类 | 款 | 项: a column blank in every row of the part before (no 项 code yet) has no
  // band there; here the code's pieces are read into the carried code columns, the first ones joined
  // (`205 03` | `03` reads as 2050303).
  const lead = (ks: Kind[]) => ks.findIndex((k) => k !== 'n');
  const ownLead = lead(ownKinds);
  const carriedLead = lead(kinds);
  if (carriedLead >= 1 && ownLead > carriedLead) {
    const extra = ownLead - carriedLead;
    own.splice(0, extra + 1, [own[0]![0], own[extra]![1]]);
    ownKinds = ownKinds.slice(extra);
  } else if (carriedLead < 1 && ownLead >= 2 && own.length > carried.length) {
    // (No code columns before, as under a header that ended the page: the code in one cell.)
    own.splice(0, ownLead, [own[0]![0], own[ownLead - 1]![1]]);
    ownKinds = ownKinds.slice(ownLead - 1);
  }
  const n = carried.length;
  const m = own.length;
  // (Columns numbered on the part before, also by where they reach and by their amounts alone.)
  const ways = [carried, ...(numberedReach.get(carried) ?? [])];
  if (m === 0 || m > n) return undefined;
  // Monotone matching of own columns into carried ones: kinds must agree (an empty carried column
  // takes anything at a small cost). Where the publisher kept the widths, own columns sit on the
  // carried ones; where the continuation is a table of its own, its blank columns shrank to their
  // padding: a gap between two own columns wider than the usual gap holds skipped columns.
  const span = Math.max(1, carried[n - 1]![1] - carried[0]![0]);
  const gaps = own.slice(1).map(([a], i) => a - own[i]![1]);
  const g0 = Math.max(2, Math.min(...gaps.filter((g) => g > 2), Infinity));
  const skippedHere = (i: number) => (Number.isFinite(g0) ? Math.max(0, Math.round((gaps[i - 1]! - g0) / g0)) : 0);
  const kindCost = (i: number, j: number) => {
    const kc = kinds[j] ?? 'e';
    const ko = ownKinds[i]!;
    if (kc === ko) return 0;
    if (kc === 'e') return 0.2;
    // (Codes and names share columns in places: a 合计 label in the code column, a code before its name.)
    return (kc === 'n' && ko === 'm') || (kc === 'm' && ko === 'n') ? 3 : kc === 'm' || ko === 'm' ? 10 : 2;
  };
  // (A column sits where the one before it did by its left edge, its right edge or its centre: names
  // are left-aligned, where a centred header word alone may have set the next band's centre.)
  // (Once for every pair: the matching below asks for each many times.)
  const distances = own.map(([a, b]) =>
    carried.map((_, j) => {
      let best = Infinity;
      for (const w of ways) {
        const [c, d] = w[j]!;
        best = Math.min(best, Math.abs(a - c), Math.abs(b - d), Math.abs((a + b - c - d) / 2));
      }
      return best / span;
    }),
  );
  const dist = (i: number, j: number) => distances[i]![j]!;
  // A continuation laid out as a table of its own starts at the table's left edge too, its blank
  // leading columns shrunk to their padding, one usual gap each: that many carried columns are
  // skipped before its first one (when the offset is a whole number of gaps).
  const edge = tableLeft.get(carried) ?? carried[0]![0];
  const gapsBefore = Number.isFinite(g0) ? (own[0]![0] - edge) / g0 : NaN;
  const lead0 = gapsBefore > -0.5 && Math.abs(gapsBefore - Math.round(gapsBefore)) < 0.25 ? Math.min(n - m, Math.max(0, Math.round(gapsBefore))) : undefined;
  const solve = (posWeight: number, stepWeight: number): { at: number[]; cost: number } => {
    const cost = (i: number, j: number) => kindCost(i, j) + posWeight * dist(i, j);
    const f = Array.from({ length: m }, () => new Array<number>(n).fill(Infinity));
    const from = Array.from({ length: m }, () => new Array<number>(n).fill(-1));
    for (let j = 0; j < n; j++) f[0]![j] = cost(0, j) + (lead0 !== undefined ? stepWeight * Math.abs(j - lead0) : 0);
    for (let i = 1; i < m; i++) {
      for (let j = i; j < n; j++) {
        for (let jp = i - 1; jp < j; jp++) {
          const v = f[i - 1]![jp]! + stepWeight * Math.abs(j - jp - 1 - skippedHere(i)) + cost(i, j);
          if (v < f[i]![j]!) {
            f[i]![j] = v;
            from[i]![j] = jp;
          }
        }
      }
    }
    let end = m - 1;
    for (let j = m - 1; j < n; j++) if (f[m - 1]![j]! < f[m - 1]![end]!) end = j;
    const at = new Array<number>(m);
    for (let i = m - 1, j = end; i >= 0; i--) {
      at[i] = j;
      j = from[i]![j]!;
    }
    return { at, cost: f[m - 1]![end]! };
  };
  // Same widths: every own column lies on the carried column it is matched to.
  let best = solve(1, 0);
  // (Amounts sit on their column the same way on both pages: left, right or centre aligned, one of
  // the edges or the centre at the same x. A continuation of its own with narrower columns may
  // overlap the carried ones by chance, its left edges drifting from column to column.)
  const aligned = (i: number, j: number) => {
    const [a, b] = own[i]!;
    return kinds[j] !== 'm' || ways.map((w) => w[j]!).some(([c, d]) => Math.abs(a - c) <= 2 || Math.abs(b - d) <= 2 || Math.abs(a + b - c - d) <= 4);
  };
  // (With the same widths a column stays inside its cell: it reaches into no other column that held
  // text before — a band of header words only, or a thin one put in a gap, tells nothing.)
  const crosses = (i: number, j: number) =>
    carried.some(([c, d], k) => k !== j && kinds[k] !== 'e' && d - c > 2.5 && Math.min(own[i]![1], d) - Math.max(own[i]![0], c) > 1);
  const onIt = (i: number, j: number) =>
    aligned(i, j) &&
    ways.map((w) => w[j]!).some(([c, d]) => Math.min(own[i]![1], d) - Math.max(own[i]![0], c) >= 0.6 * Math.min(own[i]![1] - own[i]![0], d - c)) &&
    !crosses(i, j);
  // (Code columns excepted: their pieces may have been joined above.)
  const codes = carriedLead >= 1 ? Math.max(0, lead(ownKinds)) : 0;
  // (The first column off the one it was matched to, where the offset says columns were skipped, is
  // a continuation of its own that happens to overlap the carried columns.)
  const shrunk = lead0 !== undefined && best.at[0] !== lead0 && !onIt(0, best.at[0]!);
  if (shrunk || !best.at.every((j, i) => i < codes || onIt(i, j))) best = solve(0.1, 0.3);
  if (best.cost >= 10) return undefined;
  const at = best.at;
  // Carried columns without text here get a thin band in the gap where they belong.
  const bands: [number, number][] = new Array(n);
  const out: Kind[] = [...kinds];
  at.forEach((j, i) => {
    bands[j] = own[i]!;
    if (ownKinds[i] !== 'e') out[j] = ownKinds[i]!;
  });
  for (let j = 0; j < n; j++) {
    if (bands[j]) continue;
    let a = j;
    while (a > 0 && !bands[a - 1]) a--;
    let b = j;
    while (b + 1 < n && !bands[b + 1]) b++;
    const left = a > 0 ? bands[a - 1]![1] : (bands[b + 1]?.[0] ?? 0) - 4 * (b - a + 1) - 2;
    const right = b + 1 < n ? bands[b + 1]![0] : left + 4 * (b - a + 1) + 2;
    const step = (right - left) / (b - a + 2);
    for (let k = a; k <= b; k++) {
      const x = left + step * (k - a + 1);
      bands[k] = [x - Math.min(1, step / 4), x + Math.min(1, step / 4)];
    }
  }
  return { bands, kinds: out };
}

/** Column bands of a table without rules: merged x extents of the chunks of its data lines. */
function columnBands(lineChunks: Chunk[][], carried?: [number, number][], top = false): [number, number][] {
  // (The table's left edge: where its leftmost text starts, on this part or the ones it continues.)
  const leftmost = Math.min(...lineChunks.flat().map((c) => c.x1));
  const withLeft = (bands: [number, number][], inherited?: number) => {
    const left = Math.min(leftmost, inherited ?? Infinity);
    if (Number.isFinite(left)) tableLeft.set(bands, left);
    return bands;
  };
  const carriedKinds = carried && bandKinds.get(carried);
  const headed = lineChunks.length > 0 && !isDataLine(lineChunks[0]!);
  if (carried && carriedKinds && lineChunks.length > 0 && (!headed || top)) {
    // (Under a repeated header, its words name every column: its own columns are kept when they
    // are as many as before.)
    const own = headed ? ownBands(lineChunks, carried) : undefined;
    if (own && own.length === carried.length) return withLeft(own);
    const fit = alignToCarried(lineChunks, carried, carriedKinds);
    if (fit) {
      bandKinds.set(fit.bands, fit.kinds);
      return withLeft(fit.bands, tableLeft.get(carried) ?? carried[0]![0]);
    }
    if (own) return withLeft(own);
  }
  return withLeft(ownBands(lineChunks, carried));
}

/**
 * A spreadsheet's amounts are right-aligned in their cells: a column of them ends where its cell
 * ends, and its cell begins where the column before it ends (Excel prints no padding to speak of).
 * Such a band is widened to the left up to the band before it, so that its heading, centred in the
 * cell over short amounts, and the lines of a heading wrapped in a narrow cell (`一般公共预算财政拨`
 * / `款`) fall in it instead of making columns of their own. A heading in that gap beside another
 * on the same header line (or a second 栏次 number there) is a column blank in every row: the band
 * stops short of it. The first band of amounts, with no band before it, takes the width of the next
 * cell when a header stands over it. Only parts with header lines: a continuation keeps its bands.
 */
function widenRightAligned(merged: [number, number][], data: Chunk[], lineChunks: Chunk[][]): Map<[number, number], [number, number]> {
  const wide = new Map<[number, number], [number, number]>();
  const first = lineChunks.findIndex((cs) => isDataLine(cs));
  if (first <= 0) return wide;
  const header = lineChunks.slice(0, first);
  const numbers = lineChunks.find(columnNumbers)?.filter((c) => /^\d{1,2}$/.test(c.text.trim())) ?? [];
  const rightAligned = merged.map(([a, b]) => {
    const inside = data.filter((c) => c.x1 >= a - 1 && c.x2 <= b + 1);
    if (inside.length === 0 || !inside.every((c) => AMOUNT.test(c.text.replace(/\s/g, ''))) || !inside.some((c) => MONEY.test(c.text.replace(/\s/g, '')))) return false;
    const rights = inside.map((c) => c.x2);
    if (Math.max(...rights) - Math.min(...rights) > 1.5) return false;
    // (Right edges in line and left edges not: right-aligned. Amounts all as wide, one row of them:
    // only a 栏次 number centred over them, not on their left edge, tells.)
    const lefts = inside.map((c) => c.x1);
    if (Math.max(...lefts) - Math.min(...lefts) > 1.5) return true;
    const num = numbers.filter((c) => c.x2 > a - 2 * (b - a) && c.x1 < b).pop();
    return num !== undefined && Math.abs(num.x1 - a) > 1 && (num.x1 + num.x2) / 2 < b - 1;
  });
  const original = merged.map(([a, b]): [number, number] => [a, b]);
  for (let k = 0; k < merged.length; k++) {
    if (!rightAligned[k]) continue;
    const [a, b] = original[k]!;
    const prev = k > 0 ? original[k - 1]![1] + 1 : -Infinity;
    // (The 栏次 number is centred in the cell: the cell is as wide on its left as on its right.)
    const own = numbers.filter((c) => c.x1 >= prev - 1 && c.x2 <= b + 1);
    const size = own[0]?.runs[0]?.size ?? data[0]?.runs[0]?.size ?? 10;
    let lo: number;
    // (The last one: a number further left is a blank column's.)
    const mine = own[own.length - 1];
    if (mine) lo = Math.max(prev, mine.x1 + mine.x2 - b - 0.5 * size);
    else if (k > 0 && !rightAligned[k - 1] && data.some((c) => c.x1 >= original[k - 1]![0] - 1 && c.x2 <= original[k - 1]![1] + 1 && chunkKind(c.text) === 't'))
      // (Left-aligned names before it: where one cell ends and the next begins is anyone's guess.)
      lo = (prev + a) / 2;
    else if (k > 0) lo = prev;
    else if (merged.length > 1 && rightAligned[1]) lo = b - (original[1]![1] - b) + 1;
    else continue;
    // (Nor into the heading of the column before, wider than its centred 行次 numbers.)
    if (k > 0) {
      const [pa, pb] = original[k - 1]!;
      for (const cs of header) for (const c of cs) if (c.x2 > pa && c.x1 < pb && c.x2 < a) lo = Math.max(lo, c.x2 + 0.5);
    }
    if (lo >= a) continue;
    // (A blank column's heading in the gap: beside another heading of this cell on its line.)
    for (const cs of header) {
      const inGap = cs.filter((c) => c.x1 >= lo - 1 && c.x2 <= a);
      const own = cs.filter((c) => c.x2 > a && c.x1 < b);
      if (inGap.length > 0 && (own.length > 0 || inGap.length >= 2)) {
        const edge = own.length > 0 ? Math.max(...inGap.map((c) => c.x2)) : Math.max(...inGap.slice(0, -1).map((c) => c.x2));
        lo = Math.max(lo, edge + 1);
      }
    }
    if (lo >= a) continue;
    if (k === 0 && !header.some((cs) => cs.some((c) => c.x1 >= lo - 1 && c.x2 <= b + 1))) continue;
    wide.set(merged[k]!, [Math.min(a, lo), b]);
  }
  return wide;
}

/** Columns placed by their 栏次 numbers (numberedBands). */
interface Numbered {
  bands: [number, number][];
  /** Amounts placed by the numbers. */
  held: Set<Chunk>;
  /** Each band, a blank column's reaching right to the next text. */
  reach: [number, number][];
  /** Whether the band is a column of its own (not a blank one among dashes). */
  kept: boolean[];
  /** Whether the band holds amounts (or the part has none: header rows alone). */
  filled: boolean[];
  /** Placed by the header's labels, without a 栏次 line: each band of amounts holds its heading. */
  labelled: boolean;
}

/**
 * Other extents of the columns of a part whose amounts were placed by 栏次 numbers, by its bands
 * array: where a column blank on it reaches (its amounts on the next page end at the column's right,
 * far from the number), and the amounts' own extents. A continuation is matched to any of them.
 */
const numberedReach = new WeakMap<[number, number][], [number, number][][]>();

/** Whether a piece is an amount with decimals or separators (asked of a piece many times: kept). */
const moneyOf = new WeakMap<Chunk, boolean>();
function isMoney(c: Chunk): boolean {
  let m = moneyOf.get(c);
  if (m === undefined) moneyOf.set(c, (m = MONEY.test(c.text.replace(/\s/g, ''))));
  return m;
}

/**
 * Without a 栏次 line, the header's labels stand in for its numbers: a label is printed in its cell
 * (at its left edge, centred or right), as a number is. The lowest label of each column: lines read
 * bottom up, a label starting where a lower one starts (`合计` under `预算数`) or lying over one (a
 * group heading over its sub-headings) adds none.
 */
function headerLabels(lines: Chunk[][]): Chunk[] {
  const labels: Chunk[] = [];
  // (Header lines only: words in columns, right above the amounts. Not a section row or a row of
  // blank amounts, `二、机关运行经费`, `（一）行政单位  5`.)
  for (const cs of [...lines].reverse()) {
    if (cs.length < 2 || cs.some((c) => AMOUNT.test(c.text.replace(/\s/g, '')))) break;
    for (const c of cs) if (!labels.some((d) => Math.abs(d.x1 - c.x1) <= 1 || Math.min(d.x2, c.x2) - Math.max(d.x1, c.x1) > 0)) labels.push(c);
  }
  return labels.sort((a, b) => a.x1 - b.x1);
}

/**
 * Amount columns by the 栏次 numbers above them. A spreadsheet printed without lines keeps its
 * alignment: numbers (stored as text) and headings at the left of their cells, or centred, amounts at
 * the right. In a wide column an amount then stands nearer the next column's number than its own,
 * and its extent says nothing of its cell. But an amount never passes its cell's right edge, and a
 * number, however aligned, starts inside its cell: an amount is in the column of the rightmost number
 * starting at or left of its right end. Each numbered column's band holds its number and its amounts.
 * Undefined without a 栏次 line above the first row of amounts, or when two amounts of one line fall
 * under one number (a column without a number: the numbers do not say the columns).
 */
function numberedBands(lineChunks: Chunk[][], amounts: Chunk[][]): Numbered | undefined {
  // (A part of header rows only, its rows on the next page: the numbers say where those columns are.)
  const first = amounts.length > 0 ? lineChunks.indexOf(amounts[0]!) : lineChunks.length;
  if (first <= 0) return undefined;
  const line = lineChunks.slice(0, first).reverse().find(columnNumbers);
  const numbers = line?.filter((c) => /^\d{1,2}$/.test(c.text.trim())) ?? headerLabels(lineChunks.slice(0, first));
  if (!numbers || numbers.length < 2) return undefined;
  const bands = numbers.map((c): [number, number] => [c.x1, c.x2]);
  const held = new Set<Chunk>();
  const got = numbers.map(() => false);
  for (const cs of amounts) {
    const used = new Set<number>();
    for (const c of cs) {
      if (!isMoney(c)) continue;
      let k = numbers.length - 1;
      while (k >= 0 && numbers[k]!.x1 > c.x2 + 0.5) k--;
      if (k < 0) continue;
      if (used.has(k)) return undefined;
      used.add(k);
      held.add(c);
      got[k] = true;
      bands[k] = [Math.min(bands[k]![0], c.x1), Math.max(bands[k]![1], c.x2)];
    }
  }
  // (Bands of neighbouring cells never overlap: if they do, the numbers are not over the cells.)
  if (bands.some((b, i) => i > 0 && b[0] < bands[i - 1]![1])) return undefined;
  // A column blank on this part reaches right up to the next text on the lines (the last one to the
  // header's right end): its amounts on the next page end there.
  const all = [...lineChunks.slice(0, first).flat(), ...amounts.flat()];
  const right = Math.max(...lineChunks.slice(0, first).flat().map((c) => c.x2), ...bands.map((b) => b[1]));
  // (A column label may be wider than its amounts: a band holding amounts is filled all the same.)
  const filled = bands.map(([a, b], k) => held.size === 0 || got[k]! || b - a > numbers[k]!.x2 - numbers[k]!.x1 + 0.5);
  const reach = bands.map(([a, b], k): [number, number] => {
    if (held.size > 0 && filled[k]) return [a, b];
    const next = Math.min(...all.filter((c) => c.x1 > b + 0.5).map((c) => c.x1), k + 1 < bands.length ? bands[k + 1]![0] : right + 1);
    return [a, Math.max(b, next - 1)];
  });
  // (A blank column with a dash or other mark about it, between the last column's amounts and the
  // next number, is left to its heading and dashes as without numbers: a dash may stand at either
  // side of its cell. A blank column with nothing about it keeps its number.)
  const others = amounts.flat().filter((c) => !held.has(c));
  const kept = bands.map(([a, b], k) => {
    if (filled[k]) return true;
    // (A label over no amounts may head a column of names or 行次 numbers, short on this part:
    // left to the header's words.)
    if (!line) return false;
    const lo = k > 0 ? bands[k - 1]![1] : a;
    const hi = k + 1 < bands.length ? numbers[k + 1]!.x1 : Infinity;
    return !others.some((c) => c.x2 > lo && c.x1 < hi);
  });
  return { bands, held, reach, kept, filled, labelled: !line };
}

/**
 * A header line naming every column, one heading per band of the data under it (`经济分类科目编码 |
 * 科目名称 | 金额 | …`), its headings centred in wide cells: a code or name left-aligned in its cell
 * ends before its heading starts, an amount right-aligned starts after its heading ends. Each
 * heading, in order, belongs to its band: the band is widened over it, instead of the heading making
 * a column of its own. Only when every heading lies on its band or in the gap on the side its data
 * is aligned to (left of amounts, right of texts), touching no other band.
 */
function headingsOverBands(merged: [number, number][], lineChunks: Chunk[][], amounts: Chunk[][]): void {
  const first = amounts.length > 0 ? lineChunks.indexOf(amounts[0]!) : -1;
  const heads = first > 0 ? lineChunks[first - 1]! : undefined;
  if (!heads || heads.length < 3 || heads.length !== merged.length || columnNumbers(heads) || heads.some((c) => AMOUNT.test(c.text.replace(/\s/g, '')))) return;
  const inBand = ([a, b]: [number, number], c: Chunk) => c.x1 >= a - 1 && c.x2 <= b + 1;
  const money = merged.map((band) => {
    const inside = amounts.flat().filter((c) => inBand(band, c));
    return inside.length > 0 && inside.every((c) => AMOUNT.test(c.text.replace(/\s/g, '')) && !/^\d+$/.test(c.text.trim()));
  });
  const overlaps = ([a, b]: [number, number], c: Chunk) => Math.min(b, c.x2) - Math.max(a, c.x1) > 0;
  const fits = heads.every((c, k) => {
    const [a, b] = merged[k]!;
    if (merged.some((band, j) => j !== k && overlaps(band, c))) return false;
    if (c.x1 < b && c.x2 > a) return true;
    // (Left of its band: a band of amounts, the band before ending before the heading.)
    if (c.x2 <= a) return money[k]! && (k === 0 || merged[k - 1]![1] < c.x1);
    return !money[k] && (k + 1 === merged.length || merged[k + 1]![0] > c.x2);
  });
  if (!fits) return;
  heads.forEach((c, k) => {
    merged[k] = [Math.min(merged[k]![0], c.x1), Math.max(merged[k]![1], c.x2)];
  });
}

/**
 * The bands of the data lines' chunks: those that overlap merged (an amount and a name only when
 * they overlap, not when they touch), the amounts under 栏次 numbers in their numbered columns.
 */
function dataBands(lines: Chunk[][], anchored?: Numbered): { merged: [number, number][]; blank: [number, number][] } {
  const cols: [number, number, Kind][] = [];
  for (const cs of lines) for (const c of cs) if (!anchored?.held.has(c)) cols.push([c.x1, c.x2, chunkKind(c.text)]);
  cols.sort((a, b) => a[0] - b[0]);
  // (A column blank here is left to its heading and dashes, as without numbers: a dash may be
  // aligned left or right in its cell. Unless no amounts at all, header rows alone.)
  const ks = (anchored?.bands ?? []).map((_, k) => k).filter((k) => anchored!.kept[k]);
  const numbered = ks.map((k): [number, number] => [...anchored!.bands[k]!]);
  const merged: [number, number][] = [];
  let lastKind: Kind = 'e';
  for (const [a, b, kind] of cols) {
    // (A piece inside a numbered column — a dash, a blank-zero mark — is that column's.)
    const own = numbered.find(([x, y]) => Math.min(b, y) - Math.max(a, x) > 0 && a >= x - 1);
    if (own) {
      own[0] = Math.min(own[0], a);
      own[1] = Math.max(own[1], b);
      continue;
    }
    const last = merged[merged.length - 1];
    // (An amount right-aligned in its cell and a name left-aligned in the next touch when the
    // spreadsheet prints small: they only merge when they overlap.)
    const touch = (lastKind === 'm') !== (kind === 'm') && kind !== 'e' ? -0.3 : 1;
    if (last && a <= last[1] + touch) {
      last[1] = Math.max(last[1], b);
      if (lastKind !== kind) lastKind = 'e';
    } else {
      merged.push([a, b]);
      lastKind = kind;
    }
  }
  if (!anchored) return { merged, blank: [] };
  // (Other pieces reaching into a numbered column: the numbers do not say the columns after all.)
  if (merged.some(([a, b]) => numbered.some(([x, y]) => Math.min(b, y) - Math.max(a, x) > 0))) return dataBands(lines);
  // (Blank columns come after the data's, as the header words of columns blank here do.)
  const filled = numbered.filter((_, i) => anchored.filled[ks[i]!]);
  return { merged: [...merged, ...filled].sort((a, b) => a[0] - b[0]), blank: numbered.filter((_, i) => !anchored.filled[ks[i]!]) };
}

/** Column bands from a part's own lines: data lines' chunks, and header words over blank columns. */
function ownBands(lineChunks: Chunk[][], carried?: [number, number][]): [number, number][] {
  // Lines with real amounts set the columns; a 栏次 row's centred numbers (over right-aligned
  // amounts) would make columns of their own.
  const amounts = lineChunks.filter((cs) => isDataLine(cs) && cs.some(isMoney));
  const numbered = numberedBands(lineChunks, amounts);
  const { merged, blank } = dataBands(amounts.length > 0 ? amounts : lineChunks.filter(isDataLine), numbered);
  joinLeftDashes(merged, amounts);
  headingsOverBands(merged, lineChunks, amounts);
  // Columns empty in every data line (the left side of a two-sided table continued on the next
  // page) still have header words: narrowest first, a header chunk clear of all bands adds one.
  // (Not a header word in the gap right of a column of left-aligned names: a heading centred over
  // the name column reaches past names shorter than the column. That column is widened instead.)
  const data = (amounts.length > 0 ? amounts : lineChunks.filter(isDataLine)).flat();
  // (Widened for the header's words only: a long name left-aligned in its cell may reach into the gap.)
  // (Not under labels: a band of amounts already reaches over its heading, and widened it would
  // take in the heading of a blank column before it.)
  const wide = numbered?.labelled ? new Map<[number, number], [number, number]>() : widenRightAligned(merged, data, lineChunks);
  const reach = (band: [number, number]) => wide.get(band) ?? band;
  const textBand = merged.map(([a, b]) => {
    const inside = data.filter((c) => c.x1 >= a - 1 && c.x2 <= b + 1);
    return inside.length > 0 && inside.filter((c) => !AMOUNT.test(c.text.replace(/\s/g, ''))).length * 2 > inside.length;
  });
  const first = lineChunks.findIndex((cs) => isDataLine(cs));
  // (A part without data lines — header rows at the foot of a page, a last row alone on the next —
  // has its columns from its words.)
  const headEnd = first < 0 ? lineChunks.length : first;
  const header = lineChunks.slice(0, headEnd).flat().sort((a, b) => a.x2 - a.x1 - (b.x2 - b.x1));
  // (Header rows of several words; a line of one piece above the first row may be a wrapped name.)
  const inRow = new Set(lineChunks.slice(0, headEnd).filter((cs) => cs.length >= 2).flat());
  const fromData = merged.length;
  merged.push(...blank);
  textBand.push(...blank.map(() => false));
  for (const c of header) {
    const hit = merged.map(reach).map(([a, b], k) => (Math.min(b, c.x2) - Math.max(a, c.x1) > -1 ? k : -1)).filter((k) => k >= 0);
    if (hit.length === 1 && hit[0]! >= fromData) {
      // (The wider line of a blank column's heading stacked over lines, `一般公共预算财政` over
      // `拨款`: the column is as wide as its widest line, unless that reaches another column.)
      const k = hit[0]!;
      const wide: [number, number] = [Math.min(merged[k]![0], c.x1), Math.max(merged[k]![1], c.x2)];
      if (!merged.some(([a, b], i) => i !== k && Math.min(b, wide[1]) - Math.max(a, wide[0]) > -1)) merged[k] = wide;
      continue;
    }
    if (hit.length > 0) continue;
    // (A group heading, `收入` over 项目 | 行次 | 金额, on a header line above another: centred over
    // several of the data's columns.)
    const at = lineChunks.indexOf(lineChunks.find((cs) => cs.includes(c)) ?? []);
    const em = c.runs[0]?.size ?? 10;
    if (at >= 0 && at < headEnd - 1 && lineChunks[at]!.length >= 2 && lineChunks[at]!.length < lineChunks[at + 1]!.length) {
      const own = merged.slice(0, fromData).sort((p, q) => p[0] - q[0]);
      // (With two sub-headings or more under it on the next line, a line of more pieces than its
      // own: a column's heading may be centred over several columns by chance.)
      const below = lineChunks[at + 1] ?? [];
      const group = own.some(([a], i) => own.some(([, b], j) => j > i && a < c.x1 && b > c.x2 && Math.abs((a + b) / 2 - (c.x1 + c.x2) / 2) <= 0.5 * em && below.filter((d) => d.x1 >= a - em && d.x2 <= b + em).length >= 2));
      if (group) continue;
    }
    const left = merged.reduce((best, [, b], k) => (b < c.x1 && (best < 0 || b > merged[best]![1]) ? k : best), -1);
    // (Centred over the name column: the column it is centred in ends before the next band starts;
    // the heading of a column blank on this page is centred further right.)
    const next = Math.min(...merged.map(([a]) => a).filter((a) => a > c.x2));
    const centredOver = left >= 0 && c.x1 + c.x2 - merged[left]![0] <= next + 6;
    if (amounts.length >= 3 && Number.isFinite(next) && centredOver && textBand[left] && inRow.has(c)) {
      merged[left]![1] = c.x2;
      continue;
    }
    // (Nor the last line of a header cell wrapped over lines, centred under its wider first line
    // that lies over a column: `一般公共预算财政拨` / `款`.)
    const mid = (c.x1 + c.x2) / 2;
    // (Not the sub-headings of a group heading: several under it on their line.)
    const under = (d: Chunk) => (lineChunks.find((cs) => cs.includes(c)) ?? []).filter((e) => e.x1 < d.x2 && e.x2 > d.x1).length;
    const tail = header.some((d) => d !== c && d.x2 - d.x1 > 1.5 * (c.x2 - c.x1) && Math.abs((d.x1 + d.x2) / 2 - mid) < 0.15 * (d.x2 - d.x1) && merged.some(([a, b]) => Math.min(b, d.x2) - Math.max(a, d.x1) > 0) && under(d) < 2);
    if (tail) continue;
    // (Nor a heading centred in a wide spreadsheet column over short amounts aligned right: the
    // band of amounts to its right has no heading of its own, and reaches left to it.)
    const k = merged.reduce((best, [a], i) => (a > c.x2 && (best < 0 || a < merged[best]![0]) ? i : best), -1);
    if (k >= 0 && !textBand[k] && amounts.length >= 2 && merged[k]![0] - c.x2 < 2 * (c.x2 - c.x1) && !header.some((d) => Math.min(merged[k]![1], d.x2) - Math.max(merged[k]![0], d.x1) > 0)) {
      merged[k]![0] = c.x1;
      continue;
    }
    merged.push([c.x1, c.x2]);
    textBand.push(false);
  }
  // A continuation without a header on the next page: the columns of the part before it.
  if (first === 0 && carried) for (const [a, b] of carried) if (!merged.some(([x, y]) => Math.min(b, y) - Math.max(a, x) > -1)) merged.push([a, b]);
  const sorted = merged.sort((a, b) => a[0] - b[0]);
  joinDashesToHeadings(sorted, data, lineChunks.slice(0, headEnd).flat(), wide);
  // (Widened or not, a band keeps its order: the widening stops at the band before.)
  if (wide.size > 0) headerReach.set(sorted, sorted.map((band) => [...reach(band)] as [number, number]));
  if (numbered) {
    const far = sorted.map(([a, b], k): [number, number] => {
      const end = Math.max(b, ...numbered.bands.flatMap(([x, y], j) => (Math.min(b, y) - Math.max(a, x) > 0 ? [numbered.reach[j]![1]] : [])));
      return [a, Math.min(end, (sorted[k + 1]?.[0] ?? Infinity) - 1)];
    });
    // (And a column of amounts by its amounts alone, without its number: a continuation laid out
    // with other widths keeps the amounts' alignment, not the number's place.)
    const held = [...numbered.held];
    const own = sorted.map(([a, b]): [number, number] => {
      const inside = held.filter((c) => c.x1 >= a - 0.5 && c.x2 <= b + 0.5);
      return inside.length > 0 ? [Math.min(...inside.map((c) => c.x1)), Math.max(...inside.map((c) => c.x2))] : [a, b];
    });
    numberedReach.set(sorted, [far, own]);
  }
  return sorted;
}

const DASH = /^[-—–－]{1,2}$/;

/**
 * Excel prints a zero typed as text, `-`, at the left of its cell while the column's amounts are
 * right-aligned (some Word tables too): the dashes make a band of their own left of the amounts'.
 * A band of nothing but dashes, never on a line with the next band's amounts, that next band
 * right-aligned (its amounts end at one edge), is that column's left part: the two are one band.
 */
function joinLeftDashes(merged: [number, number][], lines: Chunk[][]): void {
  const inBand = ([a, b]: [number, number], c: Chunk) => c.x1 >= a - 1 && c.x2 <= b + 1;
  for (let k = merged.length - 2; k >= 0; k--) {
    const band = merged[k]!;
    const next = merged[k + 1]!;
    const own = lines.flat().filter((c) => inBand(band, c));
    if (own.length === 0 || !own.every((c) => DASH.test(c.text.replace(/\s/g, '')))) continue;
    const theirs = lines.flat().filter((c) => inBand(next, c) && MONEY.test(c.text.replace(/\s/g, '')));
    if (theirs.length === 0) continue;
    const right = Math.max(...theirs.map((c) => c.x2));
    if (!theirs.every((c) => right - c.x2 <= 1.5)) continue;
    if (lines.some((cs) => cs.some((c) => inBand(band, c)) && cs.some((c) => inBand(next, c)))) continue;
    next[0] = band[0];
    merged.splice(k, 1);
  }
}

/**
 * A column of nothing but left-aligned dashes on this page (its amounts on other pages): its
 * heading, centred in the cell, made a band of its own just right of the dashes, with no data.
 * The two are one column.
 */
function joinDashesToHeadings(sorted: [number, number][], data: Chunk[], header: Chunk[], wide: Map<[number, number], [number, number]>): void {
  const inBand = ([a, b]: [number, number], c: Chunk) => Math.min(b, c.x2) - Math.max(a, c.x1) > -1;
  for (let k = sorted.length - 2; k >= 0; k--) {
    const band = sorted[k]!;
    const next = sorted[k + 1]!;
    const own = data.filter((c) => inBand(band, c));
    if (own.length === 0 || !own.every((c) => DASH.test(c.text.replace(/\s/g, '')))) continue;
    // (The heading's wider first line may reach over the dashes; its other lines and the 栏次 number made the band.)
    // (A 栏次 number counts as heading: with no amounts on the page, the 栏次 line is among the data lines.)
    if (data.some((c) => inBand(next, c) && !/^\d{1,3}$/.test(c.text.trim())) || !(header.some((c) => inBand(next, c)) || data.some((c) => inBand(next, c)))) continue;
    next[0] = band[0];
    const reach = wide.get(next);
    if (reach) reach[0] = Math.min(reach[0], band[0]);
    sorted.splice(k, 1);
  }
}

/** The extents of a part's bands for its header words (amount bands widened to their cells), by its bands array. */
const headerReach = new WeakMap<[number, number][], [number, number][]>();

/**
 * The band a piece of text falls in: the one it overlaps most, else the one whose reach (to the
 * middle of the gaps on either side) holds its centre. A header over several bands goes to the first.
 */
function bandOf(bands: [number, number][], x1: number, x2: number, header = false): number {
  if (header) {
    const covered = bands.map(([a, b], k) => (Math.min(b, x2) - Math.max(a, x1) >= 0.5 * (b - a) ? k : -1)).filter((k) => k >= 0);
    if (covered.length >= 2) return covered[0]!;
  }
  let best = -1;
  let bestOverlap = 0;
  bands.forEach(([a, b], k) => {
    const overlap = Math.min(b, x2) - Math.max(a, x1);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = k;
    }
  });
  if (best >= 0 && !header) return best;
  const mid = (x1 + x2) / 2;
  for (let k = 0; k < bands.length - 1; k++) if (mid < (bands[k]![1] + bands[k + 1]![0]) / 2) return k;
  return bands.length - 1;
}

/**
 * A table region of lines without rules, as rows of cells. Columns come from the data lines
 * (lines with amounts); each column's text pieces are grouped into cells by line pitch: lines of
 * one wrapped cell sit one line height apart, rows a line height plus padding. A cell's lines
 * belong to the data line within their vertical span (a vertically centred name puts its amounts
 * on a middle line, a top-aligned one on its first). Header lines above the first data line are
 * grouped the same way, stacked words of one column becoming one header cell.
 */
function clusterTable(lines: Run[][], page: number, carried?: [number, number][], top = false, headerOnly = false, empty = false): { rows: GridCell[][]; bands: [number, number][] } {
  const lineChunks = lines.map((l) => chunks(l));
  const bands = columnBands(lineChunks, carried, top);
  const hb = headerReach.get(bands) ?? bands;
  const C = bands.length;
  const baseline = lines.map((l) => median(l.map((r) => r.y)));
  const size = median(lines.flatMap((l) => l.map((r) => r.size))) || 10;
  const anchor = lineChunks.map((cs) => !headerOnly && isDataLine(cs));
  const first = headerOnly ? lines.length : anchor.indexOf(true);
  // A row whose only printed figure is its 行次 (Shanxi prints zero as blank), centred between the
  // lines of its wrapped name: a line of numbers alone, off the first column, is a row's line too.
  if (first >= 0) {
    lineChunks.forEach((cs, line) => {
      if (line > first && cs.length > 0 && cs.every((c) => AMOUNT.test(c.text.replace(/\s/g, '')) && /\d/.test(c.text) && bandOf(bands, c.x1, c.x2) > 0)) anchor[line] = true;
    });
  }
  const frags: Frag[] = [];
  lineChunks.forEach((cs, line) => {
    for (const c of cs) {
      const overlapping = bands.filter(([a, b]) => Math.min(b, c.x2) - Math.max(a, c.x1) > 2).length;
      const over = hb.map(([a, b], k) => (Math.min(b, c.x2) - Math.max(a, c.x1) > 2 ? k : -1)).filter((k) => k >= 0);
      // Headings wrapped in narrow cells side by side, which the text extractor joined into one
      // piece (`一般公共预算财政拨政府性基金预算财政…`): each fills its cell; cut at the cells' edges.
      // (A heading over several columns is centred over them, filling none.)
      const fills = over.length >= 2 && over.every((k) => Math.min(hb[k]![1], c.x2) - Math.max(hb[k]![0], c.x1) >= 0.6 * (hb[k]![1] - hb[k]![0]));
      if (line < first && fills) {
        for (const r0 of c.runs) {
          let r: Run | undefined = r0;
          for (let i = 0; i + 1 < over.length && r; i++) {
            const cut = (hb[over[i]!]![1] + hb[over[i + 1]!]![0]) / 2;
            if (r.x < cut - 1 && r.x + r.w > cut + 1) {
              const parts = splitRunAt(r, cut);
              if (parts) {
                frags.push({ runs: [parts[0]], line, col: bandOf(hb, parts[0].x, parts[0].x + parts[0].w), y: baseline[line]! });
                r = parts[1];
              }
            }
          }
          if (r) frags.push({ runs: [r], line, col: bandOf(hb, r.x, r.x + r.w), y: baseline[line]! });
        }
        continue;
      }
      if (overlapping <= 1 || line < first) {
        frags.push({ runs: c.runs, line, col: bandOf(line < first ? hb : bands, c.x1, c.x2, line < first || !anchor[line]), y: baseline[line]! });
        continue;
      }
      // Two cells joined by a narrow gap: place each run on its own.
      for (const r of c.runs) frags.push({ runs: [r], line, col: bandOf(bands, r.x, r.x + r.w), y: baseline[line]! });
    }
  });
  // Line pitch inside a cell (smallest step between pieces of one column) and row pitch (between data lines).
  const steps: number[] = [];
  for (let c = 0; c < C; c++) {
    const ys = [...new Set(frags.filter((f) => f.col === c).map((f) => f.line))].map((l) => baseline[l]!).sort((a, b) => a - b);
    for (let k = 1; k < ys.length; k++) if (ys[k]! - ys[k - 1]! > 0.5 * size) steps.push(ys[k]! - ys[k - 1]!);
  }
  const anchorYs = baseline.filter((_, i) => anchor[i]);
  const rowSteps = anchorYs.slice(1).map((y, k) => y - anchorYs[k]!);
  const pitch = steps.length > 0 ? Math.min(...steps) : size * 1.2;
  // (The smallest step between rows: single-line rows, one line plus padding. Rows of wrapped
  // names are taller; with many of them a median would take a row's padding for a line's.)
  const rowPitch = rowSteps.length > 0 ? Math.min(...rowSteps) : pitch;
  // (Two lines of one column from two rows are a line and the rows' padding apart: the smallest
  // step clearly over the line pitch, when rows of wrapped names make every row step long.)
  const between = Math.min(rowPitch, ...steps.filter((d) => d >= 1.12 * pitch));
  // (A part of one row, continuing a table on the next page, keeps the table's own measure.)
  const inherited = carried && rowSteps.length === 0 ? joinOf.get(carried) : undefined;
  const join = inherited ?? (rowPitch > pitch * 1.1 ? (pitch + between) / 2 : pitch * 0.9);

  /** Whether two pieces of one column, one under the other, are lines of one cell. */
  const together = (y0: number, y1: number) =>
    y1 - y0 <= join ||
    // (Two lines of a name centred on its amounts, the line of amounts between them: one cell
    // even when rows are packed or the part has a single row.)
    (y1 - y0 <= 1.1 * pitch && anchorYs.some((y) => y > y0 + 0.2 * size && y < y1 - 0.2 * size));
  /** Pieces of one column in blocks of consecutive lines of one cell. */
  const blocks = (pieces: Frag[]): Frag[][] => {
    const out: Frag[][] = [];
    for (const f of [...pieces].sort((a, b) => a.y - b.y || a.runs[0]!.x - b.runs[0]!.x)) {
      const last = out[out.length - 1];
      if (last && together(last[last.length - 1]!.y, f.y)) last.push(f);
      else out.push([f]);
    }
    return out;
  };

  interface Row {
    y: number;
    cells: Run[][];
    top: number;
    bottom: number;
  }
  const newRow = (y: number): Row => ({ y, cells: Array.from({ length: C }, () => []), top: Infinity, bottom: -Infinity });
  const place = (row: Row, f: Frag) => {
    row.cells[f.col]!.push(...f.runs);
    row.top = Math.min(row.top, lineTop(lines[f.line]!));
    row.bottom = Math.max(row.bottom, lineBottom(lines[f.line]!));
  };

  // Header: blocks per column, blocks overlapping vertically form one header row.
  const headerRows: Row[] = [];
  // The upper lines of a first row's name centred on its data line sit above that line: they
  // belong to the body when the next piece below in their column is within a cell's line pitch.
  let bodyStart = first;
  while (bodyStart > 0) {
    const k = bodyStart - 1;
    const own = frags.filter((f) => f.line === k);
    const continues = own.length > 0 && own.every((f) => {
      const below = frags.filter((g) => g.col === f.col && g.line > k).sort((a, b) => a.y - b.y)[0];
      // (A header word over a 栏次 number is not a name: the piece below must be text.)
      return below !== undefined && together(f.y, below.y) && !AMOUNT.test(cellText(below.runs).replace(/\s/g, ''));
    });
    if (!continues) break;
    bodyStart = k;
  }
  if (bodyStart > 0) {
    const spans = [];
    for (let c = 0; c < C; c++) {
      for (const b of blocks(frags.filter((f) => f.col === c && f.line < bodyStart))) spans.push({ b, top: b[0]!.y - size, bottom: b[b.length - 1]!.y });
    }
    spans.sort((a, b) => a.top - b.top);
    let current: Row | undefined;
    let currentBottom = -Infinity;
    for (const s of spans) {
      if (!current || s.top > currentBottom - 0.2 * size) {
        current = newRow(s.top);
        headerRows.push(current);
      }
      currentBottom = Math.max(currentBottom, s.bottom);
      for (const f of s.b) place(current, f);
    }
  }

  if (headerRows.length >= 2) spanGroupHeadings(headerRows.map((r) => r.cells), hb, size);

  // Body: each data line is a row; other pieces join the data line their cell block spans.
  const anchorRows = new Map<number, Row>();
  for (let i = Math.max(first, 0); i < lines.length; i++) if (anchor[i]) anchorRows.set(i, newRow(baseline[i]!));
  const anchorLines = [...anchorRows.keys()];
  const loose: Row[] = [];
  for (let c = 0; c < C; c++) {
    for (const b of blocks(frags.filter((f) => f.col === c && f.line >= bodyStart))) {
      const lo = b[0]!.y - 0.3 * size;
      const hi = b[b.length - 1]!.y + 0.3 * size;
      const inside = anchorLines.filter((l) => baseline[l]! >= lo && baseline[l]! <= hi);
      if (inside.length === 1) {
        for (const f of b) place(anchorRows.get(inside[0]!)!, f);
      } else if (inside.length === 0) {
        // A row without amounts (a label on its own): one row per vertical position, shared by columns.
        const y = b[0]!.y;
        let row = loose.find((r) => Math.abs(r.y - y) < 0.5 * size);
        if (!row) loose.push((row = newRow(y)));
        for (const f of b) place(row, f);
      } else {
        // Rows packed without padding: pieces on a data line stay there; the others go to the
        // previous data line when every data line has its own piece here (top-aligned cells),
        // else to the nearest one (centred cells).
        const own = new Set(b.map((f) => f.line));
        const topAligned = inside.every((l) => own.has(l));
        for (const f of b) {
          let target = inside[0]!;
          if (anchor[f.line]) target = f.line;
          else if (topAligned) target = inside.filter((l) => l < f.line).pop() ?? inside[0]!;
          else target = inside.reduce((best, l) => (Math.abs(baseline[l]! - f.y) < Math.abs(baseline[best]! - f.y) ? l : best), inside[0]!);
          place(anchorRows.get(target)!, f);
        }
      }
    }
  }
  for (const [line, row] of anchorRows) {
    row.top = Math.min(row.top, lineTop(lines[line]!));
    row.bottom = Math.max(row.bottom, lineBottom(lines[line]!));
  }
  const body = [...anchorRows.values(), ...loose].sort((a, b) => a.y - b.y);
  if (!bandKinds.has(bands)) {
    // What each column holds, from the body's cells in rows with real amounts (a 栏次 row's
    // numbers would make amount columns look like 行次).
    const texts = body.map((row) => row.cells.map((runs) => cellText(runs)));
    const money = texts.filter((cells) => cells.some((t) => MONEY.test(t.replace(/\s/g, ''))));
    const counts = bands.map((_, k) => {
      const m = new Map<Kind, number>();
      for (const cells of money.length > 0 ? money : texts) if (cells[k]) m.set(chunkKind(cells[k]!), (m.get(chunkKind(cells[k]!)) ?? 0) + 1);
      return m;
    });
    // (A part of header rows only, its data on the next page: the 栏次 numbers stand over amounts.)
    bandKinds.set(bands, counts.map(mostOf).map((k) => (money.length === 0 && k === 'n' ? 'm' : k)));
  }
  const kept = (row: Row) => row.cells.some((c) => c.length > 0);
  const rows = [...headerRows, ...body]
    .filter(kept)
    .map((row) =>
      row.cells.map((runs, k): GridCell => ({
        text: cellText(runs),
        box: { page, x: bands[k]![0], y: row.top, width: bands[k]![1] - bands[k]![0], height: row.bottom - row.top },
      })),
    );
  // (An empty table's blank 合计 row, laid out with its header lines, is a row of the table all the same.)
  const last = rows[rows.length - 1];
  const total = empty && last !== undefined && last.filter((c) => c.text !== '').length === 1 && TOTAL_LABEL.test(last.find((c) => c.text !== '')!.text.trim());
  headCount.set(rows, headerRows.filter(kept).length - (total ? 1 : 0));
  if (rowSteps.length > 0) joinOf.set(bands, join);
  return { rows, bands };
}

/**
 * Group headings printed without lines (a merged cell, `基本支出` over 小计 | 人员经费 | 公用经费 …) are
 * centred over the columns they head: each moves to the first of them, where a ruled grid has it.
 * A heading is a group when header words stand under it in its column. Its columns: on its header
 * row, under the same parent group, headings share the parent's columns from the right — the last
 * one ends where the parent ends (or where the heading to its right begins), and starts where it
 * is centred between the columns' edges; a heading not centred so ends one column earlier.
 */
function spanGroupHeadings(all: Run[][][], bands: [number, number][], size: number): void {
  // (Headings only: not the 栏次 row and what follows it.)
  const numbersRow = (cells: Run[][]) => cells.some((c) => c.length > 0) && cells.every((c) => c.length === 0 || /^(?:栏次|行次|\d{1,3})$/.test(cellText(c).replace(/\s/g, '')));
  const end = all.findIndex(numbersRow);
  const rows = end < 0 ? all : all.slice(0, end);
  // (Only headers of four printed rows or more, as Excel prints Sichuan's three-level detail tables:
  // with fewer, a heading centred in its own cell is as likely as one centred over several.)
  if (rows.length < 4) return;
  const C = bands.length;
  const left = (a: number) => (a === 0 ? bands[0]![0] : (bands[a - 1]![1] + bands[a]![0]) / 2);
  const right = (b: number) => (b === C - 1 ? bands[C - 1]![1] : (bands[b]![1] + bands[b + 1]![0]) / 2);
  // Spans of the groups placed so far, on the rows above; the cells they cover, by row.
  const groups: [number, number][] = [];
  const covered = new Set<string>();
  // (A group heading not centred over its columns — left-aligned, or not over whole columns — says
  // nothing of which columns it covers: then no heading moves up under it.)
  let unplaced = false;
  rows.forEach((cells, r) => {
    const parentOf = (k: number): [number, number] => groups.filter(([a, b]) => a <= k && k <= b).sort((x, y) => x[1] - x[0] - (y[1] - y[0]))[0] ?? [0, C - 1];
    const heads = cells.map((runs, k) => k).filter((k) => cells[k]!.length > 0);
    const placed: [number, number, number][] = [];
    const limits = new Map<string, number>();
    let failed = false;
    for (let h = heads.length - 1; h >= 0; h--) {
      const k = heads[h]!;
      const parent = parentOf(k);
      const key = parent.join(',');
      const limit = limits.get(key) ?? parent[1];
      const runs = cells[k]!;
      const group = rows.slice(r + 1).some((row) => row[k]!.length > 0);
      if (!group || limit < k) {
        limits.set(key, Math.min(limit, k - 1));
        continue;
      }
      // (Never over the heading before it on its row.)
      const from = Math.max(parent[0], h > 0 ? heads[h - 1]! + 1 : 0);
      const x1 = Math.min(...runs.map((t) => t.x));
      const x2 = Math.max(...runs.map((t) => t.x + t.w));
      const centre = (x1 + x2) / 2;
      let found: [number, number] | undefined;
      // (One column more or less moves the middle by half a column: the nearest start, within a
      // quarter of its column.)
      for (let b = limit; b >= k && !found; b--) {
        if (right(b) < x2 - 0.5 * size) break;
        let best: number | undefined;
        for (let a = k; a >= from; a--) {
          if (left(a) > x1 + 0.5 * size) continue;
          const err = Math.abs((left(a) + right(b)) / 2 - centre);
          if (best === undefined || err < Math.abs((left(best) + right(b)) / 2 - centre)) best = a;
        }
        if (best !== undefined && Math.abs((left(best) + right(b)) / 2 - centre) <= Math.max(0.6 * size, 0.25 * (right(best) - left(best)))) found = [best, b];
      }
      if (!found) {
        failed = true;
        break;
      }
      placed.push([k, found[0], found[1]]);
      limits.set(key, found[0] - 1);
    }
    // (A group heading of the row not centred over whole columns — left-aligned, as in HTML
    // without merged cells — says nothing of the columns its neighbours head either.)
    if (failed) {
      unplaced = true;
      return;
    }
    for (const [k, a, b] of placed) {
      if (a !== k && cells[a]!.length === 0) {
        cells[a] = cells[k]!;
        cells[k] = [];
      }
      if (b > a) {
        groups.push([a, b]);
        for (let c = a; c <= b; c++) covered.add(`${r},${c}`);
      }
    }
  });
  // A heading with nothing under it spans the header's rows down to the 栏次 row, printed half way
  // (`合计` beside 人员经费 | 公用经费, on no line of its own neighbours): it goes up to the first
  // header row free above it, where a ruled grid has it (a row of it alone would read as data).
  if (unplaced || groups.length === 0) return;
  for (let r = 1; r < rows.length; r++) {
    for (let k = 0; k < C; k++) {
      if (rows[r]![k]!.length === 0 || rows.slice(r + 1).some((row) => row[k]!.length > 0)) continue;
      let to = r;
      while (to > 0 && rows[to - 1]![k]!.length === 0 && !covered.has(`${to - 1},${k}`)) to--;
      if (to === r) continue;
      rows[to]![k] = rows[r]![k]!;
      rows[r]![k] = [];
    }
  }
}

/** The distance under which two lines of a column are one cell, by a table part's bands. */
const joinOf = new WeakMap<[number, number][], number>();

/** The number of header rows of a table rebuilt without rules, by its rows array. */
const headCount = new WeakMap<GridCell[][], number>();

// ---------------------------------------------------------------------------------------------
// A page

/**
 * Header rows alone at the foot of a page (Chromium and Word break a page between header rows):
 * their table item, by the bands it hands the next page, and their lines. The next page lays them
 * out over its own first table, whose columns its rows define, and moves the whole header back
 * into that item: one part of header rows, one of data, as when a page breaks under the header.
 */
const pendingHeaders = new WeakMap<[number, number][], { item: PageTable; lines: Run[][] }>();

function layoutUnderHeader(runs: Run[], rules: Rule[], page: number, pending: { item: PageTable; lines: Run[][] }): PageItem[] | undefined {
  const tops = runs.filter((r) => r.text.trim() !== '').map((r) => r.y - r.size * 0.88);
  if (tops.length === 0) return undefined;
  const pageTop = Math.min(...tops);
  const head = pending.lines.flat();
  const size = median(head.map((r) => r.size)) || 10;
  const dy = pageTop - 0.4 * size - Math.max(...head.map((r) => r.y + r.size * 0.12));
  const items = layoutPage([...head.map((r) => ({ ...r, y: r.y + dy })), ...runs], rules, page, undefined, true);
  const table = items[0];
  if (table?.kind !== 'table' || table.y > pageTop - 0.2 * size) return undefined;
  const n = headCount.get(table.rows) ?? 0;
  if (n === 0 || n >= table.rows.length) return undefined;
  const from = pending.item.rows[0]?.find((c) => c.box)?.box?.page ?? page - 1;
  // (Rows printed on the page before keep their place there.)
  pending.item.rows = table.rows.slice(0, n).map((row) => row.map((c) => (c.box && c.box.y < pageTop - 0.2 * size ? { ...c, box: { ...c.box, page: from, y: c.box.y - dy } } : c)));
  table.rows = table.rows.slice(n);
  return items;
}

/** Lay out one page: ruled grids first, then the remaining runs as lines or unruled tables. */
export function layoutPage(runs: Run[], rules: Rule[], page: number, carried?: [number, number][], underHeader = false): PageItem[] {
  const pending = carried && pendingHeaders.get(carried);
  if (pending) {
    const under = layoutUnderHeader(runs, rules, page, pending);
    if (under) return under;
    carried = undefined;
  }
  const pool = new Set(runs.filter((r) => r.text.trim() !== ''));
  const items: PageItem[] = [];
  for (const grid of findGrids(rules)) {
    if (isFrame(grid, runs)) continue;
    const all = gridCells(grid, pool, page).filter((row) => row.some((c) => c.text !== ''));
    const { lead, trail } = textRows(all);
    for (const row of [...all.slice(0, lead), ...all.slice(trail)]) {
      let prev: Extract<PageItem, { kind: 'line' }> | undefined;
      for (const cell of row) {
        const ink = inkOf.get(cell);
        if (!ink || !cell.box) continue;
        // (A text running on past its cell's rule — overflowing into the next cell, or clipped by
        // it: `部门名称：示例市第9社会|保障服务中心  2024年度` — was cut at the rule: one line again.)
        if (prev && ink.x - prev.right <= 0.3 * ink.size) {
          prev.text += cell.text;
          prev.right = ink.right;
          continue;
        }
        prev = { kind: 'line', text: cell.text, x: ink.x, right: ink.right, y: cell.box.y, bottom: cell.box.y + cell.box.height, size: ink.size };
        items.push(prev);
      }
    }
    const rows = all.slice(lead, trail);
    if (rows.length === 0) continue;
    items.push({ kind: 'table', rows, y: rows[0]![0]!.box?.y ?? grid.ys[0]!, bottom: grid.ys[grid.ys.length - 1]! });
  }
  // (Only on lines that already look like table rows: a sentence's `收入 2,039.29 万元` stays whole.)
  const lines = groupLines([...pool]).map((l) => (isDataLine(chunks(l)) ? l.flatMap(splitJoinedCells) : l));
  const info = lines.map((l) => {
    const cs = chunks(l);
    return { cs, data: isDataLine(cs), top: lineTop(l), bottom: lineBottom(l), base: median(l.map((r) => r.y)), size: l[0]!.size };
  });
  // Unruled tables: runs of consecutive lines with several chunks, at least two with amounts.
  // [first line, end, header rows only (the table goes on on the next page), an empty table's header]
  const regions: [number, number, boolean?, boolean?][] = [];
  let i = 0;
  if (carried) {
    // The last rows of a table alone at the top of the next page, without amounts (a blank 合计 row
    // of an empty table, a row blank where zero prints as nothing): label lines in the carried text
    // columns, followed by the table's note, the next title or nothing.
    const kinds = bandKinds.get(carried);
    const money = carried.find((_, k) => kinds?.[k] === 'm')?.[0] ?? Infinity;
    // (Not a sentence: the empty-table note `本表本年度无发生额。` pushed onto the next page.)
    // (A label may carry its 行次 beside it: a name wrapped over several lines has it on one of them.)
    const label = (k: number) => {
      const c = info[k]!.cs;
      const rowNumber = c.length === 2 && /^\d{1,3}$/.test(c[1]!.text.trim()) && c[1]!.x2 < money;
      return (c.length === 1 || rowNumber) && c[0]!.x2 < money && c[0]!.x1 >= carried[0]![0] - info[k]!.size && !NOTE_LINE.test(c[0]!.text) && !UNIT_LINE.test(c[0]!.text) && !/表$/.test(c[0]!.text) && !SENTENCE.test(c[0]!.text.trim());
    };
    let k = 0;
    while (k < lines.length && k < 6 && label(k) && (k === 0 || info[k]!.top - info[k - 1]!.bottom < 1.5 * info[k]!.size)) k++;
    const after = info[k];
    if (k > 0 && (after === undefined || (after.cs.length >= 1 && (NOTE_LINE.test(after.cs[0]!.text) || /表$/.test(joinRuns(lines[k]!))) && !after.data))) {
      // One row whose name wraps over these lines has its 行次 on a line of its own when the cell is
      // centred: that number goes onto the row's first line (else it would make a row by itself).
      const numbers = info.slice(0, k).flatMap((x, j) => (x.cs.some((c) => /^\d{1,3}$/.test(c.text.trim())) ? [j] : []));
      const alone = numbers.length === 1 && numbers[0]! > 0 && info[numbers[0]!]!.cs.length === 1 ? numbers[0]! : -1;
      if (alone > 0) {
        lines[0] = [...lines[0]!, ...lines[alone]!.map((r) => ({ ...r, y: info[0]!.base }))].sort((a, b) => a.x - b.x);
        info[0] = { ...info[0]!, cs: chunks(lines[0]!) };
        lines.splice(alone, 1);
        info.splice(alone, 1);
        k--;
      }
      regions.push([0, k]);
      i = k;
    }
  }
  while (i < lines.length) {
    if (!info[i]!.data) {
      i++;
      continue;
    }
    // Header rows above the first data row: lines of several chunks close above it.
    let s = i;
    const floor = regions.length > 0 ? regions[regions.length - 1]![1] : 0;
    // (A single piece only when packed tight, as the words of a header cell stacked over lines,
    // or one row pitch above, as a section row; never the unit line.)
    const pitch = info[i + 1]?.data ? info[i + 1]!.base - info[i]!.base : 1.75 * info[i]!.size;
    while (s - 1 >= floor) {
      const above = info[s - 1]!;
      const gap = info[s]!.top - above.bottom;
      if (above.cs.some((c) => UNIT_LINE.test(c.text))) break;
      if (!(above.cs.length >= 2 ? gap < 1.2 * info[s]!.size : above.cs.length === 1 && (gap < 0.6 * info[s]!.size || info[s]!.base - above.base <= 1.05 * pitch))) break;
      s--;
    }
    let j = i;
    let dataLines = 0;
    while (j < lines.length) {
      const cur = info[j]!;
      if (j > s && cur.top - info[j - 1]!.bottom > 2 * cur.size) break;
      // (A table's note ends it, however tight under the last row: `注：本表反映…`.)
      if (j > i && !cur.data && NOTE_LINE.test(cur.cs[0]?.text.trim() ?? '')) break;
      if (cur.cs.length >= 2) {
        if (cur.data) dataLines++;
        j++;
        continue;
      }
      // A single chunk continues the table when it is a wrapped name between two rows.
      const next = info[j + 1];
      const second = info[i]!.cs[1]?.x1 ?? Infinity;
      // (Or the last line of a wrapped name under the last row, packed tight.)
      const tight = cur.top - info[j - 1]!.bottom < 0.6 * cur.size || (next !== undefined && next.cs.length >= 2 && next.top - cur.bottom < 0.6 * cur.size);
      // (Or a row of a label alone, one row pitch under the last: a 合计 row with blank amounts.)
      // (Under a 栏次 line, as far below it as it is below the header line above: an empty table's
      // 合计 row, rows as tall as the header's.)
      const numbersPitch = j - 1 > s && columnNumbers(info[j - 1]!.cs) ? info[j - 1]!.base - info[j - 2]!.base : 0;
      const labelRow = cur.cs[0] !== undefined && cur.cs[0].x2 < second && cur.base - info[j - 1]!.base <= 1.05 * Math.max(pitch, numbersPitch) && !NOTE_LINE.test(cur.cs[0].text);
      // (Or a line of a name wrapped in a column further right, between two lines of the table
      // no further apart than its rows.)
      const within = (a: number, b: number) => b - a <= 1.05 * pitch;
      let wrapped = cur.cs.length === 1 && j > 0 && within(info[j - 1]!.base, cur.base) && !NOTE_LINE.test(cur.cs[0]!.text) && !UNIT_LINE.test(cur.cs[0]!.text);
      if (wrapped) {
        // (Up to two more lines of the name before the row's line of amounts.)
        let k = j + 1;
        while (k < lines.length && k <= j + 2 && info[k]!.cs.length === 1 && within(info[k - 1]!.base, info[k]!.base)) k++;
        wrapped = k < lines.length && info[k]!.cs.length >= 2 && within(info[k - 1]!.base, info[k]!.base);
        // (Or any number of lines when the name is squeezed into a narrow column, a character or
        // two a line — a wide table on a page without its header — stacked in one column and
        // narrow beside the row they lead to.)
        if (!wrapped) {
          const piece = (n: number) => info[n]!.cs[0]!;
          const over = (a: Chunk, b: Chunk) => Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0;
          k = j;
          while (k + 1 < lines.length && info[k + 1]!.cs.length === 1 && within(info[k]!.base, info[k + 1]!.base) && over(piece(k), piece(k + 1))) k++;
          const row = info[k + 1];
          const width = row ? row.cs[row.cs.length - 1]!.x2 - row.cs[0]!.x1 : 0;
          wrapped =
            row !== undefined &&
            row.data &&
            within(info[k]!.base, row.base) &&
            info.slice(j, k + 1).every((l) => l.cs[0]!.x2 - l.cs[0]!.x1 < 0.15 * width && l.cs[0]!.x1 >= row.cs[0]!.x1 - l.size && l.cs[0]!.x2 <= row.cs[row.cs.length - 1]!.x2);
        }
      }
      if (j > i && cur.cs[0] && ((cur.cs[0].x2 < second && next && next.cs.length >= 2) || tight || labelRow || wrapped)) {
        j++;
        continue;
      }
      break;
    }
    // (One data line is enough under a header of several lines: an empty table's 栏次 row.)
    // (Or a last row alone at the top of the next page, continuing the table that ended the last.)
    // (Or a 栏次 row under a header row: the rest of a header whose first row ended the last page.)
    if (dataLines >= 2 || (dataLines === 1 && (i - s >= 2 || (carried !== undefined && s === 0) || (i - s >= 1 && columnNumbers(info[i]!.cs))))) regions.push([s, j]);
    i = Math.max(j, i + 1);
  }
  {
    // An empty table printed without a 栏次 line: header rows under the unit line, perhaps a blank
    // 合计 row, then the table's note or empty-table sentence (`本表本年度无发生额。`) — no line
    // with a figure to find it by. Rows of words in columns, packed like header rows.
    const found: [number, number, boolean?, boolean?][] = [];
    // (Or from the top of the page: under header rows carried from the page before, or with the
    // unit line left on the page before, two header lines or more.)
    for (let u = underHeader || !carried ? -1 : 0; u < lines.length; u++) {
      if (!(u < 0 || info[u]!.cs.some((c) => UNIT_LINE.test(c.text))) || regions.some(([a, b]) => u + 1 >= a && u + 1 < b)) continue;
      let e = u + 1;
      const packed = (k: number) => k === 0 || info[k]!.top - info[k - 1]!.bottom < 1.5 * info[k]!.size;
      while (e < lines.length && info[e]!.cs.length >= 2 && !info[e]!.cs.some((c) => AMOUNT.test(c.text.replace(/\s/g, ''))) && (e === u + 1 || packed(e))) e++;
      if (e - u - 1 < (u < 0 && !underHeader ? 2 : 1) || info[e - 1]!.cs.length < 2) continue;
      // (A blank 合计 row under them.)
      if (e < lines.length && info[e]!.cs.length === 1 && TOTAL_LABEL.test(info[e]!.cs[0]!.text.trim()) && packed(e)) e++;
      const after = info[e]?.cs[0]?.text.trim() ?? '';
      if (!NOTE_LINE.test(after) && !SENTENCE.test(after)) continue;
      if (regions.some(([a, b]) => a < e && b > u + 1)) continue;
      found.push([u + 1, e, false, true]);
      u = e - 1;
    }
    if (found.length > 0) {
      regions.push(...found);
      regions.sort((p, q) => p[0] - q[0]);
    }
  }
  {
    // Header rows at the foot of a page, their table on the next: the lines under the unit line to
    // the end of the page (a page number aside), words in several columns, packed like header rows.
    const floor = regions.length > 0 ? regions[regions.length - 1]![1] : 0;
    let end = lines.length;
    while (end > floor && info[end - 1]!.cs.length === 1 && PAGE_NO.test(info[end - 1]!.cs[0]!.text.replace(/\s/g, ''))) end--;
    // (Or a page of nothing but header rows, words in columns on every line.)
    let u = end - 1;
    while (u >= floor && u >= end - 5 && !info[u]!.cs.some((c) => UNIT_LINE.test(c.text))) u--;
    const unit = u >= floor && info[u]!.cs.some((c) => UNIT_LINE.test(c.text));
    const alone = u < 0 && end <= 3 && regions.length === 0 && info.slice(0, end).every((l) => l.cs.length >= 2);
    const head = Array.from({ length: Math.max(0, end - u - 1) }, (_, k) => u + 1 + k);
    if (
      (unit || alone) &&
      head.length > 0 &&
      head.every((k) => !NOTE_LINE.test(info[k]!.cs[0]!.text) && (k === 0 || info[k]!.top - info[k - 1]!.bottom < 1.5 * info[k]!.size))
    )
      regions.push([u + 1, end, true]);
  }
  let r = 0;
  for (let k = 0; k < lines.length; k++) {
    const region = regions[r];
    if (region && k === region[0]) {
      const part = lines.slice(region[0], region[1]);
      // (A part at the top of the page, under a repeated header, continues the table too.)
      const t = clusterTable(part, page, r === 0 ? carried : undefined, region[0] === 0, region[2] || region[3], region[3]);
      const item: PageTable = { kind: 'table', rows: t.rows, bands: t.bands, y: info[region[0]]!.top, bottom: info[region[1] - 1]!.bottom };
      if (region[2]) pendingHeaders.set(t.bands, { item, lines: part });
      items.push(item);
      k = region[1] - 1;
      r++;
      continue;
    }
    const line = lines[k]!;
    items.push({ kind: 'line', text: joinRuns(line), x: line[0]!.x, right: Math.max(...line.map((x) => x.x + x.w)), y: info[k]!.top, bottom: info[k]!.bottom, size: Math.max(...line.map((x) => x.size)) });
  }
  for (const item of items) if (item.kind === 'table') totalOffNumbersLine(item.rows);
  return items.sort((a, b) => a.y - b.y);
}

const NUMBERS_LABEL = /^(?:栏\s*次|行\s*次)$/;
const TOTAL_LABEL = /^(?:合\s*计|总\s*计)$/;

/**
 * A 合计 printed on the 栏次 line (`合计 栏次 1 2 3 …`, its amounts on the line below, the row's
 * label cell there blank) belongs to the amounts: it moves down to them, so the totals row reads
 * `合计 | amounts` as the text reader has it. Rows are changed in place: across a page break,
 * `totalOffNumbersLine([lastRowOfPageBefore, firstRowOfNextPage])` does the same.
 */
export function totalOffNumbersLine(rows: GridCell[][]): void {
  for (let k = 0; k + 1 < rows.length; k++) {
    const row = rows[k]!;
    const next = rows[k + 1]!;
    const j = row.findIndex((c) => NUMBERS_LABEL.test(c.text.trim()));
    if (j < 0) continue;
    const i = row.findIndex((c) => TOTAL_LABEL.test(c.text.trim()));
    if (i < 0 || i > j) continue;
    if (!row.every((c, n) => n === i || n === j || /^\d{0,3}$/.test(c.text.trim()))) continue;
    const amounts = next.findIndex((c) => AMOUNT.test(c.text.trim()) && c.text.trim() !== '');
    if (amounts <= j || !next.slice(0, amounts).every((c) => c.text.trim() === '') || !next[i]) continue;
    next[i] = { ...next[i], text: row[i]!.text, ...(row[i]!.box ? { box: row[i]!.box } : {}) };
    row[i] = { ...row[i]!, text: '' };
  }
}

/**
 * Whether a page's text looks tabular (a line of several pieces with an amount or number, or
 * several lines of three pieces or more): only then are its ruling lines worth reading.
 */
export function mayHoldTable(runs: Run[]): boolean {
  let wide = 0;
  for (const line of groupLines(runs)) {
    if (line.length < 2) continue;
    const cs = chunks(line);
    if (isDataLine(cs)) return true;
    if (cs.length >= 3 && ++wide >= 3) return true;
  }
  return false;
}
