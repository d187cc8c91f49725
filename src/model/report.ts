/**
 * The Report: the canonical model and the JSON contract of `juesuan extract` (see DESIGN.md).
 * Fields beyond the design's are additions with their own meaning; none changes a design field.
 */
import type { Box, SourceInfo } from './document.js';
import type { Evaluation } from './evaluation.js';

export type ReportKind = 'final-accounts' | 'budget' | 'performance-evaluation';
export type ReportScope = 'department' | 'unit';
export type MoneyUnit = '元' | '万元' | '亿元';

export interface Report {
  schema: 'juesuan/report@1';
  title: string;
  entity: string;
  year: number;
  kind: ReportKind;
  scope: ReportScope | null;
  moneyUnit: MoneyUnit;
  tables: Table[];
  facts?: Fact[];
  /**
   * Tables rebuilt from what the narrative states, for a document that does not print them (seed
   * 004 states every 项 of 一般公共预算财政拨款支出 but prints no table 05). Kept apart from `tables`:
   * they are not what the document printed. Each has `rebuilt` saying how it was made.
   */
  reconstructed?: Table[];
  /**
   * Grids that are not standard 决算 tables (performance-indicator tables, 绩效自评表 …), row by row
   * as printed, so that rules can read the statements they hold.
   */
  grids?: Grid[];
  /**
   * Performance self-evaluations the document prints or attaches (项目支出绩效自评表, project
   * evaluations told in prose, department self-evaluation reports), as printed; absent when none.
   */
  evaluations?: Evaluation[];
  /** The narrative (情况说明, 概况, 名词解释 …) as a tree of numbered sections. */
  sections: Section[];
  /** Which template family the tables follow, when it can be told (gd = national/Guangdong, sx = Shanxi, sc = Sichuan). */
  template: TemplateFamily | null;
  source: SourceInfo;
  /** What recognition could not place: tables without a known title, notes on dropped content. */
  diagnostics: Diagnostic[];
  /**
   * Dates the document states about its own disclosure, when it prints them: 公开时间 (published)
   * and the date of the finance department's 批复 (approved). Absent when neither is printed.
   */
  disclosure?: { published?: DateMention; approved?: DateMention };
}

/** A calendar date as printed in the document. */
export interface DateMention {
  /** ISO form, YYYY-MM-DD. */
  date: string;
  /** The printed words, e.g. 公开时间：2024 年 9 月 25 日. */
  text: string;
  span: Span;
}

export type TemplateFamily = 'gd' | 'sx' | 'sc';

export interface Fact {
  subject: string;
  basis: 'current' | 'prior' | 'budget' | 'adjusted_budget' | string;
  /** A `count` has a count unit (辆, 人次, 批次, 个, 名, 万人 …) or 分 for the points of an evaluation. */
  measure: 'amount' | 'change' | 'rate' | 'share' | 'completion' | 'count';
  value: number | null;
  unit: string;
  text: string;
  span: Span;
  link?: { table: string; row: string; column: string };
  /** Stable within one report: `f1`, `f2` … in reading order. */
  id?: string;
  /** Decimal places as printed (`1,677.2` → 1); rounding tolerances depend on it (rules.md §3). */
  decimals?: number;
  /**
   * For changes and rates: the direction word. `value` stays as printed (never negative), so a
   * 减少 94.16 is `value: 94.16, direction: 'decrease'`; 持平 / 相同 is `value: null, direction: 'flat'`.
   */
  direction?: 'increase' | 'decrease' | 'flat';
  /** `value` is null because the text says the ratio is not computable (--, 不可比, 基数为0). */
  notComparable?: boolean;
  /** For shares: the whole it is a share of, as printed (占政府采购支出总额的17.7% → 政府采购支出总额). */
  base?: string;
  /**
   * For shares: the subject of the whole, as facts name subjects — the printed base resolved
   * (占总支出的 → 支出总计), or, for a bare 占 93.5% in an enumeration (…支出 3030.4 万元，主要用于：
   * A x 万元，占 y%), the total the enumeration began with. Absent when neither is known.
   */
  baseSubject?: string;
  /** The noun phrase the subject was read from, as printed (compacted). */
  phrase?: string;
  /** Ids of the other facts about the same quantity (same subject, basis and measure, or same cell). */
  related?: string[];
  /** The sentence the fact was read from, in the source text. */
  sentence?: { start: number; end: number };
}

/** A grid that is not a standard table, as printed: each row's cell texts and where it was. */
export interface Grid {
  line: number;
  span: Span;
  rows: { cells: string[]; span: Span; line: number }[];
}

export interface Span {
  start: number;
  end: number;
  line?: number;
  page?: number;
}

export interface Column {
  key: string;
  label: string;
}

export interface Table {
  id: string;
  title: string;
  empty: boolean;
  columns: Column[];
  rows: Row[];
  /** Decimal places printed in the amount cells (2 for 万元 tables); rounding tolerances depend on it. */
  decimals: number;
  /** The printed label such as `表1` or `公开01表`, when there is one. */
  label?: string;
  /** What the table's own header lines say (单位：/部门名称：…, 2023年度, 金额单位：万元), when printed. */
  header?: TableHeader;
  /** Where the table was printed: lines, its first page (paged formats) or its sheet (workbooks). */
  source: { line: number; endLine: number; page?: number; sheet?: string };
  recognition: TableRecognition;
  /** Set on a table of `Report.reconstructed`: it was rebuilt from the narrative, not printed. */
  rebuilt?: { from: 'narrative'; note: string };
}

/** A table's header block as printed; a field is absent when the table does not print it. */
export interface TableHeader {
  /** The name on the 单位：/部门：/部门名称： line. */
  entity?: string;
  /** The year printed with the table (`2023年度` line, after the name, or in the title). */
  year?: number;
  /** The money unit of the 单位：万元 / 金额单位：万元 line. */
  unit?: string;
}

export interface TableRecognition {
  /** How the columns were mapped: by the printed 栏次 numbers, by header labels, or by position. */
  columnsBy: 'column-numbers' | 'labels' | 'position';
  /** Number of page-split parts joined into this table. */
  parts: number;
  /** Header rows dropped (the first header block and its repetitions after page breaks). */
  headerRowsDropped: number;
  /** Printed rows that could not be keyed (kept out of `rows`, listed here). */
  unmatchedRows: { line: number; text: string }[];
  /** 0–1: share of printed data rows that were keyed. */
  confidence: number;
  /** Amount cells whose text was not a number (read as null). */
  badCells: number;
}

export interface Row {
  key: string;
  code?: string;
  name: string;
  line?: number;
  cells: Record<string, number | null>;
  /** Column keys printed as a dash (——): not applicable, unlike a blank (which Shanxi prints for zero). */
  dashes?: string[];
  /**
   * 1-based line where the row was printed; the page for paged formats (each row its own page when
   * a table runs over several) and the box around the row's printed cells; the sheet and 1-based
   * sheet row for workbooks.
   */
  source?: { line: number; page?: number; sheet?: string; row?: number; box?: Box };
  /** Paged formats: where each cell was printed (column key → box), for the cells the reader placed. */
  boxes?: Record<string, Box>;
  /** Workbooks: each cell's A1 reference in `source.sheet` (column key → `D12`). */
  refs?: Record<string, string>;
  /** Rebuilt rows: the statement the row restates (its amount's span). */
  span?: Span;
  /** Rebuilt rows: the ids of the facts the row was built from (a 类/款 row: its items'). */
  facts?: string[];
}

export interface Section {
  /** The printed number: 第一部分, 一, （一）, 1 … ('' for an unnumbered heading). */
  number: string;
  title: string;
  /** 1 = 第X部分, 2 = 一、, 3 = （一）, 4 = 1., 5 = (1) */
  level: number;
  paragraphs: Paragraph[];
  children: Section[];
  span: Span;
}

export interface Paragraph {
  text: string;
  span: Span;
}

export interface Diagnostic {
  level: 'info' | 'warning';
  message: string;
  line?: number;
}
