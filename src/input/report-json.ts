/** A Report JSON (as `juesuan extract` prints it) as generator input, validated with Chinese errors. */
import { readFile } from 'node:fs/promises';
import { JuesuanError } from '../model/errors.js';
import type { Report } from '../model/report.js';
import { TABLE_TITLES } from '../recognise/tables/titles.js';

const KNOWN = new Set(TABLE_TITLES.map((t) => t.id));

function fail(path: string, message: string): never {
  throw new JuesuanError('not_a_document', `${path}：${message}`, path);
}

/** Check the shape the generator relies on; fill the optional arrays a hand-written file may omit. */
export function validateReport(value: unknown, path: string): Report {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, '不是报告 JSON（应为一个对象）。');
  const r = value as Record<string, unknown>;
  if (r['schema'] !== 'juesuan/report@1') fail(path, `schema 应为 "juesuan/report@1"，而不是 ${JSON.stringify(r['schema'] ?? null)}。`);
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
  });
  r['title'] ??= '';
  r['kind'] ??= 'final-accounts';
  r['scope'] ??= null;
  r['moneyUnit'] ??= '万元';
  r['sections'] ??= [];
  r['template'] ??= null;
  r['diagnostics'] ??= [];
  return r as unknown as Report;
}

export async function readReportJson(path: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JuesuanError('not_found', `找不到文件：${path}`, path);
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(path, `不是有效的 JSON：${(error as Error).message}`);
  }
  return validateReport(value, path);
}
