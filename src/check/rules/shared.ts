/** Checks that many rules share: row cross-foots and the 类/款/项 hierarchy foot. */
import type { Row, Table } from '../../model/report.js';
import type { RuleContext } from '../types.js';

/** The standard message of a sum check; rules may use their own. */
export const SUM_MESSAGE = '{{where}} {{actual}} ≠ {{terms}} {{expected}}，相差 {{absDifference}} {{unit}}';

/** For every row: total column = Σ part columns (T02-R1, T03-R1, T05-R1, T07-R1, T08-R1). */
export function crossFoot(ctx: RuleContext, tableId: string, total: string, parts: string[], termsLabel: string, rows?: (row: Row) => boolean): void {
  const table = ctx.table(tableId);
  if (!table) return;
  for (const row of table.rows) {
    if (rows && !rows(row)) continue;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: tableId, row: row.key, column: total },
      terms: parts.map((column) => ({ table: tableId, row: row.key, column })),
      termsLabel,
    });
  }
}

/** Rows of a coded table by level: 类 (3 digits), 款 (5), 项 (7). */
export function childrenOf(table: Table, code: string | undefined): Row[] {
  if (code === undefined) return table.rows.filter((r) => r.code?.length === 3);
  return table.rows.filter((r) => r.code !== undefined && r.code.length === code.length + 2 && r.code.startsWith(code));
}

const LEVEL_LABEL: Record<number, string> = { 0: '各类之和', 3: '其下各款之和', 5: '其下各项之和' };

/**
 * 合计 = Σ 类, 类 = Σ its 款, 款 = Σ its 项, in every given column (T02-R2, T03-R2, T05-R2, T07-R3,
 * T08-R1). A parent printed without children is not checked: there is nothing to add up.
 */
export function hierarchyFoot(ctx: RuleContext, tableId: string, columns: string[]): void {
  const table = ctx.table(tableId);
  if (!table) return;
  const parents: { key: string; code: string | undefined }[] = [
    ...(table.rows.some((r) => r.key === 'total') ? [{ key: 'total', code: undefined }] : []),
    ...table.rows.filter((r) => r.code && r.code.length < 7).map((r) => ({ key: r.key, code: r.code })),
  ];
  for (const parent of parents) {
    const children = childrenOf(table, parent.code);
    if (children.length === 0) continue;
    for (const column of columns) {
      ctx.sum({
        messageId: 'hierarchy',
        total: { table: tableId, row: parent.key, column },
        terms: children.map((c) => ({ table: tableId, row: c.key, column })),
        termsLabel: LEVEL_LABEL[parent.code?.length ?? 0] ?? '下级科目之和',
      });
    }
  }
}

/** Column keys of a table in printed order. */
export function columnKeys(table: Table | undefined): string[] {
  return table?.columns.map((c) => c.key) ?? [];
}
