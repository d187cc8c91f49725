/**
 * Classification catalogs (《政府收支分类科目》 parts) as versioned per-year CSV files in `data/catalogs/`.
 * The file for the report year is used, else the nearest earlier year, else the earliest one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FunctionalClass {
  code: string;
  name: string;
  /** Position among the 26 class rows of tables 01/04; 0 when the class is never such a row. */
  order: number;
}

export interface EconomicItem {
  code: string;
  name: string;
  level: '类' | '款';
  parent: string;
  group: '人员经费' | '公用经费';
}

/** The package root: `data/` sits beside `src/` both in the sources and in `dist/`'s parent. */
let resolvedDataDir: string | undefined;
function dataDir(): string {
  if (resolvedDataDir) return resolvedDataDir;
  resolvedDataDir = findDataDir();
  return resolvedDataDir;
}

function findDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      readdirSync(join(dir, 'data', 'catalogs'));
      return join(dir, 'data', 'catalogs');
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error('找不到分类目录数据文件夹 data/catalogs');
}

/** RFC 4180 CSV (quoted fields with doubled quotes), enough for our own data files. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((c) => c !== '')) rows.push(row);
  return rows;
}

function readCsv(file: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

const listings = new Map<string, string[]>();

function fileForYear(prefix: string, year: number | undefined): string {
  const dir = dataDir();
  let names = listings.get(dir);
  if (!names) listings.set(dir, (names = readdirSync(dir)));
  const years = names
    .map((f) => new RegExp(`^${prefix}-(\\d{4})\\.csv$`).exec(f)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  if (years.length === 0) throw new Error(`缺少分类目录文件 ${prefix}-YYYY.csv`);
  const chosen = [...years].reverse().find((y) => year !== undefined && y <= year) ?? years[0]!;
  return join(dir, `${prefix}-${chosen}.csv`);
}

const ORDINALS = '一二三四五六七八九十';
function chineseOrdinal(text: string): number {
  if (!text) return 0;
  let n = 0;
  const t = text.trim();
  if (t.startsWith('二十')) n = 20 + (t.length > 2 ? ORDINALS.indexOf(t[2]!) + 1 : 0);
  else if (t.startsWith('十')) n = 10 + (t.length > 1 ? ORDINALS.indexOf(t[1]!) + 1 : 0);
  else n = ORDINALS.indexOf(t[0]!) + 1;
  return n;
}

const cache = new Map<string, unknown>();

export function functionalClasses(year?: number): FunctionalClass[] {
  const file = fileForYear('functional-classes', year);
  const hit = cache.get(file) as FunctionalClass[] | undefined;
  if (hit) return hit;
  const list = readCsv(file).map((r) => ({
    code: r['code'] ?? '',
    name: r['name'] ?? '',
    order: r['in_public01_04'] === 'yes' ? chineseOrdinal(r['order_in_public01_04'] ?? '') : 0,
  }));
  cache.set(file, list);
  return list;
}

export function economicItems(year?: number): EconomicItem[] {
  const file = fileForYear('economic-classification-dept', year);
  const hit = cache.get(file) as EconomicItem[] | undefined;
  if (hit) return hit;
  const list = readCsv(file).map((r) => ({
    code: r['code'] ?? '',
    name: r['name'] ?? '',
    level: (r['level'] === '类' ? '类' : '款') as EconomicItem['level'],
    parent: r['parent'] ?? '',
    group: (r['public06_group'] === '人员经费' ? '人员经费' : '公用经费') as EconomicItem['group'],
  }));
  cache.set(file, list);
  return list;
}
