/**
 * Where a finding is in the file. Rules name a cell (table, row, column), a row, a table or a
 * sentence (span); this adds, in one place for every rule, what the Report knows of where that was
 * printed: the page and the cell's box (PDF), or the sheet and the A1 reference (workbooks).
 */
import type { Finding, FindingLocation } from '../model/finding.js';
import type { Report, Row, Section } from '../model/report.js';

/** The printed place of a row, or of one of its cells. */
function rowPlace(row: Row, column: string | undefined): Partial<FindingLocation> {
  const out: Partial<FindingLocation> = {};
  const box = column !== undefined ? row.boxes?.[column] : undefined;
  if (box) out.box = box;
  else if (row.source?.box) out.box = row.source.box; // a row finding, or a column the reader did not place
  const page = out.box?.page ?? row.source?.page;
  if (page !== undefined) out.page = page;
  if (row.source?.sheet !== undefined) {
    out.sheet = row.source.sheet;
    const ref = column !== undefined ? row.refs?.[column] : undefined;
    if (ref) out.cell = ref;
    else if (row.source.row !== undefined) out.cell = `${row.source.row}:${row.source.row}`;
  }
  return out;
}

/** Page of the printed text at a character offset: the paragraph (or grid row) that holds it. */
function pageAt(report: Readonly<Report>, offset: number): number | undefined {
  const inSections = (sections: Section[]): number | undefined => {
    for (const s of sections) {
      if (offset < s.span.start || offset > s.span.end) continue;
      for (const p of s.paragraphs) if (offset >= p.span.start && offset <= p.span.end && p.span.page !== undefined) return p.span.page;
      const inner = inSections(s.children);
      if (inner !== undefined) return inner;
      if (s.span.page !== undefined) return s.span.page;
    }
    return undefined;
  };
  const page = inSections(report.sections);
  if (page !== undefined) return page;
  for (const g of report.grids ?? []) for (const r of g.rows) if (offset >= r.span.start && offset <= r.span.end && r.span.page !== undefined) return r.span.page;
  return undefined;
}

/** The finding with its place in the file added (a new object when anything was added). */
export function placeFinding(report: Readonly<Report>, finding: Finding): Finding {
  const loc = finding.location;
  if (loc.page !== undefined || loc.sheet !== undefined) return finding;
  let add: Partial<FindingLocation> = {};
  // A narrative finding points at its sentence even when it names the cell the sentence restates.
  const narrative = loc.span !== undefined && (finding.ruleId.startsWith('N-') || !loc.table);
  if (narrative) {
    const page = loc.span!.page ?? pageAt(report, loc.span!.start);
    if (page !== undefined) add.page = page;
  } else if (loc.table !== undefined) {
    const table = report.tables.find((t) => t.id === loc.table);
    const row = loc.row !== undefined ? table?.rows.find((r) => r.key === loc.row) : undefined;
    if (row) add = rowPlace(row, loc.column);
    else {
      if (table?.source.page !== undefined) add.page = table.source.page;
      if (table?.source.sheet !== undefined) add.sheet = table.source.sheet;
    }
  }
  return Object.keys(add).length > 0 ? { ...finding, location: { ...loc, ...add } } : finding;
}
