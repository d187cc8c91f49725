/**
 * Access to the seed documents and their golden extractions in ../shared (never copied into the
 * repository). Tests that need them are skipped with a visible reason when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '../../src/model/report.js';

export const SHARED = resolve(process.env['JUESUAN_SHARED'] ?? join(import.meta.dirname, '..', '..', '..', 'shared'));
export const SEEDS_DIR = join(SHARED, 'seeds');
export const GOLDEN_DIR = join(SHARED, 'golden');
export const HAVE_SEEDS = existsSync(SEEDS_DIR) && existsSync(GOLDEN_DIR);

if (!HAVE_SEEDS) {
  console.warn(`\n[juesuan tests] 找不到种子文档目录 ${SEEDS_DIR}：依赖种子文档的测试将被跳过（设置 JUESUAN_SHARED 指向 shared 目录）。\n`);
}

export interface Seed {
  id: string;
  file: string;
  path: string;
  golden: Partial<Report> & { tables: Report['tables'] };
}

export function seeds(): Seed[] {
  if (!HAVE_SEEDS) return [];
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const id = file.slice(0, 3);
      const golden = JSON.parse(readFileSync(join(GOLDEN_DIR, file.replace(/\.txt$/, '.json')), 'utf8'));
      return { id, file, path: join(SEEDS_DIR, file), golden };
    });
}

export function seed(id: string): Seed {
  const s = seeds().find((x) => x.id === id);
  if (!s) throw new Error(`seed ${id} not found in ${SEEDS_DIR}`);
  return s;
}

const seedReports = new Map<string, Promise<Report>>();

/** A seed read and recognised once per test file (the reports are frozen by nobody: do not mutate them). */
export function seedReport(id: string): Promise<Report> {
  let r = seedReports.get(id);
  if (!r) seedReports.set(id, (r = import('../../src/index.js').then((m) => m.extractFile(seed(id).path))));
  return r;
}
