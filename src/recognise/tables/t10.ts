/**
 * Table 10 部门决算公开相关信息统计表 (Shanxi 公开10表): rows keyed by their printed 行次 (`L<n>`);
 * the numbering may skip (seed 003 has no row 16). Section lines (一、政府采购情况) are not rows.
 * Rows 7–15 and 17 count vehicles and equipment, not money: the value is kept as printed.
 */
import type { Row } from '../../model/report.js';
import { compact, rowName } from '../normalise.js';
import { cellValue, isColumnNumberRow, placed, splitHeader, type TableRegion } from './grid.js';
import type { ParsedTable, TableContext } from './types.js';

export function parseT10(region: TableRegion, _ctx: TableContext): ParsedTable {
  const lineCol = (cells: string[]) => cells.findIndex((c, i) => i > 0 && /^\d{1,2}$/.test(compact(c)));
  const isData = (cells: string[]) => !isColumnNumberRow(cells) && lineCol(cells) > 0 && compact(cells[0] ?? '') !== '';
  const { header, data } = splitHeader(region, isData);
  const stats = { decimals: 0, bad: 0 };
  const rows: Row[] = [];
  const unmatched: { line: number; text: string }[] = [];
  for (const line of data) {
    const at = lineCol(line.cells);
    if (at <= 0) {
      const text = compact(line.cells.join(''));
      if (text && !/^[一二三四五六七八九十]+、/.test(text) && !/^项目/.test(text)) unmatched.push({ line: line.line, text });
      continue;
    }
    const n = Number(compact(line.cells[at]!));
    const valueAt = line.cells.findIndex((c, i) => i > at && c.trim() !== '');
    const v = cellValue(line.cells[valueAt]);
    if (v.decimals > stats.decimals) stats.decimals = v.decimals;
    if (v.bad) stats.bad++;
    rows.push({
      key: `L${n}`,
      name: rowName(line.cells.slice(0, at).join('')),
      line: n,
      cells: { amount: v.value },
      ...(v.dash ? { dashes: ['amount'] } : {}),
      ...placed(line, valueAt > at ? [[valueAt, 'amount']] : []),
    });
  }
  return {
    rows,
    columns: [{ key: 'amount', label: '统计数' }],
    columnsBy: 'labels',
    headerRowsDropped: header.dropped,
    unmatched,
    decimals: stats.decimals,
    badCells: stats.bad,
  };
}
