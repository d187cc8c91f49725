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

/** One 类/款/项 of the 支出功能分类 (functional classification). */
export interface FunctionalCode {
  code: string;
  name: string;
  level: '类' | '款' | '项';
  /** The code one level up ('' for a 类). */
  parent: string;
  /** Where the line comes from (SEED, KNOW …), when the file says. */
  provenance?: string;
}

/**
 * The functional catalogue chosen for a report year. `complete` is false for a catalogue compiled
 * from observed documents (functional-codes-observed-YYYY.csv): a code missing from it proves nothing.
 * `year` is the catalogue's own year, which differs from the report year when none exists for it.
 */
export interface FunctionalCatalogue {
  year: number;
  complete: boolean;
  file: string;
  items: FunctionalCode[];
  byCode: ReadonlyMap<string, FunctionalCode>;
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

/**
 * Read the catalogues from another folder (e.g. one holding an official complete functional
 * catalogue), or from the package's data/catalogs again with no argument. Clears the caches.
 */
export function setCatalogDir(dir?: string): void {
  resolvedDataDir = dir;
  listings.clear();
  cache.clear();
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

function listing(): string[] {
  const dir = dataDir();
  let names = listings.get(dir);
  if (!names) listings.set(dir, (names = readdirSync(dir)));
  return names;
}

function yearsOf(prefix: string): number[] {
  return listing()
    .map((f) => new RegExp(`^${prefix}-(\\d{4})\\.csv$`).exec(f)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The report year if a file has it, else the nearest earlier year, else the earliest. */
function chooseYear(years: number[], year: number | undefined): number | undefined {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  return [...sorted].reverse().find((y) => year !== undefined && y <= year) ?? sorted[0];
}

function fileForYear(prefix: string, year: number | undefined): string {
  const chosen = chooseYear(yearsOf(prefix), year);
  if (chosen === undefined) throw new Error(`缺少分类目录文件 ${prefix}-YYYY.csv`);
  return join(dataDir(), `${prefix}-${chosen}.csv`);
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

const LEVEL_BY_LENGTH: Record<number, FunctionalCode['level']> = { 3: '类', 5: '款', 7: '项' };

/**
 * The functional catalogue (类/款/项 codes and names) for a report year. Two kinds of file:
 * `functional-codes-YYYY.csv`, a complete official catalogue, and `functional-codes-observed-YYYY.csv`,
 * the codes seen in sample documents (incomplete). The year is chosen as for the other catalogues
 * (the report year, else the nearest earlier, else the earliest); for that year a complete file wins.
 * Columns: code, name, and optionally level, parent, provenance (level and parent default from the code).
 */
export function functionalCodes(year?: number): FunctionalCatalogue {
  const complete = yearsOf('functional-codes');
  const observed = yearsOf('functional-codes-observed');
  const chosen = chooseYear([...complete, ...observed], year);
  if (chosen === undefined) throw new Error('缺少功能分类目录文件 functional-codes-YYYY.csv 或 functional-codes-observed-YYYY.csv');
  const isComplete = complete.includes(chosen);
  const file = join(dataDir(), `${isComplete ? 'functional-codes' : 'functional-codes-observed'}-${chosen}.csv`);
  const hit = cache.get(file) as FunctionalCatalogue | undefined;
  if (hit) return hit;
  const items: FunctionalCode[] = [];
  for (const r of readCsv(file)) {
    const code = (r['code'] ?? '').trim();
    const level = (r['level'] as FunctionalCode['level'] | undefined) || LEVEL_BY_LENGTH[code.length];
    if (!/^\d+$/.test(code) || !level) continue;
    items.push({
      code,
      name: (r['name'] ?? '').trim(),
      level,
      parent: (r['parent'] ?? '').trim() || (code.length > 3 ? code.slice(0, code.length - 2) : ''),
      ...(r['provenance'] ? { provenance: r['provenance'] } : {}),
    });
  }
  const catalogue: FunctionalCatalogue = { year: chosen, complete: isComplete, file, items, byCode: new Map(items.map((i) => [i.code, i])) };
  cache.set(file, catalogue);
  return catalogue;
}
