/**
 * DisclosureDocument → a complete HTML page that prints on A4: a cover title, a table of contents
 * linking to the headings, the headings and paragraphs, and every standard table in the template's
 * printed layout (src/render/layout.ts) with real rowspan/colspan header cells in a `<thead>` that
 * the browser repeats on every printed page. Wide tables (nine columns and more) print on landscape
 * pages. The HTML reader expands the spans back into the same grid positions, so `juesuan extract`
 * reads the page back into the same tables; the PDF writer prints this page with Chromium.
 */
import type { DisclosureDocument } from '../document/model.js';
import { layoutTemplate, tableLayout, type TableLayout } from '../layout.js';
import { columnWeights, escapeHtml, headingAnchor, tocEntries } from './shared.js';

/** The CJK font stack of the page: serif body text as the published documents print it. */
export const HTML_FONTS = ['Noto Serif CJK SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei'];

export interface RenderHtmlOptions {
  /** Font families, first choice first (default HTML_FONTS); a generic family is appended. */
  fonts?: string[];
  /** Tables at least this many columns wide print on landscape pages (default 9). */
  landscapeFrom?: number;
  /**
   * Whether bold text may be used (default true). The PDF writer turns it off: a font without a
   * bold face is emboldened synthetically, and Chromium then embeds Type 3 glyphs instead of the font.
   */
  bold?: boolean;
}

export function renderHtml(doc: DisclosureDocument, options: RenderHtmlOptions = {}): string {
  const template = layoutTemplate(doc.report, doc.template);
  const landscapeFrom = options.landscapeFrom ?? 9;
  const body: string[] = [`<header class="cover"><h1>${escapeHtml(doc.title)}</h1></header>`];
  let headings = 0;
  // Headings wait for the next block: those right above a table go into its section, so a table on a
  // landscape page keeps its heading.
  let pending: string[] = [];
  const flush = () => {
    body.push(...pending);
    pending = [];
  };
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      const level = Math.min(6, block.level + 1);
      pending.push(`<h${level} id="${headingAnchor(headings++)}">${escapeHtml(block.text)}</h${level}>`);
      continue;
    }
    if (block.kind === 'table') {
      const table = doc.report.tables.find((t) => t.id === block.id);
      const layout = table && tableLayout(doc.report, table, { template });
      if (layout) body.push(htmlTable(layout, layout.kinds.length >= landscapeFrom, pending));
      else flush();
      pending = [];
      continue;
    }
    flush();
    switch (block.kind) {
      case 'paragraph':
        for (const line of block.text.split(/\r?\n/).filter((l) => l.trim() !== '')) body.push(`<p>${escapeHtml(line.trim())}</p>`);
        break;
      case 'toc':
        body.push(contents(doc));
        break;
      case 'pageBreak':
        body.push('<div class="page-break"></div>');
        break;
    }
  }
  flush();
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${css(options.fonts ?? HTML_FONTS, options.bold ?? true)}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function contents(doc: DisclosureDocument): string {
  const out: string[] = ['<nav class="toc">', '<h2 class="toc-title">目录</h2>', '<ol>'];
  let open = false;
  for (const entry of tocEntries(doc)) {
    const link = `<a href="#${entry.anchor}">${escapeHtml(entry.text)}</a>`;
    if (entry.level === 1) {
      if (open) out.push('</ol></li>');
      out.push(`<li>${link}<ol>`);
      open = true;
    } else out.push(`<li>${link}</li>`);
  }
  if (open) out.push('</ol></li>');
  out.push('</ol>', '</nav>');
  return out.join('\n');
}

const PREAMBLE_CLASS = { label: 'table-label', title: 'table-title', entity: 'table-entity', year: 'table-year', unit: 'table-unit' } as const;

/** One table: the headings above it, its lines above the grid, the grid (header rows in <thead>), its notes. */
export function htmlTable(layout: TableLayout, landscape = false, headings: string[] = []): string {
  // Very wide tables (Sichuan's detail tables by economic class) print in a smaller type to fit a landscape page.
  const density = layout.kinds.length >= 20 ? ' dense' : layout.kinds.length >= 13 ? ' compact' : '';
  const out: string[] = [`<section class="std-table${landscape ? ' wide' : ''}${density}" id="table-${layout.id}">`, ...headings];
  // The entity, year and unit lines share one line on the page (entity left, unit right).
  const meta = layout.preamble.filter((l) => l.role === 'entity' || l.role === 'year' || l.role === 'unit');
  for (const line of layout.preamble) {
    if (meta.includes(line)) continue;
    out.push(`<p class="${PREAMBLE_CLASS[line.role]}">${escapeHtml(line.text)}</p>`);
  }
  if (meta.length > 0) {
    out.push(`<div class="table-meta">${meta.map((l) => `<p class="${PREAMBLE_CLASS[l.role]}">${escapeHtml(l.text)}</p>`).join('')}</div>`);
  }
  // Preferred column widths by what each column holds (the automatic layout still widens a column to its longest amount).
  const weights = columnWeights(layout);
  const total = weights.reduce((a, b) => a + b, 0);
  const cols = layout.kinds.map((k, i) => `<col class="${k}" style="width:${((100 * weights[i]!) / total).toFixed(2)}%">`).join('');
  out.push('<table>', `<colgroup>${cols}</colgroup>`, '<thead>');
  for (const row of layout.header) {
    const cells = row
      .filter((c) => !c.covered)
      .map((c) => `<th${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan ? ` colspan="${c.colSpan}"` : ''}>${escapeHtml(c.text)}</th>`);
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  out.push('</thead>', '<tbody>');
  for (const row of layout.body) {
    out.push(`<tr>${row.map((text, i) => `<td class="${layout.kinds[i] ?? 'label'}">${escapeHtml(text)}</td>`).join('')}</tr>`);
  }
  out.push('</tbody>', '</table>');
  for (const group of layout.notes) for (const line of group) out.push(`<p class="note">${escapeHtml(line)}</p>`);
  out.push('</section>');
  return out.join('\n');
}

function css(fonts: string[], bold: boolean): string {
  const family = [...fonts.map((f) => `"${f.replace(/"/g, '')}"`), 'serif'].join(', ');
  const weight = bold ? '' : '\n* { font-weight: normal !important; }';
  return `
@page { size: A4; margin: 20mm 16mm 18mm 16mm; }
@page wide { size: A4 landscape; margin: 16mm 14mm 16mm 14mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${family}; font-size: 11pt; line-height: 1.7; color: #000; margin: 0 auto; max-width: 260mm; padding: 0 8mm; }
h1 { font-size: 20pt; text-align: center; margin: 40mm 0 20mm; }
h2 { font-size: 15pt; margin: 14pt 0 8pt; }
h3 { font-size: 13pt; margin: 12pt 0 6pt; }
h4, h5, h6 { font-size: 11.5pt; margin: 10pt 0 4pt; }
h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; text-indent: 2em; text-align: justify; }
nav.toc h2 { text-align: center; }
nav.toc ol { list-style: none; padding-left: 0; margin: 0; }
nav.toc ol ol { padding-left: 2em; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc li { margin: 2pt 0; }
.page-break { break-after: page; page-break-after: always; }
section.std-table { margin: 12pt 0 18pt; }
section.std-table.wide { page: wide; break-before: page; page-break-before: always; }
section.std-table p { text-indent: 0; }
.table-label { margin: 0; font-size: 10pt; }
.table-title { text-align: center; font-size: 14pt; font-weight: bold; margin: 4pt 0 6pt; }
.table-meta { display: flex; justify-content: space-between; gap: 12pt; font-size: 9.5pt; }
.table-meta p { margin: 0 0 3pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.35; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 2pt 3pt; vertical-align: middle; overflow-wrap: anywhere; }
th { font-weight: bold; text-align: center; background: #f2f2f2; }
section.compact table { font-size: 7.5pt; }
section.dense table { font-size: 6.5pt; }
section.compact th, section.compact td, section.dense th, section.dense td { padding: 1pt 1.5pt; }
td.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.line, td.code { text-align: center; white-space: nowrap; }
p.note { font-size: 9pt; margin: 4pt 0 0; }
@media print { body { max-width: none; padding: 0; } h1 { margin-top: 60mm; } header.cover { break-after: page; page-break-after: always; } }${weight}
`.trim();
}
