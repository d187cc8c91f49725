/** Helpers the cross-table rules share: cells that count as 0 when not printed, class rows, names. */
import type { Row } from '../../../model/report.js';
import type { CellRef, Operand, RuleContext } from '../../types.js';

/**
 * The standard message of an equality between two tables: both cells as printed, both amounts, the
 * difference, then (for a failure only) the next step.
 */
export function equalMessage(nextStep: string): string {
  return `{{where}} 为 {{actual}} {{unit}}，{{other}} 为 {{expected}} {{unit}}，两者应相等，相差 {{absDifference}} {{unit}}{{toleranceNote}}${nextStep}`;
}

/** The standard message of a part that may not exceed its whole. */
export function atMostMessage(nextStep: string): string {
  return `{{where}} 为 {{actual}} {{unit}}，大于 {{other}} {{expected}} {{unit}}，多出 {{absDifference}} {{unit}}（前者是后者的一部分，不应更大）{{toleranceNote}}${nextStep}`;
}

/** A row keyed by a classification code (类/款/项 or 经济分类). */
export const isCodeKey = (key: string): boolean => /^\d{3,7}$/.test(key);

/**
 * A cell's amount in integer units. A row the table does not print counts as 0 when the table is
 * printed empty (本表无数据) or when the row is a classification code (coded tables print only the
 * codes used). A fixed row (合计, 本年收入合计 …) that was not read stays undefined.
 * Cross-table rules call this only after `need()`, so the table was read whole.
 */
export function valueOf(ctx: RuleContext, ref: CellRef): number | undefined {
  const v = ctx.units(ref);
  if (v !== undefined) return v;
  const table = ctx.table(ref.table);
  if (!table) return undefined;
  const row = ctx.row(ref.table, ref.row);
  if (table.empty && (!row || !table.columns.some((c) => c.key === ref.column))) return 0;
  if (!row && isCodeKey(ref.row)) return 0;
  return undefined;
}

/** A cell as an operand for equal/atMost: the cell itself when printed, else 0 with a label that says so. */
export function cellOrZero(ctx: RuleContext, ref: CellRef): Operand {
  if (ctx.units(ref) !== undefined) return ref;
  const v = valueOf(ctx, ref);
  if (v === undefined) return ref; // the context reports it as insufficient_data
  const table = ctx.table(ref.table);
  const why = table?.empty ? '本表无数据，按 0 计' : '该表未列此科目，按 0 计';
  return { units: v, label: `${ctx.describe(ref)}（${why}）` };
}

/** The 3-digit class codes of the exp.<code> rows of table 01 or 04, in printed order. */
export function classRows(ctx: RuleContext, tableId: string): Row[] {
  return (ctx.table(tableId)?.rows ?? []).filter((r) => /^exp\.\d{3}$/.test(r.key));
}

/** "2080110 劳动关系和维权" or the row key when the row is not printed. */
export function rowLabel(row: Row | undefined, key: string): string {
  if (!row) return key;
  return row.code ? `${row.code} ${row.name}` : row.name;
}

/** Names compared across tables: spaces removed, full- and half-width brackets unified. */
export function nameKey(name: string): string {
  return name
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[【[]/g, '[')
    .replace(/[】\]]/g, ']');
}

/** The table's printed title, or 表nn when it is not in the document. */
export function titleOf(ctx: RuleContext, id: string): string {
  return ctx.table(id)?.title ?? `表${id}`;
}

/** Integer units → the amount in the money unit, for a finding's expected/actual. */
export function amount(ctx: RuleContext, units: number): number {
  return units / ctx.scale;
}
