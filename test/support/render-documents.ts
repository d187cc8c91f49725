/** Documents for the format tests: the report's tables under headings, and the read-back comparison. */
import { extract } from '../../src/index.js';
import type { Report } from '../../src/model/report.js';
import type { DisclosureDocument, TemplateId } from '../../src/render/document/model.js';
import { chineseOrdinal } from '../../src/render/layout.js';
import { compareWithGolden } from './golden.js';
import { HAVE_SEEDS, seedReport } from './seeds.js';
import { syntheticReport } from './synthetic.js';

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


export interface Case {
  name: string;
  load: () => Promise<Report>;
  template: TemplateId;
}

/** The seeds as extracted (with their —— cells), and synthetic reports in every template. */
export function cases(): Case[] {
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

