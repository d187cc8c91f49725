/**
 * The store on both backends: importing real documents (the seeds), listing, reading back, exact
 * cells, duplicates, deletion.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import type { Report } from '../src/model/report.js';
import { toUnits } from '../src/model/amount.js';
import type { Store } from '../src/store/index.js';
import { backends } from './support/store.js';
import { realisticReport } from '../bench/corpus.js';
import { renderText } from '../src/render/index.js';
import { HAVE_SEEDS, SEEDS_DIR } from './support/seeds.js';

const SEED_GZ = '000_8c04445ecb95010e.txt'; // 广州市人力资源和社会保障事务服务中心 2023
const SEED_QY = '001_b122782aca3f9b34.txt'; // 清远市人力资源和社会保障局 2023
const seedBytes = (name: string) => new Uint8Array(readFileSync(`${SEEDS_DIR}/${name}`));

for (const backend of backends('store')) {
  describe.skipIf(!!backend.skip || !HAVE_SEEDS)(`store on ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await backend.open();
    }, 60_000);
    afterAll(async () => {
      if (store) await backend.dispose(store);
    });

    it('imports a seed: summary, report, findings and source read back', async () => {
      const { report: summary, duplicate } = await store.importFile(seedBytes(SEED_GZ), SEED_GZ);
      expect(duplicate).toBe(false);
      expect(summary).toMatchObject({ entity: '广州市人力资源和社会保障事务服务中心', region: '广东省/广州市', year: 2023, kind: 'final-accounts', scope: 'unit', template: 'gd', filename: SEED_GZ });
      expect(Number.isNaN(Date.parse(summary.updatedAt))).toBe(false);
      const stored = await store.getReport(summary.id);
      expect(stored).not.toBeNull();
      expect(stored!.report.tables.map((t) => t.id)).toContain('01');
      // The counts are those of the findings kept with the report, which are those a fresh check gives.
      const fresh = checkReport(stored!.report);
      expect(stored!.findings).toEqual(fresh.findings);
      expect([summary.errors, summary.warnings, summary.infos]).toEqual([fresh.summary.error, fresh.summary.warning, fresh.summary.info]);
      expect(summary.warnings).toBeGreaterThan(0);
      const bytes = seedBytes(SEED_GZ);
      expect(stored!.source).toMatchObject({ filename: SEED_GZ, size: bytes.byteLength });
      expect(stored!.source!.sha256).toMatch(/^[0-9a-f]{64}$/);
      const source = await store.getSource(summary.id);
      expect(source!.mediaType).toBe('text/plain');
      expect(Buffer.from(source!.bytes).equals(Buffer.from(bytes))).toBe(true);
    });

    it('imports the same bytes once', async () => {
      const first = await store.importFile(seedBytes(SEED_QY), SEED_QY);
      const again = await store.importFile(seedBytes(SEED_QY), '另存为.txt');
      expect(first.duplicate).toBe(false);
      expect(again.duplicate).toBe(true);
      expect(again.report.id).toBe(first.report.id);
      const [row] = await store.sql.query<{ n: number }>('select count(*) as n from sources where sha256 = $1', [(await store.getReport(first.report.id))!.source!.sha256]);
      expect(row!.n).toBe(1);
      const [reports] = await store.sql.query<{ n: number }>('select count(*) as n from reports where entity = $1', ['清远市人力资源和社会保障局']);
      expect(reports!.n).toBe(1);
    });

    it('imports a file once even when the same bytes arrive at the same time; a stored source id is accepted', async () => {
      const text = renderText(realisticReport(31, { year: 2019 }));
      const bytes = new TextEncoder().encode(text);
      const results = await Promise.all([1, 2, 3].map((i) => store.importFile(bytes, `并发${i}.txt`)));
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(results.map((r) => r.report.id)).size).toBe(1);
      const [source] = await store.sql.query<{ id: number }>('select s.id from sources s join reports r on r.source_id = s.id where r.id = $1', [results[0]!.report.id]);
      const copy = await store.saveReport(realisticReport(31, { year: 2019 }), undefined, { id: source!.id });
      expect(copy.filename).toBe(results.find((r) => !r.duplicate)!.report.filename);
      expect((await store.getSource(copy.id))!.bytes).toEqual(bytes);
      await store.deleteReport(copy.id);
      await store.deleteReport(results[0]!.report.id);
      await expect(store.saveReport(realisticReport(31), undefined, { id: 987654 })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('stores every cell exactly, queryable by entity, year, table, code and column', async () => {
      const { items } = await store.listReports({ entity: '清远市人力资源和社会保障局' });
      const stored = (await store.getReport(items[0]!.id))!;
      const t05 = stored.report.tables.find((t) => t.id === '05')!;
      const cells = await store.queryCells({ entity: '清远市人力资源和社会保障局', year: 2023, table: '05' });
      const expected = t05.rows.flatMap((r) => Object.entries(r.cells).map(([column, v]) => ({ row: r.key, column, units: v === null ? null : toUnits(v, t05.decimals), value: v })));
      expect(cells.map((c) => ({ row: c.row, column: c.column, units: c.units, value: c.value })).sort(byRowColumn)).toEqual(expected.sort(byRowColumn));
      const byCode = await store.queryCells({ table: '05', code: '208', column: '1' });
      expect(byCode.find((c) => c.reportId === stored.summary.id)?.value).toBe(t05.rows.find((r) => r.code === '208')!.cells['1']);
      // Exact integer sums in SQL: the 类 rows of table 05 add up to its 合计 as the report prints them.
      const [sum] = await store.sql.query<{ s: number }>(`select sum(value) as s from cells where report_id = $1 and table_id = '05' and column_key = '1' and length(code) = 3`, [stored.summary.id]);
      expect(sum!.s).toBe(toUnits(t05.rows.find((r) => r.key === 'total')!.cells['1']!, 2));
    });

    it('lists with search, filters, sort and counts', async () => {
      const synthetic: Report[] = [1, 2, 3].map((seed) => realisticReport(seed, { year: 2022 + seed }));
      const broken = structuredClone(synthetic[2]!);
      const t01 = broken.tables.find((t) => t.id === '01')!;
      t01.rows.find((r) => r.key === 'inc.total')!.cells['1']! += 1;
      synthetic[2] = broken;
      for (const r of synthetic) await store.saveReport(r);
      const all = await store.listReports({});
      expect(all.total).toBe(5);
      // Most recently updated first.
      expect(all.items.map((i) => i.updatedAt)).toEqual([...all.items.map((i) => i.updatedAt)].sort().reverse());
      expect(all.items[0]!.entity).toBe(broken.entity);

      const gz = await store.listReports({ q: '广州 服务中心' });
      expect(gz.items.map((i) => i.entity)).toEqual(['广州市人力资源和社会保障事务服务中心']);
      expect((await store.listReports({ q: SEED_QY.slice(0, 12) })).items.map((i) => i.filename)).toEqual([SEED_QY]);
      expect((await store.listReports({ q: '100%_' })).total).toBe(0);
      const guangdong = await store.listReports({ region: '广东省' });
      expect(guangdong.items.map((i) => i.region).sort()).toEqual(['广东省/广州市', '广东省/清远市']);
      expect((await store.listReports({ region: '广东省/清远市' })).total).toBe(1);
      // A shorter name, or a city alone, finds the same reports.
      expect((await store.listReports({ region: '广东' })).total).toBe(guangdong.total);
      expect((await store.listReports({ region: '清远市' })).items.map((i) => i.region)).toEqual(['广东省/清远市']);
      expect((await store.listReports({ year: 2023 })).items.every((i) => i.year === 2023)).toBe(true);
      const withErrors = await store.listReports({ hasErrors: true });
      expect(withErrors.items.every((i) => i.errors > 0)).toBe(true);
      expect(withErrors.items.map((i) => i.entity)).toContain(broken.entity);
      expect(withErrors.items.map((i) => i.entity)).not.toContain(synthetic[0]!.entity);
      const clean = await store.listReports({ hasErrors: false });
      expect(clean.total + withErrors.total).toBe(5);
      const page = await store.listReports({ limit: 2, offset: 2, sort: 'year' });
      expect(page.total).toBe(5);
      expect(page.items).toHaveLength(2);
      const byYear = await store.listReports({ sort: 'year', limit: 10 });
      expect(page.items).toEqual(byYear.items.slice(2, 4));
      await expect(store.listReports({ sort: 'drop table' })).rejects.toMatchObject({ code: 'bad_request' });
    });

    it('keeps facts and evaluations, tolerating their absence', async () => {
      const { items } = await store.listReports({ entity: '广州市人力资源和社会保障事务服务中心' });
      const stored = (await store.getReport(items[0]!.id))!;
      const [facts] = await store.sql.query<{ n: number }>('select count(*) as n from facts where report_id = $1', [stored.summary.id]);
      expect(facts!.n).toBe(stored.report.facts!.length);
      const linked = stored.report.facts!.find((f) => f.link);
      const [row] = await store.sql.query<{ link_table: string; subject: string }>('select link_table, subject from facts where report_id = $1 and fact_id = $2', [stored.summary.id, linked!.id]);
      expect(row).toEqual({ link_table: linked!.link!.table, subject: linked!.subject });

      const withEvaluations = { ...realisticReport(9), evaluations: [{ project: '示例项目', score: 92.5 }, { project: '另一项目', score: 81 }] };
      const summary = await store.saveReport(withEvaluations as unknown as Report);
      const rows = await store.sql.query<{ data: { score: number } }>('select data from evaluations where report_id = $1 order by ordinal', [summary.id]);
      expect(rows.map((r) => r.data.score)).toEqual([92.5, 81]);
      await store.deleteReport(summary.id);
    });

    it('deletes a report with its rows and file; the file can then be imported anew', async () => {
      const { items } = await store.listReports({ entity: '清远市人力资源和社会保障局' });
      const id = items[0]!.id;
      expect(await store.deleteReport(id)).toBe(true);
      expect(await store.deleteReport(id)).toBe(false);
      expect(await store.getReport(id)).toBeNull();
      expect(await store.getSource(id)).toBeNull();
      const [cells] = await store.sql.query<{ n: number }>('select count(*) as n from cells where report_id = $1', [id]);
      expect(cells!.n).toBe(0);
      expect((await store.audit(id)).map((a) => a.action)).toEqual(['create', 'delete']);
      const again = await store.importFile(seedBytes(SEED_QY), SEED_QY);
      expect(again.duplicate).toBe(false);
      expect(again.report.id).not.toBe(id);
    });
  });
}

function byRowColumn(a: { row: string; column: string }, b: { row: string; column: string }): number {
  return a.row === b.row ? a.column.localeCompare(b.column) : a.row.localeCompare(b.row);
}
