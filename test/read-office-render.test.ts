/**
 * Round trip through the generator's own Office outputs: Report → composeDocument → renderXlsx /
 * renderDocx → extractAsync (the Excel and Word readers) → every table cell equal to the Report.
 */
import { describe, expect, it } from 'vitest';
import { extractAsync } from '../src/index.js';
import { composeDocument } from '../src/render/document/compose.js';
import { renderDocx } from '../src/render/formats/docx.js';
import { renderXlsx } from '../src/render/formats/xlsx.js';
import { compareTables } from './read-office-fixtures.js';
import { syntheticReport } from './support/synthetic.js';

describe('generated workbooks and Word files read back cell for cell', () => {
  for (const template of ['gd', 'sx'] as const) {
    const report = syntheticReport(template === 'gd' ? 31 : 32, { template, classes: 4 });
    it(`${template}: renderXlsx → readXlsx`, async () => {
      const bytes = await renderXlsx(composeDocument(report, {}, { template }));
      const back = await extractAsync(bytes, { path: 'generated.xlsx' });
      const cmp = compareTables(back, report);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.cells).toBeGreaterThan(200);
    });
    it(`${template}: renderDocx → readDocx`, async () => {
      const bytes = await renderDocx(composeDocument(report, {}, { template }));
      const back = await extractAsync(bytes, { path: 'generated.docx' });
      const cmp = compareTables(back, report);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.cells).toBeGreaterThan(200);
    });
  }
});
