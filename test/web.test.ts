/**
 * The workbench in a real browser (issue #7 item 6): upload documents through the drop zone, see
 * their findings in the library and on the report page, fix the cell that causes them and see them
 * disappear, download the regenerated DOCX, and open the comparison with its charts. Screenshots
 * are kept in test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticDisclosure } from '../bench/corpus.js';
import { checkReport } from '../src/check/index.js';
import { extractAsync } from '../src/index.js';
import { composeDocument } from '../src/render/document/compose.js';
import { renderMarkdown } from '../src/render/formats/markdown.js';
import { startWorkbench, type Workbench } from './support/browser.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';

/** A generated disclosure with one amount of table 01 mistyped (其他收入 6,529.93 → 6,592.93), and its prior year. */
function generated(): { name: string; bytes: Buffer; priorName: string; prior: Buffer; wrong: string; right: string; entity: string } {
  const d = syntheticDisclosure(7, { prior: true });
  const md = renderMarkdown(composeDocument(d.report, d.supplement, { prior: d.prior! }));
  const other = d.report.tables.find((t) => t.id === '01')!.rows.find((r) => r.key === 'inc.other')!.cells['1']!;
  const right = other.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Swap two digits of the printed amount: the kind of typo a preparer makes.
  const wrong = right.replace(/(\d)(\d)(\.\d\d)$/, '$2$1$3');
  expect(wrong).not.toBe(right);
  const lines = md.split('\n');
  const i = lines.findIndex((l) => l.startsWith('|') && l.includes('其他收入') && l.includes(right));
  expect(i).toBeGreaterThan(0);
  lines[i] = lines[i]!.replace(right, wrong);
  const prior = renderMarkdown(composeDocument(d.prior!, d.supplement, {}));
  return {
    name: `${d.report.entity}${d.report.year}年度决算.md`,
    bytes: Buffer.from(lines.join('\n')),
    priorName: `${d.report.entity}${d.prior!.year}年度决算.md`,
    prior: Buffer.from(prior),
    wrong,
    right,
    entity: d.report.entity,
  };
}

const BROKEN = '损坏的文件.pdf';

async function expectedSummary(bytes: Buffer, path: string) {
  return checkReport(await extractAsync(bytes, { path })).summary;
}

describe('workbench in Chromium', () => {
  let wb: Workbench;
  const gen = generated();
  const seedFile = HAVE_SEEDS ? seed('001') : null;

  beforeAll(async () => {
    wb = await startWorkbench();
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  it('uploads many files with per-file progress and shows their counts in the library', async () => {
    const { page } = wb;
    await page.goto(wb.url('/'));
    await page.getByText('拖放决算公开文件到这里').waitFor();
    const files = [
      { name: gen.name, mimeType: 'text/markdown', buffer: gen.bytes },
      { name: gen.priorName, mimeType: 'text/markdown', buffer: gen.prior },
      { name: BROKEN, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF') },
    ];
    if (seedFile) files.push({ name: basename(seedFile.path), mimeType: 'text/plain', buffer: readFileSync(seedFile.path) });
    await page.getByTestId('upload-input').setInputFiles(files);
    // every file ends as done or failed, each with its own line
    await page.waitForFunction(`document.querySelectorAll('.upload-item.done, .upload-item.failed').length === ${files.length}`, null, { timeout: 60_000 });
    const failed = page.locator('.upload-item.failed');
    await expect(failed.count()).resolves.toBe(1);
    expect(await failed.getAttribute('data-file')).toBe(BROKEN);
    expect((await failed.locator('.error-text').textContent())!).toMatch(/[\u4e00-\u9fff]/);

    // the library lists the reports with the checker's counts
    await page.waitForFunction(`document.querySelectorAll('[data-testid=reports] tbody tr[data-report-id]').length === ${files.length - 1}`);
    let clean = 0;
    for (const f of files.filter((x) => x.name !== BROKEN)) {
      const expected = await expectedSummary(f.buffer, f.name);
      if (expected.error === 0) clean++;
      const row = page.locator('[data-testid=reports] tbody tr', { has: page.locator(`td.file[title="${f.name}"]`) });
      await expect(row.locator('.badge.error').getAttribute('data-count')).resolves.toBe(String(expected.error));
      await expect(row.locator('.badge.warning').getAttribute('data-count')).resolves.toBe(String(expected.warning));
    }
    await wb.shot('web-library');

    // filter: only reports with errors
    await page.selectOption('select[aria-label=有无错误]', 'no');
    await page.waitForURL(/hasErrors=no/);
    await page.waitForFunction(`[...document.querySelectorAll('[data-testid=reports] tbody tr[data-report-id] .badge.error')].every((b) => b.getAttribute('data-count') === '0')`);
    await expect(page.locator('[data-testid=reports] tbody tr[data-report-id]').count()).resolves.toBe(clean);
    await page.goto(wb.url('/'));
  });

  it('sorts the library by a column heading, both ways, kept in the URL', async () => {
    const { page } = wb;
    await page.goto(wb.url('/'));
    await page.locator('[data-testid=reports] tbody tr[data-report-id]').first().waitFor();
    const shownIds = () => page.$$eval('[data-testid=reports] tbody tr[data-report-id]', (rows) => rows.map((r) => Number(r.getAttribute('data-report-id'))));
    const apiIds = async (sort: string) => ((await (await fetch(wb.url(`/api/reports?sort=${sort}&limit=50`))).json()) as { items: { id: number }[] }).items.map((r) => r.id);
    const shows = async (sort: string) => {
      const want = await apiIds(sort);
      await page.waitForFunction(
        `JSON.stringify([...document.querySelectorAll('[data-testid=reports] tbody tr[data-report-id]')].map((r) => Number(r.getAttribute('data-report-id')))) === ${JSON.stringify(JSON.stringify(want))}`,
      );
      expect(await shownIds()).toEqual(want);
    };
    await page.click('button.sort[data-sort=entity]');
    await page.waitForURL(/sort=entity/);
    await shows('entity');
    await expect(page.getAttribute('th:has(button[data-sort=entity])', 'aria-sort')).resolves.toBe('ascending');
    await page.click('button.sort[data-sort=entity]');
    await page.waitForURL(/sort=-entity/);
    await shows('-entity');
    await expect(page.getAttribute('th:has(button[data-sort=entity])', 'aria-sort')).resolves.toBe('descending');
    await page.click('button.sort[data-sort=year]');
    await page.waitForURL(/sort=-year/);
    await shows('-year');
    const years = await page.$$eval('[data-testid=reports] tbody tr[data-report-id] td.num', (tds) => tds.map((td) => Number(td.textContent)));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await page.click('button.sort[data-sort=errors]');
    await page.waitForURL(/sort=-errors/);
    await shows('-errors');
    // Back to the default order (most recently changed first): no sort in the URL.
    await page.click('button.sort[data-sort=updated]');
    await page.waitForURL((u) => !u.search.includes('sort='));
    await shows('-updated');
    await expect(page.getAttribute('th:has(button[data-sort=updated])', 'aria-sort')).resolves.toBe('descending');
  });

  it('shows the findings on the report page: the cell, the sentence, the list', async () => {
    const { page } = wb;
    await page.locator('[data-testid=reports] tbody tr', { has: page.locator(`td.file[title="${gen.name}"]`) }).locator('a').first().click();
    await page.waitForURL(/\/reports\/\d+$/);
    const cell = page.locator('[data-cell="01|inc.other|1"]');
    await expect(cell.textContent()).resolves.toBe(gen.wrong);
    await expect(cell.getAttribute('data-severity')).resolves.toBe('error');
    // the total that no longer adds up is marked too
    await expect(page.locator('[data-cell="01|inc.total|1"]').getAttribute('data-severity')).resolves.toBe('error');
    // hover explains
    await cell.hover();
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('其他收入');
    expect(await tip.textContent()).toMatch(/应为.*实际/);
    // the narrative sentence that states the right amount is highlighted
    const sentence = page.locator('.narrative .has-finding.error').first();
    await expect(sentence.textContent()).resolves.toContain(gen.right);
    // the findings list, errors first, and a click goes to the place
    const errors = page.locator('.fgroup.error li.finding');
    const expected = await expectedSummary(gen.bytes, gen.name);
    await expect(errors.count()).resolves.toBe(expected.error);
    await wb.shot('web-report');
    await page.locator('.fgroup.error li.finding[data-rule="X-R3"]').click();
    await page.waitForSelector('[data-cell="02|total|7"].flash');
    // a statement linked to a cell: a click flashes the cell
    const fact = page.locator('.narrative .fact-link').first();
    await fact.click();
    await page.waitForSelector('td.cell.flash');
  });

  it.skipIf(!HAVE_SEEDS)('places every finding of a published document on its cell, row, table or sentence', async () => {
    const { page } = wb;
    const f = seedFile!;
    await page.goto(wb.url('/'));
    await page.locator('[data-testid=reports] tbody tr', { has: page.locator(`td.file[title="${basename(f.path)}"]`) }).locator('a').first().click();
    await page.waitForURL(/\/reports\/\d+$/);
    await page.getByTestId('findings').waitFor();
    const summary = await expectedSummary(readFileSync(f.path), f.path);
    await expect(page.locator('.fgroup.error li.finding').count()).resolves.toBe(summary.error);
    await expect(page.locator('.fgroup.warning li.finding').count()).resolves.toBe(summary.warning);
    const ids = await page.locator('.fgroup.error li.finding, .fgroup.warning li.finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
    const unplaced: string[] = [];
    for (const id of ids) if ((await page.locator(`[data-f~="${id}"]`).count()) === 0) unplaced.push(id!);
    expect(unplaced).toEqual([]);
    await expect(page.locator('.narrative .has-finding').count()).resolves.toBeGreaterThan(0);
    await page.locator('.narrative .has-finding.error').first().scrollIntoViewIfNeeded();
    await wb.shot('web-report-seed');
    await page.goBack();
  });

  it('fixes the cell in the editor and the findings disappear at once', async () => {
    const { page } = wb;
    await page.goto(wb.url('/'));
    await page.locator('[data-testid=reports] tbody tr', { has: page.locator(`td.file[title="${gen.name}"]`) }).locator('a').first().click();
    await page.locator('[data-cell="01|inc.other|1"]').waitFor();
    await page.getByTestId('edit-toggle').click();
    await page.waitForURL(/edit=1/);
    const cell = page.locator('[data-cell="01|inc.other|1"]');
    await cell.click();
    const input = cell.locator('input');
    await input.fill(gen.right);
    await input.press('Enter');
    await page.waitForFunction(`!document.querySelector('[data-cell="01|inc.other|1"] input')`);
    await expect(cell.textContent()).resolves.toBe(gen.right);
    await expect(cell.getAttribute('data-severity')).resolves.toBeNull();
    await expect(page.locator('[data-testid=report-counts] .badge.error').getAttribute('data-count')).resolves.toBe('0');
    await expect(page.locator('.fgroup.error li.finding').count()).resolves.toBe(0);
    await expect(page.locator('.narrative .has-finding.error').count()).resolves.toBe(0);
    // the edit is in the audit list
    const audit = page.getByTestId('audit');
    await audit.locator('tbody tr').first().waitFor();
    expect(await audit.textContent()).toContain(gen.wrong.replace(/,/g, ''));
    await wb.shot('web-editor');

    // a bad value is refused in Chinese, nothing is sent
    await cell.click();
    await cell.locator('input').fill('12.345');
    await cell.locator('input').press('Enter');
    await expect(cell.locator('.cell-error').textContent()).resolves.toMatch(/小数/);
    await cell.locator('input').press('Escape');

    // the title text is edited the same way
    await page.locator('[data-path="/title"] button').click();
    const title = page.locator('[data-path="/title"] input');
    await title.fill(`${gen.entity}2024年度部门决算（已更正）`);
    await title.press('Enter');
    await page.waitForSelector('[data-path="/title"]:has-text("已更正")');

    // a row name and a table title: a click opens the input, the catalogue rules judge the new name at once
    const row = page.locator('[data-table="02"] tr[data-row]', { has: page.locator('td.code', { hasText: /^\d{7}$/ }) }).first();
    const rowKey = await row.getAttribute('data-row');
    const name = row.locator('td.name .editable-label');
    const original = (await name.textContent())!;
    const rename = async (value: string) => {
      await name.click();
      const input = row.locator('td.name input');
      await input.fill(value);
      await input.press('Enter');
      await page.waitForFunction(`!document.querySelector('[data-table="02"] tr[data-row="${rowKey}"] td.name input')`);
    };
    await rename('并非此科目的名称');
    await page.waitForSelector(`[data-table="02"] td.name.has-finding.error[data-row="${rowKey}"]`);
    await expect(page.locator('.fgroup.error li.finding').count()).resolves.toBeGreaterThan(0);
    await rename(original);
    await page.waitForSelector(`[data-table="02"] td.name[data-row="${rowKey}"]:not(.has-finding)`);
    await expect(page.locator('.fgroup.error li.finding').count()).resolves.toBe(0);
    const retitle = async (value: string) => {
      await page.locator('[data-table="02"] h3 .editable-label').click();
      const input = page.locator('[data-table="02"] h3 input');
      await input.fill(value);
      await input.press('Enter');
      await page.waitForSelector(`[data-table="02"] h3 .editable-label:text-is("${value}")`);
    };
    const tableTitle = (await page.locator('[data-table="02"] h3 .editable-label').textContent())!;
    await retitle(`${tableTitle}（更正）`);
    await retitle(tableTitle);
    await page.waitForFunction(`document.querySelector('[data-testid=audit]').textContent.includes('表名')`);
    expect(await audit.textContent()).toContain('行名');
  });

  it('downloads the regenerated Word document', async () => {
    const { page } = wb;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-regenerate=docx]').click()]);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    // the regenerated document is read back with the corrected amount and without errors
    const report = await extractAsync(bytes, { path: 'x.docx' });
    expect(report.tables.find((t) => t.id === '01')!.rows.find((r) => r.key === 'inc.other')!.cells['1']).toBe(Number(gen.right.replace(/,/g, '')));
    expect(checkReport(report).summary.error).toBe(0);
  });

  it('corrects a paragraph of the narrative: re-checked at once (a wrong amount is marked, then cleared), stored, shown and audited', async () => {
    const { page } = wb;
    const para = page.locator('.narrative p', { hasText: `其他收入${gen.right}` }).first();
    const path = await para.getAttribute('data-path');
    expect(path).toMatch(/^\/sections\/\d+(\/children\/\d+)*\/paragraphs\/\d+\/text$/);
    const edited = page.locator(`.narrative p[data-path="${path}"]`);
    await expect(edited.locator('.has-finding', { hasText: gen.right }).count()).resolves.toBe(0);
    const save = async (value: string) => {
      await edited.locator('.para-edit').click();
      await page.locator('.para-editor textarea').fill(value);
      await page.locator('.para-editor button.primary').click();
      await page.locator('.para-editor').waitFor({ state: 'detached' });
    };
    await edited.locator('.para-edit').click();
    const text = await page.locator('.para-editor textarea').inputValue();
    await page.locator('.para-editor button.link').click();
    const corrected = text.replace('主要变动情况：', '主要变动情况（已核实）：');
    expect(corrected).not.toBe(text);
    // Mistype the amount the paragraph states (and lengthen the text before it): the narrative rules see the new words.
    const mistyped = corrected.replace(`其他收入${gen.right}`, `其他收入${gen.wrong}`);
    expect(mistyped).not.toBe(corrected);
    await save(mistyped);
    await edited.locator('.has-finding', { hasText: gen.wrong }).first().waitFor({ timeout: 15_000 });
    expect(await edited.locator('.has-finding', { hasText: gen.wrong }).first().textContent()).toContain(gen.wrong);
    await save(corrected);
    await page.reload();
    await edited.waitFor();
    await expect(edited.locator('.has-finding', { hasText: gen.right }).count()).resolves.toBe(0);
    await expect(edited.textContent()).resolves.not.toContain(gen.wrong);
    await expect(page.locator(`.narrative p[data-path="${path}"]`).textContent()).resolves.toContain('主要变动情况（已核实）：');
    await expect(page.getByTestId('audit').textContent()).resolves.toContain('情况说明段落');
  });

  it('compares one unit across years with tables and charts', async () => {
    const { page } = wb;
    await page.goto(wb.url(`/compare?entity=${encodeURIComponent(gen.entity)}`));
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    const heads = await table.locator('thead th').allTextContents();
    expect(heads.slice(1)).toEqual(['2023年', '2024年']);
    await page.waitForSelector('[data-chart="totals"] .chart[data-rendered="1"] canvas');
    const charts = await page.locator('[data-chart] .chart[data-rendered="1"]').count();
    expect(charts).toBeGreaterThanOrEqual(4);
    // a chart draws something: its PNG is more than an empty canvas
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-chart="totals"] [data-export=png]').click()]);
    expect(readFileSync(await png.path()).subarray(1, 4).toString('latin1')).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('[data-chart="classes"] [data-export=svg]').click()]);
    expect(readFileSync(await svg.path(), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-export=xlsx]').click()]);
    expect(readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1')).toBe('PK');
    await wb.shot('web-compare');
  });

  it('compares the units of one year, chosen on the page', async () => {
    const { page } = wb;
    await page.goto(wb.url('/compare'));
    await page.getByRole('button', { name: '同年度多单位' }).click();
    await page.selectOption('select[aria-label=年度]', '2023');
    await page.waitForURL(/year=2023/);
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    const units = (await table.locator('thead th').allTextContents()).slice(1).sort();
    const expected = [gen.entity, ...(seedFile ? [(await extractAsync(readFileSync(seedFile.path), { path: seedFile.path })).entity] : [])].sort();
    expect(units).toEqual(expected);
    // pick one unit: the URL names it and the table narrows to it
    await page.locator('.entity-picks label', { hasText: gen.entity }).locator('input').check();
    await page.waitForURL(/entity=/);
    await page.waitForFunction(`document.querySelectorAll('[data-testid=compare-table] thead th').length === 2`);
    await page.waitForSelector('[data-chart="classes"] .chart[data-rendered="1"] canvas');
    await page.locator('[data-chart="totals"]').scrollIntoViewIfNeeded();
    await wb.shot('web-compare-year');
  });

  it('works narrower than 1280', async () => {
    const { page } = wb;
    await page.setViewportSize({ width: 900, height: 800 });
    await page.goto(wb.url('/'));
    await page.locator('[data-testid=reports] tbody tr[data-report-id]').first().waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await wb.shot('web-library-900');
  });

  it('tells on the report page what could not be read or recognised', async () => {
    const { page } = wb;
    await page.setViewportSize({ width: 1280, height: 900 });
    const example = readFileSync(join(import.meta.dirname, '..', 'examples', '示例单位2024年度单位决算.txt'), 'utf8');
    const odd = example.replace(/^\t9\t\t/m, '说不清的一行\t9\t0.00\t').replace('示例市档案数字化服务中心', '示例市另一个服务中心');
    const form = new FormData();
    form.append('file', new Blob([odd], { type: 'text/plain' }), '有一行认不出.txt');
    const res = await fetch(wb.url('/api/reports'), { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const { report } = (await res.json()) as { report: { id: number } };
    await page.goto(wb.url(`/reports/${report.id}`));
    const box = page.getByTestId('read-warnings');
    await box.waitFor();
    expect(await box.textContent()).toMatch(/表 01「收入支出决算总表」第 \d+ 行未能识别：说不清的一行/);
    // A report read whole has no such box.
    await page.goto(wb.url('/'));
    await page.locator('[data-testid=reports] tbody tr', { has: page.locator(`td.file[title="${gen.name}"]`) }).locator('a').first().click();
    await page.getByTestId('findings').waitFor();
    await expect(page.getByTestId('read-warnings').count()).resolves.toBe(0);
  });
});
