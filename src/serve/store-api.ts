/**
 * What the HTTP API needs from the store (the contract of src/store, brief of issue #7), as a
 * structural interface: the real Store satisfies it, and the API does not depend on more than it uses.
 */
import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';

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
  updatedAt: string;
}

export interface ReportFilter {
  q?: string;
  entity?: string;
  region?: string;
  year?: number;
  kind?: string;
  hasErrors?: boolean;
  limit?: number;
  offset?: number;
  sort?: string;
}

export interface SourceInfoSummary {
  filename: string | null;
  sha256: string | null;
  size: number | null;
}

export interface ReportDetail {
  summary: ReportSummary;
  report: Report;
  findings: Finding[];
  source: SourceInfoSummary | null;
}

export interface StoredSource {
  filename: string | null;
  mediaType?: string | null;
  bytes: Uint8Array;
}

export interface EditResult {
  summary: ReportSummary;
  findings: Finding[];
}

export interface ApiStore {
  importFile(bytes: Uint8Array, filename: string, opts?: object): Promise<{ report: ReportSummary; duplicate: boolean }>;
  listReports(filter: ReportFilter): Promise<{ total: number; items: ReportSummary[] }>;
  getReport(id: number): Promise<ReportDetail | null | undefined>;
  getSource(id: number): Promise<StoredSource | null | undefined>;
  editCell(id: number, edit: { table: string; row: string; column: string; value: number | null }, actor?: string): Promise<EditResult>;
  editText(id: number, edit: { path: string; value: string }, actor?: string): Promise<EditResult>;
  recheck(id: number, actor?: string): Promise<EditResult>;
  audit(id: number): Promise<unknown[]>;
  deleteReport(id: number, actor?: string): Promise<boolean>;
  compareEntityYears(entity: string): Promise<unknown>;
  compareYear(year: number, entities?: string[]): Promise<unknown>;
  regions(): Promise<{ region: string; count: number }[]>;
  entities(q?: string, limit?: number): Promise<{ entity: string; region: string | null; years: number[] }[]>;
  close(): Promise<void>;
  readonly sql: { query<T>(text: string, params?: readonly unknown[]): Promise<T[]> };
}
