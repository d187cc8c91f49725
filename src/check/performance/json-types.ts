/**
 * The JSON shape of a scored evaluation (json.ts): `juesuan score --format json` and
 * `GET /api/reports/:id/scores`. No imports, so the web app type-checks against it directly.
 * Numbers are the exact values rounded for transport; null where the document gives nothing.
 */

export type GradeJson = '优' | '良' | '中' | '差';

export interface RangeJson {
  lo: number;
  hi: number;
}

export interface ExecutionLineJson {
  /** table: the 自评表's own funds line; statement: the budget/rate the text states. */
  source: 'table' | 'statement';
  budget: number | null;
  executed: number | null;
  /** Recomputed rate, in percent. */
  rate: number | null;
  printed_rate: number | null;
  stated_rate: number | null;
  weight: number | null;
  score: number | null;
  printed_score: number | null;
  balance: number | null;
  printed_balance: number | null;
  reason: string;
}

export interface TotalJson {
  total: number;
  /** At the scheme's decimals, as a document prints it (86.93). */
  total_text: string;
  grade: GradeJson;
}

export interface IndicatorScoreJson {
  level1: string;
  level2: string;
  name: string;
  /** The scheme's 一级 group it counts in. */
  group: string;
  target: string | null;
  actual: string | null;
  weight: number | null;
  printed: number | null;
  recomputed: RangeJson | null;
  met: boolean | null;
  reverse: boolean;
  /** The printed score lies in the recomputed range (null when either is missing). */
  consistent: boolean | null;
  reason: string;
}

export interface DepartmentItemJson {
  name: string;
  weight: number | null;
  printed: number | null;
  recomputed: number | null;
  range: RangeJson | null;
  consistent: boolean | null;
  reason: string;
}

export interface DepartmentDimensionJson {
  name: string;
  weight: number | null;
  printed: number | null;
  recomputed: number | null;
  range: RangeJson | null;
  reason: string;
  items: DepartmentItemJson[];
}

export interface EvaluationScoreJson {
  id: string;
  name: string;
  kind: 'project' | 'department';
  form: 'table' | 'prose' | 'report';
  scheme: string;
  printed: { total: number | null; grade: string | null; grade_normalised: GradeJson | null; grade_of_total: GradeJson | null };
  stated: { score: number | null; grade: string | null; band: GradeJson | null; text: string }[];
  /** Recomputed on the table's own budget line. */
  recomputed: TotalJson | null;
  /** Recomputed on the budget/rate the text states, when it differs. */
  recomputed_stated: TotalJson | null;
  by_indicators: (RangeJson & { grades: GradeJson[] }) | null;
  execution: ExecutionLineJson | null;
  execution_stated: ExecutionLineJson | null;
  indicators: IndicatorScoreJson[];
  department: { total: number | null; dimensions: DepartmentDimensionJson[] } | null;
  notes: string[];
}
