/**
 * The HTTP API over real HTTP (an ephemeral port), on PGlite and on the PostgreSQL server: uploads
 * of a seed and of documents our own renderers generate, search, detail, an edit that fixes a
 * seeded error, downloads (docx unzipped, pdf), the error statuses, the web app's static files and
 * the OpenAPI document against the registered routes.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve as nodeServe } from '@hono/node-server';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realisticReport, syntheticPair } from '../bench/corpus.js';
import { checkReport } from '../src/check/index.js';
import { extract } from '../src/index.js';
import { composeDocument } from '../src/render/document/compose.js';
import { renderDocx } from '../src/render/formats/docx.js';
import { renderXlsx } from '../src/render/formats/xlsx.js';
import { renderText } from '../src/render/index.js';
import { closePdfRenderer, createApp } from '../src/serve/index.js';
import type { Store } from '../src/store/index.js';
import { HAVE_SEEDS, SEEDS_DIR } from './support/seeds.js';
import { backends } from './support/store.js';

const SEED_GZ = '000_8c04445ecb95010e.txt'; // 广州市人力资源和社会保障事务服务中心 2023
const MAX_UPLOAD = 4 * 1024 * 1024;

interface Server {
  base: string;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

async function start(store: Store, webRoot: string): Promise<Server> {
  const app = createApp(store, { maxUploadBytes: MAX_UPLOAD, webRoot });
  let server!: ReturnType<typeof nodeServe>;
  const info = await new Promise<AddressInfo>((resolve) => {
    server = nodeServe({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  return {
    base: `http://127.0.0.1:${info.port}`,
    app,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function form(...files: [Uint8Array | string, string][]): FormData {
  const data = new FormData();
  for (const [bytes, name] of files) data.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return data;
}

/**
 * A generated document whose table 01 prints 本年收入合计 1.00 too high (the narrative keeps the right
 * figure) — the seeded error an edit of the cell fixes.
 */
function brokenDocument(): { text: string; clean: string; entity: string; right: number } {
  const report = realisticReport(21, { year: 2024, classes: 3 });
  const right = report.tables.find((t) => t.id === '01')!.rows.find((r) => r.key === 'inc.total')!.cells['1']!;
  const printed = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  let changed = 0;
  const clean = renderText(report);
  const text = clean
    .split('\n')
    .map((line) => (line.startsWith('本年收入合计\t') && line.includes(`\t${printed(right)}\t`) && changed++ === 0 ? line.replace(`\t${printed(right)}\t`, `\t${printed(right + 1)}\t`) : line))
    .join('\n');
  expect(changed).toBe(1);
  return { text, clean, entity: report.entity, right };
}

// A web app as Vite builds it: index.html and a hashed asset.
const webRoot = mkdtempSync(join(tmpdir(), 'juesuan-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>决算通工作台</title><script type="module" src="/assets/index-Ab3dE9xZ.js"></script></head><body><div id="root"></div></body></html>');
writeFileSync(join(webRoot, 'assets', 'index-Ab3dE9xZ.js'), 'console.log("决算通");');

afterAll(async () => {
  await closePdfRenderer();
  rmSync(webRoot, { recursive: true, force: true });
});

for (const backend of backends('serve')) {
  describe.skipIf(!!backend.skip)(`HTTP API on ${backend.name}`, () => {
    let store: Store;
    let server: Server;
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      store = await backend.open();
      server = await start(store, webRoot);
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      if (store) await backend.dispose(store);
    });

    const get = (path: string) => fetch(server.base + path);
    const getJson = async (path: string) => {
      const res = await get(path);
      return { status: res.status, body: (await res.json()) as any };
    };
    const post = (path: string, body: FormData) => fetch(server.base + path, { method: 'POST', body });
    const patch = (path: string, body: unknown) => fetch(server.base + path, { method: 'PATCH', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-juesuan-user': encodeURIComponent('测试员') } });

    it.skipIf(!HAVE_SEEDS)('uploads a seed (201), and the same bytes again as a duplicate', async () => {
      const bytes = new Uint8Array(readFileSync(join(SEEDS_DIR, SEED_GZ)));
      const res = await post('/api/reports', form([bytes, SEED_GZ]));
      expect(res.status).toBe(201);
      const body = (await res.json()) as any;
      expect(body.duplicate).toBe(false);
      expect(body.report).toMatchObject({ entity: '广州市人力资源和社会保障事务服务中心', year: 2023, region: '广东省/广州市', filename: SEED_GZ });
      ids['seed'] = body.report.id;
      const again = (await (await post('/api/reports', form([bytes, '另一个名字.txt']))).json()) as any;
      expect(again).toMatchObject({ duplicate: true, report: { id: body.report.id } });
    });

    it('uploads a generated DOCX and XLSX in one request: one result per file', async () => {
      const docReport = realisticReport(31, { year: 2023, classes: 4 });
      const xlsReport = realisticReport(32, { year: 2023, template: 'sx', classes: 2 });
      const docx = await renderDocx(composeDocument(docReport, {}));
      const xlsx = await renderXlsx(composeDocument(xlsReport, {}));
      // Names without the right extension: the type is told by the bytes.
      const res = await post('/api/reports', form([docx, '决算（Word）.bin'], [xlsx, '决算表格']));
      expect(res.status).toBe(200);
      const { results } = (await res.json()) as any;
      expect(results).toHaveLength(2);
      expect(results.map((r: any) => r.error)).toEqual([undefined, undefined]);
      expect(results.map((r: any) => r.report.entity)).toEqual([docReport.entity, xlsReport.entity]);
      expect(results.map((r: any) => r.report.errors)).toEqual([0, 0]);
      ids['docx'] = results[0].report.id;
      ids['xlsx'] = results[1].report.id;
      const detail = (await getJson(`/api/reports/${ids['docx']}`)).body;
      const t05 = detail.report.tables.find((t: any) => t.id === '05');
      const expected = docReport.tables.find((t) => t.id === '05')!;
      expect(t05.rows.find((r: any) => r.key === 'total').cells).toEqual(expected.rows.find((r) => r.key === 'total')!.cells);
    });

    it('uploads a report with a wrong total, fixes the cell, and the finding is gone (audited)', async () => {
      const { text: broken, clean, entity, right } = brokenDocument();
      const res = await post('/api/reports', form([broken, `${entity}2024年度部门决算.txt`]));
      expect(res.status).toBe(201);
      const id = ((await res.json()) as any).report.id;
      ids['broken'] = id;
      const before = (await getJson(`/api/reports/${id}`)).body;
      const at = (f: any) => f.severity === 'error' && f.location.table === '01' && f.location.row === 'inc.total';
      expect(before.findings.filter(at).length).toBeGreaterThan(0);
      expect(before.summary.errors).toBeGreaterThan(0);

      const fixed = await patch(`/api/reports/${id}/cells`, { table: '01', row: 'inc.total', column: '1', value: right.toFixed(2) });
      expect(fixed.status).toBe(200);
      const after = (await fixed.json()) as any;
      expect(after.findings.filter(at)).toEqual([]);
      // Every error the wrong total caused is gone: what is left is what the unbroken document gives.
      const errorsOf = (list: readonly any[]) => list.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.message}`);
      const unbroken = checkReport(extract(clean, { path: 'unbroken.txt' })).findings;
      expect(errorsOf(after.findings)).toEqual(errorsOf(unbroken));
      expect(after.summary.errors).toBeLessThan(before.summary.errors);
      const reread = (await getJson(`/api/reports/${id}`)).body;
      expect(reread.report.tables.find((t: any) => t.id === '01').rows.find((r: any) => r.key === 'inc.total').cells['1']).toBe(right);
      const audit = (await getJson(`/api/reports/${id}/audit`)).body.items;
      const edit = audit.find((a: any) => a.action !== 'create');
      expect(edit).toBeDefined();
      expect(edit.actor).toBe('测试员');

      const title = `2024年度${entity}部门决算（修订）`;
      const text = await patch(`/api/reports/${id}/text`, { path: '/title', value: title });
      expect(text.status).toBe(200);
      expect(((await text.json()) as any).summary.title).toBe(title);
      const recheck = await fetch(`${server.base}/api/reports/${id}/check`, { method: 'POST' });
      expect(recheck.status).toBe(200);
      expect(((await recheck.json()) as any).summary.errors).toBe(after.summary.errors);
    });

    it('lists, searches and filters with counts, without the report JSON', async () => {
      const all = (await getJson('/api/reports')).body;
      expect(all.total).toBe(HAVE_SEEDS ? 4 : 3);
      expect(all.items).toHaveLength(all.total);
      expect(Object.keys(all.items[0]).sort()).toEqual(['entity', 'errors', 'filename', 'id', 'infos', 'kind', 'region', 'scope', 'template', 'title', 'updatedAt', 'warnings', 'year'].sort());
      const y2023 = (await getJson('/api/reports?year=2023&sort=entity')).body;
      expect(y2023.items.every((i: any) => i.year === 2023)).toBe(true);
      expect(y2023.total).toBe(HAVE_SEEDS ? 3 : 2);
      const page = (await getJson('/api/reports?year=2023&sort=entity&limit=1&offset=1')).body;
      expect(page.total).toBe(y2023.total);
      expect(page.items).toEqual([y2023.items[1]]);
      const q = (await getJson(`/api/reports?q=${encodeURIComponent('修订')}`)).body;
      expect(q.items.map((i: any) => i.id)).toEqual([ids['broken']]);
      const clean = (await getJson('/api/reports?hasErrors=false')).body;
      expect(clean.items.every((i: any) => i.errors === 0)).toBe(true);
      if (HAVE_SEEDS) {
        const gd = (await getJson(`/api/reports?region=${encodeURIComponent('广东省')}`)).body;
        expect(gd.items.map((i: any) => i.id)).toEqual([ids['seed']]);
        const regions = (await getJson('/api/regions')).body.items;
        expect(regions).toContainEqual({ region: '广东省/广州市', count: 1 });
      }
      const broken = (await getJson(`/api/reports/${ids['broken']}`)).body.summary.entity;
      const entities = (await getJson(`/api/entities?q=${encodeURIComponent(broken)}`)).body.items;
      expect(entities).toEqual([{ entity: broken, region: null, years: [2024] }]);
    });

    it.skipIf(!HAVE_SEEDS)('gives the detail: tables, facts, findings, source', async () => {
      const { status, body } = await getJson(`/api/reports/${ids['seed']}`);
      expect(status).toBe(200);
      expect(body.summary.id).toBe(ids['seed']);
      expect(body.report.tables.map((t: any) => t.id)).toEqual(expect.arrayContaining(['01', '05']));
      expect(body.report.facts.length).toBeGreaterThan(10);
      expect(body.findings.length).toBe(body.summary.errors + body.summary.warnings + body.summary.infos + body.findings.filter((f: any) => f.status === 'not_applicable' || f.status === 'insufficient_data').length);
      expect(body.source).toMatchObject({ filename: SEED_GZ, size: readFileSync(join(SEEDS_DIR, SEED_GZ)).length });
    });

    it('downloads docx (with the table), xlsx, md, html, json, the source, and pdf', async () => {
      const id = ids['docx']!;
      const docx = await get(`/api/reports/${id}/download?format=docx`);
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toContain('wordprocessingml');
      const disposition = docx.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      const name = decodeURIComponent(disposition.split("UTF-8''")[1]!);
      expect(name).toMatch(/决算\.docx$/);
      const zip = await JSZip.loadAsync(new Uint8Array(await docx.arrayBuffer()));
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain('<w:tbl>');
      expect(xml).toContain('一般公共预算财政拨款支出决算表');

      const xlsx = await get(`/api/reports/${id}/download?format=xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
      expect(wb.worksheets.length).toBeGreaterThan(5);

      const md = await (await get(`/api/reports/${id}/download?format=md`)).text();
      expect(md).toContain('收入支出决算总表');
      const html = await get(`/api/reports/${id}/download?format=html`);
      expect(html.headers.get('content-type')).toContain('text/html');
      const json = (await (await get(`/api/reports/${id}/download?format=json`)).json()) as any;
      expect(json.schema).toBe('juesuan/report@1');

      const source = await get(`/api/reports/${id}/download?format=source`);
      expect(decodeURIComponent(source.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe('决算（Word）.bin');
      expect(new Uint8Array(await source.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));

      const pdf = await get(`/api/reports/${id}/download?format=pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }, 60_000);

    it('compares an entity across years and many entities in a year, as JSON and XLSX', async () => {
      const pair = syntheticPair(41, { year: 2024 });
      for (const r of [pair.prior, pair.current]) {
        const res = await post('/api/reports', form([renderText(r), `${r.entity}${r.year}.txt`]));
        expect(res.status).toBe(201);
      }
      const entity = (await getJson(`/api/compare/entity?entity=${encodeURIComponent(pair.current.entity)}`)).body;
      expect(entity.items.map((i: any) => i.year)).toEqual([2023, 2024]);
      const year = (await getJson(`/api/compare/year?year=2023&entity=${encodeURIComponent(pair.prior.entity)}`)).body;
      expect(year.items.map((i: any) => i.entity)).toEqual([pair.prior.entity]);
      const xlsx = await get(`/api/compare/entity?entity=${encodeURIComponent(pair.current.entity)}&format=xlsx`);
      expect(xlsx.status).toBe(200);
      expect(decodeURIComponent(xlsx.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe(`${pair.current.entity}历年决算比较.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
      const text = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('|');
      expect(text).toContain(pair.current.entity);
      expect((await getJson(`/api/compare/entity?entity=${encodeURIComponent('没有这个单位')}`)).status).toBe(404);
      expect((await getJson('/api/compare/year')).status).toBe(400);
    });

    it('a paragraph edit over PATCH …/text is re-read: a wrong amount is an N-R error at its characters; restoring clears it', async () => {
      const report = realisticReport(52, { year: 2024, classes: 3 });
      const res = await post('/api/reports', form([renderText(report), `${report.entity}2024年度部门决算.txt`]));
      expect(res.status).toBe(201);
      const id = ((await res.json()) as any).report.id;
      const before = (await getJson(`/api/reports/${id}`)).body;
      const narrativeErrors = (list: readonly any[]) => list.filter((f) => f.ruleId.startsWith('N-R') && f.status === 'fail').map((f) => `${f.ruleId} ${f.message}`);
      const paragraphs: { p: any; path: string }[] = [];
      const walk = (sections: any[], base: string) =>
        sections.forEach((s, i) => {
          s.paragraphs.forEach((p: any, k: number) => paragraphs.push({ p, path: `${base}/${i}/paragraphs/${k}/text` }));
          walk(s.children, `${base}/${i}/children`);
        });
      walk(before.report.sections, '/sections');
      // A stated amount that restates a table cell, and the paragraph that prints it.
      const fact = before.report.facts.find((f: any) => f.link && f.measure === 'amount' && f.unit === '万元' && f.value > 0 && /^[\d,]+\.\d\d万元$/.test(f.text));
      expect(fact).toBeDefined();
      const { p, path } = paragraphs.find(({ p }) => fact.span.start >= p.span.start && fact.span.start < p.span.end)!;
      const at = p.text.indexOf(fact.text);
      expect(at).toBeGreaterThanOrEqual(0);
      const wrongValue = (Math.round(fact.value * 100) + 10_000) / 100; // 100 万元 more
      const wrong = `${wrongValue.toFixed(2)}万元`;
      const edited = `另据核实，${p.text.slice(0, at)}${wrong}${p.text.slice(at + fact.text.length)}`;
      const broken = await patch(`/api/reports/${id}/text`, { path, value: edited });
      expect(broken.status).toBe(200);
      const result = (await broken.json()) as any;
      const added = narrativeErrors(result.findings).filter((x) => !narrativeErrors(before.findings).includes(x));
      expect(added.length).toBeGreaterThan(0);
      // The finding's span, sliced out of the edited paragraph as the web app does, is the wrong amount.
      const detail = (await getJson(`/api/reports/${id}`)).body;
      const q = paragraphs.find((x) => x.path === path)!;
      const now = path.split('/').slice(1, -1).reduce((o: any, k: string) => o[k], detail.report); // the paragraph object
      expect(now.text).toBe(edited);
      const spans = detail.findings
        .filter((f: any) => f.ruleId.startsWith('N-R') && f.status === 'fail' && f.location.span && f.location.span.start >= now.span.start && f.location.span.start < now.span.end)
        .map((f: any) => edited.slice(f.location.span.start - now.span.start, f.location.span.end - now.span.start));
      expect(spans.some((t: string) => t.includes(wrong))).toBe(true);
      expect(q.p.span.start).toBe(now.span.start);
      const restored = await patch(`/api/reports/${id}/text`, { path, value: p.text });
      expect(restored.status).toBe(200);
      expect(narrativeErrors(((await restored.json()) as any).findings).sort()).toEqual(narrativeErrors(before.findings).sort());
    });

    it('exports a comparison as sheets (总览, 功能分类结构, “三公”经费) whose numbers are the JSON comparison', async () => {
      const pair = syntheticPair(43, { year: 2024, classes: 4 });
      for (const r of [pair.prior, pair.current]) expect((await post('/api/reports', form([renderText(r), `${r.entity}${r.year}.txt`]))).status).toBe(201);
      const read = async (url: string) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await (await get(url)).arrayBuffer()) as ArrayBuffer);
        return wb;
      };
      const value = (ws: ExcelJS.Worksheet, row: number, col: number) => {
        const v = ws.getRow(row).getCell(col).value;
        return v === undefined || v === '' ? null : v;
      };
      const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(2).values as unknown[]).slice(1);
      const check = async (url: string, labels: string[]) => {
        const json = (await getJson(url)).body;
        expect(json.items.length).toBe(labels.length);
        const wb = await read(`${url}&format=xlsx`);
        expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', '功能分类结构', '“三公”经费']);
        // No cell holds JSON.
        for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(String(c.value)).not.toMatch(/^[[{]/)));

        const overview = wb.getWorksheet('总览')!;
        const h = headers(overview);
        const col = (name: string) => h.indexOf(name) + 1;
        const fields: [string, (i: any) => unknown][] = [
          ['单位', (i) => i.entity],
          ['年度', (i) => i.year],
          ['本年收入合计（万元）', (i) => i.income],
          ['本年支出合计（万元）', (i) => i.expenditure],
          ['基本支出（万元）', (i) => i.basic],
          ['项目支出（万元）', (i) => i.project],
          ['“三公”经费决算数（万元）', (i) => i.sanGong?.total ?? null],
          ['“三公”经费预算数（万元）', (i) => i.sanGongBudget?.total ?? null],
          ['基本支出占比（%）', (i) => i.ratios.basicShare],
          ['“三公”经费占本年支出（%）', (i) => i.ratios.sanGongShare],
          ['“三公”经费预算执行率（%）', (i) => i.ratios.sanGongExecution],
        ];
        json.items.forEach((item: any, k: number) => {
          for (const [name, get] of fields) {
            expect(col(name), name).toBeGreaterThan(0);
            expect(value(overview, 3 + k, col(name)), name).toEqual(get(item));
          }
        });
        expect(json.items.some((i: any) => i.expenditure !== null && i.sanGong?.total != null)).toBe(true);
        expect(overview.getRow(3).getCell(col('本年支出合计（万元）')).numFmt).toBe('#,##0.00');
        expect(overview.getRow(3).getCell(col('基本支出占比（%）')).numFmt).toBe('0.00');

        const structure = wb.getWorksheet('功能分类结构')!;
        expect(headers(structure)).toEqual(['科目编码', '科目名称', ...labels.flatMap((l) => [`${l} 金额（万元）`, `${l} 占比（%）`])]);
        const codes = [...new Set(json.items.flatMap((i: any) => i.functions.map((f: any) => f.code)))].sort();
        expect(codes.length).toBeGreaterThan(1);
        codes.forEach((code, r) => {
          expect(value(structure, 3 + r, 1)).toBe(code);
          json.items.forEach((item: any, k: number) => {
            const f = item.functions.find((x: any) => x.code === code);
            expect(value(structure, 3 + r, 2)).toBe(json.items.flatMap((i: any) => i.functions).find((x: any) => x.code === code).name);
            expect(value(structure, 3 + r, 3 + 2 * k)).toEqual(f ? f.amount : null);
            expect(value(structure, 3 + r, 4 + 2 * k)).toEqual(f ? f.share : null);
          });
        });
        expect(structure.rowCount).toBe(2 + codes.length);

        const sanGong = wb.getWorksheet('“三公”经费')!;
        expect(headers(sanGong)).toEqual(['项目', ...labels.flatMap((l) => [`${l} 预算数（万元）`, `${l} 决算数（万元）`])]);
        const parts = ['total', 'abroad', 'vehicles', 'vehiclePurchase', 'vehicleOperation', 'reception'];
        expect((sanGong.getColumn(1).values as unknown[]).slice(3)).toEqual(['“三公”经费合计', '因公出国（境）费', '公务用车购置及运行维护费', '其中：公务用车购置费', '公务用车运行维护费', '公务接待费']);
        parts.forEach((part, r) =>
          json.items.forEach((item: any, k: number) => {
            expect(value(sanGong, 3 + r, 2 + 2 * k)).toEqual(item.sanGongBudget?.[part] ?? null);
            expect(value(sanGong, 3 + r, 3 + 2 * k)).toEqual(item.sanGong?.[part] ?? null);
          }),
        );
      };
      await check(`/api/compare/entity?entity=${encodeURIComponent(pair.current.entity)}`, ['2023年', '2024年']);
      const other = syntheticPair(44, { year: 2024, classes: 2 }).current;
      expect((await post('/api/reports', form([renderText(other), `${other.entity}${other.year}.txt`]))).status).toBe(201);
      await check(`/api/compare/year?year=2024&entity=${encodeURIComponent(pair.current.entity)}&entity=${encodeURIComponent(other.entity)}`, [pair.current.entity, other.entity]);
    });

    it('uploads a Report JSON (juesuan/report@1): stored as the file says, checked, its source kept as JSON', async () => {
      const file = join(import.meta.dirname, '..', 'examples', '工作台示例', '广州市示例档案局-2024.json');
      const res = await post('/api/reports', form([new Uint8Array(readFileSync(file)), '广州市示例档案局-2024.json']));
      expect(res.status).toBe(201);
      const { report } = (await res.json()) as any;
      expect(report).toMatchObject({ entity: '广州市示例档案局', year: 2024, errors: 4, region: '广东省/广州市' });
      const source = await get(`/api/reports/${report.id}/download?format=source`);
      expect(source.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(await source.text()).schema).toBe('juesuan/report@1');
    });

    it('answers errors with status, code and a Chinese message', async () => {
      const tooBig = await post('/api/reports', form([new Uint8Array(MAX_UPLOAD + 1024).fill(0x41), '大文件.txt']));
      expect(tooBig.status).toBe(413);
      expect(tooBig.headers.get('connection')).toBe('close');
      expect(((await tooBig.json()) as any).error.message).toMatch(/过大/);

      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
      const wrong = await post('/api/reports', form([png, '决算.pdf']));
      expect(wrong.status).toBe(415);
      expect(((await wrong.json()) as any).error).toMatchObject({ code: 'unsupported_type', message: expect.stringContaining('不支持的文件类型') });

      const notDisclosure = await post('/api/reports', form(['今天天气很好。\n明天去公园。\n', '随笔.txt']));
      expect(notDisclosure.status).toBe(422);
      expect(((await notDisclosure.json()) as any).error.message).toMatch(/[\u4e00-\u9fff]/);

      const noFile = await fetch(`${server.base}/api/reports`, { method: 'POST', body: new FormData() });
      expect(noFile.status).toBe(400);

      for (const [path, status] of [
        ['/api/reports/abc', 400],
        ['/api/reports/0', 400],
        ['/api/reports/99999999', 404],
        ['/api/reports?year=二〇二四', 400],
        ['/api/reports?limit=100000', 400],
        ['/api/reports?hasErrors=maybe', 400],
        ['/api/reports?sort=drop', 400],
        [`/api/reports/${ids['docx']}/download?format=exe`, 400],
        [`/api/reports/${ids['docx']}/download`, 400],
        ['/api/reports/99999999/download?format=json', 404],
        ['/api/reports/99999999/audit', 404],
        ['/api/nothing-here', 404],
      ] as const) {
        const res = await getJson(path);
        expect({ path, status: res.status }).toEqual({ path, status });
        expect(res.body.error.code).toEqual(expect.any(String));
        expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
      const badBody = await patch(`/api/reports/${ids['docx']}/cells`, { table: '01', row: 'inc.total', column: '1', value: '一百' });
      expect(badBody.status).toBe(400);
      const noRow = await patch(`/api/reports/${ids['docx']}/cells`, { table: '01', row: 'no.such.row', column: '1', value: 1 });
      expect(noRow.status).toBe(404);
      const missing = await patch('/api/reports/99999999/cells', { table: '01', row: 'inc.total', column: '1', value: 1 });
      expect(missing.status).toBe(404);
    });

    it('deletes a report (then 404)', async () => {
      const res = await fetch(`${server.base}/api/reports/${ids['xlsx']}`, { method: 'DELETE' });
      expect(res.status).toBe(200);
      expect((await getJson(`/api/reports/${ids['xlsx']}`)).status).toBe(404);
      expect((await fetch(`${server.base}/api/reports/${ids['xlsx']}`, { method: 'DELETE' })).status).toBe(404);
      expect((await getJson(`/api/reports/${ids['xlsx']}/audit`)).body.items.map((a: any) => a.action)).toContain('delete');
    });

    it('serves the web app: files, hashed assets cached long, SPA fallback, API 404s stay JSON', async () => {
      const index = await get('/');
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toContain('text/html');
      expect(index.headers.get('cache-control')).toBe('no-cache');
      expect(await index.text()).toContain('决算通工作台');
      const asset = await get('/assets/index-Ab3dE9xZ.js');
      expect(asset.headers.get('content-type')).toContain('text/javascript');
      expect(asset.headers.get('cache-control')).toContain('immutable');
      const route = await get(`/reports/${ids['docx']}`);
      expect(route.status).toBe(200);
      expect(await route.text()).toContain('<div id="root">');
      expect((await get('/assets/missing-Zz9yY8xX.js')).status).toBe(404);
      expect((await get('/../../etc/passwd')).status).not.toBe(500);
      const api = await get('/api/reports/1/nothing');
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toContain('application/json');
    });

    it('documents every registered route in OpenAPI 3.1, and nothing else', async () => {
      const doc = (await getJson('/api/openapi.json')).body;
      expect(doc.openapi).toBe('3.1.0');
      const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
        .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
        .sort();
      const registered = [...new Set(server.app.routes.filter((r) => r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`))].sort();
      expect(registered).toEqual(documented);
      expect(registered.length).toBeGreaterThanOrEqual(15);
      // Every $ref resolves, every path parameter is declared, every operation documents a 2xx.
      const text = JSON.stringify(doc);
      for (const m of text.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)/g)) expect(doc.components.schemas).toHaveProperty(m[1]!);
      for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
        for (const op of Object.values(ops)) {
          for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) expect(op.parameters.some((p: any) => p.in === 'path' && p.name === name && p.required)).toBe(true);
          expect(Object.keys(op.responses).some((s) => s.startsWith('2'))).toBe(true);
        }
      }
    });
  });
}
