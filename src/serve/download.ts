/**
 * A stored report in every download format: the Report JSON, or the whole disclosure composed from
 * it (with the prior year's stored report for the 比上年 comparisons) as Markdown, HTML, Word, Excel
 * or PDF. PDF uses one Chromium per process (`sharedPdfRenderer`), closed on shutdown.
 */
import type { Report } from '../model/report.js';
import { composeDocument } from '../render/document/compose.js';
import { renderDocument } from '../render/document/render.js';
import { PdfRenderer } from '../render/formats/pdf.js';
import { reportToJson } from '../render/report.js';

export const DOWNLOAD_FORMATS = ['json', 'md', 'html', 'docx', 'xlsx', 'pdf', 'source'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];
export type RenderedFormat = Exclude<DownloadFormat, 'source'>;

export const FORMAT_MEDIA: Record<RenderedFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

let shared: PdfRenderer | undefined;

/** The process's one PDF renderer (Chromium starts on the first PDF). */
export function sharedPdfRenderer(): PdfRenderer {
  shared ??= new PdfRenderer();
  return shared;
}

/** Close the process's PDF renderer, if one was started. */
export async function closePdfRenderer(): Promise<void> {
  const renderer = shared;
  shared = undefined;
  await renderer?.close();
}

/** The report in a format, as bytes. */
export async function renderDownload(report: Report, format: RenderedFormat, prior?: Report): Promise<Uint8Array> {
  if (format === 'json') return new TextEncoder().encode(reportToJson(report));
  const doc = composeDocument(report, {}, prior ? { prior } : {});
  return renderDocument(doc, format, (d) => sharedPdfRenderer().render(d));
}

/** The download's file name: the report's title, made safe for a file system. */
export function downloadName(report: Pick<Report, 'title' | 'entity' | 'year'>, format: RenderedFormat): string {
  const base = (report.title || `${report.year}年度${report.entity}决算`).replace(/[\\/:*?"<>|\r\n\t]+/g, '_').slice(0, 120);
  return `${base}.${format === 'json' ? 'json' : format}`;
}
