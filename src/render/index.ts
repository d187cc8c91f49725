/** The render stage: Report → text layouts and machine-readable outputs; DisclosureDocument → md, html, pdf, docx. */
export { factsToCsv, reportToCsv, reportToJson } from './report.js';
export { chineseOrdinal, formatAmount, renderText, type RenderTextOptions, type TextTemplate } from './text.js';
export {
  layoutTables,
  layoutTemplate,
  tableLayout,
  type ColumnKind,
  type LayoutCell,
  type LayoutOptions,
  type LayoutTemplate,
  type PreambleLine,
  type TableLayout,
} from './layout.js';
export { renderMarkdown } from './formats/markdown.js';
export { HTML_FONTS, renderHtml, type RenderHtmlOptions } from './formats/html.js';
export { chromiumPath, PDF_FONTS, PdfRenderer, renderPdf, type PdfRendererOptions } from './formats/pdf.js';
export { renderDocx, type RenderDocxOptions } from './formats/docx.js';
