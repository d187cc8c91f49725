/**
 * DisclosureDocument → Word (.docx) with the `docx` library: the title, a table of contents field
 * (filled with the headings, updated by Word/WPS on opening), Heading 1–4 paragraphs, body text, and
 * every standard table as a real Word table in the template's printed layout (src/render/layout.ts):
 * header rows marked to repeat on every page, merged header cells (gridSpan / vMerge), rows that do
 * not split across pages, amounts right-aligned. A4 portrait; tables nine columns and wider get a
 * landscape section of their own. Page numbers in the footer.
 */
import type { FileChild, ISectionOptions, ParagraphChild } from 'docx';
import type { DisclosureDocument } from '../document/model.js';
import { layoutTemplate, tableLayout, type ColumnKind, type TableLayout } from '../layout.js';
import { columnWeights } from './shared.js';

export interface RenderDocxOptions {
  /** Tables at least this many columns wide get a landscape section (default 9). */
  landscapeFrom?: number;
}

/** Twips (1/20 pt): A4 is 11906 × 16838; margins of 2 cm. */
const A4 = { short: 11906, long: 16838, margin: 1134 };
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };

export async function renderDocx(doc: DisclosureDocument, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  // Loaded on demand: the library is large and only this writer needs it.
  const d = await import('docx');
  const template = layoutTemplate(doc.report, doc.template);
  const landscapeFrom = options.landscapeFrom ?? 9;
  const RawTable = rawTableClass(d);
  const HEADINGS = [d.HeadingLevel.HEADING_1, d.HeadingLevel.HEADING_2, d.HeadingLevel.HEADING_3, d.HeadingLevel.HEADING_4] as const;

  const text = (value: string, extra: { size?: number; bold?: boolean } = {}) => new d.TextRun({ text: value, ...extra });
  const para = (value: string, extra: ConstructorParameters<typeof d.Paragraph>[0] & object = {}) =>
    new d.Paragraph({ children: [text(value)], ...extra });

  const tableChildren = (layout: TableLayout, width: number): FileChild[] => {
    const out: FileChild[] = [];
    for (const line of layout.preamble) {
      if (line.role === 'title') out.push(new d.Paragraph({ children: [text(line.text, { size: 28, bold: true })], alignment: d.AlignmentType.CENTER, spacing: { before: 120, after: 120 } }));
      else if (line.role === 'unit') out.push(para(line.text, { alignment: d.AlignmentType.RIGHT, spacing: { after: 60 } }));
      else out.push(para(line.text, { spacing: { after: 60 } }));
    }
    out.push(new RawTable(tableXml(layout, width)));
    for (const group of layout.notes) for (const line of group) out.push(new d.Paragraph({ children: [text(line, { size: 18 })], spacing: { before: 60, after: 0 } }));
    return out;
  };

  // Blocks into sections: portrait runs, and a landscape section per wide table.
  const sections: { landscape: boolean; children: FileChild[] }[] = [];
  const current = (landscape: boolean) => {
    const last = sections[sections.length - 1];
    if (last && last.landscape === landscape) return last.children;
    const next = { landscape, children: [] as FileChild[] };
    sections.push(next);
    return next.children;
  };
  current(false).push(
    new d.Paragraph({ children: [text(doc.title, { size: 44, bold: true })], heading: d.HeadingLevel.TITLE, alignment: d.AlignmentType.CENTER, spacing: { before: 3600, after: 600 } }),
    new d.Paragraph({ children: [new d.PageBreak()] }),
  );
  let pendingBreak = false;
  // Headings wait for the next block: those right above a table go into its section, so a table in a
  // landscape section keeps its heading.
  let headings: { level: number; text: string }[] = [];
  const headingParagraphs = (breakBefore: boolean) => {
    const out = headings.map(
      (h, i) => new d.Paragraph({ children: [text(h.text)], heading: HEADINGS[h.level - 1] ?? d.HeadingLevel.HEADING_4, pageBreakBefore: breakBefore && i === 0 }),
    );
    headings = [];
    return out;
  };
  for (const block of doc.blocks) {
    if (block.kind !== 'heading' && block.kind !== 'table' && headings.length > 0) {
      current(false).push(...headingParagraphs(pendingBreak));
      pendingBreak = false;
    }
    switch (block.kind) {
      case 'heading':
        headings.push({ level: block.level, text: block.text });
        break;
      case 'paragraph':
        for (const line of block.text.split(/\r?\n/).filter((l) => l.trim() !== '')) {
          current(false).push(new d.Paragraph({ children: [text(line.trim())], indent: { firstLine: 420 }, pageBreakBefore: pendingBreak }));
          pendingBreak = false;
        }
        break;
      case 'toc':
        current(false).push(
          new d.Paragraph({ children: [text('目录', { size: 32, bold: true })], alignment: d.AlignmentType.CENTER, spacing: { after: 240 } }),
          new d.TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }),
        );
        break;
      case 'table': {
        const table = doc.report.tables.find((t) => t.id === block.id);
        const layout = table && tableLayout(doc.report, table, { template });
        if (!layout) {
          current(false).push(...headingParagraphs(pendingBreak));
          break;
        }
        const landscape = layout.kinds.length >= landscapeFrom;
        const width = (landscape ? A4.long : A4.short) - 2 * A4.margin;
        // A landscape section begins on a page of its own; elsewhere a pending page break starts the table's page.
        const lead = headingParagraphs(pendingBreak && !landscape);
        if (pendingBreak && !landscape && lead.length === 0) current(false).push(new d.Paragraph({ children: [new d.PageBreak()] }));
        pendingBreak = false;
        current(landscape).push(...lead, ...tableChildren(layout, width));
        break;
      }
      case 'pageBreak':
        pendingBreak = true;
        break;
    }
  }
  if (headings.length > 0) current(false).push(...headingParagraphs(pendingBreak));

  const pageNumber: ParagraphChild[] = [text('第 '), new d.TextRun({ children: [d.PageNumber.CURRENT] }), text(' 页 共 '), new d.TextRun({ children: [d.PageNumber.TOTAL_PAGES] }), text(' 页')];
  const footer = new d.Footer({ children: [new d.Paragraph({ children: pageNumber, alignment: d.AlignmentType.CENTER })] });
  const header = new d.Header({ children: [new d.Paragraph({ children: [text(doc.title, { size: 16 })], alignment: d.AlignmentType.RIGHT })] });
  const sectionOptions: ISectionOptions[] = sections.map((s) => ({
    properties: {
      page: {
        size: { width: A4.short, height: A4.long, orientation: s.landscape ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT },
        margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
      },
    },
    headers: { default: header },
    footers: { default: footer },
    children: s.children,
  }));

  const document = new d.Document({
    creator: '决算通 juesuan',
    title: doc.title,
    description: `${doc.entity}${doc.year}年度决算公开`,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 21 }, paragraph: { spacing: { line: 360 } } },
        title: { run: { font: HEADING_FONT, size: 44, bold: true } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: true }, paragraph: { spacing: { before: 360, after: 240 } } },
        heading2: { run: { font: HEADING_FONT, size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: BODY_FONT, size: 24, bold: true }, paragraph: { spacing: { before: 200, after: 100 } } },
        heading4: { run: { font: BODY_FONT, size: 22, bold: true }, paragraph: { spacing: { before: 120, after: 60 } } },
      },
    },
    sections: sectionOptions,
  });
  const buffer = await d.Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

type Docx = typeof import('docx');

let rawTable: (new (xml: string) => FileChild) | undefined;
/**
 * A table written from its XML. Building a Word table cell by cell with the library's objects
 * (TableCell → TableCellProperties → Paragraph → TextRun, each turned into an object tree and then
 * into text) took most of the writer's time and memory; our tables are plain grids, so their XML is
 * written directly, exactly as the library writes it (same elements, attribute order and escaping).
 * The library's stringifier (docx 9.x) writes a content value that is neither a string nor an object
 * as String(value), unescaped; the XML goes in as such a value (a function whose toString is the XML).
 * docx.test.ts compares every table byte for byte with the one the library builds from its objects,
 * so a library update that changes either side fails there.
 */
function rawTableClass(d: Docx): new (xml: string) => FileChild {
  if (rawTable) return rawTable;
  class RawTable extends d.FileChild {
    private readonly xml: string;
    constructor(xml: string) {
      super('w:tbl');
      this.xml = xml;
    }
    override prepForXml(): ReturnType<FileChild['prepForXml']> {
      const xml = this.xml;
      const raw = Object.assign(() => xml, { toString: () => xml });
      return { 'w:tbl': [raw] } as unknown as ReturnType<FileChild['prepForXml']>;
    }
  }
  rawTable = RawTable;
  return RawTable;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** As the library escapes text and attribute values: the five entities, C0 controls other than tab/LF/CR dropped. */
function escapeXml(value: string): string {
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => ESCAPES[ch] ?? '');
}

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';
const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('')}</w:tblBorders>`;
const CELL_MARGINS = '<w:tcMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="60"/><w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="60"/></w:tcMar>';
const HEAD_SHADING = '<w:shd w:fill="F2F2F2" w:color="auto" w:val="clear"/>';
const JC: Record<ColumnKind | 'head', string> = { amount: 'right', label: 'left', code: 'center', line: 'center', head: 'center' };

/**
 * A standard table as Word XML (inside <w:tbl>): fixed layout at the given width, thin borders,
 * header rows repeated on every page, no row split across pages, merged header cells (gridSpan, and
 * vMerge restart / continue cells under a rowSpan), shaded header, amounts right-aligned.
 */
export function tableXml(layout: TableLayout, width: number): string {
  // Half-points: 9 pt, smaller for the very wide tables (Sichuan's detail tables by economic class).
  const size = layout.kinds.length >= 20 ? 13 : layout.kinds.length >= 13 ? 15 : 18;
  const weights = columnWeights(layout);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((width * w) / total));
  const run = `<w:r><w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">`;
  const paragraph = (text: string, kind: ColumnKind | 'head') =>
    `<w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="260"/><w:jc w:val="${JC[kind]}"/></w:pPr>${run}${escapeXml(text)}</w:t></w:r></w:p>`;
  const cellProperties = (cellWidth: number, merge: string, shaded: boolean) =>
    `<w:tcPr><w:tcW w:type="dxa" w:w="${cellWidth}"/>${merge}${shaded ? HEAD_SHADING : ''}${CELL_MARGINS}<w:vAlign w:val="center"/></w:tcPr>`;

  const parts: string[] = [
    `<w:tblPr><w:tblW w:type="dxa" w:w="${width}"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  ];
  // Cells merged down from a row above, by the grid column they start at: the rows still to cover and their span.
  const below = new Map<number, { rows: number; span: number }>();
  layout.header.forEach((row, r) => {
    parts.push('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    // The last row of the table (a header without body) carries no continuation on (as docx: none past the table).
    const last = r === layout.header.length - 1 && layout.body.length === 0;
    row.forEach((cell, c) => {
      const merged = below.get(c);
      if (cell.covered) {
        if (!merged) return;
        const span = merged.span > 1 ? `<w:gridSpan w:val="${merged.span}"/>` : '';
        parts.push(`<w:tc>${cellProperties(spanWidth(widths, c, merged.span), `${span}<w:vMerge w:val="continue"/>`, true)}<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p></w:tc>`);
        if (merged.rows > 2 && !last) below.set(c, { rows: merged.rows - 1, span: merged.span });
        else below.delete(c);
        return;
      }
      below.delete(c);
      const span = cell.colSpan ?? 1;
      let merge = cell.colSpan ? `<w:gridSpan w:val="${cell.colSpan}"/>` : '';
      if (cell.rowSpan && cell.rowSpan > 1) {
        merge += '<w:vMerge w:val="restart"/>';
        if (!last) below.set(c, { rows: cell.rowSpan, span });
      }
      parts.push(`<w:tc>${cellProperties(spanWidth(widths, c, span), merge, true)}${paragraph(cell.text, 'head')}</w:tc>`);
    });
    parts.push('</w:tr>');
  });
  const bodyProperties = widths.map((w) => cellProperties(w, '', false));
  for (const row of layout.body) {
    parts.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    row.forEach((value, c) => parts.push(`<w:tc>${bodyProperties[c]}${paragraph(value, layout.kinds[c] ?? 'label')}</w:tc>`));
    parts.push('</w:tr>');
  }
  return parts.join('');
}

/** The width of a cell spanning `span` columns from `c`. */
function spanWidth(widths: number[], c: number, span: number): number {
  return widths.slice(c, c + span).reduce((a, b) => a + b, 0);
}
