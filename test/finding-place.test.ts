/**
 * Findings point at the place in the file (issue #6: “every cell keeps its page and box”): a
 * synthetic report with one wrong cell is printed to PDF by Chromium (tables split over pages) and
 * written as a 久其-style workbook (with a hidden column inside the grid); after reading and checking,
 * the finding on the wrong cell carries the page and a box holding the printed number (read back by
 * poppler's pdftotext, not by our reader), or the sheet and the cell holding it (read by exceljs).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { fileReport } from '../src/check/batch.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { placeFinding } from '../src/check/place.js';
import { toJson, toText } from '../src/cli/check-output.js';
import { extractAsync, readDocument } from '../src/index.js';
import type { Box } from '../src/model/document.js';
import type { Finding } from '../src/model/finding.js';
import type { Report, Row } from '../src/model/report.js';
import { renderText } from '../src/render/index.js';
import { printedTables, tablesToXlsx } from './read-office-fixtures.js';
import { htmlToPdf, launchChromium, renderHtml, tempDir } from './read-pdf-fixtures.js';
import { syntheticReport } from './support/synthetic.js';

/** A synthetic report whose table 05 has one wrong 基本支出 cell: the last 款 row's, 1.00 too much. */
function wrongReport(): { report: Report; key: string } {
  const report = syntheticReport(3, { template: 'gd', classes: 4 });
  const t05 = report.tables.find((t) => t.id === '05')!;
  const row = [...t05.rows].reverse().find((r) => r.code?.length === 5 && (r.cells['2'] ?? 0) > 0)!;
  row.cells['2'] = Math.round(((row.cells['2'] ?? 0) + 1) * 100) / 100;
  return { report, key: row.key };
}

const amount = (text: string) => Number(text.replace(/[\s,]/g, ''));
const compact = (text: string) => text.replace(/\s/g, '');
const row = (report: Report, table: string, key: string): Row => report.tables.find((t) => t.id === table)!.rows.find((r) => r.key === key)!;
const fileCheck = (report: Report, findings: Finding[]) => ({ file: 'x', report: fileReport(report), result: { findings, summary: { error: 0, warning: 0, info: 0, not_applicable: 0 } } });

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('PDF: a finding on a cell carries its page and box', () => {
  const dir = tempDir('juesuan-place-');
  const file = join(dir, 'wrong.pdf');
  /** The text poppler prints inside a box of the PDF (PDF points, origin top-left = pdftotext's crop at 72 dpi). */
  const textIn = (b: Box) =>
    execFileSync('pdftotext', ['-f', String(b.page), '-l', String(b.page), '-x', String(Math.floor(b.x)), '-y', String(Math.floor(b.y)), '-W', String(Math.ceil(b.width)), '-H', String(Math.ceil(b.height)), '-layout', file, '-']).toString();
  const pageText = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-']).toString();

  let back: Report;
  let findings: Finding[];
  let key: string;
  beforeAll(async () => {
    const wrong = wrongReport();
    key = wrong.key;
    // Eight rows a page: table 05 runs over several pages, the wrong row on a later one.
    const pdf = await htmlToPdf(browser, renderHtml(renderText(wrong.report, { rowsPerPage: 8, repeatHeader: false })));
    writeFileSync(file, pdf);
    back = await extractAsync(pdf, { path: file });
    findings = checkReport(back).findings;
  }, 60_000);

  it('the wrong cell: its own page of the split table, and a box around the printed number', () => {
    const f = findings.find((x) => x.ruleId === 'T05-R2' && x.location.row === key && x.location.column === '2');
    expect(f, JSON.stringify(findings.map((x) => [x.ruleId, x.location]))).toBeDefined();
    const t05 = back.tables.find((t) => t.id === '05')!;
    expect(t05.recognition.parts).toBeGreaterThan(1);
    expect(f!.location.page).toBeGreaterThan(t05.source.page!);
    expect(f!.location.box!.page).toBe(f!.location.page);
    const printed = textIn(f!.location.box!);
    expect(compact(printed)).toMatch(/^[\d,]+\.\d\d$/);
    expect(amount(printed)).toBe(row(back, '05', key).cells['2']);
    // The page is where the number is printed, and the box is the cell, not the row.
    expect(compact(pageText(f!.location.page!))).toContain(compact(printed));
    expect(f!.location.box!.width).toBeLessThan(120);
  });

  it('every cell finding’s box holds that cell’s number; a row finding’s box holds the row’s code', () => {
    const cellFindings = findings.filter((f) => f.location.table && f.location.row && f.location.column && !f.ruleId.startsWith('N-'));
    expect(cellFindings.length).toBeGreaterThan(2);
    let checked = 0;
    for (const f of cellFindings) {
      const r = row(back, f.location.table!, f.location.row!);
      const value = r.cells[f.location.column!];
      if (value === null || value === undefined || !r.boxes?.[f.location.column!]) continue;
      expect(f.location.box, f.ruleId).toEqual(r.boxes[f.location.column!]);
      expect(amount(textIn(f.location.box!)), `${f.ruleId} ${f.location.table}/${f.location.row}/${f.location.column}`).toBe(value);
      checked++;
    }
    expect(checked).toBeGreaterThan(2);
    const rowFindings = findings.filter((f) => f.location.table && f.location.row && !f.location.column && row(back, f.location.table, f.location.row)?.code);
    expect(rowFindings.length).toBeGreaterThan(0);
    for (const f of rowFindings.slice(0, 5)) {
      const r = row(back, f.location.table!, f.location.row!);
      expect(f.location.page).toBe(r.source!.page);
      expect(compact(textIn(f.location.box!))).toContain(r.code);
    }
  });

  it('a sentence of the narrative: the page it is printed on', () => {
    const facts = (back.facts ?? []).filter((f) => f.text.length >= 6);
    expect(facts.length).toBeGreaterThan(3);
    for (const fact of [facts[0]!, facts[Math.floor(facts.length / 2)]!, facts[facts.length - 1]!]) {
      // A rule's span without a page: the check stage finds the paragraph that holds it.
      const { page: _page, ...span } = fact.span;
      const placed = placeFinding(back, { ruleId: 'N-R1', severity: 'error', status: 'fail', location: { span }, expected: null, actual: null, difference: null, tolerance: null, messageId: 'x', message: 'x' });
      expect(placed.location.page).toBeGreaterThan(0);
      expect(compact(pageText(placed.location.page!))).toContain(compact(fact.text));
    }
  });

  it('juesuan check says the page in text and gives page and box in JSON', () => {
    const f = findings.find((x) => x.ruleId === 'T05-R2' && x.location.row === key)!;
    const text = toText([fileCheck(back, [f])], 'info', false);
    expect(text).toContain(`第${f.location.page}页 `);
    const json = JSON.parse(toJson([fileCheck(back, [f])], 'info')) as { files: { findings: { page: number; box: Box; table: string; row: string; column: string }[] }[] };
    expect(json.files[0]!.findings[0]).toMatchObject({ table: '05', row: key, column: '2', page: f.location.page, box: f.location.box });
  });
});

describe('xlsx: a finding on a cell names the sheet and the cell', () => {
  it('the wrong cell’s sheet and A1 reference, past a hidden column inside the grid', async () => {
    const { report, key } = wrongReport();
    const tables = printedTables(readDocument(new TextEncoder().encode(renderText(report)), { path: 'x.txt' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tablesToXlsx(tables, { layout: 'jiuqi', amounts: 'number' })) as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((s) => s.name.includes('一般公共预算财政拨款支出'))!;
    expect(ws.name).toMatch(/^Z\d\d /);
    // A hidden column of junk between the names and the amounts: the reader skips it, the reference must not.
    ws.spliceColumns(3, 0, []);
    for (let r = 1; r <= ws.rowCount; r++) ws.getCell(r, 3).value = '隐藏 999.99';
    ws.getColumn(3).hidden = true;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const back = await extractAsync(bytes, { path: 'wrong.xlsx' });
    const findings = checkReport(back).findings;
    const f = findings.find((x) => x.ruleId === 'T05-R2' && x.location.row === key && x.location.column === '2');
    expect(f, JSON.stringify(findings.map((x) => [x.ruleId, x.location]))).toBeDefined();
    expect(f!.location.sheet).toBe(ws.name);
    expect(f!.location.cell).toMatch(/^[A-Z]+\d+$/);
    expect(f!.location.page).toBeUndefined();
    const cell = ws.getCell(f!.location.cell!);
    expect(Number(cell.value)).toBe(row(back, '05', key).cells['2']);
    expect(cell.col).toBeGreaterThan(3);

    // A row finding: the sheet row, which holds the row's code.
    const rowFinding = findings.find((x) => x.location.table && x.location.row && !x.location.column && x.location.sheet);
    expect(rowFinding).toBeDefined();
    if (rowFinding) {
      const m = /^(\d+):\1$/.exec(rowFinding.location.cell!);
      expect(m).not.toBeNull();
      const sheet = wb.getWorksheet(rowFinding.location.sheet!)!;
      const texts = (sheet.getRow(Number(m![1])).values as unknown[]).map(String).join(' ');
      expect(texts).toContain(row(back, rowFinding.location.table!, rowFinding.location.row!).code ?? row(back, rowFinding.location.table!, rowFinding.location.row!).name);
    }

    const text = toText([fileCheck(back, [f!])], 'info', false);
    expect(text).toContain(`工作表“${ws.name}”${f!.location.cell}`);
    const json = JSON.parse(toJson([fileCheck(back, [f!])], 'info')) as { files: { findings: { sheet: string; cell: string; page: null }[] }[] };
    expect(json.files[0]!.findings[0]).toMatchObject({ sheet: ws.name, cell: f!.location.cell, page: null });
  }, 60_000);
});
