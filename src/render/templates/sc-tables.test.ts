import { describe, expect, it } from 'vitest';
import { SC_TABLES, SC_TABLE_IDS } from '../../model/sc-tables.js';
import { scHeader } from './sc-tables.js';

describe('Sichuan table headers', () => {
  for (const id of SC_TABLE_IDS) {
    it(`${id}: merged cells cover only blank positions, the 栏次 row numbers every amount column`, () => {
      for (const template of ['gd', 'sx'] as const) {
        const rows = scHeader(id, template);
        const width = 2 + SC_TABLES[id].columns.length;
        expect(rows.every((r) => r.length === width)).toBe(true);
        const covered = new Set<string>();
        rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) if (dr || dc) covered.add(`${r + dr},${c + dc}`);
          }),
        );
        rows.forEach((row, r) => row.forEach((cell, c) => expect(!!cell.covered, `${id} ${r},${c}`).toBe(covered.has(`${r},${c}`))));
        rows.forEach((row) => row.forEach((cell) => cell.covered && expect(cell.text).toBe('')));
        // Every amount column has a label above it, and the last row numbers the columns 1…n.
        for (let c = 2; c < width; c++) expect(rows.slice(0, -1).some((row) => row[c]!.text !== '' || row[c]!.covered)).toBe(true);
        expect(rows[rows.length - 1]!.slice(2).map((x) => x.text)).toEqual(SC_TABLES[id].columns.map((_, i) => String(i + 1)));
      }
    });
  }
  it('the 明细表 header has three label rows: 基本支出 over 人员经费 over 工资福利支出', () => {
    const rows = scHeader('sc-gpb-detail', 'gd');
    expect(rows).toHaveLength(4);
    expect(rows[0]!.find((x) => x.text === '基本支出')!.colSpan).toBe(11);
    expect(rows[1]!.find((x) => x.text === '人员经费')!.colSpan).toBe(3);
    expect(rows[0]!.find((x) => x.text === '合计')!.rowSpan).toBe(3);
  });
});
