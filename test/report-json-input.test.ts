/**
 * Report JSON files (`juesuan/report@1`, as `extract --format json` and the bundled examples write
 * them) through `juesuan check` and `juesuan import`, as a user runs them: checked and stored as they
 * are, without being recognised again; a folder's other JSON (supplements) passed over.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'juesuan.js');
const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const WORKBENCH = join(EXAMPLES, '工作台示例');
const root = mkdtempSync(join(tmpdir(), 'juesuan-report-json-'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function juesuan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('Report JSON files as input', () => {
  it('check: a folder of the workbench examples finds the deliberate 广州 2024 errors, and only them', async () => {
    const { code, stdout } = await juesuan('check', WORKBENCH, '--format', 'json', '--jobs', '2');
    expect(code).toBe(1);
    const files = JSON.parse(stdout).files as { file: string; error?: unknown; findings: { rule: string; severity: string; status: string; table: string; row: string }[] }[];
    expect(files).toHaveLength(readdirSync(WORKBENCH).filter((f) => f.endsWith('.json')).length);
    expect(files).toHaveLength(15);
    expect(files.filter((f) => f.error)).toEqual([]);
    const problems = files.flatMap((f) => f.findings.filter((x) => x.status === 'fail' && x.severity !== 'info').map((x) => `${f.file.split('/').pop()} ${x.rule} ${x.table}/${x.row}`));
    expect(problems.sort()).toEqual(
      ['T01-R1 01/inc.total', 'T01-R2 01/inc.grand_total', 'T01-R6 01/exp.closing', 'X-R1 02/total'].map((x) => `广州市示例档案局-2024.json ${x}`).sort(),
    );
  });

  it('check: a folder passes over JSON that is not a report; a named one is unreadable with a Chinese reason', async () => {
    const folder = await juesuan('check', join(EXAMPLES, '生成示例'), '--format', 'json', '--jobs', '1');
    const files = JSON.parse(folder.stdout).files as { file: string; error?: unknown }[];
    expect(files.map((f) => f.file.split('/').slice(-2).join('/')).sort()).toEqual(['gd/上年报告.json', 'gd/本年报告.json', 'sc/上年报告.json', 'sc/本年报告.json', 'sx/上年报告.json', 'sx/本年报告.json']);
    expect(files.filter((f) => f.error)).toEqual([]);
    const named = await juesuan('check', join(EXAMPLES, '生成示例', 'gd', '补充数据.json'));
    expect(named.code).toBe(2);
    expect(named.stdout + named.stderr).toMatch(/schema 应为 "juesuan\/report@1"/);
  });

  it('import: the workbench examples folder stores 15 reports, as the files say, with their findings', async () => {
    const db = join(root, 'db');
    const { code, stdout, stderr } = await juesuan('import', WORKBENCH, '--db', db);
    expect(code, stderr).toBe(0);
    expect(stdout + stderr).toMatch(/导入 15 个/);
    const store = await openStore(db);
    try {
      const list = await store.listReports({ limit: 100, sort: 'entity' });
      expect(list.total).toBe(15);
      expect(new Set(list.items.map((i) => i.entity)).size).toBe(5);
      expect(list.items.filter((i) => i.errors > 0).map((i) => `${i.entity} ${i.year} ${i.errors}`)).toEqual(['广州市示例档案局 2024 4']);
      const gz = list.items.find((i) => i.entity === '广州市示例档案局' && i.year === 2024)!;
      const detail = (await store.getReport(gz.id))!;
      expect(detail.source!.filename).toBe('广州市示例档案局-2024.json');
      expect(detail.report.tables.find((t) => t.id === '01')!.rows.find((r) => r.key === 'inc.total')!.cells['1']).toBe(356.66);
      const [source] = await store.sql.query<{ media_type: string }>('select media_type from sources s join reports r on r.source_id = s.id where r.id = $1', [gz.id]);
      expect(source!.media_type).toBe('application/json');
    } finally {
      await store.close();
    }
  }, 60_000);
});
