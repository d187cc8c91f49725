/**
 * `juesuan import` into the embedded database (PGlite folder), as a user runs it: a folder of seeds,
 * documents our renderers wrote (md, html, xlsx, docx), a broken file and an unsupported one; counts,
 * reasons, a re-run that imports nothing new, --queue run in-process (the killed run: import-resume.test.ts).
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { expectedReports, writeImportCorpus, type ExpectedReport, type ImportCorpus } from './support/import-corpus.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'juesuan.js');
const root = mkdtempSync(join(tmpdir(), 'juesuan-import-'));
const template = join(root, 'template-db');
let corpus: ImportCorpus;
let expected: ExpectedReport[];

async function juesuan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A fresh database: a copy of one migrated once (creating a PGlite database takes seconds). */
function freshDb(name: string): string {
  const dir = join(root, name);
  cpSync(template, dir, { recursive: true });
  return dir;
}

interface Contents {
  reports: { filename: string; entity: string; year: number; errors: number; warnings: number; sha256: string }[];
  sources: number;
  jobs: { path: string; status: string; error_code: string | null; error: string | null; source_id: number }[];
}

async function contents(db: string): Promise<Contents> {
  const store = await openStore(db);
  try {
    const reports = await store.sql.query<Contents['reports'][number]>(
      'select r.filename, r.entity, r.year, r.errors, r.warnings, s.sha256 from reports r join sources s on s.id = r.source_id order by s.sha256',
    );
    const [sources] = await store.sql.query<{ n: number }>('select count(*)::int as n from sources');
    const jobs = await store.sql.query<Contents['jobs'][number]>('select path, status, error_code, error, source_id from jobs order by id');
    return { reports, sources: sources!.n, jobs };
  } finally {
    await store.close();
  }
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
  corpus = await writeImportCorpus(join(root, '文档'));
  expected = await expectedReports(corpus.good);
  await (await openStore(template)).close();
}, 120_000);

describe('juesuan import (embedded database)', () => {
  const db = () => join(root, 'db1');
  let first: Contents;

  it('imports a folder in parallel: counts, the failed file with its reason, the skipped file', async () => {
    freshDb('db1');
    const r = await juesuan('import', corpus.dir, '--db', db(), '-j', '2');
    expect(r.code, r.stderr).toBe(1); // one file failed
    expect(r.stdout).toMatch(/导入 9 个、重复 0 个、失败 1 个（共 10 个文件，跳过 1 个），用时 [\d.]+ 秒，[\d.]+ 个\/秒/);
    expect(r.stdout).toMatch(/失败的文件：\n {2}.*损坏的文件\.docx：Word 文档已损坏或不完整/);
    expect(r.stdout).toMatch(/跳过的文件：\n {2}.*说明\.csv：不支持的文件类型（\.csv）/);
    expect(r.stderr).toMatch(/已处理 10\/10 个文件：导入 9，重复 0，失败 1/); // a line per file when stderr is not a terminal

    first = await contents(db());
    // Each file stored once, with what reading, recognising and checking it gives.
    expect(first.reports).toEqual(expected);
    // The broken file's bytes are kept with its failed job and reason; the skipped one is not stored.
    expect(first.sources).toBe(10);
    const failed = first.jobs.filter((j) => j.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ path: corpus.broken, error_code: 'corrupt' });
    expect(first.jobs.filter((j) => j.status === 'done')).toHaveLength(9);
  }, 120_000);

  it('re-run: all duplicates, nothing new, and it says what the last run did', async () => {
    const r = await juesuan('import', corpus.dir, '--db', db(), '-j', '2');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/这些路径曾于 \S+ \S+ 导入（批次 #1，已完成：导入 9、重复 0、失败 1）；本次有 9 个文件已在库中，未重复导入。/);
    expect(r.stdout).toMatch(/导入 0 个、重复 9 个、失败 1 个（共 10 个文件，跳过 1 个）.*（批次 #2）/);
    const again = await contents(db());
    expect(again.reports).toEqual(first.reports);
    expect(again.sources).toBe(10);
  }, 120_000);

  it('--queue on the embedded database runs the same jobs in this process', async () => {
    const target = freshDb('db-queue');
    const two = corpus.good.slice(0, 2);
    const r = await juesuan('import', ...two, '--db', target, '--queue', '-j', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^导入 2 个、重复 0 个、失败 0 个（共 2 个文件），/m);
    expect(r.stderr).toMatch(/已入库排队 2\/2 个文件/);
    const stored = await contents(target);
    expect(stored.reports.map((x) => x.sha256).sort()).toEqual(two.map(sha).sort());
    expect(stored.jobs.map((j) => j.status)).toEqual(['done', 'done']);
  }, 120_000);

  it('exits 2 when the database cannot be opened', async () => {
    const r = await juesuan('import', corpus.dir, '--db', 'postgres://nobody@127.0.0.1:1/none');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^juesuan：无法打开数据库 postgres:\/\/nobody@127\.0\.0\.1:1\/none：/);
  }, 60_000);
});
