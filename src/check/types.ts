/** The shape of a rule module (in the style of ESLint rules: metadata + a check function). */
import type { Finding, Severity } from '../model/finding.js';
import type { Report, Row, Table } from '../model/report.js';

export type Category = 'existence' | 'completeness' | 'accuracy';

/**
 * envelope: a displayed total against the sum of n displayed terms may differ by 0.005 × (n + 1)
 * (rules.md §3) — such a difference is info (尾数误差), beyond it the rule fails;
 * absolute: a fixed tolerance in the money unit (printed total against printed total: 0.01);
 * exact: no difference is allowed; none: the rule compares no amounts;
 * interval: a stated percentage against the interval recomputed from the printed amounts (each ±half a
 * unit), widened by half a unit of the percentage's own precision (rules.md §3).
 */
export type Tolerance = { kind: 'envelope' } | { kind: 'absolute'; value: number } | { kind: 'exact' } | { kind: 'none' } | { kind: 'interval' };

export interface RuleMeta {
  /** The id of rules.md: T01-R1, X-R13, LBL-3, C-R1 … */
  id: string;
  /** Chinese title, as a clerk would name the check. */
  title: string;
  severity: Severity;
  category: Category;
  /** Table ids the rule reads. */
  tables: string[];
  /** Cross-table rules judge only tables that were read whole. */
  crossTable?: boolean;
  tolerance: Tolerance;
  /** Where the rule comes from: rules.md section and provenance tag. */
  source: string;
  /** A short description of the formula. */
  doc: string;
  /** messageId → Chinese template with {{placeholders}}. */
  messages: Record<string, string>;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** A cell of a table: table id, row key, column key (DESIGN.md). */
export interface CellRef {
  table: string;
  row: string;
  column: string;
}

/** A value to compare: a cell, or a computed amount with a label for the message. */
export type Operand = CellRef | { units: number; label: string };

export interface ReportInput {
  messageId: string;
  location: Finding['location'];
  expected?: number | string | null;
  actual?: number | string | null;
  /** In integer units of the context's scale; converted for the finding. */
  differenceUnits?: number | null;
  /** A difference already in the money unit (or in 分 / percentage points), for figures finer than the scale. */
  difference?: number | null;
  status?: 'fail' | 'round';
  /** Overrides the rule's severity for this finding (e.g. LBL-1: unknown code W, wrong name E). */
  severity?: Severity;
  toleranceUnits?: number | null;
  data?: Record<string, string | number>;
  related?: string[];
}

export interface SumInput {
  messageId: string;
  total: CellRef;
  terms: CellRef[];
  /**
   * Terms subtracted from the sum (a roll-forward: 年末 = 年初 + 收入 − 支出). They count towards the
   * rounding envelope like the added terms.
   */
  minus?: CellRef[];
  /** Names the terms in the message ("各列之和", "各类之和" …). */
  termsLabel: string;
  data?: Record<string, string | number>;
  related?: string[];
}

export interface CompareInput {
  messageId: string;
  /** The amount under test (the finding's location when it is a cell). */
  actual: Operand;
  expected: Operand;
  data?: Record<string, string | number>;
  related?: string[];
}

export interface RuleContext {
  readonly report: Readonly<Report>;
  readonly meta: RuleMeta;
  /** Integer units per money unit: 100 when amounts print with 2 decimals. */
  readonly scale: number;
  readonly unit: string;
  table(id: string): Table | undefined;
  row(table: string, key: string): Row | undefined;
  /** A cell in integer units: blank and —— count as 0; undefined when the row or column was not read. */
  units(ref: CellRef): number | undefined;
  /**
   * True when every table is present (and, for cross-table rules, read whole). Otherwise records
   * one not_applicable / insufficient_data finding for the rule and returns false.
   */
  need(...tables: string[]): boolean;
  /** A displayed total against the sum of displayed terms, with the rounding envelope of §3. */
  sum(input: SumInput): void;
  /** Two amounts that must be equal (printed total against printed total: absolute tolerance). */
  equal(input: CompareInput): void;
  /** actual ≤ expected (a part cannot exceed its whole). */
  atMost(input: CompareInput): void;
  /** Record a finding directly. */
  flag(input: ReportInput): void;
  notApplicable(reason: string): void;
  insufficient(reason: string, location?: Finding['location']): void;
  /** "收入决算表 合计行 本年收入合计" */
  describe(ref: CellRef): string;
  money(units: number): string;
}
