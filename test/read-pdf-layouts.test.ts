/**
 * The PDF reader on the layout variants real publishers print (issue #6 items 1, 5, 6): page breaks
 * inside a table's header or before its last row, a 合计 row on the same line band as a header row,
 * fonts and sizes, alignments, amount formats (separators, negatives, how zero is shown), portrait
 * and landscape pages, wrapped titles. Each report is printed by Chromium (HTML → PDF), read back
 * and recognised: every cell must equal what was printed. Chromium is launched once for the file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { extractAsync } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { renderText, type RenderTextOptions } from '../src/render/index.js';
import { compareWithGolden } from './support/golden.js';
import { syntheticReport } from './support/synthetic.js';
import { realisticReport } from '../bench/corpus.js';
import { htmlToPdf, launchChromium, renderHtml, type HtmlLayout } from './read-pdf-fixtures.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

let kept = 0;
async function roundTrip(report: Report, layout: HtmlLayout, text: RenderTextOptions = {}, landscape = true) {
  const pdf = await htmlToPdf(browser, renderHtml(renderText(report, text), layout), { landscape });
  const back = await extractAsync(pdf, { path: 'x.pdf' });
  // (PDF_LAYOUTS_KEEP=folder keeps the printed files for a look with pdftotext or the reader.)
  const keep = process.env['PDF_LAYOUTS_KEEP'];
  if (keep) writeFileSync(join(keep, `${++kept}.pdf`), pdf);
  return { back, ...compareWithGolden(back, report, { meta: false }) };
}

/** Header rows: the rows of a table part above its first row of amounts (or 栏次 numbers). */
const headerRows = (rows: string[][]) => {
  const k = rows.findIndex((r) => r.some((c) => /^-?[\d,]+\.\d\d$/.test(c)) || /^栏\s*次$/.test(r[0] ?? '') || r.every((c) => /^\d{0,2}$/.test(c)));
  return k < 0 ? rows.length : k;
};

describe('page breaks where Chromium and Word put them', () => {
  const cases: [string, HtmlLayout['breakBefore'], number, 'gd' | 'sx'][] = [
    // (The first header row at the foot of one page, the others with the rows on the next.)
    ['between the first two header rows', (rows, r, continued) => !continued && r === 1 && headerRows(rows) >= 2, 2, 'sx'],
    ['between the first two header rows, gd', (rows, r, continued) => !continued && r === 1 && headerRows(rows) >= 2, 3, 'gd'],
    // (The last row alone at the top of the next page: a blank 合计 row of an empty sx table.)
    ['before the last row', (rows, r) => r === rows.length - 1 && r > headerRows(rows), 2, 'sx'],
  ];
  it.each(cases)('%s: every cell read back (ruled and borderless)', async (_name, breakBefore, seed, template) => {
    const report = syntheticReport(seed, { template });
    for (const rules of [false, true]) {
      const r = await roundTrip(report, { rules, breakBefore });
      expect(r.cells).toBeGreaterThan(100);
      expect({ rules, mismatches: r.mismatches.slice(0, 30) }).toEqual({ rules, mismatches: [] });
    }
  }, 60_000);
});

describe('Shanxi layout (blank zeros, table 10 with section rows) with wrapped names, borderless', () => {
  const cases: [string, HtmlLayout, RenderTextOptions, number][] = [
    ['wrapped names', { rules: false, wrapNames: true }, {}, 2],
    ['wrapped names, publisher-aligned, page-split', { rules: false, wrapNames: true, publisherAlign: true }, { rowsPerPage: 12 }, 7],
    ['wrapped names, top-aligned, page-split without repeated header', { rules: false, wrapNames: true, valign: 'top' }, { rowsPerPage: 10, repeatHeader: false }, 8],
  ];
  it.each(cases)('%s: every cell read back', async (_name, layout, text, seed) => {
    const report = syntheticReport(seed, { template: 'sx' });
    const r = await roundTrip(report, layout, text);
    expect(r.cells).toBeGreaterThan(100);
    expect(r.mismatches.slice(0, 30)).toEqual([]);
  }, 60_000);
});

describe('publisher-aligned, borderless, split every 10 rows, continuations without a header', () => {
  // (gd table 06: a continuation holding only the right side 公用经费, its blank left columns shrunk
  // to their padding; sx table 10: a part of three short rows under a centred 项目, the next page's
  // longer names starting where those did; realistic sx 02/03: a last page whose longer names widen
  // the name column, its amounts shifted right onto the next column's place; realistic sc: the
  // 25-column 财政拨款支出决算明细表 squeezing its name column on pages without the header, names
  // wrapped a character or two a line over up to 17 lines; an empty table's note 本表本年度无发生额
  // pushed alone to the top of the next page, under the blank 合计 row of the table before.)
  const cases: [number, 'gd' | 'sx' | 'sc', boolean][] = [
    [45, 'gd', false],
    [50, 'gd', false],
    [47, 'gd', false],
    [45, 'sx', false],
    [52, 'sx', false],
    [60, 'sx', false],
    [44, 'sx', true],
    [51, 'sx', true],
    [41, 'sc', true],
    [43, 'sc', true],
    [51, 'sc', true],
    [42, 'sc', true],
  ];
  it.each(cases)('seed %i, %s (realistic: %s): every cell read back', async (seed, template, realistic) => {
    const report = realistic || template === 'sc' ? realisticReport(seed, { template }) : syntheticReport(seed, { template });
    const r = await roundTrip(report, { rules: false, publisherAlign: true }, { rowsPerPage: 10, repeatHeader: false });
    expect(r.cells).toBeGreaterThan(100);
    expect(r.mismatches.slice(0, 30)).toEqual([]);
  }, 60_000);

  // Shanxi table 10's last row alone at the top of a page: `(二) 单价100万元(含)以上设备(不含车辆)` wrapped
  // over four lines of a narrow name column, its 行次 17 centred on a line of its own, no amount.
  it.each([40, 44])('realistic sx seed %i, wrapped names: the last row alone on the next page, 行次 on its own line', async (seed) => {
    const report = realisticReport(seed, { template: 'sx' });
    const r = await roundTrip(report, { rules: false, wrapNames: true });
    expect(r.back.tables.find((t) => t.id === '10')?.rows.find((row) => row.key === 'L17')).toBeDefined();
    expect(r.mismatches.slice(0, 30)).toEqual([]);
  }, 60_000);
});

describe('merged header cells and a 合计 row packed under the header', () => {
  // (Labels spanning header rows are centred between their neighbours' lines: `本年收入合计` over
  // two header rows prints on no header line; `项目` spanning 科目代码 | 科目名称. With no padding
  // the 合计 row sits right under the 栏次 row, the last header line.)
  const cases: [string, HtmlLayout, number, 'gd' | 'sx'][] = [
    ['merged header, borderless gd', { rules: false, mergeHeader: true }, 1, 'gd'],
    ['merged header, borderless sx', { rules: false, mergeHeader: true }, 2, 'sx'],
    ['merged header, ruled gd', { rules: true, mergeHeader: true }, 3, 'gd'],
    ['merged header, rows packed without padding, borderless', { rules: false, mergeHeader: true, publisherAlign: true, css: 'td { padding: 0 4pt; }' }, 4, 'gd'],
    ['merged header, rows packed without padding, ruled sx', { rules: true, mergeHeader: true, css: 'td { padding: 0 4pt; }' }, 5, 'sx'],
  ];
  it.each(cases)('%s: every cell read back', async (_name, layout, seed, template) => {
    const report = syntheticReport(seed, { template });
    const r = await roundTrip(report, layout);
    expect(r.cells).toBeGreaterThan(100);
    expect(r.mismatches.slice(0, 30)).toEqual([]);
  }, 60_000);
});

/** The report with the amounts of every fifth row negative (a 结余 below zero, a refund). */
function withNegatives(report: Report): Report {
  return { ...report, tables: report.tables.map((t) => ({ ...t, rows: t.rows.map((row, i) => (i % 5 === 2 ? { ...row, cells: Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, v === null || v === 0 ? v : -v])) } : row)) })) };
}
/** What a dash for zero reads back as: not applicable (null). */
function zeroAsDash(report: Report): Report {
  return { ...report, tables: report.tables.map((t) => ({ ...t, rows: t.rows.map((row) => ({ ...row, cells: Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, v === 0 ? null : v])) })) })) };
}
const AMOUNT_CELL = /^-?[\d,]+\.\d\d$/;

describe('what publishers vary: fonts, sizes, alignment, amount formats, page orientation, wrapped titles (borderless)', () => {
  const cases: [string, HtmlLayout, { seed: number; template: 'gd' | 'sx'; landscape?: boolean; negatives?: boolean; dash?: boolean }][] = [
    ['WenQuanYi 7 pt, amounts right-aligned without separators, portrait', { rules: false, font: '"WenQuanYi Micro Hei"', fontSize: 7, publisherAlign: true, cell: (t) => (AMOUNT_CELL.test(t) ? t.replace(/,/g, '') : t) }, { seed: 31, template: 'gd', landscape: false }],
    ['Noto Sans 11 pt, amounts centred, negatives -12.34', { rules: false, font: '"Noto Sans CJK SC"', fontSize: 11, amountAlign: 'center' }, { seed: 32, template: 'sx', negatives: true }],
    ['serif 8 pt, negatives (12.34), zero printed as -, titles wrapped over two lines', { rules: false, fontSize: 8, publisherAlign: true, lineWidth: 9, cell: (t) => (t === '0.00' ? '-' : /^-[\d,]+\.\d\d$/.test(t) ? `(${t.slice(1)})` : t) }, { seed: 33, template: 'gd', negatives: true, dash: true }],
    ['ruled, WenQuanYi 10 pt, negatives (12.34), portrait', { rules: true, font: '"WenQuanYi Micro Hei"', fontSize: 10, publisherAlign: true, cell: (t) => (/^-[\d,]+\.\d\d$/.test(t) ? `(${t.slice(1)})` : t) }, { seed: 34, template: 'sx', landscape: false, negatives: true }],
  ];
  it.each(cases)('%s: every cell read back', async (_name, layout, o) => {
    let report = syntheticReport(o.seed, { template: o.template });
    if (o.negatives) report = withNegatives(report);
    const pdf = await htmlToPdf(browser, renderHtml(renderText(report), layout), { landscape: o.landscape ?? true });
    const keep = process.env['PDF_LAYOUTS_KEEP'];
    if (keep) writeFileSync(join(keep, `${++kept}.pdf`), pdf);
    const back = await extractAsync(pdf, { path: 'v.pdf' });
    const r = compareWithGolden(back, o.dash ? zeroAsDash(report) : report, { meta: false });
    expect(r.cells).toBeGreaterThan(100);
    expect(r.mismatches.slice(0, 30)).toEqual([]);
  }, 60_000);
});

describe('zero printed as a left-aligned - among right-aligned amounts (Excel text cells, Word tables)', () => {
  const cases: [string, boolean, number, 'gd' | 'sx', RenderTextOptions, ('l' | 'c')?][] = [
    ['borderless gd', false, 41, 'gd', {}],
    ['borderless gd, the dashes centred', false, 46, 'gd', {}, 'c'],
    ['borderless sx', false, 42, 'sx', {}],
    ['ruled gd', true, 43, 'gd', {}],
    ['borderless gd, page-split with repeated header', false, 44, 'gd', { rowsPerPage: 12 }],
  ];
  it.each(cases)('%s: one column, the dashes read as blank', async (_name, rules, seed, template, text, dash = 'l') => {
    const report = syntheticReport(seed, { template });
    const layout: HtmlLayout = { rules, publisherAlign: true, cell: (t) => (t === '0.00' ? '-' : t), align: (t) => (t === '-' ? dash : undefined) };
    const pdf = await htmlToPdf(browser, renderHtml(renderText(report, text), layout));
    const keep = process.env['PDF_LAYOUTS_KEEP'];
    if (keep) writeFileSync(join(keep, `${++kept}.pdf`), pdf);
    const back = await extractAsync(pdf, { path: 'd.pdf' });
    const r = compareWithGolden(back, zeroAsDash(report), { meta: false });
    expect(r.cells).toBeGreaterThan(100);
    expect(r.mismatches.slice(0, 30)).toEqual([]);
  }, 60_000);
});

/** The 合计 label moved up onto the 栏次 line, into the blank cell before `栏次` (`合计 栏次 1 2 3 …`, the amounts on the next line). */
function totalOnNumbersLine(rows: string[][]): string[][] {
  const out = rows.map((r) => [...r]);
  for (let k = 0; k + 1 < out.length; k++) {
    const j = out[k]!.findIndex((c) => /^栏\s*次$/.test(c));
    if (j > 0 && out[k]![j - 1] === '' && /^合\s*计$/.test(out[k + 1]![j] ?? '') && out[k + 1]![j - 1] === '') {
      out[k]![j - 1] = out[k + 1]![j]!;
      out[k + 1]![j] = '';
    }
  }
  return out;
}

/** `项目 | 栏次 | 合计 | …` as the first header row: the 栏次 label moved up from the numbers row into the blank cell beside 项目, the total column headed just 合计. */
function numbersLabelInHeader(rows: string[][]): string[][] {
  const out = rows.map((r) => [...r]);
  const k = out.findIndex((r) => r.some((c) => /^栏\s*次$/.test(c)));
  if (k <= 0 || !/^项\s*目$/.test(out[0]![0] ?? '')) return out;
  const j = out[k]!.findIndex((c) => /^栏\s*次$/.test(c));
  if (out[0]![j] !== '' || out.slice(1, k).some((r) => r[j] !== '' && j > 1)) return out;
  out[0]![j] = out[k]![j]!;
  out[k]![j] = '';
  out[0] = out[0]!.map((c) => (/^本年(?:收入|支出)合计$/.test(c) ? '合计' : c));
  return out;
}

describe('合计 printed on the 栏次 line', () => {
  const cases: [string, HtmlLayout, number, 'gd' | 'sx'][] = [
    ['合计 栏次 1 2 3 on one line, borderless gd', { rules: false, publisherAlign: true, rows: totalOnNumbersLine }, 51, 'gd'],
    ['合计 栏次 1 2 3 on one line, ruled gd, a table per page', { rules: true, tablePerPage: true, rows: totalOnNumbersLine }, 54, 'gd'],
    ['合计 栏次 1 2 3 on one line, borderless sx', { rules: false, rows: totalOnNumbersLine }, 53, 'sx'],
    ['合计 栏次 1 2 3 on one line, borderless gd, tables running over pages', { rules: false, rows: totalOnNumbersLine }, 55, 'gd'],
    ['合计 栏次 1 2 3 on one line, ruled gd, tables running over pages', { rules: true, rows: totalOnNumbersLine }, 56, 'gd'],
    ['项目 栏次 合计 as header cells of one row, borderless gd', { rules: false, publisherAlign: true, rows: numbersLabelInHeader }, 57, 'gd'],
    ['项目 栏次 合计 as header cells of one row, ruled gd', { rules: true, rows: numbersLabelInHeader }, 58, 'gd'],
    ['项目 栏次 合计 as header cells of one row, borderless sx', { rules: false, rows: numbersLabelInHeader }, 59, 'sx'],
  ];
  it.each(cases)('%s: the totals row read with its amounts', async (_name, layout, seed, template) => {
    const report = syntheticReport(seed, { template });
    const r = await roundTrip(report, layout);
    expect(r.cells).toBeGreaterThan(100);
    expect(r.mismatches.slice(0, 30)).toEqual([]);
  }, 60_000);
});
