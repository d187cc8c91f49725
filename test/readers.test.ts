/**
 * The read stage on its own: encodings, inputs that are not documents (errors with a Chinese
 * message naming the file), the HTML grid with merged cells, and the text reader's paragraphs, whose
 * `shifts` must map every character back to the same character of the source text.
 */
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, JuesuanError, readDocument, readDocumentFile, sourceOffset, type Block, type Document, type JuesuanErrorCode } from '../src/index.js';
import { decode } from '../src/read/encoding.js';
import { readHtml } from '../src/read/html/index.js';
import { readLines } from '../src/read/text/index.js';
import { seedToMarkdown } from './support/seed-forms.js';
import { HAVE_SEEDS, SEEDS_DIR, seeds } from './support/seeds.js';

const SAMPLE = '清远市人力资源和社会保障局2023年度部门决算\n\n收入支出决算总表\n一、一般公共预算财政拨款收入\t1\t34,365.67\n“三公”经费 退职（役）费 €\n';

function concat(...parts: (number[] | Uint8Array)[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function rejects(bytes: Uint8Array, path: string): JuesuanError {
  try {
    readDocument(bytes, { path });
  } catch (e) {
    expect(e).toBeInstanceOf(JuesuanError);
    return e as JuesuanError;
  }
  throw new Error(`${path} was read without an error`);
}

function expectError(bytes: Uint8Array, path: string, code: JuesuanErrorCode, words: RegExp): void {
  const e = rejects(bytes, path);
  expect(e.code).toBe(code);
  expect(e.file).toBe(path);
  expect(e.message).toContain(path);
  expect(e.message).toMatch(words);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
}

describe('encoding detection', () => {
  const cases: { name: string; bytes: Uint8Array; encoding: string; bom: boolean }[] = [
    { name: 'UTF-8 without BOM', bytes: new TextEncoder().encode(SAMPLE), encoding: 'utf-8', bom: false },
    { name: 'UTF-8 with BOM', bytes: concat([0xef, 0xbb, 0xbf], new TextEncoder().encode(SAMPLE)), encoding: 'utf-8', bom: true },
    { name: 'UTF-16LE with BOM', bytes: concat([0xff, 0xfe], iconv.encode(SAMPLE, 'utf-16le')), encoding: 'utf-16le', bom: true },
    { name: 'UTF-16BE with BOM', bytes: concat([0xfe, 0xff], iconv.encode(SAMPLE, 'utf-16be')), encoding: 'utf-16be', bom: true },
    { name: 'UTF-16LE without BOM', bytes: iconv.encode(SAMPLE, 'utf-16le'), encoding: 'utf-16le', bom: false },
    { name: 'UTF-16BE without BOM', bytes: iconv.encode(SAMPLE, 'utf-16be'), encoding: 'utf-16be', bom: false },
    { name: 'GB18030 (4-byte € and 䶮)', bytes: iconv.encode(`${SAMPLE}䶮\n`, 'gb18030'), encoding: 'gb18030', bom: false },
  ];
  for (const c of cases) {
    it(`${c.name} decodes to the original text`, () => {
      const d = decode(c.bytes);
      expect(d.encoding).toBe(c.encoding);
      expect(d.bom).toBe(c.bom);
      expect(d.text.startsWith(SAMPLE)).toBe(true);
      const doc = readDocument(c.bytes, { path: 'a.txt' });
      expect(doc.source.encoding).toBe(c.encoding);
      expect(doc.text.startsWith(SAMPLE)).toBe(true);
    });
  }

  it('GBK bytes (without €, which GBK lacks) decode as GB18030, its superset', () => {
    const text = SAMPLE.replace('€', '');
    const bytes = iconv.encode(text, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decode(bytes)).toEqual({ text, encoding: 'gb18030', bom: false });
  });

  it('an HTML charset declaration decides for non-UTF-8 bytes, and valid UTF-8 wins over a wrong one', () => {
    const page = (charset: string) => `<html><head><meta charset="${charset}"></head><body><p>${SAMPLE}</p></body></html>`;
    const big5 = readDocument(iconv.encode('<html><head><meta charset="big5"></head><body><p>收入支出決算總表</p></body></html>', 'big5'), { path: 'a.html' });
    expect(big5.source.encoding).toBe('big5');
    expect(big5.text).toBe('收入支出決算總表');
    const wrong = readDocument(new TextEncoder().encode(page('gb2312')), { path: 'b.html' });
    expect(wrong.source.encoding).toBe('utf-8');
    expect(wrong.text).toContain('收入支出决算总表');
    const xml = readDocument(iconv.encode(`<?xml version="1.0" encoding="GBK"?>\n<html><body><p>${SAMPLE.replace('€', '')}</p></body></html>`, 'gbk'), { path: 'c.xhtml' });
    expect(xml.source.encoding).toBe('gb18030');
    expect(xml.text).toContain('收入支出决算总表');
  });

  it('CR and CRLF line ends read as LF', () => {
    const doc = readDocument(new TextEncoder().encode('标题\r\n\r\n一\t1\t2.00\r二\t2\t3.00\r\n'), { path: 'a.txt' });
    expect(doc.text).toBe('标题\n\n一\t1\t2.00\n二\t2\t3.00\n');
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['一', '1', '2.00'],
      ['二', '2', '3.00'],
    ]);
  });
});

describe('inputs that are not readable documents', () => {
  const text = new TextEncoder().encode(SAMPLE);
  it('an empty file, a BOM alone, or only blanks', () => {
    expectError(new Uint8Array(0), '空文件.txt', 'empty', /文件为空/);
    expectError(new Uint8Array([0xef, 0xbb, 0xbf]), 'bom.txt', 'empty', /文件为空/);
    expectError(new Uint8Array([0xff, 0xfe]), 'bom16.txt', 'empty', /文件为空/);
    expectError(new TextEncoder().encode(' \n\t\u3000\r\n'), 'blank.txt', 'empty', /文件为空/);
  });

  it('binary content: NUL bytes or control characters', () => {
    expectError(concat(text, [0, 1, 2, 0]), '决算.txt', 'binary', /不是文本文件/);
    const controls = new Uint8Array(400).map((_, i) => (i % 10 === 0 ? 0x01 : 0x41));
    expectError(controls, 'ctl.txt', 'binary', /不是文本文件/);
  });

  it('binary content under an Office or PDF name says the file is not what its name claims', () => {
    const noise = new Uint8Array(300).map((_, i) => (i * 37) % 256);
    expectError(noise, '决算表.xlsx', 'corrupt', /不是有效的 Excel 工作簿/);
    expectError(noise, '决算.docx', 'corrupt', /不是有效的 Word 文档/);
    expectError(noise, '决算.pdf', 'corrupt', /不是有效的 PDF 文件/);
  });

  it('PDF, ZIP (docx/xlsx) and OLE (xls) signatures, whatever the extension, go to the asynchronous readers', () => {
    expectError(concat(new TextEncoder().encode('%PDF-1.7\n'), text), '决算.pdf', 'needs_async', /PDF\/Excel\/Word.*extractFile/);
    expectError(concat(new TextEncoder().encode('%PDF-1.4\n'), text), '改了扩展名.txt', 'needs_async', /PDF/);
    expectError(concat([0x50, 0x4b, 0x03, 0x04], text), '决算.docx', 'needs_async', /PDF\/Excel\/Word/);
    expectError(concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], text), '决算.xls', 'needs_async', /PDF\/Excel\/Word/);
  });

  it('formats no reader handles: a ZIP that is no Office file, a Word 97 .doc, an image', () => {
    expectError(concat([0x50, 0x4b, 0x03, 0x04], text), '资料.zip', 'unsupported_format', /docx\/xlsx|ZIP/);
    expectError(concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], text), '决算.doc', 'unsupported_format', /doc\/xls/);
    expectError(concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'scan.png', 'unsupported_format', /PNG/);
  });

  it('bytes that are text in no known encoding', () => {
    const garbage = concat(new TextEncoder().encode('abc'), new Uint8Array(200).fill(0xff));
    expectError(garbage, '乱码.txt', 'undecodable', /无法识别文件编码/);
  });

  it('an unknown extension: HTML content is read as HTML, other content is refused', () => {
    expect(readDocument(new TextEncoder().encode('<!DOCTYPE html><html><body><p>决算</p></body></html>'), { path: 'page.aspx' }).source.format).toBe('html');
    expectError(text, '决算.rtf', 'unsupported_format', /不支持的文件类型/);
    expect(readDocument(text, { path: 'README' }).source.format).toBe('text');
  });

  it('files: missing path, a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-read-'));
    await expect(readDocumentFile(join(dir, '不存在.txt'))).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('不存在.txt') });
    await expect(readDocumentFile(dir)).rejects.toMatchObject({ code: 'not_a_file', message: expect.stringContaining(dir) });
    const big = join(dir, '大文件.txt');
    writeFileSync(big, 'x'.repeat(2048));
    await expect(readDocumentFile(big, { maxBytes: 1024 })).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/文件过大.*大文件\.txt/) });
  });
});

function grid(html: string): string[][] {
  const table = readHtml(html).blocks.find((b) => b.kind === 'table');
  if (!table || table.kind !== 'table') throw new Error('no table');
  return table.rows.map((r) => r.cells.map((c) => (c.covered ? '·' : c.text)));
}

describe('HTML grids: rowspan and colspan expanded into positions', () => {
  it('group headers over columns, labels spanning header rows', () => {
    const html = `<table>
      <tr><td colspan="2">项目</td><td rowspan="2">本年收入合计</td><td colspan="2">其中</td></tr>
      <tr><td>科目编码</td><td>科目名称</td><td>财政拨款收入</td><td>其他收入</td></tr>
      <tr><td colspan=2>栏次</td><td>1</td><td>2</td><td>3</td></tr>
      <tr><td>208</td><td>社会保障和就业支出</td><td>1,718.75</td><td>1,718.75</td><td>0.00</td></tr>
    </table>`;
    expect(grid(html)).toEqual([
      ['项目', '·', '本年收入合计', '其中', '·'],
      ['科目编码', '科目名称', '·', '财政拨款收入', '其他收入'],
      ['栏次', '·', '1', '2', '3'],
      ['208', '社会保障和就业支出', '1,718.75', '1,718.75', '0.00'],
    ]);
    const table = readHtml(html).blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.rows[0]!.cells[0]).toEqual({ text: '项目', colSpan: 2 });
    expect(table.kind === 'table' && table.rows[0]!.cells[2]).toEqual({ text: '本年收入合计', rowSpan: 2 });
  });

  it('a cell spanning rows and columns at once pushes the next rows’ cells right', () => {
    expect(grid('<table><tr><td rowspan=2 colspan=2>A</td><td>B</td></tr><tr><td>C</td></tr><tr><td>D</td><td>E</td><td>F</td></tr></table>')).toEqual([
      ['A', '·', 'B'],
      ['·', '·', 'C'],
      ['D', 'E', 'F'],
    ]);
  });

  it('ragged rows are padded, bad spans read as 1, rows of nothing but blanks are dropped', () => {
    expect(grid('<table><tr><td colspan="x">a</td><td colspan=0>b</td><td rowspan=-1>c</td></tr><tr><td>&nbsp;</td></tr><tr><td>d</td></tr></table>')).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
  });

  it('a rowspan reaching past the last row adds no rows; thead, tbody and tfoot keep document order', () => {
    expect(grid('<table><thead><tr><th rowspan=5>项目</th><th>金额</th></tr></thead><tbody><tr><td>1.00</td></tr></tbody><tfoot><tr><td>2.00</td></tr></tfoot></table>')).toEqual([
      ['项目', '金额'],
      ['·', '1.00'],
      ['·', '2.00'],
    ]);
  });

  it('cell text: <br> and source line breaks join, entities decode, nested markup is read', () => {
    expect(grid('<table><tr><td>公务用车<br>购置费</td><td><p><span>因公出国\r\n      (境)费</span></p></td><td>&lt;合计&gt;&amp;</td></tr></table>')).toEqual([
      ['公务用车购置费', '因公出国(境)费', '<合计>&'],
    ]);
  });

  it('a layout table holding a content table is read as a container', () => {
    const doc = readHtml('<table><tr><td><p>收入决算表</p><p>单位：万元</p><table><tr><td>合计</td><td>1.00</td></tr></table></td></tr></table>');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table']);
    expect(doc.blocks.map((b) => (b.kind === 'table' ? b.rows.length : b.text))).toEqual(['收入决算表', '单位：万元', 1]);
  });

  it('a <caption> is read as the text above the table', () => {
    const doc = readHtml('<table><caption>收入决算表</caption><tr><td>合计</td><td>1.00</td></tr></table>');
    expect(doc.blocks.map((b) => (b.kind === 'table' ? 'table' : b.text))).toEqual(['收入决算表', 'table']);
  });

  it('source line breaks between Chinese characters are not spaces; other breaks are', () => {
    const doc = readHtml('<p>广州市人力资源\r\n  和社会保障局 2023\nyear\n年度</p>');
    expect(doc.blocks.map((b) => b.kind !== 'table' && b.text)).toEqual(['广州市人力资源和社会保障局 2023 year 年度']);
  });

  it('block positions index Document.text', () => {
    const doc = readDocument(new TextEncoder().encode('<html><body><h1>决算</h1><p>第一段</p><table><tr><td>a</td><td>1.00</td></tr></table><p>注：说明</p></body></html>'), { path: 'a.html' });
    for (const b of doc.blocks) {
      if (b.kind === 'table') for (const r of b.rows) expect(doc.text.slice(r.pos.start, r.pos.end)).toBe(r.cells.map((c) => c.text).join('\t'));
      else expect(doc.text.slice(b.pos.start, b.pos.end)).toBe(b.text);
    }
  });

  it('a table whose caption and first rows carry the title is recognised', () => {
    const html = `<html><body><p>2023年度某局部门决算</p><table>
      <tr><td colspan=3>附件2</td></tr>
      <tr><td colspan=3>一般公共预算财政拨款支出决算表</td></tr>
      <tr><td colspan=2>部门：某局</td><td>单位：万元</td></tr>
      <tr><td colspan=2>项目</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>
      <tr><td>科目编码</td><td>科目名称</td><td></td><td></td><td></td></tr>
      <tr><td colspan=2>合计</td><td>3.00</td><td>1.00</td><td>2.00</td></tr>
      <tr><td>208</td><td>社会保障和就业支出</td><td>3.00</td><td>1.00</td><td>2.00</td></tr>
    </table></body></html>`;
    const report = extract(html, { path: 'a.html' });
    expect(report.tables.map((t) => [t.id, t.title, t.rows.map((r) => [r.key, r.name, r.cells])])).toEqual([
      [
        '05',
        '一般公共预算财政拨款支出决算表',
        [
          ['total', '合计', { 1: 3, 2: 1, 3: 2 }],
          ['208', '社会保障和就业支出', { 1: 3, 2: 1, 3: 2 }],
        ],
      ],
    ]);
    expect(report.moneyUnit).toBe('万元');
  });
});

/** Every character of every paragraph and heading maps back to the same character of Document.text. */
function checkShifts(doc: Document | { text: string; blocks: Block[] }): number {
  let checked = 0;
  for (const b of doc.blocks) {
    if (b.kind === 'table') continue;
    for (let i = 0; i < b.text.length; i++) {
      const at = sourceOffset(b.pos, b.shifts, i);
      if (doc.text[at] !== b.text[i]) {
        throw new Error(`line ${b.pos.line} 「${b.text.slice(0, 30)}」: text[${i}] = ${b.text[i]} but source[${at}] = ${doc.text[at]}`);
      }
      checked++;
    }
  }
  return checked;
}

describe('the text reader: paragraphs, markup and shifts', () => {
  it('lines wrapped inside a paragraph are joined; a new unit starts a new paragraph', () => {
    const text = '　　本单位2023年度收入总计\n2,234.06万元，支出总计\n2,234.06万元。\n一、收入情况\n（一）财政拨款收入\n注：本表反映……\n';
    const blocks = readLines(text);
    expect(blocks.map((b) => b.kind !== 'table' && b.text)).toEqual(['本单位2023年度收入总计2,234.06万元，支出总计2,234.06万元。', '一、收入情况', '（一）财政拨款收入', '注：本表反映……']);
    expect(checkShifts({ text, blocks })).toBeGreaterThan(40);
  });

  it('a sentence broken over a blank line continues only where it cannot be a new one', () => {
    const text = '（1）技能大赛承办费92.4\n\n万元，已支出91.5万元。\n\n二、支出情况\n\n下一段\n';
    const blocks = readLines(text);
    expect(blocks.map((b) => b.kind !== 'table' && b.text)).toEqual(['（1）技能大赛承办费92.4万元，已支出91.5万元。', '二、支出情况', '下一段']);
    checkShifts({ text, blocks });
  });

  it('markup removed (** __ <b> <span> <br>), bullets and indentation skipped: every character still maps back', () => {
    const text = '# **第一部分** 单位<b>概况</b>\n\n- 一、**收入**支出决算总表\n  　本年<span style="x">收入</span>合计\n__2,169.36__万元<br/>，增长4.5%。\n\n* 二、<strong>收入</strong>决算表\n';
    const blocks = readLines(text);
    expect(blocks.map((b) => [b.kind, b.kind !== 'table' && b.text])).toEqual([
      ['heading', '第一部分 单位概况'],
      ['paragraph', '一、收入支出决算总表'],
      ['paragraph', '本年收入合计2,169.36万元，增长4.5%。'],
      ['paragraph', '二、收入决算表'],
    ]);
    expect(blocks.some((b) => b.kind !== 'table' && b.shifts && b.shifts.length > 2)).toBe(true);
    expect(checkShifts({ text, blocks })).toBe(blocks.reduce((n, b) => n + (b.kind === 'table' ? 0 : b.text.length), 0));
  });

  it('a page number `- 3 -` stays a page number (not a bulleted `3 -`)', () => {
    expect(readLines('- 3 -\n\n- 一、概况\n').map((b) => b.kind !== 'table' && b.text)).toEqual(['- 3 -', '一、概况']);
  });

  it('pipe tables: separator rows skipped, escaped pipes kept, rows of blanks dropped', () => {
    const blocks = readLines('| 项目 | 金额 |\n|:---|---:|\n| a\\|b | 1.00 |\n|  |  |\n| 合计 | 2.00 |\n');
    expect(blocks.map((b) => b.kind === 'table' && b.rows.map((r) => r.cells.map((c) => c.text)))).toEqual([
      [
        ['项目', '金额'],
        ['a|b', '1.00'],
        ['合计', '2.00'],
      ],
    ]);
  });

  it.skipIf(!HAVE_SEEDS)(`every paragraph of every seed, as text, CRLF text and markdown, maps back character by character (${SEEDS_DIR})`, () => {
    let total = 0;
    let shifted = 0;
    for (const seed of seeds()) {
      const text = readFileSync(seed.path, 'utf8');
      for (const [name, form] of [
        ['txt', text],
        ['crlf.txt', text.replace(/\n/g, '\r\n')],
        ['md', seedToMarkdown(text, { boldTitles: true })],
      ] as const) {
        const doc = readDocument(new TextEncoder().encode(form), { path: `${seed.id}.${name}` });
        shifted += doc.blocks.filter((b) => b.kind !== 'table' && b.shifts && b.shifts.length > 0).length;
        total += checkShifts(doc);
      }
    }
    expect(total).toBeGreaterThan(100_000);
    expect(shifted).toBeGreaterThan(200); // joined lines, removed bullets and markup: the cases that need shifts
  });
});
