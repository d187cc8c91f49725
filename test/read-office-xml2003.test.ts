/**
 * Excel 2003 XML (SpreadsheetML) named `.xls`, as web-based 财政 systems export it: the seeds' tables
 * and synthetic reports written at test time (merged header cells, amounts as numbers with named and
 * coded formats or as text, a hidden row and a hidden sheet of junk) read back cell for cell.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractAsync, extractFile } from '../src/index.js';
import type { SheetPos } from '../src/read/xlsx/sheet.js';
import { readDocumentAsync, readDocumentFile } from '../src/read/index.js';
import { renderText } from '../src/render/index.js';
import { compareTables, printedTables, tablesToSpreadsheetXml } from './read-office-fixtures.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';
import { syntheticReport } from './support/synthetic.js';

describe.skipIf(!HAVE_SEEDS)('Excel 2003 XML: the seeds’ tables read back cell for cell', () => {
  for (const id of ['000', '001', '003']) {
    it(id, async () => {
      const s = seed(id);
      const source = await extractFile(s.path);
      const xml = tablesToSpreadsheetXml(printedTables(await readDocumentFile(s.path)), { amounts: id === '001' ? 'text' : 'number' });
      const back = await extractAsync(Buffer.from(xml), { path: `${id}.xls` });
      expect(back.source.format).toBe('xls');
      const cmp = compareTables(back, source);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.cells).toBeGreaterThan(300);
    });
  }
});

describe('Excel 2003 XML: synthetic reports', () => {
  for (const template of ['gd', 'sx'] as const) {
    it(`${template}: every cell, hidden junk left out, sheet positions`, async () => {
      const report = syntheticReport(template === 'gd' ? 41 : 42, { template, classes: 5 });
      const doc = await readDocumentAsync(Buffer.from(renderText(report, { template, rowsPerPage: 14 })), { path: 'x.txt' });
      const xml = tablesToSpreadsheetXml(printedTables(doc));
      // GB18030 with the encoding declared, as Chinese systems write it.
      const bytes = iconv.encode(xml.replace('encoding="UTF-8"', 'encoding="GB2312"'), 'gb18030');
      const read = await readDocumentAsync(bytes, { path: '导出.xls' });
      expect(read.text).not.toMatch(/垃圾|999,999\.99/);
      const grid = read.blocks.find((b) => b.kind === 'table')!;
      if (grid.kind !== 'table') throw new Error('no grid');
      expect(grid.rows[0]!.cells[0]).toMatchObject({ text: '收入', colSpan: 3 });
      expect((grid.pos as SheetPos).sheet).toBe('表1');
      const cmp = compareTables(await extractAsync(bytes, { path: '导出.xls' }), report);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.cells).toBeGreaterThan(200);
    });
  }
});
