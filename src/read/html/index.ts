/**
 * HTML reader (htmlparser2). Headings, paragraphs and `<table>` grids with rowspan/colspan expanded
 * into positions (text in the top-left cell, the covered positions empty and marked). Tables that
 * only lay out a page (they contain another table) are read as containers, not as grids.
 * `Document.text` is the extracted text: one block per line, table rows tab-separated.
 */
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { Block, GridCell, GridRow, SourcePos } from '../../model/document.js';
import { TOC_LINE } from '../text/index.js';

const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'select', 'option', 'button']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'center', 'form', 'fieldset', 'address', 'figure', 'figcaption', 'body', 'html', 'caption',
  'hr',
]);
const HEADING = /^h([1-6])$/;

export interface HtmlReadResult {
  text: string;
  blocks: Block[];
  title: string | undefined;
}

export function readHtml(source: string): HtmlReadResult {
  const dom = parseDocument(source, { withStartIndices: true, decodeEntities: true, lowerCaseTags: true });
  const lineAt = lineIndex(source);
  const out = new TextOut();
  let title: string | undefined;
  let inline = '';
  let inlineLine = 1;

  const flush = () => {
    const text = normaliseSpace(inline);
    inline = '';
    if (text) out.paragraph(text, inlineLine);
  };

  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      if (!inline.trim()) inlineLine = lineAt(node.startIndex ?? 0);
      inline += data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') return;
    if (node.type === 'root') {
      for (const child of node.children) walk(child);
      flush();
      return;
    }
    const el = node as Element;
    const name = el.name;
    if (name === 'title') {
      title = normaliseSpace(textOf(el));
      return;
    }
    if (SKIP.has(name)) return;
    if (name === 'br') {
      flush();
      return;
    }
    const heading = HEADING.exec(name);
    if (heading) {
      flush();
      const text = normaliseSpace(textOf(el));
      if (text) out.heading(Number(heading[1]), text, lineAt(el.startIndex ?? 0));
      return;
    }
    if (name === 'table') {
      flush();
      if (containsTable(el)) {
        for (const child of el.children) walk(child);
        flush();
      } else {
        // A <caption> often holds the table's title: it goes above the grid, as printed.
        const caption = el.children.find((c): c is Element => c.type === 'tag' && (c as Element).name === 'caption');
        const captionText = caption ? normaliseSpace(textOf(caption)) : '';
        if (captionText) out.paragraph(captionText, lineAt(caption!.startIndex ?? 0));
        const rows = gridOf(el, lineAt);
        if (rows.length > 0) out.table(rows, lineAt(el.startIndex ?? 0));
      }
      return;
    }
    if (name === 'tr' || name === 'td' || name === 'th' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
      // Only reached inside a layout table: treat cells as containers.
      for (const child of el.children) walk(child);
      flush();
      return;
    }
    const isBlock = BLOCK.has(name);
    if (isBlock) flush();
    for (const child of el.children) walk(child);
    if (isBlock) flush();
  };
  walk(dom);
  return { text: out.text, blocks: out.blocks, title };
}

function containsTable(el: Element): boolean {
  for (const child of el.children) {
    if (child.type !== 'tag') continue;
    const c = child as Element;
    if (c.name === 'table') return true;
    if (containsTable(c)) return true;
  }
  return false;
}

/** Rows of a table element in document order (thead, tbody, tfoot and bare tr). */
function rowElements(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      const c = child as Element;
      if (c.name === 'tr') rows.push(c);
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

const MAX_SPAN = 1000;

function gridOf(table: Element, lineAt: (index: number) => number): { cells: GridCell[]; line: number }[] {
  const grid: GridCell[][] = [];
  const lines: number[] = [];
  rowElements(table).forEach((tr, r) => {
    grid[r] ??= [];
    lines[r] = lineAt(tr.startIndex ?? 0);
    let c = 0;
    for (const child of tr.children) {
      if (child.type !== 'tag') continue;
      const td = child as Element;
      if (td.name !== 'td' && td.name !== 'th') continue;
      const row = grid[r]!;
      while (row[c]) c++;
      const rowSpan = clampSpan(td.attribs['rowspan']);
      const colSpan = clampSpan(td.attribs['colspan']);
      const text = normaliseSpace(cellText(td));
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) {
          target[c + dc] =
            dr === 0 && dc === 0
              ? { text, ...(rowSpan > 1 ? { rowSpan } : {}), ...(colSpan > 1 ? { colSpan } : {}) }
              : { text: '', covered: true };
        }
      }
      c += colSpan;
    }
  });
  const width = grid.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  const rows: { cells: GridCell[]; line: number }[] = [];
  grid.forEach((row, r) => {
    const cells: GridCell[] = [];
    for (let c = 0; c < width; c++) cells.push(row?.[c] ?? { text: '' });
    if (cells.some((cell) => cell.text !== '')) rows.push({ cells, line: lines[r] ?? lines[lines.length - 1] ?? 1 });
  });
  return rows;
}

function clampSpan(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Text of a cell: line breaks inside a cell are wrapping, joined without a separator. */
function cellText(el: Element): string {
  let s = '';
  const visit = (node: AnyNode) => {
    if (node.type === 'text') s += (node as unknown as { data: string }).data.replace(/[\r\n]+\s*/g, '');
    else if (node.type === 'tag') {
      const e = node as Element;
      if (SKIP.has(e.name)) return;
      for (const child of e.children) visit(child);
    }
  };
  visit(el);
  return s;
}

function textOf(el: Element): string {
  let s = '';
  const visit = (node: AnyNode) => {
    if (node.type === 'text') s += (node as unknown as { data: string }).data;
    else if (node.type === 'tag') for (const child of (node as Element).children) visit(child);
  };
  visit(el);
  return s;
}

/** CJK characters and full-width forms: a source line break beside one of them is not a space. */
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const CJK_BREAK = new RegExp(`(?<=[${CJK}])[ \\t]*\\r?\\n\\s*(?=[${CJK}])`, 'g');

/**
 * Collapse whitespace as a browser does, except that a line break of the HTML source between two
 * CJK characters is dropped (the CSS Text segment-break rule): Word's export wraps its source lines
 * inside Chinese words (`人力资源\r\n和社会保障局`).
 */
function normaliseSpace(text: string): string {
  return text.replace(CJK_BREAK, '').replace(/[\u00a0\s]+/g, ' ').trim();
}

function lineIndex(source: string): (index: number) => number {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Builds the extracted text and the blocks pointing into it. */
class TextOut {
  text = '';
  blocks: Block[] = [];

  private add(content: string): { start: number; end: number } {
    if (this.text.length > 0) this.text += '\n\n';
    const start = this.text.length;
    this.text += content;
    return { start, end: this.text.length };
  }

  heading(level: number, text: string, line: number): void {
    const { start, end } = this.add(text);
    this.blocks.push({ kind: 'heading', level, text, pos: { line, start, end } });
  }

  paragraph(text: string, line: number): void {
    const { start, end } = this.add(text);
    // A contents entry (leader dots and a page number) is marked as the text reader marks it.
    const toc = TOC_LINE.test(text) && /\S/.test(text.replace(TOC_LINE, ''));
    this.blocks.push({ kind: 'paragraph', text, pos: { line, start, end }, ...(toc ? { toc } : {}) });
  }

  table(rows: { cells: GridCell[]; line: number }[], line: number): void {
    if (this.text.length > 0) this.text += '\n\n';
    const tableStart = this.text.length;
    const gridRows: GridRow[] = [];
    rows.forEach((row, i) => {
      if (i > 0) this.text += '\n';
      const start = this.text.length;
      this.text += row.cells.map((c) => c.text).join('\t');
      const pos: SourcePos = { line: row.line, start, end: this.text.length };
      gridRows.push({ cells: row.cells, pos });
    });
    const last = rows[rows.length - 1];
    this.blocks.push({
      kind: 'table',
      rows: gridRows,
      pos: { line, endLine: last?.line ?? line, start: tableStart, end: this.text.length },
    });
  }
}
