/**
 * The printed table layouts: merged header cells that tile the header exactly, the zero and ——
 * conventions of each template, the notes (本表无数据 for an empty table), the lines above the grid.
 */
import { describe, expect, it } from 'vitest';
import { syntheticReport } from '../../test/support/synthetic.js';
import type { Report, Table } from '../model/report.js';
import { LAYOUT_TABLE_IDS, layoutTemplate, tableLayout, type TableLayout } from './layout.js';

const gd = syntheticReport(3, { template: 'gd', classes: 4 });
const sx = syntheticReport(3, { template: 'sx', classes: 4 });
const table = (report: Report, id: string) => report.tables.find((t) => t.id === id)!;

/** Each header position is either the top-left of exactly one range or covered by exactly one. */
function tilingErrors(layout: TableLayout): string[] {
  const width = layout.kinds.length;
  const owner: (string | undefined)[][] = layout.header.map(() => Array.from({ length: width }, () => undefined));
  const errors: string[] = [];
  layout.header.forEach((row, r) => {
    if (row.length !== width) errors.push(`row ${r}: ${row.length} positions, table is ${width} wide`);
    row.forEach((cell, c) => {
      if (cell.covered) return;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          const target = owner[r + dr];
          if (!target || c + dc >= width) errors.push(`${r},${c}: span leaves the header`);
          else if (target[c + dc]) errors.push(`${r + dr},${c + dc}: covered twice`);
          else target[c + dc] = `${r},${c}`;
        }
      }
    });
  });
  layout.header.forEach((row, r) =>
    row.forEach((cell, c) => {
      const isOrigin = owner[r]![c] === `${r},${c}`;
      if (cell.covered === isOrigin) errors.push(`${r},${c}: covered=${cell.covered} but ${isOrigin ? 'is' : 'is not'} a range origin`);
      if (cell.covered && cell.text !== '') errors.push(`${r},${c}: covered position has text`);
    }),
  );
  for (const row of layout.body) if (row.length !== width) errors.push(`body row of ${row.length} cells, table is ${width} wide`);
  return errors;
}

describe('header spans', () => {
  for (const [name, report] of [
    ['gd', gd],
    ['sx', sx],
  ] as const) {
    it(`${name}: every table's merged cells tile its header`, () => {
      for (const id of LAYOUT_TABLE_IDS) {
        const t = report.tables.find((x) => x.id === id);
        if (!t) continue;
        expect(tilingErrors(tableLayout(report, t)!), id).toEqual([]);
      }
    });
  }

  it('merges the group labels of table 09 and the 本年支出 group of table 07', () => {
    const t09 = tableLayout(gd, table(gd, '09'))!;
    expect(t09.header[0]![0]).toEqual({ text: '预算数', colSpan: 6 });
    expect(t09.header[1]![2]).toEqual({ text: '公务用车购置及运行维护费', colSpan: 3 });
    expect(t09.header[1]![0]).toEqual({ text: '合计', rowSpan: 2 });
    const t07 = tableLayout(gd, table(gd, '07'))!;
    expect(t07.header[0]!.map((c) => c.text)).toEqual(['项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余']);
    expect(t07.header[0]![4]).toEqual({ text: '本年支出', colSpan: 3 });
  });
});

describe('printed cells', () => {
  it('prints zero as 0.00 in gd and blank in sx; —— for a not-applicable cell; codes and 合计 as each template places them', () => {
    const zeroRow = (report: Report): Table => {
      const t = table(report, '05');
      return { ...t, rows: [...t.rows, { key: '2010101', code: '2010101', name: '行政运行', cells: { '1': 0, '2': 0, '3': null }, dashes: ['3'] }] };
    };
    const g = tableLayout(gd, zeroRow(gd))!;
    const s = tableLayout(sx, zeroRow(sx))!;
    expect(g.body.at(-1)).toEqual(['2010101', '行政运行', '0.00', '0.00', '——']);
    expect(s.body.at(-1)).toEqual(['2010101', '行政运行', '', '', '——']);
    expect(tableLayout(gd, zeroRow(gd), { dashes: false })!.body.at(-1)).toEqual(['2010101', '行政运行', '0.00', '0.00', '']);
    expect(g.body[0]!.slice(0, 2)).toEqual(['', '合计']);
    expect(s.body[0]!.slice(0, 2)).toEqual(['合计', '']);
  });

  it('notes under the tables: 本表本年度无发生额 (gd) and 说明：本表无数据 (sx) for an empty table', () => {
    const empty = (report: Report) => ({ ...table(report, '08'), empty: true });
    expect(tableLayout(gd, empty(gd))!.notes).toEqual([[`注：本表反映${gd.scope === 'department' ? '部门' : '单位'}本年度国有资本经营预算财政拨款支出情况。`, '本表本年度无发生额。']]);
    expect(tableLayout(sx, empty(sx))!.notes.flat()).toContain('说明：本表无数据');
    expect(tableLayout(gd, table(gd, '01'))!.notes.flat()).toContain('2. 本套报表金额单位转换时可能存在尾数误差。');
  });

  it('the lines above the grid: 表1 and 单位：万元 (gd); 公开NN表, 部门名称 and the year (sx)', () => {
    expect(tableLayout(gd, table(gd, '01'))!.preamble.map((l) => l.role)).toEqual(['label', 'title', 'entity', 'unit']);
    const s = tableLayout(sx, table(sx, '02'))!.preamble;
    expect(s.map((l) => l.text)).toEqual(['收入决算表', '公开02表', `部门名称：${sx.entity}`, `${sx.year}年度`, '金额单位：万元']);
  });

  it('Sichuan prints like the national template', () => {
    expect(layoutTemplate(sx, 'sc')).toBe('gd');
    expect(layoutTemplate({ ...gd, template: null })).toBe('gd');
    expect(layoutTemplate({ ...sx, template: null })).toBe('sx');
  });
});
