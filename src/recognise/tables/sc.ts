/**
 * Sichuan's four extra tables (rules.md §1.13): coded rows (functional 类/款/项 or economic 类/款)
 * plus a 合计 row, under a header of up to three levels (合计 | 基本支出 › 人员经费 › 工资福利支出 …
 * | 项目支出 › 工资福利支出 …). The column set is data (model/sc-tables.ts); a column is found by its
 * printed 栏次 number, else by its label path — the leaf wording plus the group labels above it, the
 * most specific fit winning, so 小计 under 人员经费 is not taken for 基本支出's 小计 — else by position.
 */
import type { TableRecognition } from '../../model/report.js';
import { SC_TABLES, scColumnLabel, type ScColumn, type ScTableId } from '../../model/sc-tables.js';
import { compact, labelKey, splitCode } from '../normalise.js';
import { hasAmount, isColumnNumberRow, splitHeader, type HeaderInfo, type Line, type TableRegion } from './grid.js';
import { readCodedRows, TOTAL_RE } from './coded.js';
import type { ParsedTable, TableContext } from './types.js';

const HEADER_WORD = /科目|编码|代码|栏次|^项目$|^行次$/;

/**
 * The labels over each column, top to bottom. A blank header cell (covered by a merged group label
 * to its left) takes that label when it belongs to the same group above and has a sub-label below.
 */
export function scColumnPaths(rows: string[][]): string[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const filled = rows.map((r) => Array.from({ length: width }, (_, i) => compact(r[i] ?? '')));
  const original = filled.map((r) => [...r]);
  for (let r = 0; r < filled.length; r++) {
    for (let c = 1; c < width; c++) {
      if (filled[r]![c] !== '' || filled[r]![c - 1] === '') continue;
      if (!original.slice(r + 1).some((row) => row[c] !== '')) continue;
      let sameGroup = true;
      for (let up = 0; up < r; up++) if (filled[up]![c] !== filled[up]![c - 1]) sameGroup = false;
      if (sameGroup) filled[r]![c] = filled[r]![c - 1]!;
    }
  }
  return Array.from({ length: width }, (_, c) => filled.map((row) => row[c]!).filter((l) => l !== ''));
}

/**
 * How well a printed label path fits a column, undefined when the leaf does not match: each group
 * label of the column found above counts 10, each one missing −1 (so 基本支出 › 小计 prefers the
 * column with no further group over 人员经费's 小计).
 */
function fit(path: string[], column: ScColumn): number | undefined {
  const leaf = path[path.length - 1];
  const levels = column.path.map((alts) => alts.map(labelKey));
  if (!leaf || !levels[levels.length - 1]!.includes(leaf)) return undefined;
  const above = new Set(path.slice(0, -1));
  let score = 0;
  for (const alts of levels.slice(0, -1)) score += alts.some((a) => above.has(a)) ? 10 : -1;
  return score;
}

function mapScColumns(positions: number[], header: HeaderInfo, columns: ScColumn[]): { map: Map<number, string>; by: TableRecognition['columnsBy'] } {
  const keys = new Set(columns.map((c) => c.key));
  const numbered = positions.filter((p) => header.numbers.has(p));
  if (numbered.length >= Math.min(columns.length, positions.length) && numbered.every((p) => keys.has(header.numbers.get(p)!))) {
    return { map: new Map(numbered.map((p) => [p, header.numbers.get(p)!])), by: 'column-numbers' };
  }
  const paths = scColumnPaths(header.rows);
  const map = new Map<number, string>();
  const used = new Set<string>();
  for (const p of positions) {
    const path = (paths[p] ?? []).map(labelKey);
    let best: { key: string; score: number } | undefined;
    for (const col of columns) {
      if (used.has(col.key)) continue;
      const score = fit(path, col);
      if (score !== undefined && (best === undefined || score > best.score)) best = { key: col.key, score };
    }
    if (best) {
      map.set(p, best.key);
      used.add(best.key);
    }
  }
  if (map.size > 0 && map.size >= Math.min(columns.length, positions.length)) return { map, by: 'labels' };
  const byPosition = new Map<number, string>();
  positions.slice(0, columns.length).forEach((p, i) => byPosition.set(p, columns[i]!.key));
  return { map: byPosition, by: 'position' };
}

/** Where the amounts begin: the first 栏次 number, else the first header column that is not code/name. */
function amountStart(header: HeaderInfo, data: Line[]): number {
  let first = Infinity;
  for (const p of header.numbers.keys()) first = Math.min(first, p);
  if (first !== Infinity) return first;
  const paths = scColumnPaths(header.rows);
  for (let p = 0; p < paths.length; p++) {
    const leaf = paths[p]?.[paths[p]!.length - 1];
    if (leaf && !/编码|代码|名称|^项目$|科目|^类$|^款$|^项$/.test(leaf)) return p;
  }
  for (const line of data) {
    const i = line.cells.findIndex((c, idx) => idx > 0 && hasAmount([c]));
    if (i > 0) first = Math.min(first, i);
  }
  return first === Infinity ? 2 : first;
}

export function parseSc(id: ScTableId, region: TableRegion, _ctx: TableContext): ParsedTable {
  const spec = SC_TABLES[id];
  const isData = (cells: string[]) => {
    if (isColumnNumberRow(cells)) return false;
    if (hasAmount(cells, 1)) return true;
    if (cells.some((c) => HEADER_WORD.test(compact(c)))) return false;
    return cells.slice(0, 3).some((c) => splitCode(c) !== undefined || TOTAL_RE.test(compact(c)));
  };
  const { header, data } = splitHeader(region, isData);
  const start = amountStart(header, data);
  const width = Math.max(...data.map((l) => l.cells.length), ...header.rows.map((r) => r.length), start);
  const positions: number[] = [];
  for (let p = start; p < width; p++) positions.push(p);
  const { map, by } = mapScColumns(positions, header, spec.columns);
  const keys = spec.columns.map((c) => c.key);
  const { rows, unmatched, stats } = readCodedRows(data, start, map, keys);
  return {
    rows,
    columns: spec.columns.map((c) => ({ key: c.key, label: c.path.map((level) => level[0]).join('/') || scColumnLabel(c) })),
    columnsBy: by,
    headerRowsDropped: header.dropped,
    unmatched,
    decimals: stats.decimals,
    badCells: stats.bad,
  };
}
