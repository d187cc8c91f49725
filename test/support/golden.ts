/** Cell-by-cell comparison of a Report with a golden extraction (shared/golden/README.md). */
import type { Report } from '../../src/model/report.js';

export interface GoldenComparison {
  /** Golden cells compared. */
  cells: number;
  /** Every difference, one readable line each; empty when the Report reproduces the golden file. */
  mismatches: string[];
}

const META = ['title', 'entity', 'year', 'kind', 'scope', 'moneyUnit'] as const;

export function compareWithGolden(report: Report, golden: Partial<Report> & { tables: Report['tables'] }, options: { meta?: boolean } = {}): GoldenComparison {
  const mismatches: string[] = [];
  let cells = 0;
  if (options.meta ?? true) {
    for (const key of META) {
      if (key in golden && golden[key] !== report[key]) mismatches.push(`${key}: expected ${golden[key]}, got ${report[key]}`);
    }
  }
  const ids = (ts: Report['tables']) => ts.map((t) => t.id).join(',');
  if (ids(golden.tables) !== ids(report.tables)) mismatches.push(`tables: expected [${ids(golden.tables)}], got [${ids(report.tables)}]`);
  for (const gt of golden.tables) {
    const rt = report.tables.find((t) => t.id === gt.id);
    if (!rt) continue;
    if (gt.title.replace(/\s/g, '') !== rt.title.replace(/\s/g, '')) mismatches.push(`${gt.id} title: expected ${gt.title}, got ${rt.title}`);
    if (gt.empty !== rt.empty) mismatches.push(`${gt.id} empty: expected ${gt.empty}, got ${rt.empty}`);
    const gk = gt.rows.map((r) => r.key).join(' ');
    const rk = rt.rows.map((r) => r.key).join(' ');
    if (gk !== rk) mismatches.push(`${gt.id} row keys:\n  expected ${gk}\n  got      ${rk}`);
    const byKey = new Map(rt.rows.map((r) => [r.key, r]));
    for (const grow of gt.rows) {
      const rrow = byKey.get(grow.key);
      for (const [col, value] of Object.entries(grow.cells)) {
        cells++;
        const got = rrow?.cells[col];
        if (!rrow || !(col in rrow.cells) || got !== value) {
          mismatches.push(`${gt.id} ${grow.key} [${col}]: expected ${value}, got ${rrow ? (col in rrow.cells ? got : 'missing') : 'no row'}`);
        }
      }
      if (!rrow) continue;
      const extra = Object.keys(rrow.cells).filter((c) => !(c in grow.cells));
      if (extra.length > 0) mismatches.push(`${gt.id} ${grow.key}: unexpected columns ${extra.join(',')}`);
      if (grow.name !== rrow.name) mismatches.push(`${gt.id} ${grow.key} name: expected ${grow.name}, got ${rrow.name}`);
      if (grow.code !== rrow.code) mismatches.push(`${gt.id} ${grow.key} code: expected ${grow.code}, got ${rrow.code}`);
      if (grow.line !== rrow.line) mismatches.push(`${gt.id} ${grow.key} line: expected ${grow.line}, got ${rrow.line}`);
    }
  }
  return { cells, mismatches };
}
