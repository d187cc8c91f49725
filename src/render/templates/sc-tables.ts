/**
 * The printed layout of Sichuan's four extra tables (rules.md §1.13), built from their column data in
 * model/sc-tables.ts: a header of as many label rows as the deepest column path (group labels merged
 * over their columns, a leaf standing down to the 栏次 row), the 栏次 row, then 合计 and the coded
 * rows. Same shape as the standard tables of render/layout.ts (header cells with spans, body rows as
 * text), so every writer prints them unchanged; amounts are formatted by the caller (0.00 or blank).
 */
import type { Row, Table } from '../../model/report.js';
import { SC_TABLES, isScTableId, type ScColumn, type ScTableId } from '../../model/sc-tables.js';
import type { ColumnKind, LayoutCell } from '../layout.js';

export interface ScGrid {
  header: LayoutCell[][];
  body: string[][];
  paged: boolean;
  kinds: ColumnKind[];
}

export interface ScGridOptions {
  /** gd prints 功能分类科目编码 and 合计 in the name column; sx prints 科目代码 and 合计 in the code column. */
  template: 'gd' | 'sx';
  /** The printed amounts of a row for the given column keys (layout.ts `amounts`: 0.00 or blank, ——). */
  amounts: (row: Row | undefined, keys: string[]) => string[];
}

/** Header rows from the column paths: [row][col] cells with spans, covered positions blank. */
export function scHeader(id: ScTableId, template: 'gd' | 'sx'): LayoutCell[][] {
  const spec = SC_TABLES[id];
  const columns = spec.columns;
  const depth = Math.max(2, ...columns.map((c) => c.path.length));
  const width = 2 + columns.length;
  const rows: LayoutCell[][] = Array.from({ length: depth + 1 }, () => Array.from({ length: width }, () => ({ text: '' })));
  const place = (r: number, c: number, text: string, rowSpan: number, colSpan: number) => {
    const cell = rows[r]![c]!;
    cell.text = text;
    if (rowSpan > 1) cell.rowSpan = rowSpan;
    if (colSpan > 1) cell.colSpan = colSpan;
    for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) if (dr || dc) rows[r + dr]![c + dc]!.covered = true;
  };
  // Left block: 项目 over the code and name columns, then their labels down to the 栏次 row.
  const sx = template === 'sx';
  const codeLabel = sx ? '科目代码' : spec.rows === 'economic' ? '经济分类科目编码' : '功能分类科目编码';
  place(0, 0, '项目', 1, 2);
  place(1, 0, codeLabel, depth - 1, 1);
  place(1, 1, '科目名称', depth - 1, 1);
  if (sx) place(depth, 0, '栏次', 1, 2);
  else rows[depth]![1]!.text = '栏次';
  // Amount columns: at each level, a run of columns with the same labels down to it shares one cell.
  const prefix = (col: ScColumn, level: number) => col.path.slice(0, level + 1).map((l) => l[0]).join('\u0000');
  for (let level = 0; level < depth; level++) {
    for (let i = 0; i < columns.length; ) {
      const col = columns[i]!;
      if (col.path.length <= level) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < columns.length && columns[j]!.path.length > level && prefix(columns[j]!, level) === prefix(col, level)) j++;
      const leaf = level === col.path.length - 1 && j === i + 1;
      place(level, 2 + i, col.path[level]![0]!, leaf ? depth - level : 1, j - i);
      i = j;
    }
  }
  columns.forEach((col, i) => (rows[depth]![2 + i]!.text = /^\d+$/.test(col.key) ? col.key : String(i + 1)));
  return rows;
}

/** The grid of one Sichuan table, or undefined for another id. */
export function scTableGrid(table: Table, options: ScGridOptions): ScGrid | undefined {
  if (!isScTableId(table.id)) return undefined;
  const spec = SC_TABLES[table.id];
  const keys = spec.columns.map((c) => c.key);
  const sx = options.template === 'sx';
  const body = table.rows.map((row): string[] => {
    const values = options.amounts(row, keys);
    if (row.key === 'total') return sx ? [row.name, '', ...values] : ['', row.name, ...values];
    return [row.code ?? row.key, row.name, ...values];
  });
  return { header: scHeader(table.id, options.template), body, paged: true, kinds: ['code', 'label', ...keys.map((): ColumnKind => 'amount')] };
}

/** The note under a Sichuan table (本表反映部门本年度…). */
export function scTableNote(id: string, scopeWord: '部门' | '单位'): string | undefined {
  return isScTableId(id) ? SC_TABLES[id].note.replace('{S}', scopeWord) : undefined;
}
