/**
 * Opening the store: a PGlite folder keeps its data across close and reopen; migrations run once
 * (two processes opening one server at the same time do not clash); regions from entity names.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { realisticReport } from '../bench/corpus.js';
import { MIGRATIONS, openStore, regionOf } from '../src/store/index.js';
import { splitStatements } from '../src/store/migrations.js';
import { PG_URL } from './support/store.js';

describe('a PGlite folder database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('persists across close and reopen, migrating once', async () => {
    const first = await openStore(join(dir, 'db'));
    const report = realisticReport(21);
    const summary = await first.saveReport(report);
    await first.close();
    const second = await openStore(join(dir, 'db'));
    try {
      const stored = await second.getReport(summary.id);
      expect(stored!.report).toEqual(report);
      expect(stored!.summary).toEqual(summary);
      const applied = await second.sql.query<{ id: string }>('select id from schema_migrations order by id');
      expect(applied.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe.skipIf(!PG_URL)(`the PostgreSQL server${PG_URL ? '' : '（JUESUAN_TEST_DATABASE_URL 未设置，跳过）'}`, () => {
  it('migrates once when several processes open it at the same time', async () => {
    const schema = `t_open_${randomBytes(4).toString('hex')}`;
    const stores = await Promise.all([1, 2, 3].map(() => openStore(PG_URL!, { schema })));
    try {
      const applied = await stores[0]!.sql.query<{ id: string }>('select id from schema_migrations order by id');
      expect(applied.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
      const s = await stores[1]!.saveReport(realisticReport(22));
      expect((await stores[2]!.getReport(s.id))!.summary).toEqual(s);
    } finally {
      await stores[0]!.sql.query(`drop schema if exists ${schema} cascade`);
      await Promise.all(stores.map((x) => x.close()));
    }
  }, 60_000);
});

describe('migrations', () => {
  it('have unique ids and split into statements outside comments, quotes and dollar bodies', () => {
    expect(new Set(MIGRATIONS.map((m) => m.id)).size).toBe(MIGRATIONS.length);
    expect(splitStatements(`-- it's a comment; still\ncreate table a (x text default 'a;b');\n$$ x; $$;\n-- tail`)).toEqual([
      `create table a (x text default 'a;b')`,
      '$$ x; $$',
    ]);
  });
});

describe('regionOf', () => {
  it.each([
    ['广州市人力资源和社会保障事务服务中心', '广东省/广州市'],
    ['清远市人力资源和社会保障局', '广东省/清远市'],
    ['晋城市人力资源和社会保障综合服务中心', '山西省/晋城市'],
    ['攀枝花市仁和区人力资源和社会保障局', '四川省/攀枝花市/仁和区'],
    ['广东省财政厅', '广东省'],
    ['广东省广州市城市管理和综合执法局', '广东省/广州市'],
    ['北京市朝阳区教育委员会', '北京市/朝阳区'],
    ['上海市财政局', '上海市'],
    ['内蒙古自治区呼和浩特市民政局', '内蒙古自治区/呼和浩特市'],
    ['吉林市财政局', '吉林省/吉林市'],
    ['延边朝鲜族自治州民政局', '吉林省/延边朝鲜族自治州'],
    ['成都市社区发展治理委员会', '四川省/成都市'],
    ['示例县第4档案事务局', null],
    ['人力资源和社会保障局', null],
  ])('%s → %s', (entity, region) => {
    expect(regionOf(entity)).toBe(region);
  });
});
