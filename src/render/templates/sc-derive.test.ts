import { describe, expect, it } from 'vitest';
import { syntheticReport } from '../../../bench/corpus.js';
import type { Report, Table } from '../../model/report.js';
import { SC_DETAIL_KEYS, SC_PRINT_ORDER, SC_TABLES, SC_TABLE_IDS } from '../../model/sc-tables.js';
import { allocate, apportion, deriveScTables, withScTables } from './sc-derive.js';

const u = (v: number | null | undefined) => Math.round((v ?? 0) * 100);
const t = (r: Report, id: string): Table | undefined => r.tables.find((x) => x.id === id);
const cell = (r: Report, id: string, key: string, col: string) => u(t(r, id)?.rows.find((x) => x.key === key)?.cells[col]);

describe('apportion and allocate', () => {
  it('apportion splits exactly, in proportion', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(7, [0, 0])).toEqual([7, 0]);
    expect(apportion(0, [3, 4])).toEqual([0, 0]);
  });
  it('allocate meets every row and column sum with non-negative integers', () => {
    const rows = [500, 301, 0, 1999];
    const cols = [1000, 7, 1793, 0];
    const m = allocate(rows, cols);
    expect(m.map((r) => r.reduce((a, b) => a + b, 0))).toEqual(rows);
    expect(cols.map((_, j) => m.reduce((a, r) => a + r[j]!, 0))).toEqual(cols);
    expect(m.flat().every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });
});

describe('deriveScTables on synthetic reports', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
  const detailColumns = SC_TABLES['sc-gpb-detail'].columns;

  it('the four 合计 agree with the standard tables (X-R23 … X-R26 hold exactly)', () => {
    let capital = 0;
    for (const seed of seeds) {
      const r = withScTables(syntheticReport(seed), { seed });
      expect(cell(r, 'sc-fiscal-detail', 'total', '1'), `seed ${seed}`).toBe(cell(r, '04', 'exp.total', '2'));
      expect(cell(r, 'sc-gpb-detail', 'total', '1'), `seed ${seed}`).toBe(cell(r, '05', 'total', '1'));
      expect(cell(r, 'sc-gpb-project', 'total', 'amount'), `seed ${seed}`).toBe(cell(r, '05', 'total', '3'));
      expect(cell(r, 'sc-state-capital', 'total', '3'), `seed ${seed}`).toBe(cell(r, '08', 'total', '1'));
      if (cell(r, 'sc-state-capital', 'total', '3') > 0) capital++;
    }
    expect(capital).toBeGreaterThan(0);
  });

  it('every 明细 row adds up, parents are the sums of their children, and rows follow table 05', () => {
    for (const seed of seeds) {
      const r = withScTables(syntheticReport(seed), { seed });
      for (const id of ['sc-fiscal-detail', 'sc-gpb-detail']) {
        const table = t(r, id)!;
        for (const row of table.rows) {
          for (const c of detailColumns.filter((x) => x.sumOf)) {
            expect(u(row.cells[c.key]), `${seed} ${id} ${row.key} ${c.key}`).toBe(c.sumOf!.reduce((s, k) => s + u(row.cells[k]), 0));
          }
          expect(Object.values(row.cells).every((v) => v !== null && v >= 0)).toBe(true);
          if (!row.code) continue;
          const children = table.rows.filter((x) => x.code && x.code.length === row.code!.length + 2 && x.code.startsWith(row.code!));
          if (children.length > 0) expect(u(row.cells['1'])).toBe(children.reduce((s, x) => s + u(x.cells['1']), 0));
        }
      }
      const t05 = t(r, '05')!;
      expect(t(r, 'sc-gpb-detail')!.rows.map((x) => x.key)).toEqual(t05.rows.map((x) => x.key));
      for (const row of t05.rows) {
        expect(cell(r, 'sc-gpb-detail', row.key, SC_DETAIL_KEYS.basic)).toBe(u(row.cells['2']));
        expect(cell(r, 'sc-gpb-detail', row.key, SC_DETAIL_KEYS.project)).toBe(u(row.cells['3']));
      }
    }
  });

  it('class columns meet table 06 (基本支出) and the 项目支出决算表 (项目支出)', () => {
    for (const seed of seeds) {
      const r = withScTables(syntheticReport(seed), { seed });
      for (const c of detailColumns.filter((x) => x.econ)) {
        const inProject = c.path[0]![0] === '项目支出';
        const source = inProject ? cell(r, 'sc-gpb-project', c.econ!, 'amount') : cell(r, '06', c.econ!, 'amount');
        expect(cell(r, 'sc-gpb-detail', 'total', c.key), `${seed} ${c.key}`).toBe(source);
      }
      expect(cell(r, 'sc-gpb-detail', 'total', SC_DETAIL_KEYS.personnel)).toBe(cell(r, '06', 'personnel_total', 'amount'));
    }
  });

  it('the 国有资本 收支表 rolls forward per row and matches table 04', () => {
    for (const seed of seeds) {
      const r = withScTables(syntheticReport(seed), { seed });
      for (const row of t(r, 'sc-state-capital')!.rows) expect(u(row.cells['6'])).toBe(u(row.cells['1']) + u(row.cells['2']) - u(row.cells['3']));
      expect(cell(r, 'sc-state-capital', 'total', '2')).toBe(cell(r, '04', 'inc.state_capital', '1'));
      expect(cell(r, 'sc-state-capital', 'total', '1')).toBe(cell(r, '04', 'inc.opening.state_capital', '1'));
    }
  });

  it('adds the tables in the Sichuan print order, keeps tables the report has, and marks the template', () => {
    const base = syntheticReport(5);
    const r = withScTables(base);
    expect(r.template).toBe('sc');
    expect(r.tables.map((x) => x.id)).toEqual(SC_PRINT_ORDER.filter((id) => r.tables.some((x) => x.id === id)));
    expect(SC_TABLE_IDS.every((id) => t(r, id))).toBe(true);
    const own = structuredClone(t(r, 'sc-gpb-project')!);
    own.rows[0]!.cells['amount'] = 1;
    const again = deriveScTables({ ...base, tables: [...base.tables, own] });
    expect(again.find((x) => x.id === 'sc-gpb-project')!.rows[0]!.cells['amount']).toBe(1);
    expect(base.tables.some((x) => x.id.startsWith('sc-'))).toBe(false);
  });
});
