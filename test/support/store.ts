/**
 * The store's test backends: PGlite in memory always, the PostgreSQL server when
 * JUESUAN_TEST_DATABASE_URL is set (each file in its own fresh schema, dropped afterwards). A test
 * body is written once and run for each; the server half says why when it is skipped.
 */
import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '../../src/store/index.js';

export const PG_URL = process.env['JUESUAN_TEST_DATABASE_URL'];

export interface Backend {
  name: string;
  /** Why it is skipped, when it is. */
  skip?: string;
  open(): Promise<Store>;
  dispose(store: Store): Promise<void>;
}

export function backends(tag: string): Backend[] {
  const schema = `t_${tag.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const list: Backend[] = [
    { name: 'PGlite (memory://)', open: () => openStore('memory://'), dispose: (s) => s.close() },
    {
      name: 'PostgreSQL server',
      ...(PG_URL ? {} : { skip: 'JUESUAN_TEST_DATABASE_URL 未设置，跳过 PostgreSQL 服务器上的测试' }),
      open: () => openStore(PG_URL!, { schema }),
      async dispose(s) {
        await s.sql.query(`drop schema if exists ${schema} cascade`);
        await s.close();
      },
    },
  ];
  for (const b of list) if (b.skip) console.warn(`[juesuan tests] ${b.name}: ${b.skip}`);
  return list;
}
