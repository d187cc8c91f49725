import type { Column, Row, TableRecognition } from '../../model/report.js';

export interface TableContext {
  year: number | undefined;
}

/** What a table module returns; the caller adds title, identity and provenance. */
export interface ParsedTable {
  rows: Row[];
  columns: Column[];
  columnsBy: TableRecognition['columnsBy'];
  headerRowsDropped: number;
  unmatched: { line: number; text: string }[];
  decimals: number;
  /** Amount cells whose text was not a number (kept as null). */
  badCells: number;
}
