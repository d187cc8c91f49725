/**
 * `juesuan import` killed (SIGKILL) after its first files are stored, then run again: it resumes —
 * the job left running is taken back, what was stored is skipped — and ends with what an
 * uninterrupted run stores, nothing twice and nothing lost.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { expectedReports, writeImportCorpus, type ExpectedReport, type ImportCorpus } from './support/import-corpus.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'juesuan.js');
const root = mkdtempSync(join(tmpdir(), 'juesuan-resume-'));
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

async function contents(db: string) {
  const store = await openStore(db);
  try {
    const reports = await store.sql.query<ExpectedReport>(
      'select r.filename, r.entity, r.year, r.errors, r.warnings, s.sha256 from reports r join sources s on s.id = r.source_id order by s.sha256',
    );
    const [sources] = await store.sql.query<{ n: number }>('select count(*)::int as n from sources');
    const jobs = await store.sql.query<{ status: string; source_id: number }>('select status, source_id from jobs order by id');
    return { reports, sources: sources!.n, jobs };
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  corpus = await writeImportCorpus(join(root, '文档'));
  expected = await expectedReports(corpus.good);
}, 120_000);

describe('juesuan import, interrupted', () => {
  it('killed after the first files are stored and run again: the totals of an uninterrupted run', async () => {
    const target = join(root, 'db-killed');
    const child = spawn(process.execPath, [BIN, 'import', corpus.dir, '--db', target, '-j', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const killedAfter = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const n = Math.max(0, ...[...stderr.matchAll(/已处理 (\d+)\/10/g)].map((m) => Number(m[1])));
        if (n >= 2 && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve(n);
        }
      });
      child.on('exit', (code, signal) => (signal ? undefined : reject(new Error(`finished before it was killed (${code}): ${stderr}`))));
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    expect(killedAfter).toBeLessThan(10);

    const r = await juesuan('import', corpus.dir, '--db', target, '-j', '2');
    expect(r.code, r.stderr).toBe(1);
    const m = /导入 (\d+) 个、重复 (\d+) 个、失败 1 个/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    expect(Number(m![1]) + Number(m![2])).toBe(9);
    expect(Number(m![2])).toBeGreaterThanOrEqual(killedAfter - 1); // what the killed run stored is not imported again
    expect(r.stdout).toMatch(/批次 #1，未完成（被中断）/);

    const resumed = await contents(target);
    // What an uninterrupted run stores: every good file once, with its entity, year and findings counts.
    expect(resumed.reports).toEqual(expected);
    expect(resumed.sources).toBe(10);
    // Exactly one finished job per stored report, whatever was interrupted.
    const done = resumed.jobs.filter((j) => j.status === 'done');
    expect(new Set(done.map((j) => j.source_id)).size).toBe(done.length);
    expect(done).toHaveLength(9);
    expect(resumed.jobs.filter((j) => j.status === 'running' || j.status === 'queued')).toEqual([]);
  }, 180_000);

});
