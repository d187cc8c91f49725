/**
 * `timeoutMs` in the Office readers: a big workbook (many sheets of many rows, written here with
 * exceljs; its .xls converted by LibreOffice) and a big Word document end with the Chinese timeout
 * message when the limit is tiny, and read completely without it; through the CLI (`--timeout`) the
 * exit code is 2 and the one-line message is Chinese.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as docx from 'docx';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { JuesuanError } from '../src/model/errors.js';
import { readDocumentAsync } from '../src/read/index.js';
import { convertWithSoffice, SOFFICE } from './read-office-fixtures.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'juesuan.js');
const dir = mkdtempSync(join(tmpdir(), 'juesuan-office-limits-'));

const SHEETS = 12;
const ROWS = 400;

/** A workbook of many sheets, each a titled grid of ROWS amount rows. */
async function bigWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (let s = 0; s < SHEETS; s++) {
    const ws = wb.addWorksheet(`表${s + 1}`);
    ws.addRow([`支出决算表（第${s + 1}部分）`]);
    ws.addRow(['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']);
    for (let r = 0; r < ROWS; r++) {
      const row = ws.addRow([String(2010101 + r), `科目${s}-${r}`, (r * 7 + s) * 1.25, r * 3.5, r * 3.75 + s, 0, 0, 0]);
      for (let c = 3; c <= 8; c++) row.getCell(c).numFmt = '#,##0.00';
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A Word document of many paragraphs and tables. */
async function bigDocument(): Promise<Buffer> {
  const children: (docx.Paragraph | docx.Table)[] = [];
  for (let t = 0; t < 30; t++) {
    children.push(new docx.Paragraph(`第${t + 1}部分 说明：本部分反映单位本年度各项支出情况，数据来源于部门决算报表。`));
    children.push(
      new docx.Table({
        rows: Array.from(
          { length: 60 },
          (_, r) => new docx.TableRow({ children: [String(2010101 + r), `科目${r}`, `${r},234.56`, `${r}.00`].map((x) => new docx.TableCell({ children: [new docx.Paragraph(x)] })) }),
        ),
      }),
    );
  }
  return Buffer.from(await docx.Packer.toBuffer(new docx.Document({ sections: [{ children }] })));
}

async function errorOf(p: Promise<unknown>): Promise<JuesuanError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (e instanceof JuesuanError) return e;
  throw new Error(`expected a JuesuanError, got ${String(e)}`);
}

function expectTimeout(err: JuesuanError, path: string): void {
  expect(err.code).toBe('limit_exceeded');
  expect(err.exitCode).toBe(2);
  expect(err.message).toMatch(/^读取 .*超时（超过 0\.001 秒）：/);
  expect(err.message).toContain(path);
}

let xlsx: Buffer;
let word: Buffer;
let xls: Buffer | undefined;
beforeAll(async () => {
  xlsx = await bigWorkbook();
  word = await bigDocument();
  if (SOFFICE) [xls] = convertWithSoffice([{ name: 'big.xlsx', bytes: xlsx }], 'xls');
}, 120_000);

describe('timeoutMs in the Office readers', () => {
  it('xlsx: a tiny limit stops the read with the Chinese message; no limit reads every sheet', async () => {
    expectTimeout(await errorOf(readDocumentAsync(xlsx, { path: '大.xlsx', timeoutMs: 1 })), '大.xlsx');
    const doc = await readDocumentAsync(xlsx, { path: '大.xlsx' });
    const grids = doc.blocks.filter((b) => b.kind === 'table');
    expect(grids.length).toBe(SHEETS);
    expect(grids.reduce((n, g) => n + (g.kind === 'table' ? g.rows.length : 0), 0)).toBe(SHEETS * (ROWS + 1));
  });

  it('docx: a tiny limit stops the read with the Chinese message; no limit reads every table', async () => {
    expectTimeout(await errorOf(readDocumentAsync(word, { path: '大.docx', timeoutMs: 1 })), '大.docx');
    const doc = await readDocumentAsync(word, { path: '大.docx' });
    expect(doc.blocks.filter((b) => b.kind === 'table').length).toBe(30);
  });

  it.skipIf(!SOFFICE)('xls: a tiny limit stops the BIFF reader with the Chinese message', async () => {
    expectTimeout(await errorOf(readDocumentAsync(xls!, { path: '大.xls', timeoutMs: 1 })), '大.xls');
    const doc = await readDocumentAsync(xls!, { path: '大.xls' });
    expect(doc.source.format).toBe('xls');
    expect(doc.blocks.filter((b) => b.kind === 'table').length).toBe(SHEETS);
  });

  it('the CLI: --timeout ends an Office file with exit code 2 and a one-line Chinese message', async () => {
    const files = [join(dir, '大.xlsx'), join(dir, '大.docx')];
    writeFileSync(files[0]!, xlsx);
    writeFileSync(files[1]!, word);
    if (xls) {
      files.push(join(dir, '大.xls'));
      writeFileSync(files[2]!, xls);
    }
    for (const file of files) {
      const r = await run(process.execPath, [BIN, 'extract', file, '--timeout', '0.001']).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/超时（超过 0\.001 秒）/);
      expect(r.stderr).toContain(file);
    }
  }, 60_000);
});
