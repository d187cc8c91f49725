/** The render stage: Report → text layouts and machine-readable outputs. */
export { factsToCsv, reportToCsv, reportToJson } from './report.js';
export { chineseOrdinal, formatAmount, renderText, type RenderTextOptions, type TextTemplate } from './text.js';
