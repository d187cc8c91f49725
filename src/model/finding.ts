/**
 * Findings: what the check stage says about a Report. Generic fields, so the CLI, the workbench and
 * exports can show any rule's finding without knowing the rule.
 */
import type { Box } from './document.js';
import type { Span } from './report.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * fail: the rule is broken (severity from the rule); round: a difference within the rounding envelope
 * (尾数误差, always info); not_applicable: the rule's tables are not in the document;
 * insufficient_data: they are, but not read whole enough to judge.
 */
export type FindingStatus = 'fail' | 'round' | 'not_applicable' | 'insufficient_data';

export interface FindingLocation {
  table?: string;
  row?: string;
  column?: string;
  span?: Span;
  /** The performance evaluation the finding is about (`Evaluation.id`: E1, E2 …), for P-R rules. */
  evaluation?: string;
  /**
   * Where the finding is in the file, added by the check stage from the cell, row or sentence it
   * names: the page (paged formats) and the cell's box on it; for workbooks the sheet and the A1
   * reference of the cell (`D12`) or of the row (`12:12`).
   */
  page?: number;
  box?: Box;
  sheet?: string;
  cell?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  status: FindingStatus;
  location: FindingLocation;
  /** What the rule expected (a number in the money unit, a text, or null). */
  expected: number | string | null;
  actual: number | string | null;
  /** actual − expected, in the money unit, when both are amounts. */
  difference: number | null;
  /** The tolerance applied, in the money unit. */
  tolerance: number | null;
  messageId: string;
  /** The message a finance clerk reads, in Chinese. */
  message: string;
  /** Other rules that bear on the same numbers, when the rule cannot tell which term is wrong. */
  related?: string[];
}

export interface CheckSummary {
  error: number;
  warning: number;
  info: number;
  not_applicable: number;
}

export interface CheckResult {
  findings: Finding[];
  summary: CheckSummary;
}
