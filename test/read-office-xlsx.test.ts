/**
 * The .xlsx reader on workbooks written at test time: the seeds' printed tables and synthetic
 * reports, in the published layout (title and unit rows, merged header cells, numbers with a
 * number format or as text with separators, formulas, a hidden row, column and sheet of junk) and in
 * the 久其 export's layout (sheets named `Z01 …(财决01表)`, cut at 31 characters, no title row).
 * Every cell read back must equal the source. Also the number formats, positions, and bad input.
 */
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extractAsync, extractFile } from '../src/index.js';
import type { TableBlock } from '../src/model/document.js';
import { JuesuanError } from '../src/model/errors.js';
import { readDocumentAsync, readDocumentFile } from '../src/read/index.js';
import { formatNumber } from '../src/read/xlsx/numfmt.js';
import type { SheetPos } from '../src/read/xlsx/sheet.js';
import { renderText } from '../src/render/index.js';
import { compareTables, handZip, jiuqiSheetName, printedTables, tablesToXlsx, type WorkbookOptions } from './read-office-fixtures.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';
import { syntheticReport } from './support/synthetic.js';
import { extract } from '../src/index.js';

const VARIANTS: [string, WorkbookOptions][] = [
  ['published, merged headers, numbers and text, formulas, hidden junk', { layout: 'published', mergeHeaders: true, amounts: 'mixed', junk: true, formulas: true }],
  ['久其 sheet names without title rows, amounts as text', { layout: 'jiuqi', amounts: 'text', mergeHeaders: true }],
];

async function errorOf(p: Promise<unknown>): Promise<JuesuanError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof JuesuanError) return err;
    throw err;
  }
  throw new Error('expected a JuesuanError');
}

describe.skipIf(!HAVE_SEEDS)('xlsx: the seeds’ tables read back cell for cell', () => {
  for (const id of ['000', '001', '003']) {
    for (const [name, options] of VARIANTS) {
      it(`${id}: ${name}`, async () => {
        const s = seed(id);
        const source = await extractFile(s.path);
        const tables = printedTables(await readDocumentFile(s.path));
        expect(tables.length).toBe(source.tables.length);
        const back = await extractAsync(await tablesToXlsx(tables, options), { path: `${id}.xlsx` });
        const cmp = compareTables(back, source);
        expect(cmp.mismatches).toEqual([]);
        expect(cmp.cells).toBeGreaterThan(300);
      });
    }
  }
});

describe('xlsx: synthetic reports read back cell for cell', () => {
  for (const template of ['gd', 'sx'] as const) {
    for (const n of [1, 2]) {
      for (const [name, options] of VARIANTS) {
        it(`${template} #${n}: ${name}`, async () => {
          const report = syntheticReport(n * 7 + (template === 'sx' ? 1 : 0), { template, classes: 4 });
          const text = renderText(report, { template, rowsPerPage: 15 });
          const doc = await readDocumentAsync(Buffer.from(text), { path: 'x.txt' });
          const back = await extractAsync(await tablesToXlsx(printedTables(doc), options), { path: 'x.xlsx' });
          const cmp = compareTables(back, report);
          expect(cmp.mismatches).toEqual([]);
          expect(cmp.cells).toBeGreaterThan(200);
          // The text print reads back the same, so both readers agree.
          expect(compareTables(extract(text, { path: 'x.txt' }), report).mismatches).toEqual([]);
        });
      }
    }
  }
});

describe('xlsx: what the reader hands recognition', () => {
  it('merged cells expanded, hidden rows, columns and sheets left out, positions per sheet and row', async () => {
    const report = syntheticReport(3, { template: 'gd' });
    const doc = await readDocumentAsync(Buffer.from(renderText(report)), { path: 'x.txt' });
    const tables = printedTables(doc);
    const bytes = await tablesToXlsx(tables, { layout: 'published', mergeHeaders: true, amounts: 'number', junk: true });
    const read = await readDocumentAsync(bytes, { path: 'x.xlsx' });
    expect(read.source.format).toBe('xlsx');
    expect(read.text).not.toMatch(/垃圾|999,999\.99|123,456\.78|9999999/);
    const grids = read.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(grids.length).toBe(tables.length);
    // Table 01's header: 收入 over three columns, 行次 down two rows.
    const first = grids[0]!;
    expect(first.rows[0]!.cells[0]).toMatchObject({ text: '收入', colSpan: 3 });
    expect(first.rows[0]!.cells[1]).toMatchObject({ text: '', covered: true });
    expect(first.rows.some((r) => r.cells.some((c) => c.rowSpan === 2))).toBe(true);
    // Amounts shown with their format's decimals and separators.
    expect(first.rows.flatMap((r) => r.cells.map((c) => c.text)).filter((t) => /^\d{1,3}(,\d{3})+\.\d\d$/.test(t)).length).toBeGreaterThan(0);
    // Positions: the sheet, its row, and a running line number across sheets.
    const second = grids[1]!;
    const pos = second.pos as SheetPos;
    expect(pos.sheet).toBe('表2');
    expect(pos.row).toBeGreaterThan(1);
    expect(pos.line).toBeGreaterThan((grids[0]!.pos.endLine ?? 0));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('表2')!;
    const row = second.rows[3]!;
    const rp = row.pos as SheetPos;
    expect(String(ws.getCell(rp.row, rp.column).text || '')).toBe(row.cells[0]!.text === '' ? '' : String(ws.getCell(rp.row, rp.column).text));
    expect(row.cells.map((c) => c.text).join('|')).toContain(ws.getRow(rp.row).getCell(2).text.trim() === '' ? '' : ws.getRow(rp.row).getCell(2).text.replace(/,/g, '').split('.')[0]!);
    // The recognised rows point at the running line of their sheet row.
    const back = await extractAsync(bytes, { path: 'x.xlsx' });
    const t02 = back.tables.find((t) => t.id === '02')!;
    const total = t02.rows.find((r) => r.key === 'total')!;
    const totalRow = second.rows.find((r) => r.cells.some((c) => c.text === '合计'))!;
    expect(total.source?.line).toBe(totalRow.pos.line);
  });

  it('the 久其 sheet name titles a sheet without a title row (cut at 31 characters)', async () => {
    expect(jiuqiSheetName(5, '一般公共预算财政拨款基本支出决算明细表').length).toBeLessThanOrEqual(31);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(jiuqiSheetName(1, '收入决算表'));
    ws.addRow(['单位：万元']);
    ws.addRow(['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']);
    ws.addRow(['功能分类科目编码', '科目名称']);
    ws.addRow(['', '栏次', '1', '2', '3', '4', '5', '6', '7']);
    ws.addRow(['', '合计', '1,234.50', '1,234.50', '0.00', '0.00', '0.00', '0.00', '0.00']);
    ws.addRow(['208', '社会保障和就业支出', '1,234.50', '1,234.50', '0.00', '0.00', '0.00', '0.00', '0.00']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const read = await readDocumentAsync(bytes, { path: 'jq.xlsx' });
    expect(read.blocks[0]).toMatchObject({ kind: 'paragraph', text: '收入决算表' });
    expect((read.blocks[0]!.pos as SheetPos).sheet).toBe('Z02 收入决算表(财决02表)');
    const back = await extractAsync(bytes, { path: 'jq.xlsx' });
    expect(back.tables.map((t) => t.id)).toEqual(['02']);
    expect(back.tables[0]!.rows.find((r) => r.key === '208')!.cells['1']).toBe(1234.5);
  });
});

describe('number formats: the displayed text, never binary-float drift', () => {
  it.each([
    [2169.36, '#,##0.00', '2,169.36'],
    [2169.355, '#,##0.00', '2,169.36'],
    [1.005, '0.00', '1.01'],
    [0.1 + 0.2, 'General', '0.3'],
    [0.05, '#,##0.00', '0.05'],
    [0.005, '0.00', '0.01'],
    [0.004, '0.00', '0.00'],
    [1234567.891, '#,##0.0', '1,234,567.9'],
    [-12.5, '#,##0.00', '-12.50'],
    [-12.5, '#,##0.00;(#,##0.00)', '(12.50)'],
    [0, '#,##0.00;-#,##0.00;', ''],
    [0, '#,##0.00;-#,##0.00;"-"', '-'],
    [0.1234, '0.0%', '12.3%'],
    [999.995, '#,##0.00', '1,000.00'],
    [12, '0.00"万元"', '12.00万元'],
    [2080505, 'General', '2080505'],
    [98765432109.99, '#,##0.00', '98,765,432,109.99'],
  ])('%s as %s → %s', (value, fmt, expected) => {
    expect(formatNumber(value, fmt)).toBe(expected);
  });
});

describe('xlsx: bad input ends with a clear message', () => {
  it('a truncated workbook is corrupt', async () => {
    const report = syntheticReport(5);
    const doc = await readDocumentAsync(Buffer.from(renderText(report)), { path: 'x.txt' });
    const bytes = await tablesToXlsx(printedTables(doc), { layout: 'published' });
    const err = await errorOf(extractAsync(bytes.subarray(0, Math.floor(bytes.length * 0.6)), { path: '截断.xlsx' }));
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/损坏|不完整/);
    expect(err.message).toContain('截断.xlsx');
  });

  it('a package with garbage parts is corrupt', async () => {
    const bytes = handZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="x" sheetId="1" r:id="rId1"/></sheets') },
    ]);
    const err = await errorOf(extractAsync(bytes, { path: '坏.xlsx' }));
    expect(['corrupt', 'not_a_document']).toContain(err.code);
  });

  it('a zip bomb is refused by its declared size before unpacking', async () => {
    const bytes = handZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20) },
    ]);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const err = await errorOf(extractAsync(bytes, { path: '炸弹.xlsx', maxUnpackedBytes: 10 * 1024 * 1024 }));
    expect(err.code).toBe('limit_exceeded');
    expect(err.message).toMatch(/压缩炸弹/);
  });

  it('a zip bomb that lies about its size is stopped while inflating', async () => {
    const bytes = handZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20), declaredSize: 1000 },
    ]);
    const err = await errorOf(extractAsync(bytes, { path: '炸弹.xlsx', maxUnpackedBytes: 10 * 1024 * 1024 }));
    expect(err.code).toBe('limit_exceeded');
  });

  it('more cells than maxCells is refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大表');
    for (let r = 0; r < 200; r++) ws.addRow(Array.from({ length: 20 }, (_, c) => r * c));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const err = await errorOf(extractAsync(bytes, { path: '大.xlsx', maxCells: 1000 }));
    expect(err.code).toBe('limit_exceeded');
    expect(err.message).toMatch(/单元格/);
  });

  it('an encrypted workbook (OLE with EncryptionInfo) says it is encrypted', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
    const bytes = Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
    const err = await errorOf(extractAsync(bytes, { path: '加密.xlsx' }));
    expect(err.code).toBe('encrypted');
    expect(err.message).toMatch(/加密|密码/);
  });
});
