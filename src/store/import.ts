/**
 * Batch import: walk files and folders, read → recognise → check each file in worker threads, store
 * the results through one database connection in this thread. Every file goes through a job row, so a
 * run that is interrupted (Ctrl-C, killed) and started again resumes: stored bytes are recognised by
 * their sha256 and skipped, a job left running is taken back. With `queue`, the files are only stored
 * and queued, for `juesuan worker` processes (on any machine) to take; on the embedded database the
 * same jobs run in this process.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ReadLimits } from '../read/index.js';
import type { CheckResult } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { collectDocuments, type SkippedFile } from '../read/files.js';
import {
  claimJob,
  createBatch,
  DEFAULT_LEASE_SECONDS,
  enqueue,
  findSource,
  heartbeat,
  jobFailures,
  jobStatus,
  queueCounts,
  releaseExpired,
  sha256,
  storeSource,
  updateBatch,
  type BatchRow,
  type Failure,
  type Job,
  type QueueSql,
} from './queue.js';
import { AnalysisPool, processJob, runQueueWorker, workerName, type JobOutcome, type SaveReport } from './worker.js';

/** What import needs of the store (src/store: `openStore`). */
export interface ImportStore {
  sql: QueueSql;
  /** 'pglite': one process owns the database, so jobs left running belong to a dead run. */
  kind?: 'pglite' | 'postgres';
  /** Saves the report for a source row the queue stored. */
  saveReport(report: Report, check: CheckResult, source: { id: number }, actor?: string): Promise<{ id: number }>;
}

/** Largest file read (the readers' own default limit). */
const MAX_BYTES = 200 * 1024 * 1024;

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
  imported: number;
  duplicates: number;
  failed: number;
  /** 'store': files being stored and queued; 'process': jobs being processed. */
  phase: 'store' | 'process';
}

export interface ImportOptions {
  /** Files processed at once (worker threads), default: the machine's cores. */
  jobs?: number;
  limits?: ReadLimits;
  /** Store and queue the files for `juesuan worker`; on the embedded database they are processed here. */
  queue?: boolean;
  /** With `queue` on a server: wait until the workers have processed the batch, reporting progress. */
  wait?: boolean;
  leaseSeconds?: number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportResult {
  batchId: number;
  /** The last earlier run of the same inputs. */
  previous?: BatchRow;
  total: number;
  imported: number;
  duplicates: number;
  failures: Failure[];
  skipped: SkippedFile[];
  /** Queued and not (yet) processed: `queue` without `wait` on a server, or an interrupted run. */
  pending: number;
  interrupted: boolean;
  seconds: number;
}

interface Prepared {
  file: string;
  /** Already stored with a report: nothing to do. */
  duplicate?: boolean;
  failure?: Failure;
  job?: Job;
  bytes?: Uint8Array;
}

/** Read a file, store its bytes as a source and queue a job for it (or find it already done). */
async function prepare(sql: QueueSql, batchId: number, file: string, keepBytes: boolean): Promise<Prepared> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { file, failure: { file, code: 'not_a_file', message: `不是文件：${file}` } };
    if (info.size > MAX_BYTES) {
      return { file, failure: { file, code: 'too_large', message: `文件过大（${(info.size / 1024 / 1024).toFixed(1)} MiB，上限 200 MiB）：${file}` } };
    }
    bytes = await readFile(file);
  } catch {
    return { file, failure: { file, code: 'not_found', message: `文件不存在或无法访问：${file}` } };
  }
  if (bytes.length === 0) return { file, failure: { file, code: 'empty', message: `文件为空：${file}` } };
  const hash = sha256(bytes);
  const found = await findSource(sql, hash);
  if (found?.reportId != null) return { file, duplicate: true };
  const sourceId = found?.sourceId ?? (await storeSource(sql, { bytes, filename: file, sha256: hash }));
  const job = await enqueue(sql, { batchId, sourceId, path: file });
  return keepBytes ? { file, job, bytes } : { file, job };
}

function saver(store: ImportStore): SaveReport {
  return async (report, check, source) => (await store.saveReport(report, check, { id: source.id }, 'import')).id;
}

/** Import files and folders into the store; see the module comment. */
export async function importFiles(store: ImportStore, inputs: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const started = Date.now();
  const sql = store.sql;
  const lease = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const { files, skipped } = await collectDocuments(inputs);
  const { batch, previous } = await createBatch(sql, {
    paths: inputs.map((p) => resolve(p)),
    mode: options.queue ? 'queue' : 'direct',
    total: files.length,
    skipped: skipped.length,
  });
  // The embedded database has one process: a job still marked running was left by a run that died.
  if (store.kind === 'pglite') await releaseExpired(sql, 0);

  const counts = { imported: 0, duplicates: 0 };
  const failures: Failure[] = [];
  const jobIds: number[] = [];
  let done = 0;
  let interrupted = false;
  const progress = (file: string, phase: ImportProgress['phase']) =>
    options.onProgress?.({ done, total: files.length, file, imported: counts.imported, duplicates: counts.duplicates, failed: failures.length, phase });
  const record = (file: string, outcome: { status: 'imported' | 'duplicate' | 'failed'; failure?: Failure }, phase: ImportProgress['phase']) => {
    if (outcome.status === 'imported') counts.imported++;
    else if (outcome.status === 'duplicate') counts.duplicates++;
    else failures.push(outcome.failure!);
    done++;
    progress(file, phase);
  };
  let lastSaved = Date.now();
  const saveBatch = async (status: 'running' | 'done' | 'queued') => {
    lastSaved = Date.now();
    await updateBatch(sql, batch.id, { ...counts, failed: failures.length, failures, status });
  };

  /** The batch row saved for the last time, and what the run did. */
  const finish = async (status: 'running' | 'done' | 'queued'): Promise<ImportResult> => {
    await saveBatch(status);
    return {
      batchId: batch.id,
      ...(previous ? { previous } : {}),
      total: files.length,
      ...counts,
      failures,
      skipped,
      pending: files.length - done,
      interrupted,
      seconds: (Date.now() - started) / 1000,
    };
  };

  const save = saver(store);
  if (!options.queue) {
    // In-process: prepare and process in one pipeline, `jobs` files in flight.
    const name = workerName();
    const pool = new AnalysisPool(options.jobs, options.limits ?? {});
    const held = new Set<number>();
    const beat = setInterval(() => void heartbeat(sql, name, [...held]).catch(() => {}), Math.max(200, (lease * 1000) / 3));
    beat.unref();
    // Two files with the same bytes in one run: the second waits for the first's job.
    const inFlight = new Map<number, Promise<JobOutcome['status']>>();
    let next = 0;
    const slot = async () => {
      while (next < files.length && !options.signal?.aborted) {
        const file = files[next++]!;
        const p = await prepare(sql, batch.id, file, true);
        if (p.failure) record(file, { status: 'failed', failure: p.failure }, 'process');
        else if (p.duplicate) record(file, { status: 'duplicate' }, 'process');
        else {
          jobIds.push(p.job!.id);
          const status = await runJob(p.job!, p.bytes!);
          if (status === 'released') interrupted = true;
          else if (status === 'failed') {
            const s = await jobStatus(sql, p.job!.id);
            record(file, { status: 'failed', failure: { file, code: s.errorCode ?? 'failed', message: s.error ?? '' } }, 'process');
          } else record(file, { status }, 'process');
        }
        if (Date.now() - lastSaved > 2000) await saveBatch('running');
      }
    };
    const runJob = async (job: Job, bytes: Uint8Array): Promise<JobOutcome['status']> => {
      const same = inFlight.get(job.sourceId);
      if (same) return (await same) === 'imported' ? 'duplicate' : await same;
      const work = (async (): Promise<JobOutcome['status']> => {
        for (;;) {
          const claimed = await claimJob(sql, name, job.id);
          if (claimed) {
            held.add(claimed.id);
            const outcome = await processJob(sql, save, pool, claimed, bytes);
            held.delete(claimed.id);
            return outcome.status;
          }
          // Someone else holds it (another process on the server): wait for it, or for its lease to run out.
          const s = await jobStatus(sql, job.id);
          if (s.status === 'done') return s.duplicate ? 'duplicate' : 'imported';
          if (s.status === 'failed') return 'failed';
          if (options.signal?.aborted) return 'released';
          await new Promise((r) => setTimeout(r, 500));
          await releaseExpired(sql, lease);
        }
      })();
      inFlight.set(job.sourceId, work);
      try {
        return await work;
      } finally {
        inFlight.delete(job.sourceId);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, Math.min(pool.size, files.length)) }, slot));
    } finally {
      clearInterval(beat);
      await pool.close();
    }
    if (options.signal?.aborted && done < files.length) interrupted = true;
    return finish(interrupted ? 'running' : 'done');
  }

  // Queue: store every file and queue its job first (bytes in the database, for workers anywhere).
  for (const file of files) {
    if (options.signal?.aborted) break;
    const p = await prepare(sql, batch.id, file, false);
    if (p.failure) record(file, { status: 'failed', failure: p.failure }, 'store');
    else if (p.duplicate) record(file, { status: 'duplicate' }, 'store');
    else {
      jobIds.push(p.job!.id);
      progress(file, 'store');
    }
  }
  const preFailures = [...failures];
  const preDuplicates = counts.duplicates;
  const queuedDone = done;
  const tally = async () => {
    const c = await queueCounts(sql, jobIds);
    counts.imported = c.done;
    counts.duplicates = preDuplicates + c.duplicates;
    failures.splice(0, failures.length, ...preFailures, ...(c.failed > 0 ? await jobFailures(sql, jobIds) : []));
    done = queuedDone + c.done + c.duplicates + c.failed;
    return c;
  };
  if (!options.signal?.aborted && jobIds.length > 0 && store.kind === 'pglite') {
    // The embedded database: the same jobs, run here (no other process can reach this database).
    await runQueueWorker(sql, save, {
      ...(options.jobs ? { concurrency: options.jobs } : {}),
      untilEmpty: true,
      leaseSeconds: lease,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onJob: (o) => {
        if (o.status === 'imported') counts.imported++;
        else if (o.status === 'duplicate') counts.duplicates++;
        else if (o.status === 'failed') failures.push({ file: o.job.path, code: o.error!.code, message: o.error!.message });
        if (o.status !== 'released') done++;
        progress(o.job.path, 'process');
      },
    });
  } else if (!options.signal?.aborted && jobIds.length > 0 && options.wait) {
    for (;;) {
      const c = await tally();
      progress('', 'process');
      if (c.queued + c.running === 0 || options.signal?.aborted) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const c = jobIds.length > 0 ? await tally() : { queued: 0, running: 0 };
  const pending = c.queued + c.running;
  interrupted = Boolean(options.signal?.aborted) && (pending > 0 || done < files.length);
  return finish(pending > 0 ? 'queued' : 'done');
}
