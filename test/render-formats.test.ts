/**
 * The document formats read back: a DisclosureDocument rendered as Markdown, HTML or Word and read
 * by `extract` gives the same tables, row
 * for row and cell for cell (names, codes, 行次 and —— cells included), for the seeds as extracted and
 * for synthetic reports, in every template, both for the tables alone and for the composed document
 * with its narrative. Also: what printing needs in the HTML (A4, repeated header rows, merged header
 * cells, contents links). Word: src/render/formats/docx.test.ts; PDF: pdf.test.ts there; the command:
 * src/cli/render-command.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../src/render/document/compose.js';
import { renderHtml } from '../src/render/formats/html.js';
import { renderMarkdown } from '../src/render/formats/markdown.js';
import { cases, readBack, tablesDocument } from './support/render-documents.js';
import { HAVE_SEEDS, seedReport } from './support/seeds.js';
import { syntheticReport } from './support/synthetic.js';

describe('markdown → extract gives the same tables', () => {
  for (const c of cases()) {
    it(c.name, async () => {
      const report = await c.load();
      const md = renderMarkdown(tablesDocument(report, c.template));
      const result = readBack(md, 'x.md', report);
      expect(result.mismatches).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.cells).toBeGreaterThan(100);
    });
  }

  it('prints pipe tables, headings, the contents list and —— for not applicable cells', async () => {
    const md = renderMarkdown(tablesDocument(syntheticReport(5), 'gd'));
    expect(md).toMatch(/^# .+决算/);
    expect(md).toContain('## 目录');
    expect(md).toMatch(/^\| 收入 \|/m);
    expect(md).toMatch(/^\| --- \|/m);
    if (HAVE_SEEDS) {
      const sx = renderMarkdown(tablesDocument(await seedReport('003'), 'sx'));
      expect(sx).toMatch(/\| 30901 \| [^|]+ \| —— \|/);
      expect(sx).toContain('公开10表');
    }
  });
});

describe('html → extract gives the same tables', () => {
  for (const c of cases()) {
    it(c.name, async () => {
      const report = await c.load();
      const html = renderHtml(tablesDocument(report, c.template));
      const result = readBack(html, 'x.html', report);
      expect(result.mismatches).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.back.title).toBe(report.title);
    });
  }

  it('prints on A4 with repeated header rows, merged header cells, contents links and CJK fonts', () => {
    const report = syntheticReport(5, { template: 'sx' });
    const html = renderHtml(tablesDocument(report, 'sx'));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toMatch(/@page\s*\{\s*size:\s*A4;/);
    expect(html).toMatch(/thead\s*\{\s*display:\s*table-header-group/);
    expect(html).toMatch(/tr\s*\{[^}]*page-break-inside:\s*avoid/);
    expect(html).toContain('"Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"');
    // Table 09: 预算数 over six columns, 合计 over two header rows, 公务用车… over its three parts.
    expect(html).toContain('<th colspan="6">预算数</th><th colspan="6">决算数</th>');
    expect(html).toContain('<th rowspan="2">合计</th><th rowspan="2">因公出国（境）费</th><th colspan="3">公务用车购置及运行维护费</th>');
    // Every contents entry links to a heading that exists.
    const links = [...html.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(5);
    for (const id of links) expect(html).toContain(`id="${id}"`);
    // Text is escaped.
    const odd = renderHtml({ ...tablesDocument(report, 'sx'), blocks: [{ kind: 'paragraph', text: 'a<b>&c' }] });
    expect(odd).toContain('<p>a&lt;b&gt;&amp;c</p>');
  });
});

describe('the composed document (narrative included) → md and html → extract gives the same tables', () => {
  for (const c of cases().filter((_, i) => i % 2 === 0)) {
    it(c.name, async () => {
      const report = await c.load();
      const doc = composeDocument(report, {}, { template: c.template });
      // Compare the tables the document prints (Sichuan: its own set, the extra tables derived by the composer).
      const printed = { ...doc.report, tables: doc.report.tables.filter((t) => doc.blocks.some((b) => b.kind === 'table' && b.id === t.id)) };
      expect(printed.tables.length).toBeGreaterThanOrEqual(8);
      for (const [text, path] of [
        [renderMarkdown(doc), 'x.md'],
        [renderHtml(doc), 'x.html'],
      ] as const) {
        const result = readBack(text, path, printed);
        expect(result.mismatches, path).toEqual([]);
        expect(result.warnings, path).toEqual([]);
      }
    });
  }
});

