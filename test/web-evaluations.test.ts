/**
 * 绩效自评 on the report page, in Chromium: seed 003 (three 自评表 of 晋城) uploaded through the drop
 * zone; its cards show the printed and recomputed totals — table 1 printed 90 优, recomputed on the
 * text's budget 86.93 良, highlighted — the funds line, the indicator table with the two P-R10 rows
 * marked, and a click on table 1's P-R3 finding brings its card into view. Screenshot
 * test-artifacts/web-evaluations.png.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from './support/browser.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';

describe.skipIf(!HAVE_SEEDS)('绩效自评 in the workbench (Chromium)', () => {
  let wb: Workbench;
  let id = 0;

  beforeAll(async () => {
    wb = await startWorkbench();
  }, 60_000);
  afterAll(async () => {
    await wb?.close();
  });

  const card = (e: string) => wb.page.locator(`[data-evaluation="${e}"]`);

  it('shows one card per evaluation with the printed and recomputed totals, the mismatch of table 1 highlighted', async () => {
    const { page } = wb;
    const s = seed('003');
    await page.goto(wb.url('/'));
    await page.getByTestId('upload-input').setInputFiles([{ name: basename(s.path), mimeType: 'text/plain', buffer: readFileSync(s.path) }]);
    await page.waitForSelector('.upload-item.done', { timeout: 60_000 });
    const list = (await (await fetch(wb.url('/api/reports'))).json()) as { items: { id: number; filename: string }[] };
    id = list.items.find((r) => r.filename === basename(s.path))!.id;

    await page.goto(wb.url(`/reports/${id}`));
    await page.getByTestId('evaluations').waitFor();
    await page.waitForSelector('[data-evaluation]');
    expect(await page.locator('[data-evaluation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-evaluation')))).toEqual(['E1', 'E2', 'E3']);
    await expect(page.locator('.toc a', { hasText: '绩效自评' }).count()).resolves.toBe(1);

    const e1 = card('E1');
    await expect(e1.locator('h3').textContent()).resolves.toBe('劳动能力鉴定和干部人事档案管理工作经费');
    await expect(e1.locator('.tag').textContent()).resolves.toBe('自评表');
    expect(await e1.getByTestId('printed-total').textContent()).toMatch(/90\s*分，等级\s*优/);
    const stated = e1.getByTestId('recomputed-stated-total');
    expect(await stated.textContent()).toMatch(/86\.93\s*分，等级\s*良.*与印刷不符/);
    expect(await stated.getAttribute('class')).toContain('mismatch');
    // On the table's own (backfilled) budget line the total is the printed 90: not flagged.
    expect(await e1.getByTestId('recomputed-total').getAttribute('class')).not.toContain('mismatch');
    expect(await e1.getAttribute('class')).toContain('mismatch');
    // Table 2 recomputes to 94.99, still 优 but not the printed 95: flagged too; table 3 90.75 优.
    expect(await card('E3').getByTestId('recomputed-stated-total').textContent()).toMatch(/90\.75\s*分，等级\s*优/);

    // The funds line: 全年预算数 29.099 = 执行数 as printed (100%), 42 and 69.28% by the text; the P-R3/P-R5 line marked.
    const table = e1.locator('tr.funds-row[data-source="table"]');
    expect((await table.locator('td').allTextContents()).slice(0, 5)).toEqual(['按表内数据', '29.099', '29.099', '100%', '100.00%']);
    expect(await table.getAttribute('class')).toMatch(/has-finding error/);
    const text = e1.locator('tr.funds-row[data-source="statement"]');
    expect((await text.locator('td').allTextContents()).slice(0, 8)).toEqual(['按文字所述', '42', '29.099', '文字 69%', '69.28%', '10', '—', '6.93']);

    // The indicator table opens on demand; the two early-completed 时效 rows scored 0 carry P-R10.
    await expect(e1.locator('tr.indicator-row').first().isVisible()).resolves.toBe(false);
    await e1.locator('details.eval-indicators summary').click();
    await expect(e1.locator('tr.indicator-row').count()).resolves.toBe(15);
    const marked = e1.locator('tr.indicator-row.has-finding.warning');
    await expect(marked.count()).resolves.toBe(2);
    expect((await marked.allTextContents()).join(' ')).toMatch(/档案用品采购.*工伤鉴定完成|工伤鉴定完成.*档案用品采购/);
    await e1.locator('details.eval-indicators summary').click();
  });

  it("a click on table 1's P-R3 finding scrolls its card into view", async () => {
    const { page } = wb;
    await page.evaluate('window.scrollTo(0, 0)');
    // Below the sticky top bar (44 px) and above the bottom of the window.
    const inView = () => page.locator('#evaluation-E1').evaluate((el, height) => el.getBoundingClientRect().bottom > 44 && el.getBoundingClientRect().top < height, page.viewportSize()!.height);
    await expect(inView()).resolves.toBe(false);
    const finding = page.locator('[data-testid=findings] li[data-rule="P-R3"]', { hasText: 'E1' });
    await expect(finding.count()).resolves.toBe(1);
    expect(await finding.locator('.place').textContent()).toContain('绩效自评 E1 劳动能力鉴定和干部人事档案管理工作经费');
    await finding.click();
    await page.waitForFunction(`(() => { const r = document.getElementById('evaluation-E1').getBoundingClientRect(); return r.bottom > 44 && r.top < window.innerHeight && r.top > -r.height / 2; })()`);
    await expect(inView()).resolves.toBe(true);
    // What flashes is the card's funds line the finding names.
    await expect(page.locator('#evaluation-E1 .flash').count()).resolves.toBe(1);
    await page.waitForTimeout(400); // the smooth scroll settles before the screenshot
    await wb.shot('web-evaluations');
  });

  it('rescores under another scheme: in steps table 2’s 99.93% earns the full 10 → 95.00', async () => {
    const { page } = wb;
    const e2 = card('E2').getByTestId('recomputed-stated-total');
    expect(await e2.textContent()).toMatch(/94\.99/);
    await page.getByLabel('评分方案').selectOption('national-steps');
    await page.waitForFunction(`/95\\.00/.test(document.querySelector('[data-evaluation="E2"] [data-testid="recomputed-stated-total"]')?.textContent ?? '')`);
    expect(await e2.getAttribute('class')).not.toContain('mismatch');
  });
  it('a department self-evaluation report (seed 002, 广州): dimensions and items, 97.998 优 as printed', async () => {
    const { page } = wb;
    const s = seed('002');
    const res = await fetch(wb.url('/api/reports'), { method: 'POST', body: (() => { const f = new FormData(); f.append('file', new Blob([readFileSync(s.path)]), basename(s.path)); return f; })() });
    expect(res.status).toBe(201);
    const { report } = (await res.json()) as { report: { id: number } };
    await page.goto(wb.url(`/reports/${report.id}`));
    await page.waitForSelector('[data-evaluation="E1"]');
    const e1 = card('E1');
    await expect(e1.locator('.tag').textContent()).resolves.toBe('报告');
    expect(await e1.textContent()).toContain('部门整体');
    const total = e1.getByTestId('recomputed-total');
    expect(await total.textContent()).toMatch(/97\.998\s*分，等级\s*优/);
    expect(await total.getAttribute('class')).not.toContain('mismatch');
    const dims = await e1.locator('.eval-department tr.dimension td:first-child').allTextContents();
    expect(dims).toEqual(['管理效率', '履职效能']);
    // The 27 scored items open on demand (23 of 管理效率, 4 of 履职效能).
    await expect(e1.locator('tr.item-row').first().isVisible()).resolves.toBe(false);
    await e1.locator('details.eval-items summary').click();
    await expect(e1.locator('tr.item-row').count()).resolves.toBe(27);
    expect(await e1.locator('tr.item-row', { hasText: '预算执行情况' }).locator('td').nth(4).textContent()).toBe('4.99915');
    await e1.locator('details.eval-items summary').click();
    // P-R9 (创新领军人才 13 人 against 约 20 人) is attached to the card.
    await expect(e1.locator('.eval-findings li[data-rule="P-R9"]').count()).resolves.toBe(1);
    expect(await e1.getAttribute('class')).toMatch(/has-finding warning/);
    await e1.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await wb.shot('web-evaluations-department');
  });
});
