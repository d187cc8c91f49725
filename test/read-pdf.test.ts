/**
 * The PDF reader on real PDFs printed by Chromium (HTML → PDF) and LibreOffice (DOCX → PDF) from
 * synthetic reports and the seeds' tables, in the layouts publishers use: read back and recognised,
 * every cell must equal the source. Chromium is launched once for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { extractAsync, readDocumentAsync } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { renderText, type RenderTextOptions } from '../src/render/index.js';
import { compareWithGolden } from './support/golden.js';
import { HAVE_SEEDS, seedReport } from './support/seeds.js';
import { syntheticReport } from './support/synthetic.js';
import { JuesuanError } from '../src/model/errors.js';
import { matchTitle } from '../src/recognise/index.js';
import { encryptedPdf, htmlToPdf, launchChromium, renderHtml, reverseTables, scannedPdf, tempDir, textToDocxPdf, type HtmlLayout } from './read-pdf-fixtures.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function roundTrip(report: Report, layout: HtmlLayout, text: RenderTextOptions = {}) {
  const pdf = await htmlToPdf(browser, renderHtml(renderText(report, text), layout));
  const back = await extractAsync(pdf, { path: 'x.pdf' });
  return { pdf, back, ...compareWithGolden(back, report) };
}

describe('PDF printed by Chromium from synthetic reports', () => {
  const cases: [string, HtmlLayout, RenderTextOptions, number, 'gd' | 'sx'][] = [
    ['ruled gd', {}, {}, 1, 'gd'],
    ['ruled sx (blank zeros)', {}, {}, 2, 'sx'],
    ['split 类/款/项 code columns', { splitCodes: true }, {}, 3, 'gd'],
    ['letter-spaced names', { letterSpace: true }, {}, 4, 'gd'],
    ['names wrapped over lines', { wrapNames: true }, {}, 5, 'gd'],
    ['page-split tables with repeated header', {}, { rowsPerPage: 8, repeatHeader: true }, 6, 'gd'],
    ['page-split tables without repeated header', {}, { rowsPerPage: 8, repeatHeader: false }, 7, 'sx'],
    ['each table on its own page, WenQuanYi font', { tablePerPage: true, font: '"WenQuanYi Micro Hei"' }, {}, 9, 'gd'],
  ];
  it.each(cases)('%s: every cell read back', async (_name, layout, text, seed, template) => {
    const report = syntheticReport(seed, { template });
    const r = await roundTrip(report, layout, text);
    expect(r.cells).toBeGreaterThan(100);
    expect(r.mismatches.slice(0, 40)).toEqual([]);
  }, 60_000);
});

describe('PDF printed by Chromium without ruling lines (columns from text positions)', () => {
  const cases: [string, HtmlLayout, RenderTextOptions, number, 'gd' | 'sx'][] = [
    ['borderless gd', { rules: false }, {}, 1, 'gd'],
    ['borderless sx (blank zeros, empty tables)', { rules: false }, {}, 2, 'sx'],
    ['borderless split 类/款/项 codes', { rules: false, splitCodes: true }, {}, 3, 'gd'],
    ['borderless letter-spaced names', { rules: false, letterSpace: true }, {}, 4, 'gd'],
    ['borderless, amounts right and headers centred, split codes', { rules: false, publisherAlign: true, splitCodes: true, letterSpace: true }, {}, 23, 'gd'],
    ['borderless page-split tables with repeated header', { rules: false }, { rowsPerPage: 8, repeatHeader: true }, 6, 'gd'],
    // (Header cells wrapped over two lines and centred, `一般公共预算财政拨` / `款`: the tail is no column.)
    ['borderless, publisher-aligned with wrapped names and headers', { rules: false, publisherAlign: true, wrapNames: true }, {}, 5, 'gd'],
    ['borderless, publisher-aligned, whole codes', { rules: false, publisherAlign: true }, {}, 1, 'gd'],
    // (Names over up to three lines, centred on their row's amounts: lines above and below the amounts.)
    ['borderless names wrapped and centred vertically', { rules: false, wrapNames: true }, {}, 5, 'gd'],
    // (The continuation is a table of its own: blank columns shrink, the two-sided table's left side is empty.)
    ['borderless page-split tables without repeated header, two-sided sx', { rules: false }, { rowsPerPage: 8, repeatHeader: false }, 7, 'sx'],
    ['borderless, each table on its own page, WenQuanYi font', { rules: false, tablePerPage: true, font: '"WenQuanYi Micro Hei"' }, {}, 9, 'gd'],
  ];
  it.each(cases)('%s: every cell read back', async (_name, layout, text, seed, template) => {
    const report = syntheticReport(seed, { template });
    const r = await roundTrip(report, layout, text);
    expect(r.cells).toBeGreaterThan(100);
    expect(r.mismatches.slice(0, 40)).toEqual([]);
  }, 60_000);
});

describe.skipIf(!HAVE_SEEDS)('the seeds\' tables printed to PDF by Chromium', () => {
  const cases: [string, boolean][] = [
    ['000', true],
    ['001', true],
    ['003', true],
    ['000', false],
    ['001', false],
    ['003', false],
  ];
  it.each(cases)('seed %s (ruled: %s): every cell of the golden tables read back', async (id, rules) => {
    const report = await seedReport(id);
    const pdf = await htmlToPdf(browser, renderHtml(renderText(report), { rules }));
    const r = compareWithGolden(await extractAsync(pdf, { path: `${id}.pdf` }), report, { meta: false });
    expect(r.cells).toBeGreaterThan(400);
    expect(r.mismatches.slice(0, 40)).toEqual([]);
  }, 60_000);
});

describe('PDF printed by LibreOffice from DOCX (Word-like text layer: autospace between CJK and digits, tab leaders)', () => {
  const dir = tempDir('juesuan-lo-');
  const docxRoundTrip = async (report: Report, text: string, name: string) => {
    const back = await extractAsync(await textToDocxPdf(text, dir, name), { path: `${name}.pdf` });
    return { back, ...compareWithGolden(back, report, { meta: false }) };
  };
  it.skipIf(!HAVE_SEEDS).each(['000', '001', '003'])('seed %s: every cell of the golden tables read back', async (id) => {
    const report = await seedReport(id);
    const r = await docxRoundTrip(report, renderText(report), `seed-${id}`);
    expect(r.cells).toBeGreaterThan(400);
    expect(r.mismatches.slice(0, 40)).toEqual([]);
  }, 60_000);
  it('synthetic sx with its tables in reverse order: every cell, entity without autospace', async () => {
    const report = syntheticReport(2, { template: 'sx' });
    const text = reverseTables(renderText(report), (l) => matchTitle(l) !== undefined);
    expect(text).not.toBe(renderText(report));
    const r = await docxRoundTrip(report, text, 'reversed');
    expect(r.cells).toBeGreaterThan(400);
    expect(r.mismatches.slice(0, 40)).toEqual([]);
    expect(r.back.entity).toBe(report.entity);
    expect(r.back.year).toBe(report.year);
  }, 60_000);
});

describe('PDF text layer details', () => {
  it('maps radicals to ideographs (⻔→门, ⼀→一) and joins letter-spaced names; cells keep page and box', async () => {
    const html = `<!doctype html><meta charset="utf-8"><body style="font-family:'Noto Serif CJK SC'">
<p>部门：示例局</p><table style="border-collapse:collapse">${['一般公共服务支出|1.00', '救 济 费|2.00', '门诊|3.00']
      .map((r) => `<tr>${r.split('|').map((c) => `<td style="border:1px solid #000;padding:2pt">${c}</td>`).join('')}</tr>`)
      .join('')}</table>`;
    const pdf = await htmlToPdf(browser, html);
    // Chromium's subset of Noto CJK maps these glyphs to radical code points: the raw text layer has them.
    expect(pdf.length).toBeGreaterThan(0);
    const doc = await readDocumentAsync(pdf, { path: 'r.pdf' });
    expect(doc.text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(doc.text).toContain('部门：示例局');
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['一般公共服务支出', '1.00'],
      ['救济费', '2.00'],
      ['门诊', '3.00'],
    ]);
    for (const row of table.rows) {
      expect(row.pos.page).toBe(1);
      for (const cell of row.cells) {
        expect(cell.box?.page).toBe(1);
        expect(cell.box!.width).toBeGreaterThan(5);
        expect(cell.box!.height).toBeGreaterThan(5);
      }
    }
    const [a, b] = table.rows[0]!.cells;
    expect(b!.box!.x).toBeGreaterThan(a!.box!.x);
    expect(doc.pages).toBe(1);
  }, 30_000);
});

describe('PDF that cannot be read', () => {
  const dir = tempDir('juesuan-pdf-');
  const code = async (bytes: Uint8Array, options: Record<string, number> = {}) => {
    try {
      await readDocumentAsync(bytes, { path: 'bad.pdf', ...options });
      return 'read';
    } catch (err) {
      expect(err).toBeInstanceOf(JuesuanError);
      expect((err as JuesuanError).message).toContain('bad.pdf');
      return `${(err as JuesuanError).code}: ${(err as JuesuanError).message}`;
    }
  };
  it('an encrypted PDF says it needs a password', async () => {
    expect(await code(encryptedPdf(dir))).toMatch(/^encrypted: .*加密/);
  }, 60_000);
  it('a scan without text layer says it needs OCR', async () => {
    expect(await code(await scannedPdf(browser))).toMatch(/^no_text_layer: .*需要先进行文字识别（OCR）/);
  }, 30_000);
  it('garbage after the PDF signature is corrupt', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251))]);
    expect(await code(bytes)).toMatch(/^corrupt: .*损坏/);
  });
  it('a truncated PDF ends with a message or reads what is there, never hangs', async () => {
    const pdf = await htmlToPdf(browser, renderHtml(renderText(syntheticReport(11))));
    const result = await code(pdf.subarray(0, Math.floor(pdf.length * 0.4)), { timeoutMs: 20_000 });
    expect(result).toMatch(/^(read|corrupt: |no_text_layer: )/);
  }, 30_000);
  it('more pages than maxPages, and the time limit', async () => {
    const pdf = await htmlToPdf(browser, renderHtml(renderText(syntheticReport(12))));
    expect(await code(pdf, { maxPages: 2 })).toMatch(/^limit_exceeded: .*页数过多/);
    expect(await code(pdf, { timeoutMs: 1 })).toMatch(/^limit_exceeded: .*超时/);
  }, 30_000);
});
