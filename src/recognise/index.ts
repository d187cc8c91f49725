/**
 * The recognise stage: Document → Report. Finds the table of contents (kept out of the narrative),
 * the standard tables (by title), the metadata, and the narrative's section tree.
 */
import type { Block, Document } from '../model/document.js';
import { JuesuanError } from '../model/errors.js';
import type { Diagnostic, Grid, Paragraph, Report, Table, TemplateFamily } from '../model/report.js';
import { SC_PRINT_ORDER } from '../model/sc-tables.js';
import { locateTables } from './locate.js';
import { findDisclosureDates, findEntity, findKind, findMoneyUnit, findScope, findTitle, findYear, isTocHeading } from './metadata.js';
import { buildSections } from './narrative/sections.js';
import { classNameIndex, functionalCatalogue } from './narrative/catalogue.js';
import { extractFacts } from './narrative/facts.js';
import { reconstructTables } from './narrative/reconstruct.js';
import { sourceOffset } from '../model/document.js';
import { compact } from './normalise.js';
import { buildTable } from './tables/index.js';
import { readEvaluations } from './evaluation/index.js';

export { TABLE_TITLES, matchTitle } from './tables/index.js';
export { headingForm } from './narrative/sections.js';
export { refreshFacts } from './narrative/refresh.js';
export { compact, labelKey, rowName, stripOrdinal } from './normalise.js';

/** Compare a TOC entry with a body heading: no spaces, leader dots, page numbers or markup. */
function tocKey(text: string): string {
  return compact(text)
    .replace(/(?:\.{2,}|…+|·{2,}|-{3,}).*$/, '')
    .replace(/第?\d+页?$/, '')
    .replace(/[：:]/g, '');
}

/**
 * Blocks of the table of contents. It starts at a 目录 line (or the first leader-dot entry) and ends
 * where its first entry appears again as a body heading.
 */
export function findToc(blocks: Block[]): Set<number> {
  const toc = new Set<number>();
  blocks.forEach((b, i) => b.kind === 'paragraph' && b.toc && toc.add(i));
  const start = blocks.findIndex((b) => b.kind !== 'table' && isTocHeading(b.text));
  if (start < 0) return toc;
  toc.add(start);
  const entries = new Set<string>();
  // Whether the contents themselves are printed as headings (HTML/markdown exports keep the style of
  // the lines they list); then only a repeated line, not any heading, begins the body.
  let headingEntries = false;
  for (let i = start + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'table') break;
    const key = tocKey(b.text);
    if (key === '') continue;
    const isEntry = b.kind === 'paragraph' && b.toc;
    // The body begins where a line of the contents appears again (as a heading, not an entry).
    if (!isEntry && entries.has(key)) break;
    if (!isEntry && b.kind === 'heading' && entries.size > 0 && !headingEntries) break;
    if (b.kind === 'heading' && entries.size === 0) headingEntries = true;
    if (compact(b.text).length > 80) break; // body text: the contents ended without repeating a line
    if (/^(?:公开|发布|编制)(?:时间|日期)/.test(key)) {
      toc.add(i);
      continue;
    }
    entries.add(key);
    toc.add(i);
  }
  return toc;
}

function templateFamily(tables: Table[]): TemplateFamily | null {
  if (tables.length === 0) return null;
  if (tables.some((t) => t.id.startsWith('sc-'))) return 'sc';
  if (tables.some((t) => /^公开\d+表$/.test(t.label ?? '') || t.id === '10')) return 'sx';
  return 'gd';
}

export interface RecogniseOptions {
  /** Throw `not_a_document` when neither a report title nor a standard table is found (default true). */
  requireDocument?: boolean;
}

export function recognise(doc: Document, options: RecogniseOptions = {}): Report {
  const blocks = doc.blocks;
  const toc = findToc(blocks);
  const located = locateTables(blocks, toc);
  const title = findTitle(blocks, doc.title);
  const year = findYear(title, doc.text);
  const kind = findKind(title, located.tables.length > 0);
  if ((options.requireDocument ?? true) && (kind === undefined || (located.tables.length === 0 && !/决算|预算|绩效/.test(title)))) {
    throw new JuesuanError('not_a_document', `未识别出决算、预算或绩效评价文档（找不到标准表格或文档标题）：${doc.source.path}`, doc.source.path);
  }
  const ctx = { year };
  const tables = located.tables.map((t) => buildTable(t, ctx));
  tables.sort((a, b) => tableOrder(a.id) - tableOrder(b.id) || a.source.line - b.source.line);
  const diagnostics: Diagnostic[] = (doc.warnings ?? []).map((message) => ({ level: 'warning' as const, message }));
  for (const u of located.untitled) {
    diagnostics.push({ level: 'info', message: `第 ${u.line} 行起的表格（${u.rows} 行）不是标准决算表，未提取`, line: u.line });
  }
  for (const t of tables) {
    for (const r of t.recognition.unmatchedRows) {
      diagnostics.push({ level: 'warning', message: `表 ${t.id}「${t.title}」第 ${r.line} 行未能识别：${r.text}`, line: r.line });
    }
  }
  const seen = new Map<string, number>();
  for (const t of tables) seen.set(t.id, (seen.get(t.id) ?? 0) + 1);
  for (const [id, n] of seen) if (n > 1) diagnostics.push({ level: 'warning', message: `表 ${id} 出现了 ${n} 次` });
  // The cover (before the contents or the first numbered section) is not narrative.
  const tocStart = Math.min(...[...toc], blocks.length);
  const firstSection = blocks.findIndex((b) => b.kind !== 'table' && /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．])/.test(compact(b.text)));
  const bodyStart = Math.min(tocStart, firstSection < 0 ? blocks.length : firstSection);
  const include = (i: number) => i >= bodyStart && !toc.has(i) && !located.consumed.has(i);
  const disclosure = findDisclosureDates(blocks);
  const sections = buildSections(blocks, include);
  const moneyUnit = findMoneyUnit(located.tables, doc.text);
  const entity = findEntity(title, located.tables);
  const grids = otherGrids(blocks, located.consumed, toc);
  const catalog = functionalCatalogue(year);
  const extra = proseCells(doc, grids);
  const facts = extractFacts(sections, tables, moneyUnit, { ...factPositions(doc), entity, catalog, ...(extra.length ? { extra } : {}) }, classNameIndex());
  const evaluations = readEvaluations({ doc, grids, ...(year ? { year } : {}) });
  const reconstructed = reconstructTables(facts, tables, { moneyUnit, entity, ...(catalog ? { catalog } : {}), ...(year ? { year } : {}) });
  return {
    schema: 'juesuan/report@1',
    title,
    entity,
    year: year ?? 0,
    kind: kind ?? 'final-accounts',
    scope: findScope(title, doc.text, located.tables),
    moneyUnit,
    tables,
    facts,
    ...(reconstructed.length > 0 ? { reconstructed } : {}),
    sections,
    template: templateFamily(tables),
    source: doc.source,
    diagnostics,
    ...(grids.length > 0 ? { grids } : {}),
    ...(evaluations.length > 0 ? { evaluations } : {}),
    ...(disclosure.published || disclosure.approved ? { disclosure } : {}),
  };
}

/** The grids that are not standard tables (indicator tables, 自评表 …), cell texts as printed. */
function otherGrids(blocks: Block[], consumed: Set<number>, toc: Set<number>): Grid[] {
  const grids: Grid[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'table' || consumed.has(i) || toc.has(i) || b.rows.length === 0) return;
    const span = (pos: { start: number; end: number; line: number; page?: number }) => ({ start: pos.start, end: pos.end, line: pos.line, ...(pos.page !== undefined ? { page: pos.page } : {}) });
    grids.push({
      line: b.pos.line,
      span: span(b.pos),
      rows: b.rows.map((r) => ({ cells: r.cells.map((c) => (c.covered ? '' : c.text)), span: span(r.pos), line: r.pos.line })),
    });
  });
  return grids;
}

/**
 * The cells of those grids that are statements (项目绩效分析: …预算下达42万元，实际执行29.099万元，预算执行率为69%),
 * as paragraphs for the fact reader: prose with a sum of money, found verbatim in its row's source.
 */
function proseCells(doc: Document, grids: Grid[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const g of grids) {
    for (const r of g.rows) {
      let from = r.span.start;
      for (const cell of r.cells) {
        const text = cell.trim();
        if (text.length < 20 || !/[，,。；;]/.test(text) || !/\d\s*(?:万元|元)/.test(text)) continue;
        const at = doc.text.indexOf(text, from);
        if (at < 0 || at > r.span.end) continue;
        from = at + text.length;
        out.push({ text, span: { start: at, end: at + text.length, line: r.line } });
      }
    }
  }
  return out;
}

/** Where a paragraph's characters are in the source (through the block's shifts) and on which line. */
function factPositions(doc: Document): { position: (p: { span: { start: number } }, i: number) => number; lineOf: (offset: number) => number } {
  const byStart = new Map<number, Block>();
  for (const b of doc.blocks) if (b.kind !== 'table') byStart.set(b.pos.start, b);
  let lineStarts: number[] | undefined;
  return {
    position: (p, i) => {
      const b = byStart.get(p.span.start);
      return b && b.kind !== 'table' ? sourceOffset(b.pos, b.shifts, i) : p.span.start + i;
    },
    lineOf: (offset) => {
      if (!lineStarts) {
        lineStarts = [0];
        const t = doc.text;
        for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) lineStarts.push(i + 1);
      }
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}

function tableOrder(id: string): number {
  // Sichuan's four extra tables sit between the national ones (SC_PRINT_ORDER, as withScTables sorts).
  const i = SC_PRINT_ORDER.indexOf(id);
  if (i >= 0) return i;
  return /^\d+$/.test(id) ? SC_PRINT_ORDER.length + Number(id) : 1000;
}
