/**
 * Import workers. Reading, recognising and checking a file is CPU work done in worker threads (this
 * same module is the thread's entry); the database connection stays in the main thread, which claims
 * jobs, hands the bytes to a thread and stores what comes back. `runQueueWorker` is `juesuan worker`:
 * it takes jobs from the queue until it is empty (or forever, polling), holding a lease on each.
 */
import { availableParallelism, hostname } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { readDocumentAsync, type ReadLimits } from '../read/index.js';
import { recognise } from '../recognise/index.js';
import { checkReport } from '../check/index.js';
import { JuesuanError } from '../model/errors.js';
import { isReportJsonFile, parseReportJson } from '../model/report-json.js';
import type { CheckResult } from '../model/finding.js';
import type { Report } from '../model/report.js';
import {
  claimJob,
  completeJob,
  DEFAULT_LEASE_SECONDS,
  failJob,
  heartbeat,
  releaseExpired,
  releaseJob,
  sourceBytes,
  type Job,
  type QueueSql,
} from './queue.js';

export type Analysis = { ok: true; report: Report; check: CheckResult } | { ok: false; code: string; message: string };

/** Read, recognise and check one file's bytes (a Report JSON is taken as it is); never throws for a bad input. */
export async function analyse(bytes: Uint8Array, path: string, limits: ReadLimits = {}): Promise<Analysis> {
  try {
    const report = isReportJsonFile(path, bytes) ? parseReportJson(bytes, path) : recognise(await readDocumentAsync(bytes, { ...limits, path }));
    return { ok: true, report, check: checkReport(report) };
  } catch (error) {
    if (error instanceof JuesuanError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'internal', message: `处理 ${path} 时出现内部错误：${(error as Error).message}` };
  }
}

const THREAD_MARK = 'juesuan-import-thread';

if (!isMainThread && (workerData as { mark?: string } | null)?.mark === THREAD_MARK) {
  const limits = (workerData as { limits: ReadLimits }).limits;
  parentPort?.on('message', (task: { id: number; bytes: Uint8Array; path: string }) => {
    void analyse(task.bytes, task.path, limits).then((result) => parentPort?.postMessage({ id: task.id, result }));
  });
}

interface Task {
  id: number;
  bytes: Uint8Array;
  path: string;
  resolve: (a: Analysis) => void;
}

/**
 * A fixed set of worker threads analysing files; `size` 1 (or running from TypeScript sources, where a
 * thread cannot load this module) analyses in the calling thread. A thread that dies fails its file
 * and is replaced.
 */
export class AnalysisPool {
  readonly size: number;
  private readonly threads: { worker: Worker; task: Task | undefined }[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 0;
  private closed = false;
  private readonly inline: boolean;

  constructor(
    size = availableParallelism(),
    private readonly limits: ReadLimits = {},
  ) {
    this.size = Math.max(1, size);
    this.inline = this.size === 1 || import.meta.url.endsWith('.ts');
  }

  run(bytes: Uint8Array, path: string): Promise<Analysis> {
    if (this.inline) return analyse(bytes, path, this.limits);
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, bytes, path, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.waiting.length > 0 && !this.closed) {
      let slot = this.threads.find((t) => !t.task);
      if (!slot) {
        if (this.threads.length >= this.size) return;
        slot = this.spawn();
      }
      const task = this.waiting.shift()!;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, bytes: task.bytes, path: task.path });
    }
  }

  private spawn(): { worker: Worker; task: Task | undefined } {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { mark: THREAD_MARK, limits: this.limits } });
    const slot: { worker: Worker; task: Task | undefined } = { worker, task: undefined };
    worker.on('message', (m: { id: number; result: Analysis }) => {
      const task = slot.task;
      slot.task = undefined;
      if (task && task.id === m.id) task.resolve(m.result);
      this.pump();
    });
    const died = (why: string) => {
      const i = this.threads.indexOf(slot);
      if (i < 0) return;
      this.threads.splice(i, 1);
      const task = slot.task;
      slot.task = undefined;
      task?.resolve({ ok: false, code: 'internal', message: `处理 ${task.path} 时工作线程异常退出：${why}` });
      this.pump();
    };
    worker.on('error', (e) => died(e.message));
    worker.on('exit', (code) => died(`退出码 ${code}`));
    worker.unref();
    this.threads.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}

/**
 * Stores a recognised report for a stored source; returns the report id (src/store: `store.saveReport`).
 */
export type SaveReport = (report: Report, check: CheckResult, source: { id: number; bytes: Uint8Array; filename: string }) => Promise<number>;

export interface JobOutcome {
  job: Job;
  status: 'imported' | 'duplicate' | 'failed' | 'released';
  reportId?: number;
  error?: { code: string; message: string };
}

/**
 * Process one claimed job: analyse (in the pool), store, mark done or failed. The bytes are read from
 * the source row unless given (the in-process import already has them in memory).
 */
export async function processJob(sql: QueueSql, save: SaveReport, pool: AnalysisPool, job: Job, bytes?: Uint8Array): Promise<JobOutcome> {
  try {
    const data = bytes ?? (await sourceBytes(sql, job.sourceId));
    const analysis = await pool.run(data, job.path);
    if (!analysis.ok) {
      await failJob(sql, job.id, analysis.code, analysis.message);
      return { job, status: 'failed', error: { code: analysis.code, message: analysis.message } };
    }
    // Stored meanwhile by another way in (the web upload, another run): the same bytes are imported once.
    const [row] = await sql.query<{ id: number }>('select id from reports where source_id = $1 order by id limit 1', [job.sourceId]);
    if (row) {
      await completeJob(sql, job.id, Number(row.id), true);
      return { job, status: 'duplicate', reportId: Number(row.id) };
    }
    const reportId = await save(analysis.report, analysis.check, { id: job.sourceId, bytes: data, filename: job.filename });
    await completeJob(sql, job.id, reportId, false);
    return { job, status: 'imported', reportId };
  } catch (error) {
    // The database failed us (connection lost …): give the job back for another try.
    await releaseJob(sql, job.id, `存储时出错：${(error as Error).message}`).catch(() => {});
    return { job, status: 'released', error: { code: 'store', message: `存储 ${job.path} 时出错：${(error as Error).message}` } };
  }
}

export interface QueueWorkerOptions {
  /** Jobs processed at once (threads), default: the machine's cores. */
  concurrency?: number;
  /** Stop when no job is queued (else poll for new jobs). */
  untilEmpty?: boolean;
  /** Seconds a job is held without a heartbeat before another worker takes it back. */
  leaseSeconds?: number;
  /** Milliseconds between polls of an empty queue. */
  pollMs?: number;
  limits?: ReadLimits;
  /** Names this worker in `jobs.locked_by`. */
  name?: string;
  signal?: AbortSignal;
  onJob?: (outcome: JobOutcome) => void;
}

export function workerName(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * `juesuan worker`: claim queued jobs (SKIP LOCKED, so many workers share one queue), process them
 * `concurrency` at a time, keep their leases fresh, and take back jobs whose worker died.
 */
export async function runQueueWorker(sql: QueueSql, save: SaveReport, options: QueueWorkerOptions = {}): Promise<{ imported: number; duplicates: number; failed: number }> {
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const lease = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const name = options.name ?? workerName();
  const pollMs = options.pollMs ?? 1000;
  const pool = new AnalysisPool(concurrency, options.limits ?? {});
  const held = new Set<number>();
  const totals = { imported: 0, duplicates: 0, failed: 0 };
  const beat = setInterval(() => void heartbeat(sql, name, [...held]).catch(() => {}), Math.max(200, (lease * 1000) / 3));
  beat.unref();
  let stopping = false;
  const sleeping = new Set<() => void>();
  const stop = () => {
    stopping = true;
    for (const wake of sleeping) wake();
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleeping.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleeping.add(wake);
    });

  const slot = async () => {
    while (!stopping) {
      await releaseExpired(sql, lease);
      const job = await claimJob(sql, name);
      if (!job) {
        if (options.untilEmpty) return;
        await sleep(pollMs);
        continue;
      }
      held.add(job.id);
      const outcome = await processJob(sql, save, pool, job);
      held.delete(job.id);
      if (outcome.status === 'imported') totals.imported++;
      else if (outcome.status === 'duplicate') totals.duplicates++;
      else if (outcome.status === 'failed') totals.failed++;
      options.onJob?.(outcome);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, slot));
  } finally {
    clearInterval(beat);
    options.signal?.removeEventListener('abort', stop);
    await pool.close();
  }
  return totals;
}
