/**
 * The Word writer: a real package (document.xml with one Word table per standard table, header rows
 * marked to repeat, merged header cells, a TOC field, A4 pages, landscape sections for wide tables),
 * and the composed document read back by `extract` (the Word reader) into the same tables, cell for cell.
 */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractAsync } from '../../index.js';
import { compareWithGolden } from '../../../test/support/golden.js';
import { cases } from '../../../test/support/render-documents.js';
import { syntheticReport } from '../../../test/support/synthetic.js';
import { composeDocument } from '../document/compose.js';
import { renderDocx, tableXml } from './docx.js';
import { columnWeights } from './shared.js';
import { layoutTemplate, tableLayout, type ColumnKind, type TableLayout } from '../layout.js';

/** The entries of a ZIP archive (stored or deflated), from its central directory. */
function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

describe('column widths', () => {
  it('give every amount column room for its longest amount, and the 行次 column for its label', () => {
    const report = syntheticReport(7, { template: 'sx', classes: 8, breadth: 4 });
    for (const table of report.tables) {
      const layout = tableLayout(report, table)!;
      const weights = columnWeights(layout);
      layout.kinds.forEach((kind, c) => {
        if (kind === 'amount') for (const row of layout.body) expect(weights[c]!).toBeGreaterThan(row[c]!.length);
        if (kind === 'line') expect(weights[c]!).toBeGreaterThanOrEqual(5);
      });
    }
  });
});

describe('docx', () => {
  it('is a Word package with real tables, repeating header rows, merged header cells, a TOC field and A4 pages', async () => {
    const report = syntheticReport(8, { template: 'sx', classes: 4 });
    const bytes = await renderDocx(composeDocument(report, {}, { template: 'sx' }));
    const files = unzip(bytes);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBe(report.tables.length);
    expect(xml).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(?:true|1|on)"\/>/);
    expect(xml).toMatch(/<w:gridSpan w:val="6"\/>/); // 预算数 / 决算数 over six columns (table 09)
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/); // 合计 over two header rows (table 09)
    expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC /);
    expect(xml).toContain('w:w="11906"'); // A4 width in twips
    expect(xml).toContain('w:orient="landscape"'); // the wide tables
    expect(xml).toContain('财政拨款“三公”经费支出决算表');
  });

  const docxCases = cases().filter((c) => c.name.startsWith('seed') || c.name === 'synthetic 7 sc' || c.name === 'synthetic 11 sx');
  for (const c of docxCases) {
    it(`${c.name}: the composed document → Word → extract gives the same tables`, async () => {
      const report = await c.load();
      const doc = composeDocument(report, {}, { template: c.template });
      const back = await extractAsync(await renderDocx(doc), { path: 'x.docx' });
      // Compare the tables the document prints (Sichuan: its own set, the extra tables derived by the composer).
      const printed = { ...doc.report, tables: doc.report.tables.filter((t) => doc.blocks.some((b) => b.kind === 'table' && b.id === t.id)) };
      expect(compareWithGolden(back, printed).mismatches).toEqual([]);
      expect(back.diagnostics.filter((d) => d.level === 'warning')).toEqual([]);
    });
  }
});

/**
 * The tables are written as XML directly (for speed); the library builds the same table from its
 * objects (TableCell, Paragraph, TextRun, with its own vMerge continuation cells) as the writer did
 * before. Both must give the same <w:tbl> byte for byte.
 */
async function libraryTableXml(layout: TableLayout, width: number): Promise<string> {
  const d = await import('docx');
  const size = layout.kinds.length >= 20 ? 13 : layout.kinds.length >= 13 ? 15 : 18;
  const weights = columnWeights(layout);
  const total = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((width * w) / total));
  const spanWidth = (c: number, span: number) => columnWidths.slice(c, c + span).reduce((a, b) => a + b, 0);
  const margins = { top: 30, bottom: 30, left: 60, right: 60 };
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const paragraph = (value: string, kind: ColumnKind | 'head') =>
    new d.Paragraph({
      children: [new d.TextRun({ text: value, size })],
      alignment: kind === 'amount' ? d.AlignmentType.RIGHT : kind === 'label' ? d.AlignmentType.LEFT : d.AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 260 },
    });
  const header = layout.header.map(
    (row) =>
      new d.TableRow({
        tableHeader: true,
        cantSplit: true,
        children: row.flatMap((cell, c) =>
          cell.covered
            ? []
            : [
                new d.TableCell({
                  children: [paragraph(cell.text, 'head')],
                  ...(cell.colSpan ? { columnSpan: cell.colSpan } : {}),
                  ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
                  verticalAlign: d.VerticalAlignTable.CENTER,
                  shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
                  margins,
                  width: { size: spanWidth(c, cell.colSpan ?? 1), type: d.WidthType.DXA },
                }),
              ],
        ),
      }),
  );
  const body = layout.body.map(
    (row) =>
      new d.TableRow({
        cantSplit: true,
        children: row.map(
          (value, c) =>
            new d.TableCell({
              children: [paragraph(value, layout.kinds[c] ?? 'label')],
              verticalAlign: d.VerticalAlignTable.CENTER,
              margins,
              width: { size: columnWidths[c]!, type: d.WidthType.DXA },
            }),
        ),
      }),
  );
  const table = new d.Table({
    rows: [...header, ...body],
    columnWidths,
    width: { size: width, type: d.WidthType.DXA },
    layout: d.TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
  const bytes = await d.Packer.toBuffer(new d.Document({ sections: [{ children: [table] }] }));
  const xml = unzip(bytes).get('word/document.xml')!.toString('utf8');
  return xml.slice(xml.indexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>') + '</w:tbl>'.length);
}

describe('docx tables written as XML', () => {
  it('are byte for byte the tables the library writes, for every table of the seeds and synthetic units', async () => {
    let compared = 0;
    for (const c of cases().filter((x) => x.name.startsWith('seed') || x.name.startsWith('synthetic'))) {
      const report = await c.load();
      const doc = composeDocument(report, {}, { template: c.template });
      const template = layoutTemplate(doc.report, doc.template);
      for (const block of doc.blocks) {
        if (block.kind !== 'table') continue;
        const layout = tableLayout(doc.report, doc.report.tables.find((t) => t.id === block.id)!, { template });
        if (!layout) continue;
        const width = layout.kinds.length >= 9 ? 14570 : 9638;
        expect(`<w:tbl>${tableXml(layout, width)}</w:tbl>`, `${c.name} table ${block.id}`).toBe(await libraryTableXml(layout, width));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('escape text as the library does and chain merges down three rows, spanning columns', async () => {
    const layout: TableLayout = {
      id: '99',
      title: 't',
      preamble: [],
      header: [
        [{ text: 'A & B <c>', rowSpan: 3, colSpan: 2 }, { text: '', covered: true }, { text: '"引" \'号\'', colSpan: 2 }, { text: '', covered: true }],
        [{ text: '', covered: true }, { text: '', covered: true }, { text: '上\u0001年', rowSpan: 2 }, { text: '本年\t' }],
        [{ text: '', covered: true }, { text: '', covered: true }, { text: '', covered: true }, { text: '>' }],
      ],
      body: [['一般公共服务支出 & 其他', '201', '1,234.56', '—'], ['', '', '', '']],
      paged: true,
      kinds: ['label', 'code', 'amount', 'amount'],
      notes: [],
      empty: false,
    };
    expect(`<w:tbl>${tableXml(layout, 9638)}</w:tbl>`).toBe(await libraryTableXml(layout, 9638));
  });
});
