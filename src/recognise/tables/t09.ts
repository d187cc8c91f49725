/**
 * Table 09 财政拨款“三公”经费支出决算表: 12 amounts, 预算数 (1–6) and 决算数 (7–12), each split into
 * 合计, 因公出国（境）费, 公务用车购置及运行维护费 (小计, 购置费, 运行维护费) and 公务接待费.
 *
 * Publishers print it in several shapes, all read here by their header labels (an item label and a
 * 预算数/决算数 label over each amount, at whatever header levels and in whatever order):
 * - one data row under a two-block header (the national template: 预算数 1–6, then 决算数 7–12), or
 *   with the blocks side by side per item (合计 预算数/决算数, 因公出国 预算数/决算数, …);
 * - transposed: a 预算数 row and a 决算数 row under a row of item labels;
 * - items as rows (合计, 因公出国（境）费, …) with a 预算数 and a 决算数 column.
 * Where the labels do not name every amount, the printed 栏次 numbers or the template's order decide.
 */
import type { Row } from '../../model/report.js';
import { compact, labelKey } from '../normalise.js';
import {
  cellValue,
  hasAmount,
  isColumnNumberRow,
  mapColumns,
  placed,
  splitHeader,
  type ColumnSpec,
  type Line,
  type TableRegion,
} from './grid.js';
import type { ParsedTable, TableContext } from './types.js';

const ITEMS: { offset: number; labels: string[] }[] = [
  { offset: 1, labels: ['合计'] },
  { offset: 2, labels: ['因公出国(境)费', '因公出国(境)费用', '因公出国境费'] },
  { offset: 3, labels: ['小计', '公务用车购置及运行维护费'] },
  { offset: 4, labels: ['公务用车购置费', '购置费'] },
  { offset: 5, labels: ['公务用车运行维护费', '运行维护费', '公务用车运行费'] },
  { offset: 6, labels: ['公务接待费'] },
];

const BUDGET = ['预算数', '全年预算数', '年初预算数', '预算'];
const ACTUAL = ['决算数', '实际支出', '决算'];

export const T09_COLUMNS: ColumnSpec[] = [
  ...ITEMS.map((it) => ({ key: String(it.offset), labels: it.labels, parent: BUDGET })),
  ...ITEMS.map((it) => ({ key: String(it.offset + 6), labels: it.labels, parent: ACTUAL })),
];

/** The label key of a header or row label, with 其中： and a leading year (2023年) removed. */
function key(text: string): string {
  return labelKey(text)
    .replace(/^其中[:：]?/, '')
    .replace(/^(?:19|20)\d{2}年度?/, '')
    .replace(/^[“"]?三公[”"]?经费(?:支出)?(?=合计|总计|$)/, '三公经费');
}

/** The item (offset 1–6) a label names, if any. */
export function t09Item(label: string): number | undefined {
  const k = key(label);
  if (k === '') return undefined;
  if (/^(?:合计|总计|三公经费|三公经费(?:合计|总计)|三公经费支出(?:合计|总计))$/.test(k)) return 1;
  if (/因公出国/.test(k)) return 2;
  if (k === '小计' || /购置及运行/.test(k)) return 3;
  if (/^(?:公务用车)?购置(?:费|经费)?$/.test(k)) return 4;
  if (/^(?:公务用车)?运行(?:维护|维修)?(?:费|经费)?$/.test(k)) return 5;
  if (/公务接待/.test(k)) return 6;
  return undefined;
}

/**
 * The block a label names: 0 for 预算数, 6 for 决算数; `rank` orders alternatives (全年预算数 /
 * 调整后预算数 is the 预算数 of the table, 年初预算数 only when no other is printed).
 */
export function t09Block(label: string): { base: 0 | 6; rank: number } | undefined {
  const k = key(label).replace(/[(（]万元[)）]$/, '');
  if (/^(?:全年|调整后|本年)?预算(?:数)?$/.test(k)) return { base: 0, rank: 2 };
  if (/^(?:年初)?预算(?:数)?$/.test(k)) return { base: 0, rank: 1 };
  if (/^(?:本年|全年)?(?:决算|决算数|支出决算数?|实际支出(?:数)?|执行数|实际执行数)$/.test(k)) return { base: 6, rank: 2 };
  return undefined;
}

/**
 * The labels above each column, top to bottom. A label spans the blank cells to its right (a merged
 * cell copied out as one text and blanks), but never beyond the span of the label above it — so a
 * 预算数 spans its six columns, a 合计 of a side-by-side header its 预算数 and 决算数, and a sub-label
 * such as 运行维护费 stops where 公务接待费 begins in the row above.
 */
export function headerPaths(rows: string[][]): string[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const paths: string[][] = Array.from({ length: width }, () => []);
  // boundary[c]: a span of some row above begins at column c.
  const boundary = Array.from({ length: width }, (_, c) => c === 0);
  for (const row of rows) {
    const texts = Array.from({ length: width }, (_, c) => compact(row[c] ?? ''));
    const starts = texts.map((t, c) => t !== '' && (c === 0 || t !== texts[c - 1] || boundary[c]!));
    let current = '';
    for (let c = 0; c < width; c++) {
      if (starts[c]) current = texts[c]!;
      else if (boundary[c]) current = '';
      else if (texts[c] !== '' && texts[c] !== current) current = texts[c]!;
      if (current !== '' && paths[c]![paths[c]!.length - 1] !== current) paths[c]!.push(current);
    }
    starts.forEach((s, c) => (boundary[c] ||= s));
  }
  return paths;
}

/** The most specific item label of a header path. */
function itemOfPath(path: string[]): number | undefined {
  let item: number | undefined;
  for (const label of path) if (!t09Block(label)) item = t09Item(label) ?? item;
  return item;
}

/** The 预算数/决算数 label of a header path, at whatever level. */
function blockOfPath(path: string[]): { base: 0 | 6; rank: number } | undefined {
  let block: { base: 0 | 6; rank: number } | undefined;
  for (const label of path) block = t09Block(label) ?? block;
  return block;
}

/** The column key a header path names: its most specific item label with the block above or below it. */
function keyOfPath(path: string[], defaultBase?: 0 | 6): { key: string; rank: number } | undefined {
  const item = itemOfPath(path);
  const block = blockOfPath(path);
  const base = block?.base ?? defaultBase;
  if (item === undefined || base === undefined) return undefined;
  return { key: String(base + item), rank: block?.rank ?? 0 };
}

const ROW_NUMBER = /^\d{1,2}$/;

/** The first label of a line (a 行次 number printed before it skipped) and its position. */
function firstLabel(line: Line): { at: number; text: string } | undefined {
  const at = line.cells.findIndex((c) => compact(c) !== '' && !ROW_NUMBER.test(compact(c)));
  return at < 0 ? undefined : { at, text: line.cells[at]! };
}

/**
 * The item a row of the items-as-rows layout names, or undefined for any other row. Such a row
 * starts with its label — or with the 公务用车 group label and then the sub-item (a row header
 * merged down over 小计/购置费/运行维护费) — followed only by amounts, dashes, blanks or a 行次
 * number; a header row of the other layouts names several items.
 */
function rowItem(line: Line): { item: number; at: number } | undefined {
  const labels: { item: number | undefined; at: number }[] = [];
  for (let p = 0; p < line.cells.length; p++) {
    const t = compact(line.cells[p]!);
    if (t === '' || ROW_NUMBER.test(t)) continue;
    if (hasAmount([line.cells[p]!])) continue;
    if (t09Block(t)) return undefined;
    labels.push({ item: t09Item(t), at: p });
  }
  if (labels.length === 1 && labels[0]!.item !== undefined) return { item: labels[0]!.item, at: labels[0]!.at };
  if (labels.length === 2 && labels[0]!.item === 3 && [3, 4, 5].includes(labels[1]!.item ?? 0) && labels[0]!.at < labels[1]!.at) {
    return { item: labels[1]!.item!, at: labels[1]!.at };
  }
  return undefined;
}

function isItemRow(line: Line): boolean {
  const r = rowItem(line);
  // The label comes before the amounts.
  return r !== undefined && !line.cells.slice(0, r.at).some((c) => hasAmount([c]) && !ROW_NUMBER.test(compact(c)));
}

interface Reader {
  cells: Row['cells'];
  dashes: string[];
  at: Pick<Row, 'boxes' | 'refs'>;
  stats: { decimals: number; bad: number };
  record: (line: Line, pos: number, key: string) => void;
}

function reader(): Reader {
  const r: Reader = {
    cells: Object.fromEntries(T09_COLUMNS.map((c) => [c.key, null])),
    dashes: [],
    at: {},
    stats: { decimals: 0, bad: 0 },
    record: (line, pos, key) => {
      const v = cellValue(line.cells[pos]);
      // Each amount keeps where it was printed (the transposed layouts read several lines).
      const p = placed(line, [[pos, key]]);
      if (p.boxes) (r.at.boxes ??= {})[key] = p.boxes[key]!;
      if (p.refs) (r.at.refs ??= {})[key] = p.refs[key]!;
      r.cells[key] = v.value;
      if (v.dash) r.dashes.push(key);
      if (v.decimals > r.stats.decimals) r.stats.decimals = v.decimals;
      if (v.bad) r.stats.bad++;
    },
  };
  return r;
}

const columns = T09_COLUMNS.map((c) => ({ key: c.key, label: `${Number(c.key) <= 6 ? '预算数' : '决算数'}/${c.labels[0]}` }));

export function parseT09(region: TableRegion, _ctx: TableContext): ParsedTable {
  const lines = region.parts.flat();
  const itemRows = lines.filter(isItemRow);
  if (itemRows.length >= 2) {
    const parsed = parseItemRows(region, itemRows);
    if (parsed) return parsed;
  }
  const isData = (cells: string[]) => !isColumnNumberRow(cells) && hasAmount(cells);
  const { header, data } = splitHeader(region, isData);
  const unmatched: { line: number; text: string }[] = [];
  const empty = (): ParsedTable => ({ rows: [], columns, columnsBy: 'column-numbers', headerRowsDropped: header.dropped, unmatched, decimals: 2, badCells: 0 });
  if (data.length === 0) return empty();
  const r = reader();
  const paths = headerPaths(header.rows);
  let columnsBy: ParsedTable['columnsBy'] = 'column-numbers';
  let source: Line = data[0]!;
  // Transposed: rows labelled 预算数 / 决算数, an amount under each item label.
  const blockRows = new Map<0 | 6, { line: Line; at: number; rank: number }>();
  for (const line of data) {
    const first = firstLabel(line);
    const block = first ? t09Block(first.text) : undefined;
    if (!block) continue;
    const known = blockRows.get(block.base);
    if (!known || block.rank > known.rank) blockRows.set(block.base, { line, at: first!.at, rank: block.rank });
  }
  if (blockRows.size > 0) {
    columnsBy = 'labels';
    const used = new Set([...blockRows.values()].map((b) => b.line));
    for (const [base, { line, at }] of blockRows) {
      const byLabel = new Map<number, number>();
      for (let p = at + 1; p < line.cells.length; p++) {
        const item = itemOfPath(paths[p] ?? []);
        if (item !== undefined && ![...byLabel.values()].includes(item)) byLabel.set(p, item);
      }
      const amountAt = line.cells.map((_c, p) => p).filter((p) => p > at && hasAmount([line.cells[p]!]));
      if (byLabel.size >= Math.min(6, amountAt.length) && byLabel.size > 0) {
        for (const [p, item] of byLabel) r.record(line, p, String(base + item));
      } else {
        // No usable item labels: the template's order after the row label.
        columnsBy = 'position';
        for (let i = 0; i < 6; i++) r.record(line, at + 1 + i, String(base + i + 1));
      }
    }
    source = [...blockRows.values()].sort((a, b) => a.line.line - b.line.line)[0]!.line;
    for (const extra of data) if (!used.has(extra)) unmatched.push({ line: extra.line, text: compact(extra.cells.join(' ')) });
  } else {
    const line = data[0]!;
    const byLabel = labelColumns(paths, line);
    if (byLabel) {
      const numbered = [...byLabel].every(([p, k]) => header.numbers.get(p) === k);
      columnsBy = numbered && header.numbers.size > 0 ? 'column-numbers' : 'labels';
      for (const [pos, k] of byLabel) r.record(line, pos, k);
    } else {
      const firstAmount = line.cells.findIndex((c) => hasAmount([c]));
      const positions: number[] = [];
      for (let p = Math.max(0, firstAmount); p < line.cells.length; p++) positions.push(p);
      const m = mapColumns(positions, header, T09_COLUMNS);
      columnsBy = m.by;
      for (const [pos, k] of m.map) r.record(line, pos, k);
    }
    for (const extra of data.slice(1)) unmatched.push({ line: extra.line, text: compact(extra.cells.join(' ')) });
  }
  return finish(r, source, columnsBy, header.dropped, unmatched);
}

/**
 * Columns of the one-data-row layouts by their header labels, whatever their order: each key once,
 * and at least as many keys as the row has amounts (up to 12). A header with no 预算数/决算数 label at
 * all is a 决算-only print. Undefined when the labels do not name the columns.
 */
function labelColumns(paths: string[][], line: Line): Map<number, string> | undefined {
  const anyBlock = paths.some((p) => p.some((l) => t09Block(l)));
  const best = new Map<string, { pos: number; rank: number }>();
  for (let p = 0; p < paths.length; p++) {
    const k = keyOfPath(paths[p]!, anyBlock ? undefined : 6);
    if (!k) continue;
    const known = best.get(k.key);
    if (known && known.rank === k.rank) return undefined;
    if (!known || k.rank > known.rank) best.set(k.key, { pos: p, rank: k.rank });
  }
  const amounts = line.cells.filter((c) => hasAmount([c])).length;
  if (best.size === 0 || best.size < Math.min(12, amounts)) return undefined;
  return new Map([...best].map(([k, v]) => [v.pos, k]));
}

/** Items as rows: a 预算数 and a 决算数 column (by their header labels, else the first two amount columns). */
function parseItemRows(region: TableRegion, itemRows: Line[]): ParsedTable | undefined {
  const first = region.parts[0] ?? [];
  const firstItem = first.indexOf(itemRows[0]!);
  const headerLines = (firstItem >= 0 ? first.slice(0, firstItem) : []).filter((l) => !isColumnNumberRow(l.cells));
  const paths = headerPaths(headerLines.map((l) => l.cells));
  const blocks = new Map<0 | 6, { pos: number; rank: number }>();
  paths.forEach((path, pos) => {
    const block = blockOfPath(path);
    if (!block) return;
    const known = blocks.get(block.base);
    if (!known || block.rank > known.rank) blocks.set(block.base, { pos, rank: block.rank });
  });
  let columnsBy: ParsedTable['columnsBy'] = 'labels';
  if (blocks.size === 0) {
    // No labels: the amount columns right of the labels, in the template's order 预算数, 决算数.
    const labelAt = Math.max(...itemRows.map((l) => rowItem(l)!.at));
    const amountCols = new Set<number>();
    for (const l of itemRows) l.cells.forEach((c, p) => p > labelAt && hasAmount([c]) && !ROW_NUMBER.test(compact(c)) && amountCols.add(p));
    const cols = [...amountCols].sort((a, b) => a - b);
    if (cols.length !== 2) return undefined;
    blocks.set(0, { pos: cols[0]!, rank: 0 }).set(6, { pos: cols[1]!, rank: 0 });
    columnsBy = 'position';
  }
  const r = reader();
  const seen = new Set<number>();
  const unmatched: { line: number; text: string }[] = [];
  for (const line of itemRows) {
    const item = rowItem(line)!.item;
    if (seen.has(item)) {
      unmatched.push({ line: line.line, text: compact(line.cells.join(' ')) });
      continue;
    }
    seen.add(item);
    for (const [base, { pos }] of blocks) r.record(line, pos, String(base + item));
  }
  const used = new Set(itemRows);
  const dropped = region.parts.flat().filter((l) => !used.has(l)).length;
  return finish(r, itemRows[0]!, columnsBy, dropped, unmatched);
}

function finish(r: Reader, at: Line, columnsBy: ParsedTable['columnsBy'], headerRowsDropped: number, unmatched: ParsedTable['unmatched']): ParsedTable {
  // A table printed with every amount blank (Shanxi prints zero as blank) has no data row.
  const blank = Object.values(r.cells).every((v) => v === null) && r.dashes.length === 0;
  const source = placed(at).source!;
  return {
    rows: blank ? [] : [{ key: 'main', name: '', cells: r.cells, ...(r.dashes.length > 0 ? { dashes: r.dashes } : {}), source, ...r.at }],
    columns,
    columnsBy,
    headerRowsDropped,
    unmatched,
    decimals: r.stats.decimals,
    badCells: r.stats.bad,
  };
}
