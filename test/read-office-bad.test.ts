/**
 * Office files that are not what they say: a corrupt or garbled package, a truncated one, an
 * encrypted workbook or Word file (an OLE container holding EncryptionInfo), a zip bomb under a
 * workbook name; a `.xls` that is really an HTML table or CSV (财政 systems export such files: read
 * them, do not fail), a `.xlsx` that is really a `.xls` and the other way round (the bytes decide,
 * not the extension). Each ends with a Chinese message and exit code 2, or reads correctly.
 */
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractAsync } from '../src/index.js';
import { JuesuanError } from '../src/model/errors.js';
import type { Report } from '../src/model/report.js';
import { readDocumentAsync } from '../src/read/index.js';
import { renderText } from '../src/render/index.js';
import { convertWithSoffice, documentToDocx, handZip, SOFFICE } from './read-office-fixtures.js';
import { syntheticReport } from './support/synthetic.js';

async function errorOf(p: Promise<unknown>): Promise<JuesuanError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (e instanceof JuesuanError) return e;
  throw new Error(`expected a JuesuanError, got ${String(e)}`);
}

function expectUserError(err: JuesuanError, code: string, path: string): void {
  expect(err.code).toBe(code);
  expect(err.exitCode).toBe(2);
  expect(err.message).toMatch(/[\u4e00-\u9fff]/);
  expect(err.message).toContain(path);
}

/** Table 02 (收入决算表) as a publisher prints it: title, unit line, header, 合计, two rows. */
const ROWS = [
  ['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
  ['功能分类科目编码', '科目名称', '', '', '', '', '', '', ''],
  ['', '栏次', '1', '2', '3', '4', '5', '6', '7'],
  ['', '合计', '3,579.12', '3,333.34', '0.00', '0.00', '245.78', '0.00', '0.00'],
  ['201', '一般公共服务支出', '1,234.56', '1,234.56', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['208', '社会保障和就业支出', '2,344.56', '2,098.78', '0.00', '0.00', '245.78', '0.00', '0.00'],
];

function expectTable02(report: Report): void {
  expect(report.tables.map((t) => t.id)).toEqual(['02']);
  const cells = (key: string) => report.tables[0]!.rows.find((r) => r.key === key)?.cells;
  expect(cells('total')).toMatchObject({ '1': 3579.12, '2': 3333.34, '5': 245.78 });
  expect(cells('201')).toMatchObject({ '1': 1234.56, '2': 1234.56 });
  expect(cells('208')).toMatchObject({ '1': 2344.56, '2': 2098.78, '5': 245.78 });
}

/** An OLE container as Office writes a password-protected .xlsx/.docx: EncryptionInfo + EncryptedPackage. */
function encryptedPackage(): Buffer {
  const cfb = CFB.utils.cfb_new();
  const xml = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
  );
  CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), xml]));
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(8192, 0x5a));
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/** Table 02 as Excel's HTML dialect writes it (x:num, colspan/rowspan), declared gb2312. */
function excelHtml(): string {
  const td = (t: string, attrs = '') => `<td${attrs}${/^[\d,.]+$/.test(t) ? ` x:num="${t.replace(/,/g, '')}"` : ''}>${t}</td>`;
  return [
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">',
    '<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=ProgId content=Excel.Sheet></head><body>',
    '<table border=0 cellpadding=0 cellspacing=0 style="border-collapse:collapse">',
    `<tr>${td('收入决算表', ' colspan=9')}</tr>`,
    `<tr>${td('部门：示例单位', ' colspan=8')}${td('金额单位：万元')}</tr>`,
    `<tr>${td('项目', ' colspan=2')}${ROWS[0]!.slice(2).map((t) => td(t, ' rowspan=2')).join('')}</tr>`,
    `<tr>${td('功能分类科目编码')}${td('科目名称')}</tr>`,
    ...ROWS.slice(2).map((r) => `<tr>${r.map((t) => td(t)).join('')}</tr>`),
    '</table></body></html>',
  ].join('\n');
}

/** The HTML as an MHTML "single file web page" (Excel's .mht), its part in GBK, quoted-printable or base64. */
function mhtml(html: string, transfer: 'quoted-printable' | 'base64'): Buffer {
  const gbk = iconv.encode(html, 'gbk');
  const body =
    transfer === 'base64'
      ? gbk.toString('base64').replace(/.{76}/g, '$&\r\n')
      : Array.from(gbk, (b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : b === 10 ? '\r\n' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`))
          .join('')
          .replace(/[^\r\n]{72}(?=[^\r\n])/g, '$&=\r\n');
  return Buffer.from(
    [
      'MIME-Version: 1.0',
      'X-Document-Type: Workbook',
      'Content-Type: multipart/related; boundary="----=_NextPart_01DA0000.12345678"',
      '',
      'This document is a Single File Web Page, also known as a Web Archive file.',
      '',
      '------=_NextPart_01DA0000.12345678',
      'Content-Location: file:///C:/D3F2/book.htm',
      `Content-Transfer-Encoding: ${transfer}`,
      'Content-Type: text/html; charset="gb2312"',
      '',
      body,
      '',
      '------=_NextPart_01DA0000.12345678',
      'Content-Location: file:///C:/D3F2/book.files/filelist.xml',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Type: text/xml; charset="utf-8"',
      '',
      '<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office"></xml>',
      '------=_NextPart_01DA0000.12345678--',
      '',
    ].join('\r\n'),
    'latin1',
  );
}

let xlsx: Buffer;
let word: Buffer;
let xls: Buffer | undefined;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收入决算表');
  ws.addRow(['收入决算表']);
  ws.addRow(['部门：示例单位', '', '', '', '', '', '', '', '金额单位：万元']);
  for (const r of ROWS) ws.addRow(r);
  xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  word = await documentToDocx(await readDocumentAsync(Buffer.from(renderText(syntheticReport(4))), { path: 'x.txt' }));
  if (SOFFICE) [xls] = convertWithSoffice([{ name: 't.xlsx', bytes: xlsx }], 'xls');
}, 120_000);

describe('corrupt, truncated, encrypted and oversized Office files', () => {
  it('a corrupt package (a ZIP signature and garbage) is corrupt', async () => {
    const garbage = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251))]);
    for (const path of ['坏.xlsx', '坏.docx', '坏.xls']) expectUserError(await errorOf(extractAsync(garbage, { path })), 'corrupt', path);
  });

  it('a package with its compressed parts garbled is corrupt, never a crash', async () => {
    for (const [bytes, path] of [
      [xlsx, '乱码.xlsx'],
      [word, '乱码.docx'],
    ] as const) {
      const bad = Buffer.from(bytes);
      // Overwrite the middle of the package (compressed part data), keeping the directory intact.
      for (let i = Math.floor(bad.length * 0.2); i < Math.floor(bad.length * 0.6); i++) bad[i] = (i * 31) & 0xff;
      expectUserError(await errorOf(extractAsync(bad, { path })), 'corrupt', path);
    }
  });

  it('a package cut anywhere is corrupt', async () => {
    for (const [bytes, path] of [
      [xlsx, '截断.xlsx'],
      [word, '截断.docx'],
    ] as const) {
      for (const keep of [0.1, 0.5, 0.9, 0.995]) {
        expectUserError(await errorOf(extractAsync(bytes.subarray(0, Math.floor(bytes.length * keep)), { path })), 'corrupt', path);
      }
    }
  });

  it('a password-protected .xlsx or .docx says it is encrypted, naming the kind of file', async () => {
    const enc = encryptedPackage();
    const x = await errorOf(extractAsync(enc, { path: '加密.xlsx' }));
    expectUserError(x, 'encrypted', '加密.xlsx');
    expect(x.message).toMatch(/^Excel 工作簿已加密（设有打开密码）/);
    const d = await errorOf(extractAsync(enc, { path: '加密.docx' }));
    expectUserError(d, 'encrypted', '加密.docx');
    expect(d.message).toMatch(/^Word 文档已加密（设有打开密码）/);
  });

  it('a zip bomb named .xls is refused before it is unpacked', async () => {
    const bomb = handZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(24 * 1024 * 1024, 0x20), declaredSize: 100 },
    ]);
    const err = await errorOf(extractAsync(bomb, { path: '炸弹.xls', maxUnpackedBytes: 4 * 1024 * 1024 }));
    expectUserError(err, 'limit_exceeded', '炸弹.xls');
    expect(err.message).toMatch(/压缩炸弹/);
  });
});

describe('a workbook spread over a huge range', () => {
  it('.xlsx: cells at A1 and XFD1048576 read as two lines and a grid, without building the whole range', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('稀疏');
    ws.getCell('A1').value = '收入决算表';
    ROWS.forEach((row, i) => row.forEach((t, j) => (ws.getCell(3 + i, 1 + j).value = t === '' ? null : t)));
    ws.getCell('XFD1048576').value = '注：本表金额单位为万元。';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const doc = await readDocumentAsync(bytes, { path: '稀疏.xlsx' });
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(doc.blocks[2]!.pos).toMatchObject({ row: 1048576, column: 16384 });
    expectTable02(await extractAsync(bytes, { path: '稀疏.xlsx' }));
  });

  it('Excel 2003 XML: a position beyond Excel’s sheet is corrupt; a merge beyond it is clipped', async () => {
    const xml = (table: string) =>
      Buffer.from(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table>${table}</Table></Worksheet></Workbook>`);
    const err = await errorOf(readDocumentAsync(xml('<Row ss:Index="99999999999"><Cell><Data ss:Type="Number">1</Data></Cell></Row>'), { path: '坏.xls' }));
    expectUserError(err, 'corrupt', '坏.xls');
    const doc = await readDocumentAsync(xml('<Row><Cell ss:MergeAcross="100000000" ss:MergeDown="99999999"><Data ss:Type="String">收入决算表</Data></Cell></Row>'), { path: '大.xls' });
    expect(doc.text).toBe('收入决算表');
  });
});

describe('a workbook that is something else under its name', () => {
  it('a .xls that is an HTML table (GBK, Excel’s HTML dialect) is read by the HTML reader', async () => {
    const html = excelHtml();
    const bytes = iconv.encode(html, 'gbk');
    const doc = await readDocumentAsync(bytes, { path: '收入决算表.xls' });
    expect(doc.source.format).toBe('html');
    expect(doc.source.encoding).toMatch(/gb/i);
    expectTable02(await extractAsync(bytes, { path: '收入决算表.xls' }));
  });

  it('a .xls that is an MHTML single file web page (quoted-printable or base64) is read by the HTML reader', async () => {
    for (const transfer of ['quoted-printable', 'base64'] as const) {
      const bytes = mhtml(excelHtml(), transfer);
      const doc = await readDocumentAsync(bytes, { path: '网页.xls' });
      expect(doc.source.format, transfer).toBe('html');
      expect(doc.text).toContain('社会保障和就业支出');
      expectTable02(await extractAsync(bytes, { path: '网页.xls' }));
    }
  });

  it('a .xls that is CSV (GBK, quoted thousands) or tab-separated text is read as a one-sheet workbook', async () => {
    const quote = (t: string) => (/[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    const lines = [['收入决算表'], ['部门：示例单位', '', '', '', '', '', '', '', '金额单位：万元'], ...ROWS];
    const csv = iconv.encode(lines.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n', 'gbk');
    const tsv = Buffer.from(lines.map((r) => r.join('\t')).join('\n'));
    for (const [bytes, path] of [
      [csv, '导出.xls'],
      [tsv, '导出.xls'],
      [csv, '导出.csv'],
    ] as const) {
      const doc = await readDocumentAsync(bytes, { path });
      expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
      expectTable02(await extractAsync(bytes, { path }));
    }
  });

  it('an .xlsx named .xls and a .docx named .xlsx are read by what they are', async () => {
    const asXls = await readDocumentAsync(xlsx, { path: '其实是xlsx.xls' });
    expect(asXls.source.format).toBe('xlsx');
    expectTable02(await extractAsync(xlsx, { path: '其实是xlsx.xls' }));
    const asXlsx = await readDocumentAsync(word, { path: '其实是docx.xlsx' });
    expect(asXlsx.source.format).toBe('docx');
  });

  it.skipIf(!SOFFICE)('a .xls named .xlsx is read as .xls', async () => {
    const doc = await readDocumentAsync(xls!, { path: '其实是xls.xlsx' });
    expect(doc.source.format).toBe('xls');
    expectTable02(await extractAsync(xls!, { path: '其实是xls.xlsx' }));
  });
});
