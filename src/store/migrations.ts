/**
 * The store's schema: one ordered list of migrations for PGlite and PostgreSQL alike. Applied in
 * array order, each in its own transaction, recorded in `schema_migrations`. Never edit an applied
 * migration: append a new one.
 */
import type { Sql } from './sql.js';
import { QUEUE_MIGRATION } from './queue.js';

export interface Migration {
  /** Unique and stable, e.g. '0001_core'; the array order is the order of application. */
  id: string;
  sql: string;
}

const CORE = /* sql */ `
create table sources (
  id bigserial primary key,
  sha256 text not null unique,
  filename text not null,
  media_type text not null,
  size integer not null,
  bytes bytea not null,
  created_at timestamptz not null default now()
);

create table reports (
  id bigserial primary key,
  source_id bigint references sources(id) on delete set null,
  entity text not null,
  region text,
  year integer not null,
  kind text not null,
  scope text,
  template text,
  money_unit text not null,
  title text not null,
  filename text,
  report jsonb not null,
  errors integer not null default 0,
  warnings integer not null default 0,
  infos integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- What the list's search box looks in, lower-cased once.
  search text generated always as (lower(entity || ' ' || title || ' ' || coalesce(filename, ''))) stored
);
-- The list's default order and its keyset; filters narrow by entity, year, region, kind.
create index reports_updated on reports (updated_at desc, id desc);
create index reports_entity_year on reports (entity, year);
create index reports_year on reports (year, entity);
create index reports_region on reports (region text_pattern_ops);
create index reports_source on reports (source_id);
create index reports_errors on reports (updated_at desc) where errors > 0;

-- Earlier versions of a report, kept when an edit replaces it.
create table report_versions (
  report_id bigint not null references reports(id) on delete cascade,
  version integer not null,
  report jsonb not null,
  saved_at timestamptz not null default now(),
  primary key (report_id, version)
);

-- Every amount cell: value in integer units of 10^-decimals of the report's money unit (exact).
create table cells (
  report_id bigint not null references reports(id) on delete cascade,
  table_id text not null,
  row_key text not null,
  code text,
  row_name text not null,
  column_key text not null,
  value bigint,
  decimals smallint not null
);
create index cells_report on cells (report_id, table_id, row_key, column_key);
create index cells_table_code on cells (table_id, code, column_key);
create index cells_table_row on cells (table_id, row_key, column_key);

create table facts (
  report_id bigint not null references reports(id) on delete cascade,
  ordinal integer not null,
  fact_id text,
  subject text not null,
  basis text not null,
  measure text not null,
  value numeric,
  unit text not null,
  text text not null,
  link_table text,
  link_row text,
  link_column text,
  data jsonb not null,
  primary key (report_id, ordinal)
);
create index facts_subject on facts (subject, basis, measure);

create table findings (
  id bigserial primary key,
  report_id bigint not null references reports(id) on delete cascade,
  ordinal integer not null,
  rule_id text not null,
  severity text not null,
  status text not null,
  table_id text,
  row_key text,
  column_key text,
  message text not null,
  expected jsonb,
  actual jsonb,
  difference numeric,
  location jsonb not null,
  data jsonb not null
);
create index findings_report on findings (report_id, ordinal);
create index findings_rule on findings (rule_id, severity);

create table evaluations (
  report_id bigint not null references reports(id) on delete cascade,
  ordinal integer not null,
  data jsonb not null,
  primary key (report_id, ordinal)
);

-- No foreign key: the audit of a deleted report outlives it.
create table audit (
  id bigserial primary key,
  report_id bigint not null,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  target jsonb,
  before jsonb,
  after jsonb
);
create index audit_report on audit (report_id, id);
`;

export const MIGRATIONS: Migration[] = [{ id: '0001_core', sql: CORE }, { id: '0002_queue', sql: QUEUE_MIGRATION }];

/** Apply what `schema_migrations` does not list yet, in order; the caller holds the advisory lock. */
export async function migrate(sql: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  await sql.query(`create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())`);
  const done = new Set((await sql.query<{ id: string }>('select id from schema_migrations')).map((r) => r.id));
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    await sql.query('begin');
    try {
      for (const statement of splitStatements(m.sql)) await sql.query(statement);
      await sql.query('insert into schema_migrations (id) values ($1)', [m.id]);
      await sql.query('commit');
    } catch (e) {
      await sql.query('rollback');
      throw new Error(`migration ${m.id} failed: ${(e as Error).message}`, { cause: e });
    }
    applied.push(m.id);
  }
  return applied;
}

/**
 * Split a migration into statements (the extended protocol takes one at a time). Semicolons end a
 * statement outside quotes, comments and dollar-quoted bodies.
 */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0];
      if (tag) {
        const end = text.indexOf(tag, i + tag.length);
        i = end < 0 ? text.length : end + tag.length;
      } else i++;
    } else if (c === ';') {
      out.push(text.slice(start, i));
      start = ++i;
    } else i++;
  }
  out.push(text.slice(start));
  return out.map((s) => s.replace(/^(?:\s|--[^\n]*\n?)+/, '').trim()).filter((s) => s.length > 0);
}
