/**
 * The store: reports, their source files, cells, facts, findings and audit in PostgreSQL — an
 * embedded PGlite database (a folder, or memory) by default, a PostgreSQL server by URL. One schema
 * and one list of migrations for both (migrations.ts).
 */
import { createHash } from 'node:crypto';
import { checkReport } from '../check/index.js';
import type { CheckResult, Finding } from '../model/finding.js';
import { toUnits } from '../model/amount.js';
import type { Report } from '../model/report.js';
import type { AuditEntry, EditResult, ReportDetail, ReportSummary, SourceRef } from '../model/api.js';
import { isReportJsonFile, parseReportJson } from '../model/report-json.js';
import { readDocumentAsync, type ReadOptions } from '../read/index.js';
import { recognise } from '../recognise/index.js';
import { compareFigures, type EntityComparison, type YearComparison } from './compare.js';
import { migrate, MIGRATIONS } from './migrations.js';
import { regionOf } from './region.js';
import { connect, type Sql } from './sql.js';
import { StoreError } from './errors.js';
import { applyCellEdit, applyTextEdit, type CellEdit, type TextEdit } from './edit.js';

export type { Sql, SqlRow } from './sql.js';
export type { Migration } from './migrations.js';
export { MIGRATIONS } from './migrations.js';
export { regionOf, PROVINCE_NAMES } from './region.js';
export type { CellEdit, TextEdit } from './edit.js';
export { StoreError } from './errors.js';
export type { ClassAmount, CompareItem, EntityComparison, SanGong, YearComparison, YearFigures } from './compare.js';
export type { AuditEntry, EditResult, ReportSummary, SourceRef } from '../model/api.js';
/** A report with its findings and source, as the API answers `GET /api/reports/:id`. */
export type StoredReport = ReportDetail;

export type ReportSort = 'updated' | '-updated' | 'year' | '-year' | 'entity' | '-entity' | 'errors' | '-errors';

export interface ReportFilter {
  /** Words searched in entity, title and file name (all must occur, case-insensitive). */
  q?: string;
  entity?: string;
  /** A region or a prefix of one: '广东省' matches '广东省/广州市'. */
  region?: string;
  year?: number;
  kind?: string;
  hasErrors?: boolean;
  limit?: number;
  offset?: number;
  /** Default '-updated' (most recently updated first); a leading '-' is descending. */
  sort?: ReportSort | string;
}

export interface StoredSource extends SourceRef {
  mediaType: string;
  bytes: Uint8Array;
}

/** A file to store with the report, or the id of one already stored (the import queue stores bytes first). */
export type SourceInput = { bytes: Uint8Array; filename: string; mediaType?: string } | { id: number };

export interface ImportOptions {
  /** Who imported (audit). Default '系统'. */
  actor?: string;
  /** Reader limits (pages, timeout, bytes). */
  read?: ReadOptions;
}

export interface CellFilter {
  reportId?: number;
  entity?: string;
  year?: number;
  table?: string;
  row?: string;
  code?: string;
  column?: string;
  limit?: number;
}

export interface CellRecord {
  reportId: number;
  entity: string;
  year: number;
  table: string;
  row: string;
  code: string | null;
  name: string;
  column: string;
  /** The amount in the report's money unit (exact decimal), null when printed as blank/dash. */
  value: number | null;
  /** The amount in integer units of 10^-decimals. */
  units: number | null;
  decimals: number;
}

export interface Store {
  readonly sql: Sql;
  readonly kind: 'pglite' | 'postgres';
  importFile(bytes: Uint8Array, filename: string, opts?: ImportOptions): Promise<{ report: ReportSummary; duplicate: boolean }>;
  saveReport(report: Report, check?: CheckResult, source?: SourceInput, actor?: string): Promise<ReportSummary>;
  listReports(filter?: ReportFilter): Promise<{ total: number; items: ReportSummary[] }>;
  getReport(id: number): Promise<StoredReport | null>;
  getSource(id: number): Promise<StoredSource | null>;
  editCell(id: number, edit: CellEdit, actor?: string): Promise<EditResult>;
  editText(id: number, edit: TextEdit, actor?: string): Promise<EditResult>;
  recheck(id: number, actor?: string): Promise<EditResult>;
  audit(id: number): Promise<AuditEntry[]>;
  deleteReport(id: number, actor?: string): Promise<boolean>;
  queryCells(filter: CellFilter): Promise<CellRecord[]>;
  compareEntityYears(entity: string): Promise<EntityComparison>;
  /** The entities asked (in that order), or the first COMPARE_YEAR_LIMIT entities of the year by name. */
  compareYear(year: number, entities?: string[]): Promise<YearComparison>;
  /** Distinct regions with their report counts (filters). */
  regions(): Promise<{ region: string; count: number }[]>;
  /** Entities whose name contains q, with their years (filters). */
  entities(q?: string, limit?: number): Promise<{ entity: string; region: string | null; years: number[] }[]>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** PostgreSQL schema to create and use (tests on a shared server use one per file). */
  schema?: string;
}

const MEDIA_TYPES: Record<string, string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Open (and migrate) the store. `postgres://…` → a PostgreSQL server; `memory://` → PGlite in memory;
 * anything else → a PGlite folder. Default: env DATABASE_URL, else ./juesuan-data.
 */
export async function openStore(target?: string, options: OpenStoreOptions = {}): Promise<Store> {
  const where = target ?? process.env.DATABASE_URL ?? './juesuan-data';
  const conn = await connect(where, options);
  try {
    await conn.withLock('juesuan-migrate', (sql) => migrate(sql, MIGRATIONS));
  } catch (e) {
    await conn.close().catch(() => {});
    throw e;
  }
  return new PgStore(conn.sql, conn.kind, () => conn.close());
}

// ---------------------------------------------------------------------------------------------

/** A reports row as the summary columns come back (the summary's fields, its time in SQL's name). */
type ReportRow = Omit<ReportSummary, 'updatedAt'> & { updated_at: Date | string };

const SUMMARY_COLUMNS = 'r.id, r.entity, r.region, r.year, r.kind, r.scope, r.template, r.title, r.filename, r.errors, r.warnings, r.infos, r.updated_at';

function toSummary(r: ReportRow): ReportSummary {
  return {
    id: Number(r.id),
    entity: r.entity,
    region: r.region,
    year: r.year,
    kind: r.kind,
    scope: r.scope,
    template: r.template,
    title: r.title,
    filename: r.filename,
    errors: r.errors,
    warnings: r.warnings,
    infos: r.infos,
    updatedAt: iso(r.updated_at),
  };
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** compareYear without a list of entities compares at most this many (by entity name). */
export const COMPARE_YEAR_LIMIT = 500;

const SORTS: Record<string, string> = {
  updated: 'r.updated_at asc, r.id asc',
  '-updated': 'r.updated_at desc, r.id desc',
  year: 'r.year asc, r.entity asc, r.id asc',
  '-year': 'r.year desc, r.entity asc, r.id desc',
  entity: 'r.entity asc, r.year desc, r.id desc',
  '-entity': 'r.entity desc, r.year desc, r.id desc',
  errors: 'r.errors asc, r.updated_at desc, r.id desc',
  '-errors': 'r.errors desc, r.updated_at desc, r.id desc',
};

/** Escape LIKE metacharacters so a search word matches itself. */
const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

class PgStore implements Store {
  constructor(
    readonly sql: Sql,
    readonly kind: 'pglite' | 'postgres',
    private readonly closer: () => Promise<void>,
  ) {}

  async close(): Promise<void> {
    await this.closer();
  }

  async importFile(bytes: Uint8Array, filename: string, opts: ImportOptions = {}): Promise<{ report: ReportSummary; duplicate: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = await this.reportOfSource(sha256);
    if (existing) return { report: existing, duplicate: true };
    // A Report JSON (juesuan/report@1) is stored as it is, not recognised again.
    const json = isReportJsonFile(filename, bytes);
    const report = json ? parseReportJson(bytes, filename) : recognise(await readDocumentAsync(bytes, { ...opts.read, path: filename }));
    const check = checkReport(report);
    const mediaType = json ? 'application/json' : (MEDIA_TYPES[report.source.format] ?? 'application/octet-stream');
    return this.save(report, check, { bytes, filename, mediaType }, opts.actor ?? '系统', true);
  }

  private async reportOfSource(sha256: string): Promise<ReportSummary | null> {
    const rows = await this.sql.query<ReportRow>(
      `select ${SUMMARY_COLUMNS} from reports r join sources s on s.id = r.source_id where s.sha256 = $1 order by r.id limit 1`,
      [sha256],
    );
    return rows[0] ? toSummary(rows[0]) : null;
  }

  async saveReport(report: Report, check?: CheckResult, source?: SourceInput, actor = '系统'): Promise<ReportSummary> {
    return (await this.save(report, check ?? checkReport(report), source, actor, false)).report;
  }

  /** Insert a report; with `oncePerSource`, a source that already has a report gives that one (duplicate). */
  private async save(report: Report, result: CheckResult, source: SourceInput | undefined, actor: string, oncePerSource: boolean): Promise<{ report: ReportSummary; duplicate: boolean }> {
    return this.sql.transaction(async (tx) => {
      let sourceId: number | null = null;
      let filename = report.source.path ? report.source.path.split(/[\\/]/).pop()! : null;
      if (source && 'id' in source) {
        const rows = await tx.query<{ id: number; filename: string }>('select id, filename from sources where id = $1', [source.id]);
        if (!rows[0]) throw new StoreError('not_found', `源文件 ${source.id} 不存在`);
        sourceId = Number(rows[0].id);
        filename = rows[0].filename;
      } else if (source) {
        const sha256 = createHash('sha256').update(source.bytes).digest('hex');
        const inserted = await tx.query<{ id: number }>(
          `insert into sources (sha256, filename, media_type, size, bytes) values ($1, $2, $3, $4, $5)
           on conflict (sha256) do update set sha256 = excluded.sha256 returning id`,
          [sha256, source.filename, source.mediaType ?? MEDIA_TYPES[report.source.format] ?? 'application/octet-stream', source.bytes.byteLength, source.bytes],
        );
        sourceId = Number(inserted[0]!.id);
        filename = source.filename;
        // The upsert holds the source row until commit, so a concurrent import of the same bytes waits
        // here and then sees the first one's report.
        if (oncePerSource) {
          const existing = await tx.query<ReportRow>(`select ${SUMMARY_COLUMNS} from reports r where r.source_id = $1 order by r.id limit 1`, [sourceId]);
          if (existing[0]) return { report: toSummary(existing[0]), duplicate: true };
        }
      }
      const [row] = await tx.query<ReportRow>(
        `insert into reports as r (source_id, entity, region, year, kind, scope, template, money_unit, title, filename, report, errors, warnings, infos)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14)
         returning ${SUMMARY_COLUMNS}`,
        [
          sourceId,
          report.entity,
          regionOf(report.entity),
          report.year,
          report.kind,
          report.scope,
          report.template,
          report.moneyUnit,
          report.title,
          filename,
          JSON.stringify(report),
          result.summary.error,
          result.summary.warning,
          result.summary.info,
        ],
      );
      const id = Number(row!.id);
      await writeDerived(tx, id, report, result);
      await tx.query(`insert into audit (report_id, actor, action, target, after) values ($1, $2, 'create', $3::jsonb, $4::jsonb)`, [
        id,
        actor,
        JSON.stringify({ filename }),
        JSON.stringify({ errors: result.summary.error, warnings: result.summary.warning }),
      ]);
      return { report: toSummary(row!), duplicate: false };
    });
  }

  async listReports(filter: ReportFilter = {}): Promise<{ total: number; items: ReportSummary[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean)) {
      where.push(`r.search like ${p(likeWord(word.toLowerCase()))}`);
    }
    if (filter.entity) where.push(`r.entity = ${p(filter.entity)}`);
    if (filter.region) {
      // 山西, 山西省, 晋城市 and 山西省/晋城市 all find 山西省/晋城市: a region matches from the start of any level.
      const escaped = filter.region.replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push(`(r.region like ${p(`${escaped}%`)} or r.region like ${p(`%/${escaped}%`)})`);
    }
    if (filter.year !== undefined && filter.year !== null) where.push(`r.year = ${p(filter.year)}`);
    if (filter.kind) where.push(`r.kind = ${p(filter.kind)}`);
    if (filter.hasErrors === true) where.push('r.errors > 0');
    if (filter.hasErrors === false) where.push('r.errors = 0');
    const whereSql = where.length > 0 ? `where ${where.join(' and ')}` : '';
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 0), 1000);
    const offset = Math.max(Math.trunc(filter.offset ?? 0), 0);
    const order = SORTS[filter.sort ?? '-updated'];
    if (!order) throw new StoreError('bad_request', `不支持的排序方式：${filter.sort}`);
    const countParams = [...params];
    const items = await this.sql.query<ReportRow>(
      `select ${SUMMARY_COLUMNS} from reports r ${whereSql} order by ${order} limit ${p(limit)} offset ${p(offset)}`,
      params,
    );
    // The total is needed only when the page does not already tell it.
    let total: number;
    if (offset === 0 && items.length < limit) total = items.length;
    else total = Number((await this.sql.query<{ n: number }>(`select count(*) as n from reports r ${whereSql}`, countParams))[0]!.n);
    return { total, items: items.map(toSummary) };
  }

  async getReport(id: number): Promise<StoredReport | null> {
    const rows = await this.sql.query<ReportRow & { report: Report; sha256: string | null; source_filename: string | null; size: number | null }>(
      `select ${SUMMARY_COLUMNS}, r.report, s.sha256, s.filename as source_filename, s.size
       from reports r left join sources s on s.id = r.source_id where r.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const findings = await this.findingsOf(this.sql, id);
    return {
      summary: toSummary(row),
      report: row.report,
      findings,
      source: row.sha256 ? { filename: row.source_filename!, sha256: row.sha256, size: Number(row.size) } : null,
    };
  }

  private async findingsOf(sql: Sql, id: number): Promise<Finding[]> {
    const rows = await sql.query<{ data: Finding }>('select data from findings where report_id = $1 order by ordinal', [id]);
    return rows.map((r) => r.data);
  }

  async getSource(id: number): Promise<StoredSource | null> {
    const rows = await this.sql.query<{ filename: string; sha256: string; size: number; media_type: string; bytes: Uint8Array }>(
      `select s.filename, s.sha256, s.size, s.media_type, s.bytes from reports r join sources s on s.id = r.source_id where r.id = $1`,
      [id],
    );
    const r = rows[0];
    return r ? { filename: r.filename, sha256: r.sha256, size: Number(r.size), mediaType: r.media_type, bytes: r.bytes } : null;
  }

  /** Load a report for a change inside a transaction (row locked on a server). */
  private async loadForUpdate(tx: Sql, id: number): Promise<{ report: Report; version: number }> {
    const rows = await tx.query<{ report: Report; version: number }>('select report, version from reports where id = $1 for update', [id]);
    if (!rows[0]) throw new StoreError('not_found', `报告 ${id} 不存在`);
    return rows[0];
  }

  /** Replace a report's content: keep the old version, rewrite derived rows, audit. */
  private async replace(tx: Sql, id: number, old: { report: Report; version: number }, next: Report, audit: { actor: string; action: string; target: unknown; before: unknown; after: unknown }): Promise<EditResult> {
    const check = checkReport(next);
    await tx.query('insert into report_versions (report_id, version, report) values ($1, $2, $3::jsonb) on conflict do nothing', [id, old.version, JSON.stringify(old.report)]);
    const [row] = await tx.query<ReportRow>(
      `update reports r set report = $2::jsonb, entity = $3, region = $4, year = $5, title = $6, errors = $7, warnings = $8, infos = $9,
         version = version + 1, updated_at = now() where id = $1 returning ${SUMMARY_COLUMNS}`,
      [id, JSON.stringify(next), next.entity, regionOf(next.entity), next.year, next.title, check.summary.error, check.summary.warning, check.summary.info],
    );
    await tx.query('delete from cells where report_id = $1', [id]);
    await tx.query('delete from facts where report_id = $1', [id]);
    await tx.query('delete from findings where report_id = $1', [id]);
    await tx.query('delete from evaluations where report_id = $1', [id]);
    await writeDerived(tx, id, next, check);
    await tx.query(`insert into audit (report_id, actor, action, target, before, after) values ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb)`, [
      id,
      audit.actor,
      audit.action,
      JSON.stringify(audit.target ?? null),
      JSON.stringify(audit.before ?? null),
      JSON.stringify(audit.after ?? null),
    ]);
    return { summary: toSummary(row!), findings: check.findings };
  }

  async editCell(id: number, edit: CellEdit, actor = '系统'): Promise<EditResult> {
    return this.sql.transaction(async (tx) => {
      const old = await this.loadForUpdate(tx, id);
      const { report, before, after } = applyCellEdit(old.report, edit);
      return this.replace(tx, id, old, report, { actor, action: 'edit-cell', target: { table: edit.table, row: edit.row, column: edit.column }, before, after });
    });
  }

  async editText(id: number, edit: TextEdit, actor = '系统'): Promise<EditResult> {
    return this.sql.transaction(async (tx) => {
      const old = await this.loadForUpdate(tx, id);
      const { report, before, after } = applyTextEdit(old.report, edit);
      return this.replace(tx, id, old, report, { actor, action: 'edit-text', target: { path: edit.path }, before, after });
    });
  }

  async recheck(id: number, actor = '系统'): Promise<EditResult> {
    return this.sql.transaction(async (tx) => {
      const rows = await tx.query<{ report: Report; errors: number; warnings: number; infos: number }>('select report, errors, warnings, infos from reports where id = $1 for update', [id]);
      const old = rows[0];
      if (!old) throw new StoreError('not_found', `报告 ${id} 不存在`);
      const check = checkReport(old.report);
      const [row] = await tx.query<ReportRow>(
        `update reports r set errors = $2, warnings = $3, infos = $4, updated_at = now() where id = $1 returning ${SUMMARY_COLUMNS}`,
        [id, check.summary.error, check.summary.warning, check.summary.info],
      );
      await tx.query('delete from findings where report_id = $1', [id]);
      await writeFindings(tx, id, check.findings);
      await tx.query(`insert into audit (report_id, actor, action, before, after) values ($1, $2, 'recheck', $3::jsonb, $4::jsonb)`, [
        id,
        actor,
        JSON.stringify({ errors: old.errors, warnings: old.warnings, infos: old.infos }),
        JSON.stringify({ errors: check.summary.error, warnings: check.summary.warning, infos: check.summary.info }),
      ]);
      return { summary: toSummary(row!), findings: check.findings };
    });
  }

  async audit(id: number): Promise<AuditEntry[]> {
    const rows = await this.sql.query<{ id: number; report_id: number; at: Date; actor: string; action: string; target: unknown; before: unknown; after: unknown }>(
      'select id, report_id, at, actor, action, target, before, after from audit where report_id = $1 order by id',
      [id],
    );
    return rows.map((r) => ({ id: Number(r.id), reportId: Number(r.report_id), at: iso(r.at), actor: r.actor, action: r.action, target: r.target, before: r.before, after: r.after }));
  }

  async deleteReport(id: number, actor = '系统'): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const rows = await tx.query<{ source_id: number | null; entity: string; year: number; title: string }>('delete from reports where id = $1 returning source_id, entity, year, title', [id]);
      const gone = rows[0];
      if (!gone) return false;
      // The file goes with its last report, so importing it again makes a new report.
      if (gone.source_id !== null) await tx.query('delete from sources s where s.id = $1 and not exists (select 1 from reports r where r.source_id = s.id)', [gone.source_id]);
      await tx.query(`insert into audit (report_id, actor, action, before) values ($1, $2, 'delete', $3::jsonb)`, [id, actor, JSON.stringify({ entity: gone.entity, year: gone.year, title: gone.title })]);
      return true;
    });
  }

  async queryCells(filter: CellFilter): Promise<CellRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.reportId !== undefined) where.push(`c.report_id = ${p(filter.reportId)}`);
    if (filter.entity) where.push(`r.entity = ${p(filter.entity)}`);
    if (filter.year !== undefined) where.push(`r.year = ${p(filter.year)}`);
    if (filter.table) where.push(`c.table_id = ${p(filter.table)}`);
    if (filter.row) where.push(`c.row_key = ${p(filter.row)}`);
    if (filter.code) where.push(`c.code = ${p(filter.code)}`);
    if (filter.column) where.push(`c.column_key = ${p(filter.column)}`);
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 10_000), 1), 100_000);
    const rows = await this.sql.query<{ report_id: number; entity: string; year: number; table_id: string; row_key: string; code: string | null; row_name: string; column_key: string; value: number | null; decimals: number }>(
      `select c.report_id, r.entity, r.year, c.table_id, c.row_key, c.code, c.row_name, c.column_key, c.value, c.decimals
       from cells c join reports r on r.id = c.report_id ${where.length ? `where ${where.join(' and ')}` : ''}
       order by r.entity, r.year, c.report_id, c.table_id, c.row_key, c.column_key limit ${p(limit)}`,
      params,
    );
    return rows.map((r) => ({
      reportId: Number(r.report_id),
      entity: r.entity,
      year: r.year,
      table: r.table_id,
      row: r.row_key,
      code: r.code,
      name: r.row_name,
      column: r.column_key,
      units: r.value === null ? null : Number(r.value),
      value: r.value === null ? null : unitsToNumber(Number(r.value), r.decimals),
      decimals: r.decimals,
    }));
  }

  /** The latest final-accounts report of each (entity, year) among the given conditions. */
  private async latestReports(where: string, params: unknown[]): Promise<{ id: number; entity: string; region: string | null; year: number; scope: string | null; money_unit: string }[]> {
    return this.sql.query(
      `select distinct on (r.entity, r.year) r.id, r.entity, r.region, r.year, r.scope, r.money_unit
       from reports r where r.kind = 'final-accounts' and ${where}
       order by r.entity, r.year, r.updated_at desc, r.id desc`,
      params,
    );
  }

  private async figuresOf(reports: { id: number; entity: string; region: string | null; year: number; scope: string | null; money_unit: string }[]) {
    if (reports.length === 0) return [];
    // Integers from our own rows, written into the text so the planner sees the list and uses cells_report.
    const ids = reports.map((r) => Number(r.id));
    if (!ids.every(Number.isSafeInteger)) throw new Error('report ids must be integers');
    const cells = await this.sql.query<{ report_id: number; table_id: string; row_key: string; code: string | null; row_name: string; column_key: string; value: number | null; decimals: number }>(
      `select report_id, table_id, row_key, code, row_name, column_key, value, decimals from cells
       where report_id in (${ids.join(', ')})
         and ((table_id in ('01', '04') and row_key in ('inc.total', 'exp.total', 'exp.grand_total'))
           or (table_id in ('03', '05') and (row_key = 'total' or length(code) = 3))
           or table_id = '09')`,
    );
    return compareFigures(reports.map((r) => ({ id: Number(r.id), entity: r.entity, region: r.region, year: r.year, scope: r.scope, moneyUnit: r.money_unit })), cells.map((c) => ({ ...c, report_id: Number(c.report_id), value: c.value === null ? null : Number(c.value) })));
  }

  async compareEntityYears(entity: string): Promise<EntityComparison> {
    const reports = await this.latestReports('r.entity = $1', [entity]);
    const items = await this.figuresOf(reports);
    items.sort((a, b) => a.year - b.year);
    return { entity, region: reports[0]?.region ?? regionOf(entity), moneyUnit: '万元', items };
  }

  async compareYear(year: number, entities?: string[]): Promise<YearComparison> {
    const reports = entities && entities.length > 0
      ? await this.latestReports('r.year = $1 and r.entity in (select jsonb_array_elements_text($2::jsonb))', [year, JSON.stringify(entities)])
      : (await this.latestReports('r.year = $1', [year])).slice(0, COMPARE_YEAR_LIMIT);
    const items = await this.figuresOf(reports);
    if (entities && entities.length > 0) items.sort((a, b) => entities.indexOf(a.entity) - entities.indexOf(b.entity));
    return { year, moneyUnit: '万元', items };
  }

  async regions(): Promise<{ region: string; count: number }[]> {
    const rows = await this.sql.query<{ region: string; n: number }>('select region, count(*) as n from reports where region is not null group by region order by region');
    return rows.map((r) => ({ region: r.region, count: Number(r.n) }));
  }

  async entities(q = '', limit = 50): Promise<{ entity: string; region: string | null; years: number[] }[]> {
    const rows = await this.sql.query<{ entity: string; region: string | null; years: number[] }>(
      `select entity, max(region) as region, array_agg(distinct year order by year) as years from reports
       where entity ilike $1 group by entity order by entity limit $2`,
      [likeWord(q), Math.min(Math.max(limit, 1), 500)],
    );
    return rows.map((r) => ({ entity: r.entity, region: r.region, years: (r.years ?? []).map(Number) }));
  }
}

/** Exact decimal from integer units: 216936, 2 → 2169.36. */
export function unitsToNumber(units: number, decimals: number): number {
  if (decimals === 0) return units;
  const sign = units < 0 ? '-' : '';
  const abs = String(Math.abs(units)).padStart(decimals + 1, '0');
  return Number(`${sign}${abs.slice(0, -decimals)}.${abs.slice(-decimals)}`);
}

async function writeDerived(tx: Sql, id: number, report: Report, check: CheckResult): Promise<void> {
  const cells: unknown[][] = [];
  for (const table of report.tables) {
    for (const row of table.rows) {
      for (const [column, value] of Object.entries(row.cells)) {
        cells.push([table.id, row.key, row.code ?? null, row.name, column, value === null || value === undefined ? null : toUnits(value, table.decimals), table.decimals]);
      }
    }
  }
  for (const chunk of chunks(cells, 5000)) {
    await tx.query(
      `insert into cells (report_id, table_id, row_key, code, row_name, column_key, value, decimals)
       select $1, x->>0, x->>1, x->>2, x->>3, x->>4, (x->>5)::bigint, (x->>6)::smallint from jsonb_array_elements($2::jsonb) as x`,
      [id, JSON.stringify(chunk)],
    );
  }
  const facts = (report.facts ?? []).map((f, i) => [i, f.id ?? null, f.subject, f.basis, f.measure, f.value, f.unit, f.text, f.link?.table ?? null, f.link?.row ?? null, f.link?.column ?? null, f]);
  for (const chunk of chunks(facts, 2000)) {
    await tx.query(
      `insert into facts (report_id, ordinal, fact_id, subject, basis, measure, value, unit, text, link_table, link_row, link_column, data)
       select $1, (x->>0)::int, x->>1, x->>2, x->>3, x->>4, (x->>5)::numeric, x->>6, x->>7, x->>8, x->>9, x->>10, x->11 from jsonb_array_elements($2::jsonb) as x`,
      [id, JSON.stringify(chunk)],
    );
  }
  await writeFindings(tx, id, check.findings);
  const evaluations = (report as unknown as { evaluations?: unknown }).evaluations;
  if (Array.isArray(evaluations) && evaluations.length > 0) {
    await tx.query(
      `insert into evaluations (report_id, ordinal, data) select $1, (e.ord - 1)::int, e.value from jsonb_array_elements($2::jsonb) with ordinality as e(value, ord)`,
      [id, JSON.stringify(evaluations)],
    );
  }
}

async function writeFindings(tx: Sql, id: number, findings: readonly Finding[]): Promise<void> {
  const rows = findings.map((f, i) => [
    i,
    f.ruleId,
    f.severity,
    f.status,
    f.location.table ?? null,
    f.location.row ?? null,
    f.location.column ?? null,
    f.message,
    f.expected ?? null,
    f.actual ?? null,
    f.difference ?? null,
    f.location,
    f,
  ]);
  for (const chunk of chunks(rows, 2000)) {
    await tx.query(
      `insert into findings (report_id, ordinal, rule_id, severity, status, table_id, row_key, column_key, message, expected, actual, difference, location, data)
       select $1, (x->>0)::int, x->>1, x->>2, x->>3, x->>4, x->>5, x->>6, x->>7, x->8, x->9, (x->>10)::numeric, x->11, x->12 from jsonb_array_elements($2::jsonb) as x`,
      [id, JSON.stringify(chunk)],
    );
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
