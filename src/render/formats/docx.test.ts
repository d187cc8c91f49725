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
import { renderDocx } from './docx.js';
import { columnWeights } from './shared.js';
import { tableLayout } from '../layout.js';

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
