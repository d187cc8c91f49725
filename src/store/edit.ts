/**
 * Edits of a stored Report: one amount cell, or one text. Pure functions; the store re-checks,
 * saves a new version and audits.
 *
 * A text is addressed by a JSON Pointer (RFC 6901) into the Report, limited to the texts a clerk
 * may correct:
 * - `/title`, `/entity` (the region is derived again from the new entity name);
 * - `/sections/0/title`, `/sections/0/children/2/title` (any depth of `children`);
 * - `/sections/0/paragraphs/1/text`, `/sections/0/children/2/paragraphs/0/text`;
 * - `/tables/3/title`, `/tables/3/rows/12/name` (array indices, as in the Report JSON).
 * A text edit reads the narrative's facts again (recognise's `refreshFacts`), so that the re-check
 * judges the new words: the facts of an edited paragraph point into its new text (its span becomes
 * that text's, later spans move on when it grew); the other facts keep pointing at the source file.
 */
import type { Report } from '../model/report.js';
import { refreshFacts } from '../recognise/index.js';
import { StoreError } from './errors.js';

export interface CellEdit {
  /** Table id ('01' … '09', …). */
  table: string;
  /** Row key (`inc.total`, `2080505`); a row code is accepted too. */
  row: string;
  /** Column key ('1', 'amount', …). */
  column: string;
  /** The amount in the report's money unit, at most the table's decimals; null clears the cell. */
  value: number | null;
}

export interface TextEdit {
  /** JSON Pointer into the Report (see the module comment for the accepted forms). */
  path: string;
  value: string;
}

const TEXT_PATHS = [
  /^\/(?:title|entity)$/,
  /^\/sections\/\d+(?:\/children\/\d+)*\/(?:title|paragraphs\/\d+\/text)$/,
  /^\/tables\/\d+\/(?:title|rows\/\d+\/name)$/,
];

export function applyCellEdit(report: Report, edit: CellEdit): { report: Report; before: number | null; after: number | null } {
  const next = structuredClone(report);
  const table = next.tables.find((t) => t.id === edit.table);
  if (!table) throw new StoreError('not_found', `报告中没有表 ${edit.table}`);
  const row = table.rows.find((r) => r.key === edit.row) ?? table.rows.find((r) => r.code === edit.row);
  if (!row) throw new StoreError('not_found', `表 ${edit.table} 中没有行 ${edit.row}`);
  const known = table.columns.some((c) => c.key === edit.column) || edit.column in row.cells;
  if (!known) throw new StoreError('not_found', `表 ${edit.table} 中没有栏 ${edit.column}`);
  const value = edit.value;
  if (value !== null) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new StoreError('bad_request', '金额应为数字');
    const decimals = /\.(\d+)$/.exec(String(value))?.[1]?.length ?? 0;
    if (decimals > table.decimals || /e/i.test(String(value))) throw new StoreError('bad_request', `金额 ${value} 的小数位数超过本表的 ${table.decimals} 位`);
  }
  const before = row.cells[edit.column] ?? null;
  row.cells[edit.column] = value;
  // A typed value replaces a printed dash.
  if (row.dashes) row.dashes = row.dashes.filter((c) => c !== edit.column);
  return { report: next, before, after: value };
}

export function applyTextEdit(report: Report, edit: TextEdit): { report: Report; before: string; after: string } {
  if (typeof edit.path !== 'string' || !TEXT_PATHS.some((re) => re.test(edit.path))) {
    throw new StoreError('bad_request', `不能修改的位置：${edit.path}（可修改 /title、/entity、章节标题与段落、表名与行名）`);
  }
  if (typeof edit.value !== 'string') throw new StoreError('bad_request', '文字内容应为字符串');
  const value = edit.value.replace(/\r\n?/g, '\n');
  if ((edit.path === '/title' || edit.path === '/entity') && value.trim() === '') throw new StoreError('bad_request', '标题和单位名称不能为空');
  const next = structuredClone(report);
  const keys = edit.path.slice(1).split('/');
  let target: Record<string, unknown> = next as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const child = Array.isArray(target) ? (target as unknown[])[Number(key)] : target[key];
    if (child === null || typeof child !== 'object') throw new StoreError('not_found', `报告中没有 ${edit.path}`);
    target = child as Record<string, unknown>;
  }
  const leaf = keys[keys.length - 1]!;
  const before = target[leaf];
  if (typeof before !== 'string') throw new StoreError('not_found', `报告中没有 ${edit.path}`);
  target[leaf] = edit.path === '/entity' || edit.path === '/title' ? value.trim() : value;
  const after = target[leaf] as string;
  // Facts depend on paragraphs, section titles (topics), the entity (cut from phrases) and row names (cell links).
  const readsFacts = !/^\/(?:title|tables\/\d+\/title)$/.test(edit.path) && after !== before;
  return { report: readsFacts ? refreshFacts(next, report) : next, before, after };
}
