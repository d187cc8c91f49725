/**
 * Editing stored reports on both backends: a cell edit that fixes a seeded error makes its finding
 * disappear at once, with a new version and an audit row; text edits; recheck.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realisticReport } from '../bench/corpus.js';
import { toUnits } from '../src/model/amount.js';
import type { Paragraph, Section } from '../src/model/report.js';
import type { Store } from '../src/store/index.js';
import { HAVE_SEEDS, SEEDS_DIR } from './support/seeds.js';
import { backends } from './support/store.js';

const SEED = '000_8c04445ecb95010e.txt';

for (const backend of backends('edit')) {
  describe.skipIf(!!backend.skip || !HAVE_SEEDS)(`store edits on ${backend.name}`, () => {
    let store: Store;
    let seedId: number;
    beforeAll(async () => {
      store = await backend.open();
      seedId = (await store.importFile(new Uint8Array(readFileSync(`${SEEDS_DIR}/${SEED}`)), SEED)).report.id;
    }, 60_000);
    afterAll(async () => {
      if (store) await backend.dispose(store);
    });

    it('a cell edit that fixes a seeded error removes its finding, saves a version and audits', async () => {
      const before = (await store.getReport(seedId))!;
      // Seed 000 prints 0.10 for 2080505's 基本支出 in table 05 while table 06 line 30108 says otherwise (X-R20).
      const finding = before.findings.find((f) => f.ruleId === 'X-R20' && f.location.table === '05' && f.location.row === '2080505')!;
      expect(finding).toBeDefined();
      expect(typeof finding.expected).toBe('number');
      const edit = { table: '05', row: '2080505', column: finding.location.column!, value: finding.expected as number };
      const result = await store.editCell(seedId, edit, '测试员');
      expect(result.findings.some((f) => f.ruleId === 'X-R20' && f.location.row === '2080505')).toBe(false);
      expect(result.findings.some((f) => f.ruleId === 'X-R20' && f.location.row === '2080506')).toBe(true);
      const after = (await store.getReport(seedId))!;
      expect(after.findings).toEqual(result.findings);
      expect(after.summary).toEqual(result.summary);
      const row = after.report.tables.find((t) => t.id === '05')!.rows.find((r) => r.key === '2080505')!;
      expect(row.cells[edit.column]).toBe(edit.value);
      const [cell] = await store.queryCells({ reportId: seedId, table: '05', row: '2080505', column: edit.column });
      expect(cell!.units).toBe(toUnits(edit.value, 2));
      const [version] = await store.sql.query<{ version: number }>('select version from reports where id = $1', [seedId]);
      expect(version!.version).toBe(2);
      const [kept] = await store.sql.query<{ n: number }>('select count(*) as n from report_versions where report_id = $1 and version = 1', [seedId]);
      expect(kept!.n).toBe(1);
      const audit = await store.audit(seedId);
      const last = audit[audit.length - 1]!;
      expect(last).toMatchObject({ action: 'edit-cell', actor: '测试员', target: { table: '05', row: '2080505', column: edit.column }, before: finding.actual, after: edit.value });
    });

    it('refuses an unknown cell and more decimals than the table prints', async () => {
      await expect(store.editCell(seedId, { table: '99', row: 'x', column: '1', value: 1 })).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.editCell(seedId, { table: '05', row: 'no-such-row', column: '1', value: 1 })).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.editCell(seedId, { table: '05', row: 'total', column: '1', value: 1.234 })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(store.editCell(999_999, { table: '05', row: 'total', column: '1', value: 1 })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('edits texts by JSON Pointer: the entity (region follows), a section paragraph', async () => {
      const result = await store.editText(seedId, { path: '/entity', value: '晋城市人力资源和社会保障综合服务中心' }, '测试员');
      expect(result.summary.entity).toBe('晋城市人力资源和社会保障综合服务中心');
      expect(result.summary.region).toBe('山西省/晋城市');
      expect((await store.listReports({ region: '山西省' })).items.map((i) => i.id)).toEqual([seedId]);
      const report = (await store.getReport(seedId))!.report;
      const path = report.sections[0]!.paragraphs.length > 0 ? '/sections/0/paragraphs/0/text' : '/sections/0/title';
      await store.editText(seedId, { path, value: '改写后的文字' });
      const edited = (await store.getReport(seedId))!.report;
      expect(path.endsWith('title') ? edited.sections[0]!.title : edited.sections[0]!.paragraphs[0]!.text).toBe('改写后的文字');
      const audit = (await store.audit(seedId)).filter((a) => a.action === 'edit-text');
      expect(audit.map((a) => (a.target as { path: string }).path)).toEqual(['/entity', path]);
      expect(audit[0]).toMatchObject({ before: '广州市人力资源和社会保障事务服务中心', after: '晋城市人力资源和社会保障综合服务中心' });
      await expect(store.editText(seedId, { path: '/schema', value: 'x' })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(store.editText(seedId, { path: '/sections/999/title', value: 'x' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.editText(seedId, { path: '/title', value: '  ' })).rejects.toMatchObject({ code: 'bad_request' });
    });

    it('a paragraph edit re-reads its statements: a changed amount is an N-R finding at its new place; undoing clears it', async () => {
      const start = (await store.getReport(seedId))!;
      const report = start.report;
      // Seed 000 states 一般公共预算财政拨款收入 2,169.36万元, as table 01 prints it.
      const fact = report.facts!.find((f) => f.subject === '一般公共预算财政拨款收入' && f.link?.table === '01')!;
      expect(fact).toBeDefined();
      const found = paragraphAt(report.sections, fact.span.start)!;
      expect(found).toBeDefined();
      const { paragraph, path } = found;
      const original = paragraph.text;
      let at = -1;
      for (let i = original.indexOf(fact.text); i >= 0; i = original.indexOf(fact.text, i + 1)) {
        if (at < 0 || Math.abs(i - (fact.span.start - paragraph.span.start)) < Math.abs(at - (fact.span.start - paragraph.span.start))) at = i;
      }
      const wrong = fact.text.replace('2,169.36', '2,179.36');
      expect(wrong).not.toBe(fact.text);
      // Words put in before the statement: its characters move, and the paragraph grows past its old span.
      const prefix = '经复核，';
      const edited = prefix + original.slice(0, at) + wrong + original.slice(at + fact.text.length);
      const broken = await store.editText(seedId, { path, value: edited }, '测试员');
      const after = (await store.getReport(seedId))!.report;
      const p = paragraphAt(after.sections, paragraph.span.start)!.paragraph;
      expect(p.text).toBe(edited);
      expect(p.span.end - p.span.start).toBe(edited.length);
      const restated = after.facts!.find((f) => f.text === wrong && f.span.start >= p.span.start && f.span.end <= p.span.end)!;
      expect(restated).toMatchObject({ subject: '一般公共预算财政拨款收入', link: fact.link });
      // The span points into the edited text, as the web app slices it.
      expect(edited.slice(restated.span.start - p.span.start, restated.span.end - p.span.start)).toBe(wrong);
      const nr = broken.findings.filter((f) => f.ruleId.startsWith('N-R') && f.location.span && f.location.span.start <= restated.span.start && f.location.span.end >= restated.span.end && (f.status === 'fail'));
      expect(nr.length).toBeGreaterThan(0);
      expect(nr.some((f) => f.actual === 2179.36 || String(f.message).includes('2,179.36') || String(f.message).includes('2179.36'))).toBe(true);
      expect(broken.summary.errors).toBeGreaterThan(start.summary.errors);
      // Later paragraphs moved on with the grown one: every fact lies inside a paragraph that shows its text.
      for (const f of after.facts!) {
        const q = paragraphAt(after.sections, f.span.start);
        if (q && q.paragraph === p) expect(p.text.slice(f.span.start - p.span.start, f.span.end - p.span.start)).toBe(f.text);
      }
      const fixed = await store.editText(seedId, { path, value: original }, '测试员');
      const key = (f: { ruleId: string; status: string; message: string }) => `${f.ruleId}|${f.status}|${f.message}`;
      expect(fixed.findings.filter((f) => f.ruleId.startsWith('N-R')).map(key).sort()).toEqual(start.findings.filter((f) => f.ruleId.startsWith('N-R')).map(key).sort());
      expect(fixed.summary.errors).toBe(start.summary.errors);
    });

    it('an edit that breaks a total is an error at once; undoing it clears it; recheck agrees', async () => {
      const id = (await store.saveReport(realisticReport(5))).id;
      expect((await store.getReport(id))!.summary.errors).toBe(0);
      const t01 = (await store.getReport(id))!.report.tables.find((t) => t.id === '01')!;
      const original = t01.rows.find((r) => r.key === 'inc.gpb')!.cells['1']!;
      const broken = await store.editCell(id, { table: '01', row: 'inc.gpb', column: '1', value: original + 1 });
      expect(broken.summary.errors).toBeGreaterThan(0);
      expect(broken.findings.some((f) => f.severity === 'error' && f.location.table === '01')).toBe(true);
      const fixed = await store.editCell(id, { table: '01', row: 'inc.gpb', column: '1', value: original });
      expect(fixed.summary.errors).toBe(0);
      const again = await store.recheck(id);
      expect(again.findings).toEqual(fixed.findings);
      expect((await store.audit(id)).map((a) => a.action)).toEqual(['create', 'edit-cell', 'edit-cell', 'recheck']);
    });
  });
}

/** The paragraph holding a source offset, with its JSON Pointer (as the web app addresses it). */
function paragraphAt(sections: Section[], offset: number, base = '/sections'): { paragraph: Paragraph; path: string } | undefined {
  for (const [i, s] of sections.entries()) {
    for (const [k, p] of s.paragraphs.entries()) if (offset >= p.span.start && offset < p.span.end) return { paragraph: p, path: `${base}/${i}/paragraphs/${k}/text` };
    const inner = paragraphAt(s.children, offset, `${base}/${i}/children`);
    if (inner) return inner;
  }
  return undefined;
}
