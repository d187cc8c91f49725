/**
 * The document formats read back: a DisclosureDocument rendered as Markdown or HTML and read by
 * `extract` gives the same tables, row for row and cell for cell (names, codes, 行次 included), for
 * the golden seeds and for synthetic reports, in every template. The HTML page is also checked for
 * what printing needs (A4, repeated header rows, merged header cells, contents links).
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import type { DisclosureDocument, TemplateId } from '../src/render/document/model.js';
import { renderHtml } from '../src/render/formats/html.js';
import { renderMarkdown } from '../src/render/formats/markdown.js';
import { chineseOrdinal } from '../src/render/layout.js';
import { compareWithGolden } from './support/golden.js';
import { HAVE_SEEDS, seedReport } from './support/seeds.js';
import { syntheticReport } from './support/synthetic.js';

/** A document of the report's tables under the headings the generator prints (the narrative helper's composer builds the full one). */
export function tablesDocument(report: Report, template: TemplateId): DisclosureDocument {
  return {
    title: report.title,
    entity: report.entity,
    year: report.year,
    template,
    report,
    supplement: {},
    blocks: [
      { kind: 'toc' },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, text: '第一部分 概况' },
      { kind: 'heading', level: 2, text: '一、主要职责' },
      { kind: 'paragraph', text: `${report.entity}依法履行职责，承担职能范围内的公共服务工作。` },
      { kind: 'heading', level: 1, text: `第二部分 ${report.year}年度部门决算表` },
      ...report.tables.flatMap((t, i) => [
        { kind: 'heading' as const, level: 2 as const, text: `${chineseOrdinal(i + 1)}、${t.title}` },
        { kind: 'table' as const, id: t.id },
      ]),
    ],
  };
}

interface Case {
  name: string;
  load: () => Promise<Report>;
  template: TemplateId;
}

/** The seeds as extracted (with their —— cells), and synthetic reports in every template. */
function cases(): Case[] {
  const list: Case[] = [];
  if (HAVE_SEEDS) {
    list.push({ name: 'seed 000', load: () => seedReport('000'), template: 'gd' });
    list.push({ name: 'seed 001', load: () => seedReport('001'), template: 'gd' });
    list.push({ name: 'seed 003', load: () => seedReport('003'), template: 'sx' });
  }
  for (const template of ['gd', 'sx', 'sc'] as const) {
    for (const s of [2, 7, 11]) {
      const report = syntheticReport(s, { template: template === 'sx' ? 'sx' : 'gd', classes: 1 + (s % 9), breadth: 1 + (s % 4) });
      list.push({ name: `synthetic ${s} ${template}`, load: async () => report, template });
    }
  }
  const wide = syntheticReport(99, { template: 'sx', classes: 24, breadth: 6 });
  list.push({ name: 'synthetic 24 classes sx', load: async () => wide, template: 'sx' });
  return list;
}

/** Read a rendered document back and compare its tables with the source, —— cells included. */
export function readBack(text: string, path: string, report: Report) {
  const back = extract(text, { path });
  const result = compareWithGolden(back, report);
  for (const table of report.tables) {
    const other = back.tables.find((t) => t.id === table.id);
    for (const row of table.rows) {
      const dashes = (row.dashes ?? []).join(',');
      const got = (other?.rows.find((r) => r.key === row.key)?.dashes ?? []).join(',');
      if (dashes !== got) result.mismatches.push(`${table.id} ${row.key} dashes: expected [${dashes}], got [${got}]`);
    }
  }
  return { ...result, warnings: back.diagnostics.filter((d) => d.level === 'warning').map((d) => d.message), back };
}

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
