/**
 * Comparisons on both backends: one unit across years and several units in one year, every figure
 * checked against the reports' own cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realisticReport, syntheticPair } from '../bench/corpus.js';
import type { Report } from '../src/model/report.js';
import { percent } from '../src/store/compare.js';
import type { Store } from '../src/store/index.js';
import { backends } from './support/store.js';

const cell = (r: Report, table: string, row: string, column: string) => r.tables.find((t) => t.id === table)?.rows.find((x) => x.key === row)?.cells[column] ?? null;
const units = (v: number | null) => (v === null ? null : BigInt(Math.round(v * 100)));

function expectFigures(item: import('../src/store/index.js').CompareItem, r: Report): void {
  expect(item.entity).toBe(r.entity);
  expect(item.year).toBe(r.year);
  expect(item.income).toBe(cell(r, '01', 'inc.total', '1'));
  expect(item.expenditure).toBe(cell(r, '01', 'exp.total', '2'));
  expect(item.fiscalIncome).toBe(cell(r, '04', 'inc.total', '1'));
  expect(item.gpbExpenditure).toBe(cell(r, '05', 'total', '1'));
  expect(item.basic).toBe(cell(r, '03', 'total', '2'));
  expect(item.project).toBe(cell(r, '03', 'total', '3'));
  const classes = r.tables.find((t) => t.id === '03')!.rows.filter((x) => x.code && x.code.length === 3);
  expect(item.functions.map((f) => f.code).sort()).toEqual(classes.map((c) => c.code).sort());
  for (const c of classes) expect(item.functions.find((f) => f.code === c.code)!.amount).toBe(c.cells['1']);
  const row09 = r.tables.find((t) => t.id === '09')!.rows[0];
  if (row09) {
    expect(item.sanGong).toEqual({ total: row09.cells['7'], abroad: row09.cells['8'], vehicles: row09.cells['9'], vehiclePurchase: row09.cells['10'], vehicleOperation: row09.cells['11'], reception: row09.cells['12'] });
    expect(item.sanGongBudget!.total).toBe(row09.cells['1']);
    expect(item.ratios.sanGongShare).toBe(percent(units(row09.cells['7']!), units(cell(r, '01', 'exp.total', '2'))));
  } else expect(item.sanGong).toBeNull();
  const basic = units(item.basic)!;
  const project = units(item.project)!;
  expect(item.ratios.basicShare).toBe(percent(basic, basic + project));
}

for (const backend of backends('compare')) {
  describe.skipIf(!!backend.skip)(`store comparisons on ${backend.name}`, () => {
    let store: Store;
    const pair2024 = syntheticPair(11, { year: 2024, classes: 5 });
    const pair2022 = syntheticPair(11, { year: 2022, classes: 5 });
    const other = realisticReport(12, { year: 2024, classes: 4 });
    beforeAll(async () => {
      store = await backend.open();
      // Same unit in three years (2021–2024 pairs share the seed, so the entity is the same).
      for (const r of [pair2022.prior, pair2022.current, pair2024.current, other]) await store.saveReport(r);
    }, 60_000);
    afterAll(async () => {
      if (store) await backend.dispose(store);
    });

    it('compares one unit across years', async () => {
      const entity = pair2024.current.entity;
      expect(pair2022.current.entity).toBe(entity);
      const cmp = await store.compareEntityYears(entity);
      expect(cmp.moneyUnit).toBe('万元');
      expect(cmp.items.map((i) => i.year)).toEqual([2021, 2022, 2024]);
      expectFigures(cmp.items[0]!, pair2022.prior);
      expectFigures(cmp.items[1]!, pair2022.current);
      expectFigures(cmp.items[2]!, pair2024.current);
      // Shares of the 类 structure are of the table's 合计.
      const item = cmp.items[2]!;
      const total = units(cell(pair2024.current, '03', 'total', '1'));
      for (const f of item.functions) expect(f.share).toBe(percent(units(f.amount), total));
      expect(item.functions.map((f) => f.amount)).toEqual([...item.functions.map((f) => f.amount)].sort((a, b) => b - a));
    });

    it('compares units in one year, in the order asked; the latest report of a year counts', async () => {
      const cmp = await store.compareYear(2024, [other.entity, pair2024.current.entity]);
      expect(cmp.items.map((i) => i.entity)).toEqual([other.entity, pair2024.current.entity]);
      expectFigures(cmp.items[0]!, other);
      const all = await store.compareYear(2024);
      expect(all.items).toHaveLength(2);
      // A corrected copy of the same year replaces the older one in comparisons.
      const corrected = structuredClone(other);
      corrected.title = `${other.title}（更正）`;
      const summary = await store.saveReport(corrected);
      const again = await store.compareYear(2024, [other.entity]);
      expect(again.items.map((i) => i.reportId)).toEqual([summary.id]);
      expect((await store.compareYear(1999)).items).toEqual([]);
    });

    it('converts a report printed in 元 to 万元 exactly', async () => {
      const yuan = structuredClone(realisticReport(13, { year: 2020 }));
      yuan.entity = '示例元单位';
      yuan.moneyUnit = '元';
      const t01 = yuan.tables.find((t) => t.id === '01')!;
      for (const row of t01.rows) for (const k of Object.keys(row.cells)) if (row.cells[k] !== null) row.cells[k] = Math.round(row.cells[k]! * 10000 * 100 + 3) / 100;
      await store.saveReport(yuan);
      const [item] = (await store.compareEntityYears('示例元单位')).items;
      const printed = cell(yuan, '01', 'exp.total', '2')!;
      // 元 with 2 decimals is 万元 with 6: the same digits, the point moved.
      expect(item!.expenditure).toBe(Number((BigInt(Math.round(printed * 100)) ).toString().replace(/(\d{6})$/, '.$1')));
      expect(item!.sourceUnit).toBe('元');
    });
  });
}
