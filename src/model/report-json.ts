/**
 * A Report JSON file (`juesuan/report@1`, as `juesuan extract --format json` and the bundled examples
 * write it) read back as a Report: validated with Chinese errors, the optional arrays a hand-written
 * file may omit filled in. Every stage that takes files (check, import, render) reads it through here,
 * so a Report JSON is checked and stored as it is, without being recognised again.
 */
import { JuesuanError } from './errors.js';
import type { Report } from './report.js';
import { TABLE_TITLES } from './table-titles.js';

export const REPORT_SCHEMA = 'juesuan/report@1';

const KNOWN = new Set(TABLE_TITLES.map((t) => t.id));

function fail(path: string, message: string): never {
  throw new JuesuanError('not_a_document', `${path}：${message}`, path);
}

/** Check the shape the checker and the generator rely on; fill the optional arrays a hand-written file may omit. */
export function validateReport(value: unknown, path: string): Report {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, '不是报告 JSON（应为一个对象）。');
  const r = value as Record<string, unknown>;
  if (r['schema'] !== REPORT_SCHEMA) fail(path, `schema 应为 "${REPORT_SCHEMA}"，而不是 ${JSON.stringify(r['schema'] ?? null)}。`);
  if (typeof r['entity'] !== 'string') fail(path, '缺少单位名称 entity（字符串）。');
  if (typeof r['year'] !== 'number' || !Number.isInteger(r['year'])) fail(path, '缺少决算年度 year（整数）。');
  if (!Array.isArray(r['tables'])) fail(path, '缺少表格数组 tables。');
  (r['tables'] as unknown[]).forEach((t, i) => {
    if (typeof t !== 'object' || t === null) fail(path, `tables[${i}] 不是对象。`);
    const table = t as Record<string, unknown>;
    const id = table['id'];
    if (typeof id !== 'string' || !KNOWN.has(id)) fail(path, `tables[${i}] 的表格编号 id ${JSON.stringify(id ?? null)} 未知（应为 01–10 等标准表编号）。`);
    if (!Array.isArray(table['rows'])) fail(path, `表 ${id} 缺少 rows 数组。`);
    (table['rows'] as unknown[]).forEach((row, j) => {
      const rr = row as Record<string, unknown> | null;
      if (typeof rr !== 'object' || rr === null || typeof rr['key'] !== 'string') fail(path, `表 ${id} 第 ${j + 1} 行缺少行键 key。`);
      const cells = rr['cells'];
      if (typeof cells !== 'object' || cells === null) fail(path, `表 ${id} 行 ${rr['key']} 缺少 cells。`);
      for (const [col, v] of Object.entries(cells as Record<string, unknown>)) {
        if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) fail(path, `表 ${id} 行 ${rr['key']} 第 ${col} 栏的值 ${JSON.stringify(v)} 不是数字。`);
      }
      rr['name'] ??= '';
    });
    table['title'] ??= TABLE_TITLES.find((x) => x.id === id)!.name;
    table['empty'] ??= false;
    table['columns'] ??= [];
    table['decimals'] ??= 2;
    table['source'] ??= { line: 0, endLine: 0 };
    table['recognition'] ??= { columnsBy: 'position', parts: 1, headerRowsDropped: 0, unmatchedRows: [] };
  });
  r['title'] ??= '';
  r['kind'] ??= 'final-accounts';
  r['scope'] ??= null;
  r['moneyUnit'] ??= '万元';
  r['sections'] ??= [];
  r['template'] ??= null;
  r['diagnostics'] ??= [];
  r['source'] ??= { path, format: 'text', encoding: 'utf-8', bytes: 0, sha256: '' };
  return r as unknown as Report;
}

/** Parse and validate the bytes (or text) of a Report JSON file; `path` names it in messages. */
export function parseReportJson(input: Uint8Array | string, path: string): Report {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(path, `不是有效的 JSON：${(error as Error).message}`);
  }
  return validateReport(value, path);
}

/**
 * Whether bytes look like a Report JSON: a JSON object (after a BOM and blanks) that names the schema
 * near its start — so a folder's other JSON files (supplements, configurations) are passed over.
 */
export function looksLikeReportJson(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') && /"schema"\s*:\s*"juesuan\/report@1"/.test(head);
}

/** A file to be read as a Report JSON: named `.json`, or JSON bytes naming the schema. */
export function isReportJsonFile(path: string, bytes?: Uint8Array): boolean {
  return /\.json$/i.test(path) || (bytes !== undefined && looksLikeReportJson(bytes));
}
