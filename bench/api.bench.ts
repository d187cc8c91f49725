/**
 * The workbench API at library scale: a store of 10,000 reports (BENCH_API_REPORTS to change), then
 * the median and p95 latency over real HTTP of the library search (`GET /api/reports?q=…&year=…`)
 * and of the report page (`GET /api/reports/:id`), against the target p95 < 100 ms; and the import
 * throughput (documents/s: read, recognise, check, store) into PGlite and, when
 * JUESUAN_TEST_DATABASE_URL is set, into the PostgreSQL server.
 *
 * The 10,000 are 50 generated reports saved through the store (checked, every cell written) and
 * copied in SQL under other units, regions and years (report JSON and findings; cells and facts of
 * the copies are not needed by the two pages measured).
 * Run: `npm run build && node dist/bench/api.bench.js`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve as nodeServe } from '@hono/node-server';
import { checkReport } from '../src/check/index.js';
import { createApp } from '../src/serve/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { realisticReport, syntheticCorpus } from './corpus.js';

const TARGET_P95_MS = 100;
const REPORTS = Number(process.env['BENCH_API_REPORTS'] ?? 10_000);
const BASE = 50;
const REQUESTS = Number(process.env['BENCH_API_REQUESTS'] ?? 300);
const PG_URL = process.env['JUESUAN_BENCH_DATABASE_URL'] ?? process.env['JUESUAN_TEST_DATABASE_URL'];

const CITIES: [string, string][] = [
  ['广州市', '广东省/广州市'],
  ['深圳市', '广东省/深圳市'],
  ['清远市', '广东省/清远市'],
  ['太原市', '山西省/太原市'],
  ['大同市', '山西省/大同市'],
  ['成都市', '四川省/成都市'],
  ['绵阳市', '四川省/绵阳市'],
  ['杭州市', '浙江省/杭州市'],
  ['武汉市', '湖北省/武汉市'],
  ['长沙市', '湖南省/长沙市'],
];

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function importThroughput(store: Store, label: string): Promise<void> {
  const docs = syntheticCorpus(24);
  const t0 = process.hrtime.bigint();
  for (const [i, doc] of docs.entries()) await store.importFile(new TextEncoder().encode(doc.text + `\n（副本 ${i} ${randomBytes(4).toString('hex')}）\n`), doc.name);
  const elapsed = ms(t0);
  console.log(`导入（读取+识别+校验+存储，文本文档）${label}：${docs.length} 份 ${(elapsed / 1000).toFixed(2)} s，${((docs.length * 1000) / elapsed).toFixed(1)} 份/秒`);
}

async function fill(store: Store): Promise<void> {
  const t0 = process.hrtime.bigint();
  const ids: number[] = [];
  for (let i = 0; i < BASE; i++) {
    const report = realisticReport(1000 + i, { template: i % 5 === 0 ? 'sx' : i % 7 === 0 ? 'sc' : 'gd', classes: 1 + (i % 8), year: 2015 + (i % 10) });
    ids.push((await store.saveReport(report, checkReport(report))).id);
  }
  const saved = ms(t0);
  console.log(`保存 ${BASE} 份已识别的报告（校验+全部单元格）：${(saved / 1000).toFixed(2)} s，${((BASE * 1000) / saved).toFixed(1)} 份/秒`);
  const [min, max] = [Math.min(...ids), Math.max(...ids)];
  const t1 = process.hrtime.bigint();
  const copies = Math.ceil((REPORTS - BASE) / BASE);
  for (let k = 1; k <= copies; k++) {
    const [city, region] = CITIES[k % CITIES.length]!;
    const tag = `copy-${k}-of-`;
    await store.sql.transaction(async (tx) => {
      await tx.query(
        `insert into reports (entity, region, year, kind, scope, template, money_unit, title, filename, report, errors, warnings, infos)
         select $2 || o.entity || $3, $4, 2015 + ((o.year + $1) % 10), o.kind, o.scope, o.template, o.money_unit, $2 || o.entity || $3 || '决算',
                $5 || o.id || '.txt', o.report, o.errors, o.warnings, o.infos
           from reports o where o.id between $6 and $7`,
        [k, city, `第${k}分局`, region, tag, min, max],
      );
      await tx.query(
        `insert into findings (report_id, ordinal, rule_id, severity, status, table_id, row_key, column_key, message, expected, actual, difference, location, data)
         select n.id, f.ordinal, f.rule_id, f.severity, f.status, f.table_id, f.row_key, f.column_key, f.message, f.expected, f.actual, f.difference, f.location, f.data
           from findings f join reports n on n.filename = $1 || f.report_id || '.txt'
          where f.report_id between $2 and $3`,
        [tag, min, max],
      );
    });
  }
  await store.sql.query('analyze');
  const [{ n } = { n: 0 }] = await store.sql.query<{ n: number }>('select count(*) as n from reports');
  console.log(`以 SQL 复制到 ${n} 份报告：${(ms(t1) / 1000).toFixed(2)} s`);
}

async function measure(base: string, label: string, paths: () => string): Promise<void> {
  for (let i = 0; i < 10; i++) await (await fetch(base + paths())).arrayBuffer(); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const path = paths();
    const t0 = process.hrtime.bigint();
    const res = await fetch(base + path);
    const body = await res.arrayBuffer();
    times.push(ms(t0));
    if (res.status !== 200) throw new Error(`${path} → ${res.status}: ${Buffer.from(body).toString()}`);
    bytes += body.byteLength;
  }
  times.sort((a, b) => a - b);
  const p95 = quantile(times, 0.95);
  console.log(
    `${label}：中位数 ${quantile(times, 0.5).toFixed(1)} ms，p95 ${p95.toFixed(1)} ms（目标 < ${TARGET_P95_MS} ms：${p95 < TARGET_P95_MS ? '达标' : '未达标'}），平均响应 ${(bytes / times.length / 1024).toFixed(1)} KiB，${times.length} 次`,
  );
}

async function latency(store: Store, label: string): Promise<void> {
  const app = createApp(store, { webRoot: false });
  let server!: ReturnType<typeof nodeServe>;
  const info = await new Promise<AddressInfo>((resolve) => {
    server = nodeServe({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  const base = `http://127.0.0.1:${info.port}`;
  const [{ lo, hi } = { lo: 1, hi: 1 }] = await store.sql.query<{ lo: number; hi: number }>('select min(id) as lo, max(id) as hi from reports');
  let i = 0;
  const words = ['档案', '人才', '就业', '社会保障', '信息技术', '公共服务', '广州', '成都', '第3分局', '示例市'];
  try {
    await measure(base, `${label} 检索 GET /api/reports?q=…&year=…`, () => {
      i++;
      return `/api/reports?q=${encodeURIComponent(words[i % words.length]!)}&year=${2015 + (i % 10)}&limit=50`;
    });
    await measure(base, `${label} 检索 GET /api/reports?region=…&hasErrors=…&offset=…`, () => {
      i++;
      return `/api/reports?region=${encodeURIComponent(CITIES[i % CITIES.length]![1].split('/')[0]!)}&hasErrors=${i % 2 === 0}&offset=${(i * 50) % 2000}&limit=50`;
    });
    await measure(base, `${label} 报告页 GET /api/reports/:id`, () => `/api/reports/${lo + Math.floor(Math.random() * (hi - lo + 1))}`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function run(): Promise<void> {
  console.log(`API 基准：${REPORTS} 份报告，每项 ${REQUESTS} 次请求（HTTP，顺序）`);
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-api-bench-'));
  try {
    const throughputStore = await openStore('memory://');
    await importThroughput(throughputStore, 'PGlite（内存）');
    await throughputStore.close();

    const store = await openStore(join(dir, 'db'));
    await fill(store);
    await latency(store, 'PGlite');
    await store.close();

    if (PG_URL) {
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      const pg = await openStore(PG_URL, { schema });
      try {
        await importThroughput(pg, 'PostgreSQL');
        await fill(pg);
        await latency(pg, 'PostgreSQL');
      } finally {
        await pg.sql.query(`drop schema if exists ${schema} cascade`);
        await pg.close();
      }
    } else {
      console.log('PostgreSQL：未设置 JUESUAN_BENCH_DATABASE_URL（或 JUESUAN_TEST_DATABASE_URL），跳过');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await run();
