/**
 * The content-stream scanner (src/read/pdf/scan.ts) finds the same ruling lines as pdf.js's
 * operator list, page by page, on PDFs printed by Chromium (ruled HTML tables, thin filled
 * rectangles) and exported by LibreOffice (Word tables, stroked borders); what it cannot read it
 * refuses (an encrypted file), and the reader then uses the operator list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readPdfRulesBothWays } from '../src/read/pdf/index.js';
import { PdfObjects, RuleCollector, Unscannable } from '../src/read/pdf/scan.js';
import { renderText } from '../src/render/index.js';
import { syntheticReport } from './support/synthetic.js';
import { encryptedPdf, htmlToPdf, launchChromium, renderHtml, tempDir, textToDocxPdf } from './read-pdf-fixtures.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

type Line = { x1: number; y1: number; x2: number; y2: number };

/** Every rule of `a` matched by one of `b` within 0.02 pt (pdf.js keeps paths in 32-bit floats). */
function sameRules(a: Line[], b: Line[]): boolean {
  if (a.length !== b.length) return false;
  const used = new Set<number>();
  return a.every((r) => {
    const k = b.findIndex((q, j) => !used.has(j) && Math.abs(r.x1 - q.x1) < 0.02 && Math.abs(r.y1 - q.y1) < 0.02 && Math.abs(r.x2 - q.x2) < 0.02 && Math.abs(r.y2 - q.y2) < 0.02);
    if (k < 0) return false;
    used.add(k);
    return true;
  });
}

async function compare(pdf: Uint8Array) {
  const pages = await readPdfRulesBothWays(pdf);
  expect(pages.length).toBeGreaterThan(0);
  for (const p of pages) {
    expect(p.scanned, `page ${p.page} scanned`).toBeDefined();
    expect(sameRules(p.scanned!, p.operatorList), `page ${p.page}: ${p.scanned!.length} rules scanned, ${p.operatorList.length} from the operator list`).toBe(true);
  }
  return pages;
}

describe('ruling lines from the content stream', () => {
  it('Chromium: ruled tables, split code columns, page-split tables', async () => {
    const report = syntheticReport(21, { template: 'gd', classes: 4 });
    const pdf = await htmlToPdf(browser, renderHtml(renderText(report, { rowsPerPage: 12 }), { splitCodes: true }));
    const pages = await compare(pdf);
    expect(pages.reduce((s, p) => s + p.operatorList.length, 0)).toBeGreaterThan(100);
  });

  it('LibreOffice: Word tables exported to PDF', async () => {
    const report = syntheticReport(22, { template: 'sx', classes: 3 });
    const pdf = await textToDocxPdf(renderText(report), tempDir('juesuan-scan-'), 'scan');
    const pages = await compare(pdf);
    expect(pages.reduce((s, p) => s + p.operatorList.length, 0)).toBeGreaterThan(100);
  }, 120_000);

  it('an encrypted file is left to pdf.js', () => {
    const pdf = encryptedPdf(tempDir('juesuan-scan-enc-'));
    expect(() => new PdfObjects(pdf)).toThrow(Unscannable);
  }, 120_000);
});

describe('painted areas as ruling lines', () => {
  // pdf.js path encoding: 0 moveTo x y, 1 lineTo x y, 4 close.
  const rect = (x: number, y: number, w: number, h: number) => [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4];
  const collect = (filled: boolean, ...paths: number[][]) => {
    const sink = new RuleCollector((x, y) => [x, 800 - y], 600 * 800);
    sink.paint(filled, paths.flat());
    return sink.rules.length;
  };
  it('a thin filled rectangle is a line; a stroked rectangle four', () => {
    expect(collect(true, rect(10, 10, 200, 0.75))).toBe(1);
    expect(collect(false, rect(10, 10, 200, 20))).toBe(4);
  });
  it('a filled area alone is a shading, no lines; a ring of two (a border filled even-odd) gives its edges', () => {
    expect(collect(true, rect(10, 10, 200, 20))).toBe(0);
    expect(collect(true, rect(10, 10, 200, 100), rect(11, 11, 198, 98))).toBe(8);
  });
});
