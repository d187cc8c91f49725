/** The input stage: a preparer's workbook or a Report JSON → Report + Supplement, and the blank workbook. */
export { readInputWorkbook, type InputDiagnostic, type InputWorkbook, type ReadInputOptions } from './read.js';
export { readReportJson } from './report-json.js';
export { buildInputTemplate, type TemplateOptions } from './template.js';
