/**
 * Performance self-evaluations (绩效自评) of a document → `Report.evaluations`: 自评表 grids
 * (tables.ts), project evaluations told in prose (prose.ts), department self-evaluation reports
 * (department.ts) and attached 自评报告 (prose.ts, form 'report'). Everything as printed; the check
 * stage recomputes.
 */
import type { Document } from '../../model/document.js';
import type { Evaluation } from '../../model/evaluation.js';
import type { Grid } from '../../model/report.js';
import { readEvaluationTables } from './tables.js';
import { readDepartmentReport } from './department.js';
import { readProseProjects, readReports, readStatedEvaluations } from './prose.js';

export { readEvaluationTables, isSelfEvaluationGrid } from './tables.js';
export { cellFigure, findStatements } from './figure.js';

export interface EvaluationInput {
  doc: Document;
  grids: Grid[];
  year?: number;
}

/** Every evaluation of the document, in printed order, with ids E1, E2 …. */
export function readEvaluations(input: EvaluationInput): Evaluation[] {
  const { doc, grids, year } = input;
  const found: Evaluation[] = [...readEvaluationTables(grids, doc, year), ...readProseProjects(doc, year), ...readStatedEvaluations(doc, year), ...readReports(doc, year)];
  const department = readDepartmentReport(doc, grids, year);
  // The department report is read whole; a sentence of it read as a stated department result is dropped.
  if (department) {
    // The report it belongs to (its title: …部门整体支出绩效自评报告) is the same evaluation: keep the
    // title's name and place, the rest as read whole.
    const at = found.findIndex((e) => e.kind === 'department' && (e.place.line === department.place.line || (e.form === 'report' && e.place.line < department.place.line)));
    if (at >= 0) {
      const report = found[at]!;
      found.splice(at, 1, { ...department, name: report.form === 'report' ? report.name : department.name, place: report.form === 'report' ? report.place : department.place });
    } else found.push(department);
  }
  found.sort((a, b) => a.place.line - b.place.line);
  return found.map((e, i) => ({ ...e, id: `E${i + 1}` }));
}
