/**
 * Table 06 一般公共预算财政拨款基本支出决算明细表: economic classification rows printed in column
 * groups side by side (人员经费 | 公用经费; Shanxi prints one 人员经费 group and three 公用经费 groups).
 * Each group is read on its own, top to bottom across page breaks, left group first; then the two
 * totals 人员经费合计 and 公用经费合计, whose amount is the first amount to the right of the label.
 */
import type { Row } from '../../model/report.js';
import { compact, rowName, splitCode } from '../normalise.js';
import { cellValue, hasAmount, isColumnNumberRow, placed, splitHeader, type TableRegion } from './grid.js';
import type { ParsedTable, TableContext } from './types.js';

const CODE_HEADER = /编码|代码|^科目$/;
const AMOUNT_HEADER = /金额|决算数|合计|^数$/;
const TOTALS: [RegExp, string, string][] = [
  [/^人员经费合计$/, 'personnel_total', '人员经费合计'],
  [/^公用经费合计$/, 'public_total', '公用经费合计'],
];

/** One column group: where its code, name and amount are. `name === code` when both share one cell. */
interface Group {
  code: number;
  name: number;
  amount: number;
}

function groupsFromHeader(rows: string[][]): Group[] {
  for (const row of rows) {
    const cells = row.map(compact);
    const codes = cells.map((c, i) => (CODE_HEADER.test(c) ? i : -1)).filter((i) => i >= 0);
    if (codes.length === 0) continue;
    return codes.map((code, g) => {
      const end = codes[g + 1] ?? cells.length;
      let amount = -1;
      for (let p = code + 1; p < end; p++) if (AMOUNT_HEADER.test(cells[p] ?? '')) amount = p;
      if (amount < 0) return { code, name: code + 1, amount: code + 2 };
      // "科目编码 科目名称 | 金额": code and name share the column left of the amount.
      return { code, name: amount > code + 1 ? code + 1 : code, amount };
    });
  }
  return [];
}

/**
 * Without a labelled header: a group starts at every column where some row prints a code; when
 * most codes there carry their name in the same cell, the amount is the next column.
 */
function groupsFromData(data: string[][]): Group[] {
  const codes = new Map<number, { alone: number; named: number }>();
  for (const cells of data) {
    cells.forEach((c, i) => {
      const split = splitCode(c);
      if (!split) return;
      const n = codes.get(i) ?? { alone: 0, named: 0 };
      if (split.name) n.named++;
      else n.alone++;
      codes.set(i, n);
    });
  }
  return [...codes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([code, n]) => (n.named > n.alone ? { code, name: code, amount: code + 1 } : { code, name: code + 1, amount: code + 2 }));
}

export function parseT06(region: TableRegion, _ctx: TableContext): ParsedTable {
  const isData = (cells: string[]) =>
    !isColumnNumberRow(cells) && (hasAmount(cells) || cells.some((c) => splitCode(c) !== undefined || /经费合计$/.test(compact(c))));
  const { header, data } = splitHeader(region, isData);
  let groups = groupsFromHeader(header.rows);
  if (groups.length === 0) groups = groupsFromData(data.map((l) => l.cells));
  const stats = { decimals: 0, bad: 0 };
  const rows: Row[] = [];
  const totals: Row[] = [];
  const unmatched: { line: number; text: string }[] = [];
  const totalLines = new Set<number>();
  data.forEach((line, i) => {
    const cells = line.cells.map(compact);
    for (const [re, key, fallback] of TOTALS) {
      const at = cells.findIndex((c) => re.test(c));
      if (at < 0) continue;
      totalLines.add(i);
      let value: number | null = null;
      let valueAt: number | undefined;
      for (let p = at + 1; p < cells.length; p++) {
        if (TOTALS.some(([other]) => other.test(cells[p] ?? ''))) break;
        if ((cells[p] ?? '') === '') continue;
        const v = cellValue(cells[p]);
        value = v.value;
        valueAt = p;
        if (v.decimals > stats.decimals) stats.decimals = v.decimals;
        break;
      }
      totals.push({ key, name: cells[at] || fallback, cells: { amount: value }, ...placed(line, valueAt !== undefined ? [[valueAt, 'amount']] : []) });
    }
  });
  for (const group of groups) {
    data.forEach((line, i) => {
      if (totalLines.has(i)) return;
      const split = splitCode(line.cells[group.code] ?? '');
      const code = split?.code;
      const name = rowName(group.name === group.code ? (split?.name ?? line.cells[group.code] ?? '') : (line.cells[group.name] ?? ''));
      if (!code) {
        if (name !== '') unmatched.push({ line: line.line, text: name });
        return;
      }
      const v = cellValue(line.cells[group.amount]);
      if (v.decimals > stats.decimals) stats.decimals = v.decimals;
      if (v.bad) stats.bad++;
      rows.push({
        key: code,
        code,
        name,
        cells: { amount: v.value },
        ...(v.dash ? { dashes: ['amount'] } : {}),
        ...placed(line, [[group.amount, 'amount']]),
      });
    });
  }
  totals.sort((a, b) => (a.key === 'personnel_total' ? -1 : 1) - (b.key === 'personnel_total' ? -1 : 1));
  return {
    rows: [...rows, ...totals],
    columns: [{ key: 'amount', label: '金额' }],
    columnsBy: groups.length > 0 && header.rows.length > 0 ? 'labels' : 'position',
    headerRowsDropped: header.dropped,
    unmatched,
    decimals: stats.decimals,
    badCells: stats.bad,
  };
}
