/**
 * `juesuan serve --demo`: fill an empty store with the bundled fictional reports (examples/工作台示例:
 * five units × three years, and the generated pairs of examples/生成示例), checked as they are saved,
 * so that the library, the report page and the comparisons have something to show.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport } from '../check/index.js';
import type { Report } from '../model/report.js';
import type { Store } from '../store/index.js';

/** Folders of demo reports, relative to the package root. */
export const DEMO_DIRS = ['examples/工作台示例', 'examples/生成示例'];

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6 && !existsSync(join(dir, 'package.json')); i++) dir = dirname(dir);
  return dir;
}

async function jsonFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsonFiles(path)));
    else if (entry.name.endsWith('.json')) out.push(path);
  }
  return out.sort();
}

/** Load the demo reports when the store is empty; the number loaded. */
export async function loadDemo(store: Store, root = packageRoot()): Promise<number> {
  if ((await store.listReports({ limit: 1 })).total > 0) return 0;
  let loaded = 0;
  for (const dir of DEMO_DIRS) {
    for (const path of await jsonFiles(join(root, dir))) {
      const bytes = await readFile(path);
      const value = JSON.parse(bytes.toString('utf8')) as Partial<Report>;
      if (value.schema !== 'juesuan/report@1') continue; // 补充数据.json
      const report = { sections: [], diagnostics: [], ...value } as Report;
      const filename = path.slice(join(root, dir).length + 1);
      await store.saveReport(report, checkReport(report), { bytes, filename, mediaType: 'application/json' }, '示例数据');
      loaded++;
    }
  }
  return loaded;
}
