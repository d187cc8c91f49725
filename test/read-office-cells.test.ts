/**
 * Cell contents as publishers store them, in .xlsx (written here with exceljs) and .xls (the same
 * converted by LibreOffice): numbers stored as text with thousands separators, full-width digits and
 * commas, trailing blanks, `-` or a blank cell for zero; merged cells; hidden rows and hidden or
 * very hidden sheets left out; formulas read by their cached result, and a formula saved without
 * one named by its cell instead of read as zero.
 */
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractAsync } from '../src/index.js';
import { JuesuanError } from '../src/model/errors.js';
import type { Report } from '../src/model/report.js';
import { readDocumentAsync } from '../src/read/index.js';
import { convertWithSoffice, SOFFICE } from './read-office-fixtures.js';

const HEADER = [
  ['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
  ['功能分类科目编码', '科目名称'],
  ['', '栏次', '1', '2', '3', '4', '5', '6', '7'],
];

/**
 * Table 02 (收入决算表) with amounts in every way a publisher stores them, plus junk in a hidden row
 * and in hidden and very hidden sheets. `formulas`: 合计 as formulas, with or without cached results.
 */
async function table02(formulas: 'none' | 'cached' | 'uncached' = 'none'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const junk = (name: string, state: 'hidden' | 'veryHidden') => {
    const ws = wb.addWorksheet(name);
    ws.state = state;
    ws.addRow(['收入决算表']);
    ws.addRow(HEADER[0]);
    ws.addRow(['', '合计', '999,999.99', '999,999.99', '', '', '', '', '']);
  };
  junk('隐藏', 'hidden');
  const ws = wb.addWorksheet('收入决算表');
  ws.addRow(['收入决算表']);
  ws.mergeCells(1, 1, 1, 9);
  ws.addRow(['部门：示例单位', '', '', '', '', '', '', '', '金额单位：万元']);
  for (const r of HEADER) ws.addRow(r);
  const top = 3;
  ws.mergeCells(top, 1, top, 2); // 项目 over code and name
  for (let c = 3; c <= 9; c++) ws.mergeCells(top, c, top + 1, c); // column labels down two rows
  // 合计 = the two rows below; as text or formulas.
  const total = ws.addRow(['', '合计', '3,579.12', '3,333.34 ', '－', '', '245.78', '-', '0.00']);
  ws.addRow(['201', '一般公共服务支出', '１，２３４．５６', '1,234.56\u00a0\u00a0', '-', '', '', '—', '']);
  ws.addRow(['208', '社会保障和就业支出', '2,344.56', '2,098.78', '', '', '245.78', '', '']);
  const hidden = ws.addRow(['999', '隐藏的垃圾行', '888,888.88', '888,888.88', '', '', '', '', '']);
  hidden.hidden = true;
  if (formulas !== 'none') {
    const r = total.number;
    total.getCell(3).value = formulas === 'cached' ? { formula: `3579.12+0`, result: 3579.12 } : { formula: `3579.12+0` } as ExcelJS.CellFormulaValue;
    total.getCell(3).numFmt = '#,##0.00';
    total.getCell(4).value = formulas === 'cached' ? { formula: `D${r + 1}+D${r + 2}`, result: 3333.34 } : { formula: `D${r + 1}+D${r + 2}` } as ExcelJS.CellFormulaValue;
    total.getCell(4).numFmt = '#,##0.00';
    ws.getCell(r + 1, 4).value = 1234.56;
    ws.getCell(r + 2, 4).value = 2098.78;
    if (formulas === 'cached') {
      // Cached results that are 0 and the empty string (exceljs itself drops them on reading).
      total.getCell(9).value = { formula: `I${r + 1}+I${r + 2}`, result: 0 };
      total.getCell(9).numFmt = '#,##0.00';
      total.getCell(6).value = { formula: 'IF(1=1,"","x")', result: '' };
    }
  }
  junk('很隐藏', 'veryHidden');
  // The visible sheet is the active one (a hidden sheet cannot be: LibreOffice would show it).
  wb.views = [{ x: 0, y: 0, width: 20000, height: 15000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function expectTable02(report: Report): void {
  expect(report.tables.map((t) => t.id)).toEqual(['02']);
  const rows = report.tables[0]!.rows;
  const cells = (key: string) => rows.find((r) => r.key === key)?.cells;
  expect(rows.map((r) => r.key)).toEqual(['total', '201', '208']);
  expect(cells('total')).toMatchObject({ '1': 3579.12, '2': 3333.34, '5': 245.78 });
  expect(cells('201')).toMatchObject({ '1': 1234.56, '2': 1234.56 });
  expect(cells('208')).toMatchObject({ '1': 2344.56, '2': 2098.78, '5': 245.78 });
  // `-`, `－`, `—` and blank cells are zero (or absent), never an amount.
  for (const row of rows) for (const c of ['3', '4', '6']) expect(row.cells[c] ?? 0, `${row.key} ${c}`).toBe(0);
}

let xlsxPlain: Buffer;
let xlsxCached: Buffer;
let xlsPlain: Buffer | undefined;
let xlsCached: Buffer | undefined;
beforeAll(async () => {
  xlsxPlain = await table02();
  xlsxCached = await table02('cached');
  if (SOFFICE) [xlsPlain, xlsCached] = convertWithSoffice([{ name: 'plain.xlsx', bytes: xlsxPlain }, { name: 'cached.xlsx', bytes: xlsxCached }], 'xls');
}, 120_000);

describe('cell contents as publishers store them', () => {
  it('xlsx: text amounts (separators, full width, trailing blanks, dashes), merged cells, hidden row and sheets', async () => {
    const doc = await readDocumentAsync(xlsxPlain, { path: 'x.xlsx' });
    expect(doc.text).not.toMatch(/999,999|888,888|隐藏/);
    const grid = doc.blocks.find((b) => b.kind === 'table')!;
    if (grid.kind !== 'table') throw new Error('no grid');
    expect(grid.rows[0]!.cells[0]).toMatchObject({ text: '项目', colSpan: 2 });
    expect(grid.rows[0]!.cells[2]).toMatchObject({ text: '本年收入合计', rowSpan: 2 });
    expect(grid.rows[1]!.cells[2]).toMatchObject({ covered: true });
    expectTable02(await extractAsync(xlsxPlain, { path: 'x.xlsx' }));
  });

  it('xlsx: formulas read by their cached result, 0 and the empty string included', async () => {
    const doc = await readDocumentAsync(xlsxCached, { path: 'x.xlsx' });
    const grid = doc.blocks.find((b) => b.kind === 'table')!;
    if (grid.kind !== 'table') throw new Error('no grid');
    const total = grid.rows.find((r) => r.cells[1]?.text === '合计')!;
    expect(total.cells.map((c) => c.text)).toEqual(['', '合计', '3,579.12', '3,333.34', '－', '', '245.78', '-', '0.00']);
    expectTable02(await extractAsync(xlsxCached, { path: 'x.xlsx' }));
  });

  it('xlsx: a formula saved without its result is named by its cells, not read as zero', async () => {
    const err = await extractAsync(await table02('uncached'), { path: '无缓存.xlsx' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(JuesuanError);
    const e = err as JuesuanError;
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/公式没有保存计算结果/);
    expect(e.message).toContain('工作表“收入决算表”的 C6、工作表“收入决算表”的 D6');
    expect(e.message).toContain('无缓存.xlsx');
  });

});

/** The .xls with the BOUNDSHEET of `name` given hsState `state` (LibreOffice writes very hidden as hidden). */
function withSheetState(xls: Buffer, name: string, state: number): Buffer {
  const container = CFB.read(xls, { type: 'buffer' });
  const entry = CFB.find(container, 'Workbook')!;
  const stream = Buffer.from(entry.content as Uint8Array);
  let found = 0;
  for (let pos = 0; pos + 4 <= stream.length; pos += 4 + stream.readUInt16LE(pos + 2)) {
    if (stream.readUInt16LE(pos) !== 0x0085) continue;
    const d = stream.subarray(pos + 4, pos + 4 + stream.readUInt16LE(pos + 2));
    const n = d[6]!;
    const sheet = d[7] ? d.toString('utf16le', 8, 8 + 2 * n) : d.toString('latin1', 8, 8 + n);
    if (sheet === name) {
      d[4] = state;
      found++;
    }
  }
  expect(found).toBe(1);
  entry.content = stream;
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

describe('cell contents in .xls', () => {
  it.skipIf(!SOFFICE)('xls: the same contents read the same (very hidden sheets too)', async () => {
    for (const bytes of [xlsPlain!, xlsCached!, withSheetState(xlsPlain!, '很隐藏', 2)]) {
      const doc = await readDocumentAsync(bytes, { path: 'x.xls' });
      expect(doc.source.format).toBe('xls');
      expect(doc.text).not.toMatch(/999,999|888,888|隐藏/);
      expectTable02(await extractAsync(bytes, { path: 'x.xls' }));
    }
  });
});
