/**
 * The .xls (BIFF8) reader on workbooks LibreOffice converts at test time from the .xlsx fixtures
 * (the seeds' tables and synthetic reports, merged headers, numbers and text, hidden junk): every
 * cell read back must equal the source. Skipped, with a message, when soffice is not installed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractAsync, extractFile } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { JuesuanError } from '../src/model/errors.js';
import { readDocumentAsync, readDocumentFile } from '../src/read/index.js';
import type { SheetPos } from '../src/read/xlsx/sheet.js';
import { renderText } from '../src/render/index.js';
import { compareTables, convertWithSoffice, printedTables, SOFFICE, tablesToXlsx, type WorkbookOptions } from './read-office-fixtures.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';
import { syntheticReport } from './support/synthetic.js';

if (!SOFFICE) console.warn('\n[juesuan tests] 未安装 LibreOffice（soffice）：跳过 .xls 读取测试。\n');

interface Case {
  name: string;
  source: () => Promise<Report> | Report;
  xls?: Buffer;
}

const PUBLISHED: WorkbookOptions = { layout: 'published', mergeHeaders: true, amounts: 'mixed', junk: true, formulas: true };
const JIUQI: WorkbookOptions = { layout: 'jiuqi', amounts: 'text', mergeHeaders: true };
const cases: Case[] = [];

describe.skipIf(!SOFFICE)('xls (BIFF8, converted by LibreOffice): every cell equal to the source', () => {
  beforeAll(async () => {
    const files: { name: string; bytes: Buffer }[] = [];
    if (HAVE_SEEDS) {
      for (const id of ['000', '001', '003']) {
        const tables = printedTables(await readDocumentFile(seed(id).path));
        for (const [v, options] of [['published', PUBLISHED], ['jiuqi', JIUQI]] as const) {
          const name = `seed-${id}-${v}`;
          cases.push({ name, source: () => extractFile(seed(id).path) });
          files.push({ name: `${name}.xlsx`, bytes: await tablesToXlsx(tables, options) });
        }
      }
    }
    for (const template of ['gd', 'sx'] as const) {
      const report = syntheticReport(template === 'gd' ? 11 : 12, { template, classes: 5 });
      const doc = await readDocumentAsync(Buffer.from(renderText(report, { template, rowsPerPage: 18 })), { path: 'x.txt' });
      const name = `synthetic-${template}`;
      cases.push({ name, source: () => report });
      files.push({ name: `${name}.xlsx`, bytes: await tablesToXlsx(printedTables(doc), PUBLISHED) });
    }
    const converted = convertWithSoffice(files, 'xls');
    converted.forEach((bytes, i) => (cases[i]!.xls = bytes));
  }, 180_000);

  it('reads every converted workbook back cell for cell', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(2);
    for (const c of cases) {
      const back = await extractAsync(c.xls!, { path: `${c.name}.xls` });
      expect(back.source.format).toBe('xls');
      const cmp = compareTables(back, await c.source());
      expect(cmp.mismatches, c.name).toEqual([]);
      expect(cmp.cells, c.name).toBeGreaterThan(200);
    }
  });

  it('expands merged cells, leaves out hidden rows, columns and sheets, and keeps sheet positions', async () => {
    const c = cases.find((x) => x.name === 'synthetic-gd')!;
    const doc = await readDocumentAsync(c.xls!, { path: 'x.xls' });
    expect(doc.text).not.toMatch(/垃圾|999,999\.99|123,456\.78|9999999/);
    const grid = doc.blocks.find((b) => b.kind === 'table')!;
    if (grid.kind !== 'table') throw new Error('no grid');
    expect(grid.rows[0]!.cells[0]).toMatchObject({ text: '收入', colSpan: 3 });
    expect(grid.rows[0]!.cells[1]).toMatchObject({ covered: true });
    expect((grid.pos as SheetPos).sheet).toBe('表1');
    const second = doc.blocks.filter((b) => b.kind === 'table')[1]!;
    expect((second.pos as SheetPos).sheet).toBe('表2');
    expect(second.pos.line).toBeGreaterThan(grid.pos.endLine ?? 0);
  });

  it('a truncated or garbled .xls is corrupt, never a hang', async () => {
    const xls = cases[0]!.xls!;
    for (const bytes of [xls.subarray(0, Math.floor(xls.length / 3)), Buffer.concat([xls.subarray(0, 512), Buffer.alloc(4096, 0xff)])]) {
      const err = await extractAsync(bytes, { path: '坏.xls' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(JuesuanError);
      expect((err as JuesuanError).code).toBe('corrupt');
      expect((err as JuesuanError).message).toContain('坏.xls');
    }
  });

  it('more cells than maxCells is refused', async () => {
    const err = await extractAsync(cases[0]!.xls!, { path: '大.xls', maxCells: 50 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as JuesuanError).code).toBe('limit_exceeded');
  });
});
