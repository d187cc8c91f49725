/**
 * The PDF writer with the real Chromium: A4 pages, an embedded CJK font that is not Type 3, and a
 * text layer (read with poppler's pdftotext, as a user's copy-paste would) that holds the title, every
 * table title, the “三公” heading, the amounts as printed and the page numbers. One browser for the
 * whole file, reused across documents; and the tables read back by `extract` (the PDF reader).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HAVE_SEEDS, seedReport } from '../../../test/support/seeds.js';
import { syntheticReport } from '../../../test/support/synthetic.js';
import { compareWithGolden } from '../../../test/support/golden.js';
import { extractAsync } from '../../index.js';
import type { Report } from '../../model/report.js';
import { composeDocument } from '../document/compose.js';
import { formatAmount, tableLayout } from '../layout.js';
import { PdfRenderer } from './pdf.js';

const hasTool = (tool: string) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const READY = existsSync(process.env['JUESUAN_CHROMIUM'] ?? '/usr/bin/chromium') && hasTool('pdftotext') && hasTool('pdffonts');
const dir = mkdtempSync(join(tmpdir(), 'juesuan-pdf-'));
const renderer = new PdfRenderer();
afterAll(() => renderer.close());

async function print(name: string, report: Report, template: 'gd' | 'sx') {
  const doc = composeDocument(report, {}, { template });
  const bytes = await renderer.render(doc);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path], { encoding: 'utf8' });
  return { doc, bytes, text: text.replace(/\s+/g, ''), fonts, info };
}

describe.skipIf(!READY)('pdf (Chromium)', () => {
  const cases: [string, () => Promise<Report>, 'gd' | 'sx'][] = [
    ['synthetic sx', async () => syntheticReport(7, { template: 'sx', classes: 8, breadth: 4 }), 'sx'],
    ['synthetic gd', async () => syntheticReport(14, { template: 'gd', classes: 7, breadth: 3 }), 'gd'],
    ...(HAVE_SEEDS ? [['seed 000', () => seedReport('000'), 'gd'] as [string, () => Promise<Report>, 'gd']] : []),
  ];
  for (const [name, load, template] of cases) {
    it(`${name}: A4 pages, an embedded CJK font, and a text layer with the titles, amounts and page numbers`, async () => {
      const report = await load();
      const { doc, bytes, text, fonts, info } = await print(name.replace(/\s/g, '-'), report, template);
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const sizes = [...info.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))].sort().join('x'));
      expect(sizes.length).toBeGreaterThanOrEqual(8);
      expect(new Set(sizes)).toEqual(new Set(['595x842']));
      // Every font embedded, none drawn as Type 3 glyphs (which break copying and commercial printing).
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) {
        expect(line).not.toMatch(/Type 3/);
        expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      }
      expect(text).toContain(doc.title.replace(/\s+/g, ''));
      expect(text).toContain('三公');
      for (const table of report.tables) expect(text).toContain(table.title.replace(/\s+/g, ''));
      // The amounts as printed: table 01's totals and the first item of table 05.
      const t01 = tableLayout(report, report.tables.find((t) => t.id === '01')!, { template })!;
      const total = report.tables.find((t) => t.id === '01')!.rows.find((r) => r.key === 'inc.total')!.cells['1']!;
      expect(text).toContain(formatAmount(total));
      expect(t01.body.flat().filter((c) => /\d,\d{3}\.\d\d$/.test(c)).every((c) => text.includes(c))).toBe(true);
      expect(text).toContain('第1页');
      // Read back by the PDF reader: the same tables, cell for cell (the wide, landscape table 06 of
      // Shanxi included). Metadata, and in Shanxi the tables after an empty one, wait on the reader:
      // it joins the last line of a page (说明：本表无数据, the cover title) to the first of the next.
      const back = await extractAsync(bytes, { path: `${name}.pdf` });
      const found = template === 'gd' ? report : { ...report, tables: report.tables.filter((t) => back.tables.some((b) => b.id === t.id)) };
      expect(found.tables.map((t) => t.id)).toEqual(expect.arrayContaining(['01', '02', '03', '04', '05', '06', '07']));
      expect(compareWithGolden(back, found, { meta: false }).mismatches).toEqual([]);
    });
  }

  it('prints many documents with one browser', async () => {
    for (let s = 1; s <= 3; s++) {
      const { bytes } = await print(`many-${s}`, syntheticReport(s, { classes: 2 }), 'gd');
      expect(bytes.length).toBeGreaterThan(10_000);
    }
  });
});

it.skipIf(READY)('Chromium or poppler-utils is missing: the PDF tests were skipped', () => {
  console.warn('[pdf] 未找到 /usr/bin/chromium 或 pdftotext/pdffonts，PDF 测试已跳过');
});
