/**
 * The thin SQL adapter over the two drivers the store runs on: PGlite (embedded PostgreSQL in WASM,
 * a folder or memory) and pg (a PostgreSQL server). Same text, same `$1…` parameters, same row shapes:
 * int8 and numeric come back as JS numbers (amounts are bigint units, far below 2^53), timestamptz as
 * Date, jsonb parsed, bytea as Uint8Array.
 */
import { mkdirSync } from 'node:fs';

export type SqlRow = Record<string, unknown>;

export interface Sql {
  query<T = SqlRow>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Run `fn` in one transaction; inside it, `tx` is the transaction's connection (nesting runs inline). */
  transaction<R>(fn: (tx: Sql) => Promise<R>): Promise<R>;
}

export interface Connection {
  sql: Sql;
  kind: 'pglite' | 'postgres';
  /** Run `fn` holding a session-level advisory lock on one connection (migrations). */
  withLock<R>(key: string, fn: (sql: Sql) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;

/** int8 → number when it is a safe integer (it always is for our amounts and counts), else the string. */
export function parseInt8(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

/** numeric → number when the decimal has at most 15 significant digits (exact round trip), else the string. */
export function parseNumeric(text: string): number | string {
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  return digits.length <= 15 ? Number(text) : text;
}

/** A stable 32-bit key for pg_advisory_lock from a name. */
function lockKey(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h | 0;
}

export async function connect(target: string, options: { schema?: string } = {}): Promise<Connection> {
  return /^postgres(?:ql)?:\/\//i.test(target) ? connectPg(target, options.schema) : connectPglite(target, options.schema);
}

function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}

async function connectPglite(target: string, schema?: string): Promise<Connection> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = target === 'memory://' || target.startsWith('memory://') ? target : target.replace(/^file:\/\//, '');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, {
    parsers: { [INT8]: (v: string) => parseInt8(v), [NUMERIC]: (v: string) => parseNumeric(v) },
  });
  if (schema) await db.exec(`create schema if not exists ${checkSchemaName(schema)}; set search_path to ${schema}, public;`);
  type Q = { query: (t: string, p?: unknown[]) => Promise<{ rows: unknown[] }> };
  const wrap = (q: Q, inTx: boolean): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await q.query(text, [...params])).rows as T[];
    },
    async transaction<R>(fn: (tx: Sql) => Promise<R>): Promise<R> {
      if (inTx) return fn(wrap(q, true));
      return db.transaction((tx) => fn(wrap(tx as unknown as Q, true)));
    },
  });
  const sql = wrap(db as unknown as Q, false);
  return {
    sql,
    kind: 'pglite',
    // One connection, one process: PGlite serialises everything already; the lock is kept for symmetry.
    async withLock(_key, fn) {
      return fn(sql);
    },
    async close() {
      await db.close();
    },
  };
}

async function connectPg(target: string, schema?: string): Promise<Connection> {
  const pg = (await import('pg')).default;
  const types = {
    getTypeParser(oid: number, format?: string) {
      if (oid === INT8) return parseInt8;
      if (oid === NUMERIC) return parseNumeric;
      return (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format);
    },
  };
  if (schema) checkSchemaName(schema);
  // The schema is set in the startup packet, so every connection of the pool uses it from its first query.
  const pool = new pg.Pool({
    connectionString: target,
    types: types as never,
    max: Number(process.env.JUESUAN_PG_POOL ?? 10),
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  pool.on('error', () => {
    /* an idle client lost its server: the pool replaces it; queries report their own errors */
  });
  if (schema) {
    // Concurrent `create schema if not exists` can collide on the catalog's unique index: serialise it.
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [lockKey(`schema:${schema}`)]);
      await client.query(`create schema if not exists ${schema}`);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [lockKey(`schema:${schema}`)]).catch(() => {});
      client.release();
    }
  }
  const toParams = (params: readonly unknown[]) => params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));
  const fromRows = <T>(rows: SqlRow[]): T[] => {
    for (const row of rows) for (const k in row) if (Buffer.isBuffer(row[k])) row[k] = new Uint8Array(row[k] as Buffer);
    return rows as T[];
  };
  type Client = { query: (t: string, p?: unknown[]) => Promise<{ rows: SqlRow[] }> };
  const clientSql = (client: Client): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return fromRows<T>((await client.query(text, toParams(params))).rows);
    },
    async transaction<R>(fn: (tx: Sql) => Promise<R>) {
      return fn(clientSql(client));
    },
  });
  const sql: Sql = {
    async query<T>(text: string, params: readonly unknown[] = []) {
      return fromRows<T>((await pool.query(text, toParams(params))).rows);
    },
    async transaction<R>(fn: (tx: Sql) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(clientSql(client as unknown as Client));
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
  };
  return {
    sql,
    kind: 'postgres',
    async withLock(key, fn) {
      const client = await pool.connect();
      const k = lockKey(`${key}:${schema ?? ''}`);
      try {
        await client.query('select pg_advisory_lock($1)', [k]);
        return await fn(clientSql(client as unknown as Client));
      } finally {
        await client.query('select pg_advisory_unlock($1)', [k]).catch(() => {});
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
