/**
 * The import queue on PostgreSQL: a `batches` row per `juesuan import` run and a `jobs` row per file to
 * read, recognise, check and store. The file's bytes are stored as a source first, so that a worker
 * process on any machine can take the job; workers claim jobs with `FOR UPDATE SKIP LOCKED` and hold a
 * lease (`locked_at`, refreshed while they work). A job whose lease ran out (its worker died) goes back
 * to the queue, and is given up after MAX_ATTEMPTS tries. The embedded PGlite database runs the same
 * jobs in-process.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';

/** The part of the store's SQL adapter the queue uses (src/store: `store.sql`). */
export interface QueueSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** Tries of one job before it is marked failed (a worker that died counts as a try). */
export const MAX_ATTEMPTS = 3;
/** Seconds without a heartbeat after which a running job is taken back. */
export const DEFAULT_LEASE_SECONDS = 60;

/** Appended to the store's migrations (after sources and reports). */
export const QUEUE_MIGRATION = `
create table if not exists batches (
  id bigserial primary key,
  key text not null,
  paths jsonb not null,
  mode text not null,
  status text not null default 'running',
  total integer not null default 0,
  imported integer not null default 0,
  duplicates integer not null default 0,
  failed integer not null default 0,
  skipped integer not null default 0,
  failures jsonb not null default '[]'::jsonb,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index if not exists batches_key on batches (key, id);
create table if not exists jobs (
  id bigserial primary key,
  batch_id bigint references batches (id) on delete set null,
  source_id bigint not null references sources (id) on delete cascade,
  path text not null,
  filename text not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts integer not null default 0,
  locked_at timestamptz,
  locked_by text,
  report_id bigint references reports (id) on delete set null,
  duplicate boolean not null default false,
  error_code text,
  error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index if not exists jobs_queued on jobs (id) where status = 'queued';
create index if not exists jobs_running on jobs (locked_at) where status = 'running';
create index if not exists jobs_batch on jobs (batch_id);
-- one pending job per source: a re-run or a second import of the same bytes joins the pending job
create unique index if not exists jobs_pending_source on jobs (source_id) where status in ('queued', 'running');
`;

export interface Job {
  id: number;
  batchId: number | null;
  sourceId: number;
  path: string;
  filename: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
}

export interface BatchRow {
  id: number;
  key: string;
  mode: string;
  status: string;
  total: number;
  imported: number;
  duplicates: number;
  failed: number;
  skipped: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface Failure {
  file: string;
  code: string;
  message: string;
}

const MEDIA_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'text/html',
  '.shtml': 'text/html',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xlsm': 'application/vnd.ms-excel.sheet.macroEnabled.12',
  '.xls': 'application/vnd.ms-excel',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.json': 'application/json',
};

export function mediaType(filename: string): string {
  return MEDIA_TYPES[extname(filename).toLowerCase()] ?? 'application/octet-stream';
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A run's identity: the same inputs (absolute, sorted) give the same key, so a re-run finds the last run. */
export function batchKey(paths: string[]): string {
  return createHash('sha256').update(JSON.stringify([...paths].sort())).digest('hex');
}

type Row = Record<string, unknown>;

function toBatch(r: Row): BatchRow {
  const time = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v));
  return {
    id: Number(r['id']),
    key: String(r['key']),
    mode: String(r['mode']),
    status: String(r['status']),
    total: Number(r['total']),
    imported: Number(r['imported']),
    duplicates: Number(r['duplicates']),
    failed: Number(r['failed']),
    skipped: Number(r['skipped']),
    startedAt: time(r['started_at'])!,
    finishedAt: time(r['finished_at']),
  };
}

function toJob(r: Row): Job {
  return {
    id: Number(r['id']),
    batchId: r['batch_id'] === null ? null : Number(r['batch_id']),
    sourceId: Number(r['source_id']),
    path: String(r['path']),
    filename: String(r['filename']),
    status: r['status'] as Job['status'],
    attempts: Number(r['attempts']),
  };
}

/** Open a batch; `previous` is the last earlier run of the same inputs. */
export async function createBatch(
  sql: QueueSql,
  init: { paths: string[]; mode: 'direct' | 'queue'; total: number; skipped: number },
): Promise<{ batch: BatchRow; previous: BatchRow | undefined }> {
  const key = batchKey(init.paths);
  const [prev] = await sql.query<Row>('select * from batches where key = $1 order by id desc limit 1', [key]);
  const [row] = await sql.query<Row>(
    'insert into batches (key, paths, mode, total, skipped) values ($1, $2::jsonb, $3, $4, $5) returning *',
    [key, JSON.stringify(init.paths), init.mode, init.total, init.skipped],
  );
  return { batch: toBatch(row!), previous: prev ? await liveBatch(sql, prev) : undefined };
}

/**
 * A batch as it stands now. A queued batch's row holds its counts from queue time; its jobs, which
 * workers elsewhere process after, hold the rest: imported and failed jobs, and the files that were
 * duplicates or failed before they got a job (the row's counts less its jobs).
 */
async function liveBatch(sql: QueueSql, row: Row): Promise<BatchRow> {
  const batch = toBatch(row);
  if (batch.status !== 'queued') return batch;
  const jobs = await sql.query<Row>('select status, duplicate, path from jobs where batch_id = $1', [batch.id]);
  const paths = new Set(jobs.map((j) => String(j['path'])));
  const failures = (typeof row['failures'] === 'string' ? JSON.parse(row['failures']) : (row['failures'] ?? [])) as Failure[];
  const failedBefore = failures.filter((f) => !paths.has(f.file)).length;
  const count = (status: string, duplicate = false) => jobs.filter((j) => j['status'] === status && Boolean(j['duplicate']) === duplicate).length;
  const pending = count('queued') + count('running');
  return {
    ...batch,
    status: pending > 0 ? 'queued' : 'done',
    imported: count('done'),
    duplicates: Math.min(batch.duplicates, batch.total - jobs.length - failedBefore) + count('done', true),
    failed: failedBefore + count('failed'),
  };
}

export async function updateBatch(
  sql: QueueSql,
  id: number,
  counts: { imported: number; duplicates: number; failed: number; failures: Failure[]; status: 'running' | 'done' | 'queued' },
): Promise<void> {
  await sql.query(
    `update batches set imported = $2, duplicates = $3, failed = $4, failures = $5::jsonb, status = $6,
       finished_at = case when $6 = 'done' then now() else finished_at end where id = $1`,
    [id, counts.imported, counts.duplicates, counts.failed, JSON.stringify(counts.failures), counts.status],
  );
}

export async function getBatch(sql: QueueSql, id: number): Promise<BatchRow | undefined> {
  const [row] = await sql.query<Row>('select * from batches where id = $1', [id]);
  return row ? toBatch(row) : undefined;
}

/** The stored source with these bytes and its report, if any. */
export async function findSource(sql: QueueSql, hash: string): Promise<{ sourceId: number; reportId: number | null } | undefined> {
  const [row] = await sql.query<Row>(
    'select s.id as source_id, (select r.id from reports r where r.source_id = s.id order by r.id limit 1) as report_id from sources s where s.sha256 = $1',
    [hash],
  );
  if (!row) return undefined;
  return { sourceId: Number(row['source_id']), reportId: row['report_id'] === null ? null : Number(row['report_id']) };
}

/** Store a file's bytes as a source (once per sha256); returns the source id. */
export async function storeSource(sql: QueueSql, file: { bytes: Uint8Array; filename: string; sha256?: string }): Promise<number> {
  const hash = file.sha256 ?? sha256(file.bytes);
  const [row] = await sql.query<Row>(
    `insert into sources (sha256, filename, media_type, size, bytes) values ($1, $2, $3, $4, $5)
       on conflict (sha256) do nothing returning id`,
    [hash, basename(file.filename), mediaType(file.filename), file.bytes.length, file.bytes],
  );
  if (row) return Number(row['id']);
  const found = await findSource(sql, hash);
  return found!.sourceId;
}

/** A queued job for the source, or the pending one another run already made. */
export async function enqueue(sql: QueueSql, job: { batchId: number; sourceId: number; path: string }): Promise<Job> {
  const [row] = await sql.query<Row>(
    `insert into jobs (batch_id, source_id, path, filename) values ($1, $2, $3, $4)
       on conflict (source_id) where status in ('queued', 'running') do nothing returning *`,
    [job.batchId, job.sourceId, job.path, basename(job.path)],
  );
  if (row) return toJob(row);
  const [pending] = await sql.query<Row>("select * from jobs where source_id = $1 and status in ('queued', 'running')", [job.sourceId]);
  if (pending) return toJob(pending);
  return enqueue(sql, job); // finished between the two statements: make a new one
}

/**
 * Take a queued job (the oldest, or the given one) and hold its lease. SKIP LOCKED lets many workers
 * claim at once without waiting on each other.
 */
export async function claimJob(sql: QueueSql, worker: string, only?: number): Promise<Job | undefined> {
  const [row] = await sql.query<Row>(
    `update jobs set status = 'running', locked_at = now(), locked_by = $1, attempts = attempts + 1
       where id = (select id from jobs where status = 'queued' ${only === undefined ? '' : 'and id = $2'}
                   order by id limit 1 for update skip locked)
       returning *`,
    only === undefined ? [worker] : [worker, only],
  );
  return row ? toJob(row) : undefined;
}

/** Refresh the leases of the jobs a worker holds. */
export async function heartbeat(sql: QueueSql, worker: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql.query("update jobs set locked_at = now() where id = any($1::bigint[]) and status = 'running' and locked_by = $2", [ids, worker]);
}

export async function completeJob(sql: QueueSql, id: number, reportId: number | null, duplicate: boolean): Promise<void> {
  await sql.query(
    "update jobs set status = 'done', report_id = $2, duplicate = $3, finished_at = now(), locked_at = null, error = null, error_code = null where id = $1",
    [id, reportId, duplicate],
  );
}

/** A job that cannot succeed (the file is unreadable): failed at once, with the reason. */
export async function failJob(sql: QueueSql, id: number, code: string, message: string): Promise<void> {
  await sql.query("update jobs set status = 'failed', error_code = $2, error = $3, finished_at = now(), locked_at = null where id = $1", [
    id,
    code,
    message,
  ]);
}

/** A job whose worker stopped before finishing (interrupted, crashed): back to the queue, or failed after MAX_ATTEMPTS. */
export async function releaseJob(sql: QueueSql, id: number, reason: string): Promise<void> {
  await sql.query(
    `update jobs set status = case when attempts >= $2 then 'failed' else 'queued' end,
       error_code = case when attempts >= $2 then 'abandoned' else error_code end,
       error = $3, locked_at = null, locked_by = null,
       finished_at = case when attempts >= $2 then now() else null end
     where id = $1 and status = 'running'`,
    [id, MAX_ATTEMPTS, reason],
  );
}

/**
 * Take back the jobs whose lease ran out (their worker died): queued again, or failed once they have
 * had MAX_ATTEMPTS tries. `leaseSeconds` 0 takes back every running job (the embedded database has one
 * process, so a running job there is always an interrupted one).
 */
export async function releaseExpired(sql: QueueSql, leaseSeconds: number): Promise<{ requeued: number; failed: number }> {
  const rows = await sql.query<Row>(
    `update jobs set status = case when attempts >= $2 then 'failed' else 'queued' end,
       error_code = case when attempts >= $2 then 'abandoned' else error_code end,
       error = case when attempts >= $2 then $3 else error end,
       finished_at = case when attempts >= $2 then now() else null end,
       locked_at = null, locked_by = null
     where id in (select id from jobs where status = 'running' and locked_at <= now() - make_interval(secs => $1)
                  for update skip locked)
     returning status`,
    [leaseSeconds, MAX_ATTEMPTS, `处理了 ${MAX_ATTEMPTS} 次均未完成（处理进程中断或超时），已放弃`],
  );
  return { requeued: rows.filter((r) => r['status'] === 'queued').length, failed: rows.filter((r) => r['status'] === 'failed').length };
}

export interface QueueCounts {
  queued: number;
  running: number;
  done: number;
  duplicates: number;
  failed: number;
}

/** Job counts: of the given jobs, or of the whole queue. */
export async function queueCounts(sql: QueueSql, ids?: number[]): Promise<QueueCounts> {
  const rows = await sql.query<Row>(
    `select status, duplicate, count(*)::int as n from jobs ${ids ? 'where id = any($1::bigint[])' : ''} group by status, duplicate`,
    ids ? [ids] : [],
  );
  const counts: QueueCounts = { queued: 0, running: 0, done: 0, duplicates: 0, failed: 0 };
  for (const r of rows) {
    const n = Number(r['n']);
    const status = r['status'] as Job['status'];
    if (status === 'done' && r['duplicate']) counts.duplicates += n;
    else counts[status] += n;
  }
  return counts;
}

/** The failed jobs among the given ones, with their reasons. */
export async function jobFailures(sql: QueueSql, ids: number[]): Promise<Failure[]> {
  const rows = await sql.query<Row>("select path, error_code, error from jobs where id = any($1::bigint[]) and status = 'failed' order by path", [ids]);
  return rows.map((r) => ({ file: String(r['path']), code: String(r['error_code'] ?? 'failed'), message: String(r['error'] ?? '') }));
}

export async function jobStatus(sql: QueueSql, id: number): Promise<Pick<Job, 'status' | 'attempts'> & { error: string | null; errorCode: string | null; duplicate: boolean }> {
  const [r] = await sql.query<Row>('select status, attempts, error, error_code, duplicate from jobs where id = $1', [id]);
  return {
    status: r!['status'] as Job['status'],
    attempts: Number(r!['attempts']),
    error: (r!['error'] as string | null) ?? null,
    errorCode: (r!['error_code'] as string | null) ?? null,
    duplicate: Boolean(r!['duplicate']),
  };
}

export async function sourceBytes(sql: QueueSql, sourceId: number): Promise<Uint8Array> {
  const [r] = await sql.query<Row>('select bytes from sources where id = $1', [sourceId]);
  const bytes = r?.['bytes'];
  if (!(bytes instanceof Uint8Array)) throw new Error(`source ${sourceId} has no bytes`);
  return bytes;
}
