/**
 * The shapes the HTTP API of `juesuan serve` answers with, as plain types: the store returns them,
 * the API sends them as they are, and the web app (which cannot import the store's Node modules)
 * reads them. The API's OpenAPI document (src/serve/openapi.ts) describes the same shapes.
 */
import type { Finding } from './finding.js';
import type { Report } from './report.js';

/** A stored report in lists: what the library table shows. */
export interface ReportSummary {
  id: number;
  entity: string;
  region: string | null;
  year: number;
  kind: string;
  scope: string | null;
  template: string | null;
  title: string;
  filename: string | null;
  errors: number;
  warnings: number;
  infos: number;
  /** ISO 8601 (UTC). */
  updatedAt: string;
}

/** One page of a search: the matching total and the reports on the page. */
export interface ReportList {
  total: number;
  items: ReportSummary[];
}

/** The stored source file of a report. */
export interface SourceRef {
  filename: string;
  sha256: string;
  size: number;
}

/** A report with its findings and source (`GET /api/reports/:id`). */
export interface ReportDetail {
  summary: ReportSummary;
  report: Report;
  findings: Finding[];
  source: SourceRef | null;
}

/** One uploaded file's outcome (`POST /api/reports`). */
export interface UploadResult {
  report: ReportSummary;
  /** The same bytes (SHA-256) were imported before. */
  duplicate: boolean;
}

/** After an edit or a re-check: the report's counts and its findings now. */
export interface EditResult {
  summary: ReportSummary;
  findings: Finding[];
}

/** One entry of a report's audit trail. */
export interface AuditEntry {
  id: number;
  reportId: number;
  at: string;
  actor: string;
  action: string;
  target: unknown;
  before: unknown;
  after: unknown;
}
