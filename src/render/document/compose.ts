/**
 * Report + Supplement (+ the prior year's Report) → the whole disclosure as blocks: cover title,
 * table of contents, 第一部分 概况, 第二部分 the standard tables in the template's order, 第三部分
 * 情况说明, 第四部分 名词解释 (Sichuan: 情况说明 second, the tables appended last). The formats
 * (md, html, pdf, docx, xlsx) only lay these blocks out.
 */
import type { Report } from '../../model/report.js';
import type { Supplement } from '../../model/supplement.js';
import { withScTables } from '../templates/sc-derive.js';
import { glossaryBlocks, kindWord, narrativeBlocks, overviewBlocks, TEMPLATES } from '../narrative/index.js';
import { fill } from '../narrative/templates.js';
import type { DisclosureDocument, DocBlock, TemplateId } from './model.js';

export interface ComposeOptions {
  /** The prior year's Report, for every 比上年 comparison. */
  prior?: Report;
  /** Template family (default: the report's own, else sx when it has table 10, else gd). */
  template?: TemplateId;
}

export function defaultTemplate(report: Report): TemplateId {
  if (report.template) return report.template;
  return report.tables.some((t) => t.id === '10') ? 'sx' : 'gd';
}

export function composeDocument(given: Report, supplement: Supplement, options: ComposeOptions = {}): DisclosureDocument {
  const template = options.template ?? defaultTemplate(given);
  // Sichuan prints 13 tables: the four it adds to the national nine are derived from those (kept
  // when the input has them), so every writer finds them in the document's report.
  const report = template === 'sc' ? withScTables(given) : given;
  const t = TEMPLATES[template];
  const input = { report, supplement, prior: options.prior, template };
  const vars = { entity: report.entity, year: report.year, kind: kindWord(report) };
  const title = report.title || `${report.year}年度${report.entity}${kindWord(report)}`;

  const ids = t.tables.filter((id) => report.tables.some((x) => x.id === id));
  const tablesPart: DocBlock[] = [{ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: fill(t.parts.tables, vars) }];
  // Each table prints its own label and title (the layout's preamble), as the seeds do.
  ids.forEach((id, i) => {
    if (i > 0) tablesPart.push({ kind: 'pageBreak' });
    tablesPart.push({ kind: 'table', id });
  });

  const overview = overviewBlocks(input);
  const narrative = narrativeBlocks(input);
  const used = [...overview, ...narrative]
    .map((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? b.text : ''))
    .join('\n');
  // The tables use every 收入/支出 term of the glossary; the narrative may not mention them all.
  const glossary = glossaryBlocks(input, `${used}\n${ids.length > 0 ? '决算表' : ''}`);

  // The title is the document's own (each format prints it as the cover).
  const blocks: DocBlock[] = [{ kind: 'toc' }, { kind: 'pageBreak' }, ...overview];
  if (t.tablesLast) blocks.push({ kind: 'pageBreak' }, ...narrative, { kind: 'pageBreak' }, ...glossary, ...tablesPart);
  else blocks.push(...tablesPart, { kind: 'pageBreak' }, ...narrative, { kind: 'pageBreak' }, ...glossary);

  return { title, entity: report.entity, year: report.year, template, report, supplement, blocks };
}
