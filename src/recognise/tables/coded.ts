/**
 * Tables whose rows are classification codes plus a 合计 row: 02, 03, 05, 07, 08 (and the Sichuan
 * extras, read with the columns they print). Code and name sit left of the amounts; the code may be
 * printed in its own column, in the 合计 column, or in front of the name.
 */
import type { Row } from '../../model/report.js';
import { compact, labelKey, rowName, splitCode } from '../normalise.js';
import { columnsOf, hasAmount, isColumnNumberRow, mapColumns, placed, readCells, splitHeader, type ColumnSpec, type Line, type TableRegion } from './grid.js';
import type { ParsedTable, TableContext } from './types.js';

export const CODED_COLUMNS: Record<string, ColumnSpec[]> = {
  '02': [
    { key: '1', labels: ['本年收入合计', '合计', '收入合计'] },
    { key: '2', labels: ['财政拨款收入', '财政拨款'] },
    { key: '3', labels: ['上级补助收入'] },
    { key: '4', labels: ['事业收入'] },
    { key: '5', labels: ['经营收入'] },
    { key: '6', labels: ['附属单位上缴收入'] },
    { key: '7', labels: ['其他收入'] },
  ],
  '03': [
    { key: '1', labels: ['本年支出合计', '合计', '支出合计'] },
    { key: '2', labels: ['基本支出'] },
    { key: '3', labels: ['项目支出'] },
    { key: '4', labels: ['上缴上级支出'] },
    { key: '5', labels: ['经营支出'] },
    { key: '6', labels: ['对附属单位补助支出'] },
  ],
  '05': [
    { key: '1', labels: ['本年支出合计', '小计', '合计', '支出合计'] },
    { key: '2', labels: ['基本支出'] },
    { key: '3', labels: ['项目支出'] },
  ],
  '07': [
    { key: '1', labels: ['年初结转和结余', '年初结转结余'] },
    { key: '2', labels: ['本年收入'] },
    { key: '3', labels: ['小计', '合计', '本年支出合计'], parent: ['本年支出'] },
    { key: '4', labels: ['基本支出'] },
    { key: '5', labels: ['项目支出'] },
    { key: '6', labels: ['年末结转和结余', '年末结转结余'] },
  ],
  '08': [
    { key: '1', labels: ['小计', '合计', '本年支出合计'] },
    { key: '2', labels: ['基本支出'] },
    { key: '3', labels: ['项目支出'] },
  ],
};

/** Words that only a header row prints. */
const HEADER_WORD = /科目|编码|代码|栏次|^项目$|^行次$/;
/** The 合计 row of a coded table (项目支出合计 heads the Sichuan 项目支出 table). */
export const TOTAL_RE = /^(?:合计|总计|本年合计|支出合计|收入合计|项目支出合计)$/;

/** Left part of a row (code, name) and where the amounts begin. */
function amountStart(header: { paths: string[][]; numbers: Map<number, string> }, data: Line[]): number {
  let first = Infinity;
  for (const p of header.numbers.keys()) first = Math.min(first, p);
  if (first !== Infinity) return first;
  for (let p = 0; p < header.paths.length; p++) {
    const leaf = header.paths[p]?.[header.paths[p]!.length - 1];
    if (leaf && !/编码|代码|名称|项目|科目|^类$|^款$|^项$/.test(leaf)) return p;
  }
  for (const line of data) {
    const i = line.cells.findIndex((c, idx) => idx > 0 && hasAmount([c]));
    if (i > 0) first = Math.min(first, i);
  }
  return first === Infinity ? 2 : first;
}

export function parseCoded(id: string, region: TableRegion, _ctx: TableContext): ParsedTable {
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
  let specs = CODED_COLUMNS[id];
  if (!specs) {
    // A table without a known column set: keep the printed numbers, or number the columns in order.
    specs = positions.map((p, i) => ({ key: header.numbers.get(p) ?? String(i + 1), labels: [header.paths[p]?.join('/') || String(i + 1)] }));
  }
  const { map, by } = mapColumns(positions, header, specs);
  const keys = specs.map((s) => s.key);
  const { rows, unmatched, stats } = readCodedRows(data, start, map, keys);
  return {
    rows,
    columns: columnsOf(specs),
    columnsBy: by,
    headerRowsDropped: header.dropped,
    unmatched,
    decimals: stats.decimals,
    badCells: stats.bad,
  };
}

/**
 * The data rows of a table keyed by 类/款/项 code (tables 02/03/05/07/08 and the Sichuan detail tables):
 * code and name from the cells before `start` (a code alone, "208 社会保障和就业支出" in one cell, or
 * 类 | 款 | 项 in three cells), 合计 as `total`, amounts through the column map.
 */
export function readCodedRows(
  data: Line[],
  start: number,
  map: Parameters<typeof readCells>[1],
  keys: string[],
): { rows: Row[]; unmatched: { line: number; text: string }[]; stats: { decimals: number; bad: number } } {
  const stats = { decimals: 0, bad: 0 };
  const rows: Row[] = [];
  const unmatched: { line: number; text: string }[] = [];
  for (const line of data) {
    const left = line.cells.slice(0, start).map((c) => c.trim()).filter((c) => c !== '');
    let code: string | undefined;
    const names: string[] = [];
    for (const cell of left) {
      // The code alone, or "208 社会保障和就业支出" printed in one cell.
      const split = code === undefined ? splitCode(cell) : undefined;
      if (split) {
        code = split.code;
        if (split.name) names.push(split.name);
      } else if (code !== undefined && names.length === 0 && /^\d{2}$/.test(cell) && code.length < 7) {
        code += cell; // older templates print the code in three columns: 类 | 款 | 项 (208 | 01 | 99)
      } else names.push(cell);
    }
    const name = rowName(names.join(''));
    let key: string | undefined;
    if (code) key = code;
    else if (TOTAL_RE.test(labelKey(name))) key = 'total';
    if (!key) {
      if (name !== '' || hasAmount(line.cells, start)) unmatched.push({ line: line.line, text: compact(line.cells.join(' ')) });
      continue;
    }
    const dashes: string[] = [];
    const cells = readCells(line.cells, map, keys, stats, dashes);
    rows.push({
      key,
      ...(code ? { code } : {}),
      name,
      cells,
      ...(dashes.length > 0 ? { dashes } : {}),
      ...placed(line, map),
    });
  }
  return { rows, unmatched, stats };
}
