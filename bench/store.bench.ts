/**
 * Store benchmark: saveReport throughput on synthetic reports, then listReports and the comparisons
 * over 10,000 reports (the saved ones cloned in SQL, so the rows carry real-sized Report JSON). On
 * PGlite in memory, and on a PostgreSQL server when JUESUAN_BENCH_DATABASE_URL is set (a throwaway
 * schema, dropped afterwards). Wall-clock on this machine; compare runs on the same machine only.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openStore, type ReportFilter, type Store } from '../src/store/index.js';
import { realisticReport } from './corpus.js';

const TOTAL = 10_000;
const SAVED = 40;
/** Copies that get cells too (a full 10 million cells takes minutes to clone; the list does not read them). */
const CELL_COPIES = 12;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function timed(fn: () => Promise<unknown>, runs = 40): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function run(label: string, store: Store): Promise<void> {
  console.log(`\n${label}`);
  let t = performance.now();
  for (let i = 0; i < SAVED; i++) await store.saveReport(realisticReport(i + 1, { year: 2016 + (i % 9), classes: 1 + (i % 8) }));
  const perSave = (performance.now() - t) / SAVED;
  console.log(`  saveReport（含校验、单元格、事实、问题）：每份 ${perSave.toFixed(1)} ms`);
  t = performance.now();
  // Clone the saved reports (with their cells) until there are TOTAL, each clone its own entity.
  const copies = Math.ceil(TOTAL / SAVED) - 1;
  await store.sql.transaction(async (tx) => {
    await tx.query(`create temporary table clone_map as
      select r.id as old_id, g as copy, nextval(pg_get_serial_sequence('reports', 'id')) as new_id
      from reports r cross join generate_series(1, $1) g`, [copies]);
    await tx.query(`insert into reports (id, entity, region, year, kind, scope, template, money_unit, title, filename, report, errors, warnings, infos, updated_at)
      select m.new_id, r.entity || '（副本' || m.copy || '）', r.region, r.year, r.kind, r.scope, r.template, r.money_unit, r.title || m.copy, 'copy-' || m.new_id || '.pdf',
        r.report, r.errors + (m.copy % 3), r.warnings, r.infos, now() - (m.new_id || ' seconds')::interval
      from clone_map m join reports r on r.id = m.old_id`);
    await tx.query(`insert into cells (report_id, table_id, row_key, code, row_name, column_key, value, decimals)
      select m.new_id, c.table_id, c.row_key, c.code, c.row_name, c.column_key, c.value, c.decimals from clone_map m join cells c on c.report_id = m.old_id
      where m.copy <= $1`, [CELL_COPIES]);
    await tx.query('drop table clone_map');
  });
  await store.sql.query('analyze');
  const [{ n } = { n: 0 }] = await store.sql.query<{ n: number }>('select count(*) as n from reports');
  console.log(`  复制到 ${n} 份报告（其中 ${SAVED * (CELL_COPIES + 1)} 份带单元格）：${((performance.now() - t) / 1000).toFixed(1)} s`);

  const filters: [string, ReportFilter][] = [
    ['默认（按更新时间）', {}],
    ['搜索 q=副本12', { q: '副本12' }],
    ['搜索两个词', { q: '示例 副本7' }],
    ['年度', { year: 2020 }],
    ['有错误', { hasErrors: true }],
    ['第 100 页', { offset: 5000, limit: 50 }],
    ['按单位排序', { sort: 'entity' }],
  ];
  console.log('  listReports（p50 / p95，毫秒）');
  for (const [name, f] of filters) {
    const { p50, p95 } = await timed(() => store.listReports(f));
    console.log(`    ${name.padEnd(12, '　')} ${p50.toFixed(1).padStart(6)} / ${p95.toFixed(1).padStart(6)}`);
  }
  const entity = (await store.listReports({ limit: 1 })).items[0]!.entity;
  const cmpE = await timed(() => store.compareEntityYears(entity), 20);
  const cmpY = await timed(() => store.compareYear(2020), 10);
  console.log(`  compareEntityYears：${cmpE.p50.toFixed(1)} / ${cmpE.p95.toFixed(1)} ms；compareYear（全部单位，最多 500）：${cmpY.p50.toFixed(1)} / ${cmpY.p95.toFixed(1)} ms`);
}

async function main(): Promise<void> {
  console.log('\n决算通 store 基准测试');
  const lite = await openStore('memory://');
  try {
    await run('A. PGlite（内存）', lite);
  } finally {
    await lite.close();
  }
  const url = process.env.JUESUAN_BENCH_DATABASE_URL ?? process.env.JUESUAN_TEST_DATABASE_URL;
  if (!url) {
    console.log('\nB. PostgreSQL 服务器：未设置 JUESUAN_BENCH_DATABASE_URL（或 JUESUAN_TEST_DATABASE_URL），跳过');
    return;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const pg = await openStore(url, { schema });
  try {
    await run('B. PostgreSQL 服务器', pg);
  } finally {
    await pg.sql.query(`drop schema if exists ${schema} cascade`);
    await pg.close();
  }
}

await main();
