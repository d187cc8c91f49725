/**
 * Findings placed on the report: by cell, by row, by table and by narrative span, each with a
 * stable id (`F0`, `F1` … in the server's order) that the page uses to scroll to its place.
 */
import type { Finding, Report } from './api.js';

export interface Placed extends Finding {
  fid: string;
}

export const SEVERITY_RANK: Record<string, number> = { error: 3, warning: 2, info: 1 };

/** Findings the clerk has to look at: broken rules and rounding differences (not_applicable etc. are listed apart). */
export const isActive = (f: Finding): boolean => f.status === 'fail' || f.status === 'round';

export function worst(fs: readonly Finding[]): 'error' | 'warning' | 'info' | null {
  let best: Finding | null = null;
  for (const f of fs) if (!best || (SEVERITY_RANK[f.severity] ?? 0) > (SEVERITY_RANK[best.severity] ?? 0)) best = f;
  return best ? best.severity : null;
}

export interface FindingIndex {
  all: Placed[];
  byCell: Map<string, Placed[]>;
  byRow: Map<string, Placed[]>;
  byTable: Map<string, Placed[]>;
  withSpan: Placed[];
}

export const cellKey = (table: string, row: string, column: string): string => `${table}|${row}|${column}`;
export const rowKey = (table: string, row: string): string => `${table}|${row}`;

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const xs = m.get(k);
  if (xs) xs.push(v);
  else m.set(k, [v]);
}

export function indexFindings(findings: readonly Finding[]): FindingIndex {
  const all = findings.map((f, i) => ({ ...f, fid: `F${i}` }));
  const index: FindingIndex = { all, byCell: new Map(), byRow: new Map(), byTable: new Map(), withSpan: [] };
  for (const f of all) {
    if (!isActive(f)) continue;
    const { table, row, column, span } = f.location;
    if (table && row && column) push(index.byCell, cellKey(table, row, column), f);
    else if (table && row) push(index.byRow, rowKey(table, row), f);
    else if (table) push(index.byTable, table, f);
    if (span) index.withSpan.push(f);
  }
  return index;
}

/** Where a finding is, in words: 表01 收入支出决算总表 · 本年收入合计 · 决算数. */
export function placeText(f: Finding, report: Report): string {
  const { table, row, column, span, page, sheet, cell } = f.location;
  const parts: string[] = [];
  const t = [...report.tables, ...(report.reconstructed ?? [])].find((x) => x.id === table);
  if (table) parts.push(t ? `${t.label ?? `表${t.id}`} ${t.title}` : `表${table}`);
  if (row) {
    const r = t?.rows.find((x) => x.key === row);
    parts.push(r ? [r.code, r.name].filter(Boolean).join(' ') : row);
  }
  if (column) parts.push(t?.columns.find((c) => c.key === column)?.label ?? `第${column}栏`);
  const evaluation = f.location.evaluation ? report.evaluations?.find((e) => e.id === f.location.evaluation) : undefined;
  if (evaluation) parts.push(`绩效自评 ${evaluation.id} ${evaluation.name}${span?.line ? ` · 第${span.line}行` : ''}`);
  else if (!table && span) parts.push(`情况说明${span.line ? `第${span.line}行` : ''}`);
  if (page) parts.push(`第${page}页`);
  if (sheet) parts.push(`工作表“${sheet}”${cell ?? ''}`);
  return parts.join(' · ');
}
