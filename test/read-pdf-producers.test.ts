/**
 * What PDF producers do to a table that a browser's print does not.
 *
 * Landscape pages stored as portrait pages turned by /Rotate (Acrobat Distiller's “auto-rotate
 * pages”, several print drivers), and PDFs changed by an incremental update (an electronic seal, an
 * edit): the page content is drawn turned a quarter in user space and the viewer turns it back. The
 * reader must see what a reader of the page sees: every cell as in the same document printed flat.
 *
 * The rotated copy is made from a Chromium print the way such producers write it: each landscape
 * page W×H becomes a portrait page H×W with /Rotate 90 (or 270), its content wrapped in the matrix
 * that turns it back, the changed objects appended as an incremental update (new xref section with
 * /Prev) — the original objects stay in the file, superseded.
 *
 * Bold faked by overprinting (print drivers and WPS draw a run twice a fraction of a point apart;
 * pdfplumber has `dedupe_chars` for it): printed here as a text shadow without blur, which Chromium
 * writes as the same glyphs drawn again 0.3 pt to the right.
 *
 * Frames and shading round a table without rules: a box round the whole table, a grey header band,
 * striped rows (each a filled rectangle whose edges enclose several cells of one row), and rules
 * only between rows or only at top, header and bottom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { extractAsync, readDocumentAsync } from '../src/index.js';
import { renderText } from '../src/render/index.js';
import { compareWithGolden } from './support/golden.js';
import { syntheticReport } from './support/synthetic.js';
import { htmlToPdf, launchChromium, renderHtml } from './read-pdf-fixtures.js';
import { cidFontPdf } from './support/cid-pdf.js';
import { withoutColumnNumbers } from './support/layout-variants.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Every page turned by `rotate` (90 or 270), as an incremental update of a Chromium (Skia) PDF. */
function rotatePages(pdf: Buffer, rotate: 90 | 270): Buffer {
  const text = pdf.toString('latin1');
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text);
  if (!trailer) throw new Error('no classic trailer');
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer[1]!)![1];
  const objects: string[] = [];
  const numbers: number[] = [];
  let next = size;
  const page = /(?:^|\n)(\d+) 0 obj\n(<<\/Type \/Page\n[\s\S]*?)\nendobj/g;
  for (let m = page.exec(text); m; m = page.exec(text)) {
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(m[2]!)!;
    const [w, h] = [box[1]!, box[2]!];
    // The matrix that draws the flat page's content turned back: for /Rotate 90 a point (x, y) of the
    // flat page goes to (h − y, x) of the portrait one; for 270 to (y, w − x).
    const cm = rotate === 90 ? `0 1 -1 0 ${h} 0 cm` : `0 -1 1 0 0 ${w} cm`;
    const [open, close] = [next++, next++];
    objects.push(`${open} 0 obj\n<</Length ${cm.length + 3}>>\nstream\nq ${cm}\nendstream\nendobj\n`, `${close} 0 obj\n<</Length 2>>\nstream\nQ\nendstream\nendobj\n`);
    numbers.push(open, close);
    const dict = m[2]!
      .replace(box[0], `/MediaBox [0 0 ${h} ${w}]\n/Rotate ${rotate}`)
      .replace(/\/Contents (\d+ 0 R)/, (_, ref: string) => `/Contents [${open} 0 R ${ref} ${close} 0 R]`);
    objects.push(`${m[1]} 0 obj\n${dict}\nendobj\n`);
    numbers.push(Number(m[1]));
  }
  let offset = pdf.length + 1;
  const entries = new Map<number, number>();
  objects.forEach((o, i) => {
    entries.set(numbers[i]!, offset);
    offset += Buffer.byteLength(o, 'latin1');
  });
  const xref = ['xref', '0 1', '0000000000 65535 f '];
  for (const [num, at] of [...entries].sort((a, b) => a[0] - b[0])) xref.push(`${num} 1`, `${String(at).padStart(10, '0')} 00000 n `);
  const update = `\n${objects.join('')}${xref.join('\n')}\ntrailer\n<</Size ${next} /Root ${root} /Prev ${trailer[2]}>>\nstartxref\n${offset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

describe('PDF pages turned by /Rotate, written as an incremental update', () => {
  it.each([
    ['ruled gd, turned 90', 61, 'gd', true, 90],
    ['borderless sx, turned 90', 62, 'sx', false, 90],
    ['ruled gd, turned 270', 63, 'gd', true, 270],
  ] as const)('%s: every cell as in the flat print', async (_name, seed, template, rules, rotate) => {
    const report = syntheticReport(seed, { template });
    const flat = await htmlToPdf(browser, renderHtml(renderText(report), { rules, ...(rules ? {} : { publisherAlign: true }) }), { landscape: true });
    const turned = rotatePages(flat, rotate);
    const [a, b] = await Promise.all([extractAsync(flat, { path: 'flat.pdf' }), extractAsync(turned, { path: 'turned.pdf' })]);
    const flatResult = compareWithGolden(a, report, { meta: false });
    const turnedResult = compareWithGolden(b, report, { meta: false });
    expect(flatResult.cells).toBeGreaterThan(100);
    expect(flatResult.mismatches).toEqual([]);
    expect(turnedResult.mismatches.slice(0, 5)).toEqual([]);
    expect(b.tables.map((t) => t.rows.length)).toEqual(a.tables.map((t) => t.rows.length));
    expect(b.entity).toBe(a.entity);
  }, 60_000);
});

describe('PDF with every run drawn twice, 0.3 pt apart (bold by overprinting)', () => {
  it.each([
    ['ruled gd', 71, 'gd', true],
    ['borderless sx', 72, 'sx', false],
  ] as const)('%s: every cell once, the text once', async (_name, seed, template, rules) => {
    const report = syntheticReport(seed, { template });
    const css = 'td, p, h1, h2, h3, div { text-shadow: 0.3pt 0 0 #000; }';
    const pdf = await htmlToPdf(browser, renderHtml(renderText(report), { rules, css, ...(rules ? {} : { publisherAlign: true }) }), { landscape: true });
    const back = await extractAsync(pdf, { path: 'bold.pdf' });
    const result = compareWithGolden(back, report, { meta: false });
    expect(result.cells).toBeGreaterThan(100);
    expect(result.mismatches.slice(0, 5)).toEqual([]);
    expect(back.entity).toBe(report.entity);
    expect(back.year).toBe(report.year);
  }, 60_000);
});

describe('PDF tables framed or shaded but not ruled by column', () => {
  it.each([
    ['a frame round a borderless table', 81, 'gd', 'table { border: 1px solid #000 !important; }'],
    ['striped rows', 82, 'sx', 'tr:nth-child(2n) td { background: #e8e8e8; }'],
    ['a shaded header band', 83, 'gd', 'tr:nth-child(-n+2) td { background: #d0d0d0; }'],
    ['rules between rows only', 84, 'sx', 'td { border-bottom: 0.75px solid #000 !important; }'],
    ['rules at top, under the header and at the bottom', 85, 'gd', 'table { border-top: 1.5px solid #000 !important; border-bottom: 1.5px solid #000 !important; } tr:nth-child(2) td { border-bottom: 1px solid #000 !important; }'],
  ] as const)('%s: every cell', async (_name, seed, template, css) => {
    const report = syntheticReport(seed, { template });
    const pdf = await htmlToPdf(browser, renderHtml(renderText(report), { rules: false, publisherAlign: true, css }), { landscape: true });
    const result = compareWithGolden(await extractAsync(pdf, { path: 'framed.pdf' }), report, { meta: false });
    expect(result.cells).toBeGreaterThan(100);
    expect(result.mismatches.slice(0, 5)).toEqual([]);
  }, 60_000);
});

describe('PDF with a page that is a picture (a scanned or pasted page among text pages)', () => {
  it('reads the text pages and warns of the picture page by number', async () => {
    const report = syntheticReport(86, { template: 'gd' });
    const page = await browser.newPage();
    let picture: string;
    try {
      await page.setContent('<table border="1"><tr><td>项目</td><td>决算数</td></tr><tr><td>合计</td><td>1,234.56</td></tr></table>');
      picture = (await page.screenshot()).toString('base64');
    } finally {
      await page.close();
    }
    const html = renderHtml(renderText(report)).replace('</body>', `<div style="break-before: page"><img src="data:image/png;base64,${picture}" style="width: 90%"></div></body>`);
    const pdf = await htmlToPdf(browser, html, { landscape: true });
    const back = await extractAsync(pdf, { path: 'partly-scanned.pdf' });
    expect(compareWithGolden(back, report, { meta: false }).mismatches.slice(0, 5)).toEqual([]);
    const pages = (await readDocumentAsync(pdf, { path: 'partly-scanned.pdf' })).pages;
    expect(pages).toBeGreaterThan(5);
    expect(back.diagnostics).toContainEqual({ level: 'warning', message: `第 ${pages} 页是图片（扫描件），没有文字层，其中的内容未读取（需要先进行文字识别）` });
  }, 60_000);
});

describe('PDF from a report system (iText-like): non-embedded STSong-Light and Helvetica, a cell per text object', () => {
  it.each([
    ['gd, ruled', 87, 'gd', true, true],
    ['sx, ruled', 88, 'sx', true, true],
    // (Without lines, as a spreadsheet prints with Excel's default alignment: texts and 栏次 numbers
    // at the left of their cells, amounts at the right — in a wide column nearer the next number.)
    ['gd, without lines', 89, 'gd', false, true],
    ['sx, without lines', 90, 'sx', false, true],
    // (Publishers drop the 栏次 row too: the header's lowest line, one label per column, anchors
    // the amounts instead.)
    ...[301, 302, 303, 304].flatMap((seed) =>
      (['gd', 'sx'] as const).map(
        (template) => [`${template}, without lines or 栏次 row, seed ${seed}`, seed, template, false, false] as const,
      ),
    ),
    // (An empty table's header rows at the top of a page, its unit line left on the page before.)
    ['sx, without lines or 栏次 row, seed 319', 319, 'sx', false, false],
  ] as const)('%s: every cell, with CMaps and standard font metrics', async (_name, seed, template, ruled, numbered) => {
    const report = syntheticReport(seed, { template });
    const text = renderText(report);
    const pdf = cidFontPdf(numbered ? text : withoutColumnNumbers(text), { ruled });
    const back = await extractAsync(pdf, { path: 'report-system.pdf' });
    const result = compareWithGolden(back, report, { meta: false });
    expect(result.cells).toBeGreaterThan(100);
    expect(result.mismatches.slice(0, 5)).toEqual([]);
    expect(back.entity).toBe(report.entity);
  }, 60_000);
});
