/**
 * More small edits for the table-rule tests (beside reports.ts): a row or a cell that was not read,
 * a cell printed as a dash (——), an extra row, a narrative sentence.
 */
import type { Report, Row, Section } from '../../src/model/report.js';
import { edit, row } from './reports.js';

function tableOf(report: Report, id: string) {
  const t = report.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

/** A copy where a row was not read (not in the table at all). */
export function withoutRow(report: Report, table: string, key: string): Report {
  return edit(report, (r) => {
    const t = tableOf(r, table);
    if (!t.rows.some((x) => x.key === key)) throw new Error(`no row ${table}/${key}`);
    t.rows = t.rows.filter((x) => x.key !== key);
  });
}

/** A copy where one column of a row was not read (the key is absent from the row's cells). */
export function withoutCell(report: Report, table: string, key: string, column: string): Report {
  return edit(report, (r) => {
    delete row(r, table, key).cells[column];
  });
}

/** A copy with a cell printed as a dash (——): null, and the column listed in `row.dashes`. */
export function withDash(report: Report, table: string, key: string, column: string): Report {
  return edit(report, (r) => {
    const x = row(r, table, key);
    x.cells[column] = null;
    x.dashes = [...(x.dashes ?? []), column];
  });
}

/** A copy with an extra row, placed after the row `after` (at the end when not given). */
export function withRow(report: Report, table: string, extra: Row, after?: string): Report {
  return edit(report, (r) => {
    const t = tableOf(r, table);
    const at = after === undefined ? t.rows.length : t.rows.findIndex((x) => x.key === after) + 1;
    if (at === 0) throw new Error(`no row ${table}/${after}`);
    t.rows.splice(at, 0, extra);
  });
}

/** A copy whose narrative has one more section with the given paragraph. */
export function withNarrative(report: Report, text: string): Report {
  return edit(report, (r) => {
    const section: Section = {
      number: '（一）',
      title: '机关运行经费支出情况说明',
      level: 3,
      paragraphs: [{ text, span: { start: 0, end: text.length } }],
      children: [],
      span: { start: 0, end: text.length },
    };
    r.sections = [...(r.sections ?? []), section];
  });
}
