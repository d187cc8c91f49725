/**
 * `GET /api/reports/:id/scores`: the performance self-evaluations of a stored report, printed and
 * recomputed, in the same shape `juesuan score --format json` prints (the stored report read back
 * from the database scores exactly as the document read directly). Seed 003 (晋城 three 自评表):
 * table 1 prints 90 优, its text's budget 42万元 makes it 86.93 良.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realisticReport } from '../bench/corpus.js';
import { scoresToJson } from '../src/cli/score-command.js';
import { scoreReport } from '../src/check/performance/index.js';
import { renderText } from '../src/render/index.js';
import { createApp } from '../src/serve/index.js';
import type { Store } from '../src/store/index.js';
import { HAVE_SEEDS, seed, seedReport } from './support/seeds.js';
import { backends } from './support/store.js';

function form(bytes: Uint8Array | string, name: string): FormData {
  const data = new FormData();
  data.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return data;
}

for (const backend of backends('scores')) {
  describe.skipIf(!!backend.skip)(`GET /api/reports/:id/scores on ${backend.name}`, () => {
    let store: Store;
    let app: ReturnType<typeof createApp>;
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      store = await backend.open();
      app = createApp(store, { webRoot: false });
    }, 60_000);
    afterAll(async () => {
      if (store) await backend.dispose(store);
    });

    const getJson = async (path: string) => {
      const res = await app.request(path);
      return { status: res.status, body: (await res.json()) as any };
    };
    const upload = async (bytes: Uint8Array | string, name: string): Promise<number> => {
      const res = await app.request('/api/reports', { method: 'POST', body: form(bytes, name) });
      expect(res.status).toBe(201);
      return ((await res.json()) as any).report.id;
    };

    it.skipIf(!HAVE_SEEDS)('seed 003: three evaluations, table 1 recomputed 86.93 良 against the printed 90 优 — as juesuan score prints', async () => {
      const s = seed('003');
      ids['003'] = await upload(new Uint8Array(readFileSync(s.path)), basename(s.path));
      const { status, body } = await getJson(`/api/reports/${ids['003']}/scores`);
      expect(status).toBe(200);
      expect(body.id).toBe(ids['003']);
      expect(body.scheme).toBeNull();
      expect(body.evaluations.map((e: any) => `${e.id} ${e.form} ${e.printed.total} ${e.printed.grade}`)).toEqual(['E1 table 90 优', 'E2 table 95 优', 'E3 table 95 优']);
      const e1 = body.evaluations[0];
      expect(e1.name).toBe('劳动能力鉴定和干部人事档案管理工作经费');
      expect(e1.recomputed_stated).toMatchObject({ total_text: '86.93', grade: '良' });
      expect(e1.execution_stated).toMatchObject({ source: 'statement', budget: 42, executed: 29.099, stated_rate: 69 });
      expect(e1.execution).toMatchObject({ source: 'table', budget: 29.099, executed: 29.099, printed_rate: 100 });
      expect(e1.indicators.length).toBeGreaterThan(5);
      expect(body.evaluations[2].recomputed_stated).toMatchObject({ total_text: '90.75', grade: '优' });
      // The CLI's JSON of the document read directly: the same evaluations, field for field.
      const cli = JSON.parse(scoresToJson(s.path, scoreReport(await seedReport('003'))));
      expect(body.evaluations).toEqual(cli.evaluations);
    });

    it.skipIf(!HAVE_SEEDS)('?scheme= scores every evaluation under the scheme asked for', async () => {
      const { status, body } = await getJson(`/api/reports/${ids['003']}/scores?scheme=national-steps`);
      expect(status).toBe(200);
      expect(body.scheme).toBe('national-steps');
      expect(body.evaluations.map((e: any) => e.scheme)).toEqual(['national-steps', 'national-steps', 'national-steps']);
      const cli = JSON.parse(scoresToJson(seed('003').path, scoreReport(await seedReport('003'), 'national-steps')));
      expect(body.evaluations).toEqual(cli.evaluations);
      // Table 2's stated 99.93% earns the full 10 in steps (≥ 95%), 9.99 proportionally.
      const national = (await getJson(`/api/reports/${ids['003']}/scores`)).body;
      expect(body.evaluations[1].execution_stated.score).toBe(10);
      expect(national.evaluations[1].execution_stated.score).toBeCloseTo(9.9927, 4);
    });

    it('an unknown scheme is a 400 with a Chinese message naming the schemes; an unknown report a 404', async () => {
      const id = ids['003'] ?? (await upload(renderText(realisticReport(41, { year: 2023, classes: 2 })), '生成决算.txt'));
      const bad = await getJson(`/api/reports/${id}/scores?scheme=provincial`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('bad_request');
      expect(bad.body.error.message).toMatch(/评分方案/);
      expect(bad.body.error.message).toContain('“provincial”');
      expect(bad.body.error.message).toContain('national-steps');
      const missing = await getJson('/api/reports/999999/scores');
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toMatch(/报告 999999 不存在/);
      expect((await getJson('/api/reports/abc/scores')).status).toBe(400);
    });

    it('a report without self-evaluations answers an empty list', async () => {
      const id = await upload(renderText(realisticReport(42, { year: 2024, classes: 2 })), '无绩效自评.txt');
      const { status, body } = await getJson(`/api/reports/${id}/scores`);
      expect(status).toBe(200);
      expect(body.evaluations).toEqual([]);
    });

    it('is in the OpenAPI document with its scheme parameter', async () => {
      const doc = (await getJson('/api/openapi.json')).body;
      const op = doc.paths['/api/reports/{id}/scores'].get;
      expect(op.operationId).toBe('scores');
      expect(op.parameters.find((p: any) => p.name === 'scheme').schema.enum).toEqual(['national', 'national-steps', 'guangzhou-department']);
      expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Scores');
      expect(doc.components.schemas.Scores).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    });
  });
}
