/**
 * The import queue on a real PostgreSQL server: `juesuan import --queue` stores and queues, two
 * `juesuan worker` processes share the jobs (each done exactly once), a job whose worker died (lease
 * expired) is retried and one that has had its three tries is given up, `--queue --wait` follows the
 * queue while a worker runs. Needs JUESUAN_TEST_DATABASE_URL (CI sets it); without it the test says so.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeImportCorpus, type ImportCorpus } from './support/import-corpus.js';

const SERVER = process.env['JUESUAN_TEST_DATABASE_URL'];
const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'juesuan.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function juesuan(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Job ids a worker reported, from its `[任务 #id]` lines. */
const jobIds = (r: Run) => [...r.stderr.matchAll(/^\[任务 #(\d+)\]/gm)].map((m) => Number(m[1]));

if (!SERVER) {
  describe('import queue on PostgreSQL', () => {
    it.skip('skipped: JUESUAN_TEST_DATABASE_URL is not set (a PostgreSQL server is needed; .ci/run starts one)', () => {});
  });
} else {
  describe('import queue on PostgreSQL', () => {
    // A database of its own: test files run in parallel on the one server.
    const name = `juesuan_queue_${process.pid}_${Date.now().toString(36)}`;
    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    const db = url.toString();
    let admin: pg.Client;
    let client: pg.Client;
    let corpus: ImportCorpus;
    const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];

    beforeAll(async () => {
      admin = new pg.Client({ connectionString: SERVER });
      await admin.connect();
      await admin.query(`create database ${name}`);
      corpus = await writeImportCorpus(join(mkdtempSync(join(tmpdir(), 'juesuan-queue-')), '文档'));
    }, 120_000);

    afterAll(async () => {
      await client?.end();
      await admin?.query(`drop database if exists ${name} with (force)`);
      await admin?.end();
    });

    it('import --queue stores the bytes and queues a job per file', async () => {
      const r = await juesuan('import', corpus.dir, '--db', db, '--queue');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/导入 0 个、重复 0 个、失败 0 个（共 10 个文件，跳过 1 个，未处理 10 个）/);
      expect(r.stdout).toMatch(/10 个文件已存入数据库并排队，由 juesuan worker --db .* 处理/);
      client = new pg.Client({ connectionString: db });
      await client.connect();
      expect(await q('select status, count(*)::int as n from jobs group by status')).toEqual([{ status: 'queued', n: 10 }]);
      // The bytes are in the database: a worker elsewhere needs nothing but the connection.
      const [sources] = await q<{ n: number; bytes: number }>('select count(*)::int as n, sum(length(bytes))::int as bytes from sources');
      expect(sources!.n).toBe(10);
      expect(sources!.bytes).toBeGreaterThan(100_000);
    }, 60_000);

    it('two workers take every job exactly once; an expired lease is retried, a third expiry gives up', async () => {
      // Two jobs whose worker "died" an hour ago: one on its first try, one on its third.
      const jobs = (await q<{ id: string; path: string }>('select id, path from jobs order by id')).map((j) => ({ id: Number(j.id), path: j.path }));
      const retried = jobs.find((j) => j.path.endsWith('000_8c04445ecb95010e.txt'))!;
      const abandoned = jobs.find((j) => j.path.endsWith('001_b122782aca3f9b34.txt'))!;
      await q("update jobs set status = 'running', locked_by = 'dead', locked_at = now() - interval '1 hour', attempts = 1 where id = $1", [retried.id]);
      await q("update jobs set status = 'running', locked_by = 'dead', locked_at = now() - interval '1 hour', attempts = 3 where id = $1", [abandoned.id]);

      const [a, b] = await Promise.all([
        juesuan('worker', '--db', db, '--until-empty', '--concurrency', '2', '--lease', '30'),
        juesuan('worker', '--db', db, '--until-empty', '--concurrency', '2', '--lease', '30'),
      ]);
      const ids = [...jobIds(a), ...jobIds(b)];
      // Every job but the abandoned one, each reported by exactly one worker.
      expect(ids.sort((x, y) => x - y)).toEqual(jobs.filter((j) => j.id !== abandoned.id).map((j) => j.id));
      expect(new Set(ids).size).toBe(ids.length);
      for (const w of [a, b]) expect(w.stdout).toMatch(/^处理 \d+ 个任务：导入 \d+ 个、重复 0 个、失败 \d 个/m);
      expect(a.stderr + b.stderr).toMatch(/失败 .*损坏的文件\.docx：Word 文档已损坏或不完整/);

      const rows = await q<{ id: number; status: string; attempts: number; error_code: string | null; report_id: number | null }>(
        'select id, status, attempts, error_code, report_id from jobs order by id',
      );
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      expect(byId.get(retried.id)).toMatchObject({ status: 'done', attempts: 2 });
      expect(byId.get(abandoned.id)).toMatchObject({ status: 'failed', error_code: 'abandoned', report_id: null });
      expect(rows.filter((r) => r.status === 'done')).toHaveLength(8);
      expect(rows.filter((r) => r.status === 'failed').map((r) => r.error_code).sort()).toEqual(['abandoned', 'corrupt']);
      // One report per stored file, none twice.
      const reports = await q<{ source_id: number }>('select source_id from reports');
      expect(reports).toHaveLength(8);
      expect(new Set(reports.map((r) => Number(r.source_id))).size).toBe(8);
    }, 120_000);

    it('import --queue --wait follows the queue while a polling worker works; stored files are duplicates', async () => {
      const worker = spawn(process.execPath, [BIN, 'worker', '--db', db, '--concurrency', '2', '--poll', '0.2'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let workerErr = '';
      worker.stderr.on('data', (c: Buffer) => (workerErr += c.toString()));
      const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
      try {
        const r = await juesuan('import', corpus.dir, '--db', db, '--queue', '--wait');
        // The given-up file is queued anew and now imported; the broken one fails again with its reason.
        expect(r.code, r.stderr).toBe(1);
        // The first batch as its jobs left it (the workers above), not as it was when queued.
        expect(r.stdout).toMatch(/这些路径曾于 .*（批次 #1，已完成：导入 8、重复 0、失败 2）；本次有 8 个文件已在库中/);
        expect(r.stdout).toMatch(/导入 1 个、重复 8 个、失败 1 个（共 10 个文件，跳过 1 个）/);
        expect(r.stdout).toMatch(/损坏的文件\.docx：Word 文档已损坏或不完整/);
      } finally {
        worker.kill('SIGTERM');
      }
      expect(await exited).toBe(1); // a graceful stop, reporting the failed job
      expect(workerErr).toMatch(/正在停止/);
      const reports = await q<{ n: number; sources: number }>('select count(*)::int as n, count(distinct source_id)::int as sources from reports');
      expect(reports[0]).toEqual({ n: 9, sources: 9 });
      expect(await q("select count(*)::int as n from jobs where status in ('queued', 'running')")).toEqual([{ n: 0 }]);
    }, 120_000);
  });
}
