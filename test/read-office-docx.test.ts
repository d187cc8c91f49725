/**
 * The .docx reader on Word files written at test time with the docx library: the seeds and synthetic
 * reports, whole (narrative and tables in order), tables with merged header cells (gridSpan and
 * vMerge). Every table cell, the metadata and the narrative's facts read back equal to the text.
 */
import * as docx from 'docx';
import { describe, expect, it } from 'vitest';
import { extract, extractAsync, extractFile } from '../src/index.js';
import { JuesuanError } from '../src/model/errors.js';
import { readDocumentAsync, readDocumentFile } from '../src/read/index.js';
import { renderText } from '../src/render/index.js';
import { compareTables, documentToDocx, handZip } from './read-office-fixtures.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';
import { syntheticReport } from './support/synthetic.js';

async function errorOf(p: Promise<unknown>): Promise<JuesuanError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (e instanceof JuesuanError) return e;
  throw new Error(`expected a JuesuanError, got ${String(e)}`);
}

describe.skipIf(!HAVE_SEEDS)('docx: the seeds read back', () => {
  for (const id of ['000', '001', '003']) {
    it(`${id}: tables cell for cell, metadata and facts`, async () => {
      const s = seed(id);
      const source = await extractFile(s.path);
      const bytes = await documentToDocx(await readDocumentFile(s.path), { mergeHeaders: true });
      const back = await extractAsync(bytes, { path: `${id}.docx` });
      expect(back.source.format).toBe('docx');
      const cmp = compareTables(back, source);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.cells).toBeGreaterThan(300);
      for (const key of ['title', 'entity', 'year', 'kind', 'scope', 'moneyUnit'] as const) expect(back[key], key).toEqual(source[key]);
      expect((back.facts ?? []).map((f) => [f.subject, f.value])).toEqual((source.facts ?? []).map((f) => [f.subject, f.value]));
    });
  }
});

describe('docx: synthetic reports read back cell for cell', () => {
  for (const template of ['gd', 'sx'] as const) {
    it(template, async () => {
      const report = syntheticReport(template === 'gd' ? 21 : 22, { template, classes: 5 });
      const text = renderText(report, { template, rowsPerPage: 12, repeatHeader: template === 'gd' });
      const bytes = await documentToDocx(await readDocumentAsync(Buffer.from(text), { path: 'x.txt' }), { mergeHeaders: true });
      const back = await extractAsync(bytes, { path: 'x.docx' });
      const cmp = compareTables(back, report);
      expect(cmp.mismatches).toEqual([]);
      expect(compareTables(extract(text, { path: 'x.txt' }), report).mismatches).toEqual([]);
    });
  }
});

describe('docx: what the reader hands recognition', () => {
  it('paragraphs and tables in order, Word headings, merged cells as rowSpan/colSpan', async () => {
    const file = new docx.Document({
      sections: [
        {
          children: [
            new docx.Paragraph({ text: '第一部分 部门概况', heading: docx.HeadingLevel.HEADING_1 }),
            new docx.Paragraph('一、主要职能'),
            new docx.Paragraph('收入决算表'),
            new docx.Table({
              rows: [
                new docx.TableRow({
                  children: [
                    new docx.TableCell({ children: [new docx.Paragraph('项目')], columnSpan: 2 }),
                    new docx.TableCell({ children: [new docx.Paragraph('本年收入合计')], rowSpan: 2 }),
                  ],
                }),
                new docx.TableRow({
                  children: [new docx.TableCell({ children: [new docx.Paragraph('科目编码')] }), new docx.TableCell({ children: [new docx.Paragraph('科目名称')] })],
                }),
                new docx.TableRow({
                  children: ['208', '社会保障和就业支出', '1,234.56'].map((t) => new docx.TableCell({ children: [new docx.Paragraph(t)] })),
                }),
              ],
            }),
            new docx.Paragraph('注：本表反映部门本年度取得的各项收入情况。'),
          ],
        },
      ],
    });
    const doc = await readDocumentAsync(Buffer.from(await docx.Packer.toBuffer(file)), { path: 'x.docx' });
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'table', 'paragraph']);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: '第一部分 部门概况' });
    const grid = doc.blocks[3]!;
    if (grid.kind !== 'table') throw new Error('no grid');
    expect(grid.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '', '本年收入合计'],
      ['科目编码', '科目名称', ''],
      ['208', '社会保障和就业支出', '1,234.56'],
    ]);
    expect(grid.rows[0]!.cells[0]).toMatchObject({ colSpan: 2 });
    expect(grid.rows[0]!.cells[2]).toMatchObject({ rowSpan: 2 });
    expect(grid.rows[1]!.cells[2]).toMatchObject({ covered: true });
  });
});

describe('docx: bad input', () => {
  it('a truncated document is corrupt', async () => {
    const bytes = await documentToDocx(await readDocumentAsync(Buffer.from(renderText(syntheticReport(2))), { path: 'x.txt' }));
    const err = await errorOf(extractAsync(bytes.subarray(0, Math.floor(bytes.length / 2)), { path: '截断.docx' }));
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain('截断.docx');
  });

  it('a zip bomb is refused', async () => {
    const bytes = handZip([
      { name: 'word/document.xml', data: Buffer.alloc(40 * 1024 * 1024, 0x20), declaredSize: 500 },
    ]);
    const err = await errorOf(extractAsync(bytes, { path: '炸弹.docx', maxUnpackedBytes: 8 * 1024 * 1024 }));
    expect(err.code).toBe('limit_exceeded');
  });

  it('garbage in a valid package is corrupt', async () => {
    const bytes = handZip([{ name: 'word/document.xml', data: Buffer.from('<w:document><w:body><w:p>') }]);
    const err = await errorOf(extractAsync(bytes, { path: '坏.docx' }));
    expect(['corrupt', 'not_a_document']).toContain(err.code);
  });
});
