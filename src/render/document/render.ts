/** A composed disclosure document in one of the formats we write, as bytes (text formats in UTF-8). */
import type { DisclosureDocument } from './model.js';
import { renderDocx } from '../formats/docx.js';
import { renderHtml } from '../formats/html.js';
import { renderMarkdown } from '../formats/markdown.js';
import { renderPdf } from '../formats/pdf.js';
import { renderXlsx } from '../formats/xlsx.js';

export const DOCUMENT_FORMATS = ['html', 'docx', 'xlsx', 'pdf', 'md'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * `pdf` replaces the one-shot Chromium of `renderPdf` (a server keeps one browser for all requests).
 */
export async function renderDocument(
  doc: DisclosureDocument,
  format: DocumentFormat,
  pdf: (doc: DisclosureDocument) => Promise<Uint8Array> = renderPdf,
): Promise<Uint8Array> {
  switch (format) {
    case 'md':
      return new TextEncoder().encode(renderMarkdown(doc));
    case 'html':
      return new TextEncoder().encode(renderHtml(doc));
    case 'docx':
      return renderDocx(doc);
    case 'xlsx':
      return renderXlsx(doc);
    case 'pdf':
      return pdf(doc);
  }
}
