/**
 * DisclosureDocument → Markdown: `#` headings, paragraphs, a contents list, and every standard table
 * as a pipe table in the template's printed layout (src/render/layout.ts). Merged header cells print
 * as their text in the top-left position and blanks in the positions they cover — the same grid the
 * plain-text layout prints — so `juesuan extract` reads the file back into the same tables, cell for
 * cell. (The markdown reader reads pipe tables, not embedded HTML tables.)
 */
import type { DisclosureDocument } from '../document/model.js';
import { layoutTemplate, tableLayout, type TableLayout } from '../layout.js';
import { tocEntries } from './shared.js';

export function renderMarkdown(doc: DisclosureDocument): string {
  const template = layoutTemplate(doc.report, doc.template);
  const out: string[] = [`# ${inline(doc.title)}`, ''];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`${'#'.repeat(Math.min(6, block.level + 1))} ${inline(block.text)}`, '');
        break;
      case 'paragraph':
        for (const line of paragraphs(block.text)) out.push(line, '');
        break;
      case 'toc': {
        out.push('## 目录', '');
        for (const entry of tocEntries(doc)) out.push(`${entry.level === 1 ? '' : '  '}- ${inline(entry.text)}`);
        out.push('');
        break;
      }
      case 'table': {
        const table = doc.report.tables.find((t) => t.id === block.id);
        const layout = table && tableLayout(doc.report, table, { template });
        if (layout) out.push(...markdownTable(layout));
        break;
      }
      case 'pageBreak':
        break; // markdown has no pages
    }
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** One table: the lines above it as paragraphs (the title in bold), the pipe grid, the notes. */
export function markdownTable(layout: TableLayout): string[] {
  const out: string[] = [];
  for (const line of layout.preamble) out.push(line.role === 'title' ? `**${inline(line.text)}**` : inline(line.text), '');
  const rows = [...layout.header.map((r) => r.map((c) => c.text)), ...layout.body];
  const width = layout.kinds.length;
  rows.forEach((cells, i) => {
    out.push(pipeRow(cells));
    if (i === 0) out.push(`|${layout.kinds.map((k) => (k === 'amount' ? ' ---: ' : ' --- ')).join('|')}|`);
  });
  if (rows.length === 0) out.push(pipeRow(Array.from({ length: width }, () => '')));
  out.push('');
  for (const group of layout.notes) for (const line of group) out.push(inline(line), '');
  return out;
}

function pipeRow(cells: string[]): string {
  return `| ${cells.map((c) => inline(c).replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** A paragraph's lines: one markdown paragraph per line of the text. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => inline(l))
    .filter((l) => l !== '');
}

/**
 * Text safe on one markdown line: tabs (a tab-separated line reads as a table row) and line breaks
 * become spaces; a line that would read as a heading or a table row is escaped.
 */
function inline(text: string): string {
  const s = text.replace(/[\t\r\n]+/g, ' ').trim();
  return s.replace(/^(#{1,6}\s|\|)/, '\\$1');
}
