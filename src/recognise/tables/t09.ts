/**
 * Table 09 财政拨款“三公”经费支出决算表: 12 amounts, 预算数 (1–6) and 决算数 (7–12), each split into
 * 合计, 因公出国（境）费, 公务用车购置及运行维护费 (小计, 购置费, 运行维护费) and 公务接待费. Printed as
 * one data row under a two-block header, or transposed (a 预算数 row and a 决算数 row).
 */
import type { Row } from '../../model/report.js';
import { compact, labelKey } from '../normalise.js';
import { cellValue, hasAmount, isColumnNumberRow, mapColumns, placed, splitHeader, type ColumnSpec, type Line, type TableRegion } from './grid.js';
import type { ParsedTable, TableContext } from './types.js';

const ITEMS: { offset: number; labels: string[]; parent?: string[] }[] = [
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

export function parseT09(region: TableRegion, _ctx: TableContext): ParsedTable {
  const isData = (cells: string[]) => !isColumnNumberRow(cells) && hasAmount(cells);
  const { header, data } = splitHeader(region, isData);
  const stats = { decimals: 0, bad: 0 };
  const keys = T09_COLUMNS.map((c) => c.key);
  const columns = T09_COLUMNS.map((c) => ({ key: c.key, label: `${Number(c.key) <= 6 ? '预算数' : '决算数'}/${c.labels[0]}` }));
  const unmatched: { line: number; text: string }[] = [];
  if (data.length === 0) {
    return { rows: [], columns, columnsBy: 'column-numbers', headerRowsDropped: header.dropped, unmatched, decimals: 2, badCells: 0 };
  }
  const cells: Row['cells'] = Object.fromEntries(keys.map((k) => [k, null]));
  const dashes: string[] = [];
  const at: Pick<Row, 'boxes' | 'refs'> = {};
  const record = (line: Line, pos: number, key: string) => {
    const v = cellValue(line.cells[pos]);
    // Each amount keeps where it was printed (the transposed layout reads two lines).
    const p = placed(line, [[pos, key]]);
    if (p.boxes) (at.boxes ??= {})[key] = p.boxes[key]!;
    if (p.refs) (at.refs ??= {})[key] = p.refs[key]!;
    cells[key] = v.value;
    if (v.dash) dashes.push(key);
    if (v.decimals > stats.decimals) stats.decimals = v.decimals;
    if (v.bad) stats.bad++;
  };
  // Transposed: rows labelled 预算数 / 决算数, six amounts each.
  const labelled = data.filter((l) => {
    const first = labelKey(l.cells.find((c) => compact(c) !== '') ?? '');
    return BUDGET.includes(first) || ACTUAL.includes(first);
  });
  let columnsBy: ParsedTable['columnsBy'] = 'column-numbers';
  if (labelled.length > 0) {
    for (const line of labelled) {
      const texts = line.cells.map(compact);
      const labelAt = texts.findIndex((c) => c !== '');
      const base = BUDGET.includes(labelKey(texts[labelAt]!)) ? 0 : 6;
      const amounts = line.cells.slice(labelAt + 1);
      amounts.slice(0, 6).forEach((_t, i) => record(line, labelAt + 1 + i, String(base + i + 1)));
    }
    columnsBy = 'labels';
  } else {
    const line = data[0]!;
    const firstAmount = line.cells.findIndex((c) => hasAmount([c]));
    const positions: number[] = [];
    for (let p = Math.max(0, firstAmount); p < line.cells.length; p++) positions.push(p);
    const m = mapColumns(positions, header, T09_COLUMNS);
    columnsBy = m.by;
    for (const [pos, key] of m.map) record(line, pos, key);
    for (const extra of data.slice(1)) unmatched.push({ line: extra.line, text: compact(extra.cells.join(' ')) });
  }
  const source = placed(data[0]!).source!;
  return {
    rows: [{ key: 'main', name: '', cells, ...(dashes.length > 0 ? { dashes } : {}), source, ...at }],
    columns,
    columnsBy,
    headerRowsDropped: header.dropped,
    unmatched,
    decimals: stats.decimals,
    badCells: stats.bad,
  };
}
