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

export { readEvaluationTables, isSelfEvaluationGrid } from './tables.js';
export { cellFigure, findStatements } from './figure.js';

export interface EvaluationInput {
  doc: Document;
  grids: Grid[];
  year?: number;
}

/** Every evaluation of the document, in printed order, with ids E1, E2 …. */
export function readEvaluations(input: EvaluationInput): Evaluation[] {
  const found: Evaluation[] = [...readEvaluationTables(input.grids, input.doc, input.year)];
  found.sort((a, b) => a.place.line - b.place.line);
  return found.map((e, i) => ({ ...e, id: `E${i + 1}` }));
}
