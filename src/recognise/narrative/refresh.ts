/**
 * Reading the narrative's facts again from a Report's current texts, after a clerk corrected a
 * paragraph, a section title, the entity or a row name (the workbench's text edits): the statements
 * of the new words are what the narrative rules judge.
 *
 * Positions. A recognised paragraph's text is its source slice (lines wrapped inside a sentence
 * joined), and its facts' spans are source offsets. An edited paragraph has no source: its facts
 * are placed at `span.start + index in the new text`, and its span becomes `[start, start + length)`.
 * When the new text is longer than the old span, every span after it (paragraphs, sections, facts,
 * grids, tables …) moves on by the difference, and the spans around it grow, so that offsets stay
 * unique and ordered. Facts of the paragraphs that were not edited keep the spans they had (matched
 * by their printed text), so their findings stay where the source printed them. Lines and pages do
 * not change.
 */
import { classNameIndex, functionalCatalogue } from './catalogue.js';
import type { Fact, Paragraph, Report, Section, Span } from '../../model/report.js';
import { extractFacts } from './facts.js';
import { reconstructTables } from './reconstruct.js';

/**
 * The Report with its facts (and the tables rebuilt from them) read again from its sections.
 * `before` is the same report before the edit: the paragraphs whose text differs from it are the
 * edited ones (their spans are fixed as described above). Without it, no paragraph counts as edited.
 */
export function refreshFacts(report: Report, before?: Report): Report {
  const next = structuredClone(report);
  if (before) {
    const changed: Paragraph[] = [];
    pairParagraphs(before.sections ?? [], next.sections ?? [], (old, now) => {
      if (old.text !== now.text) changed.push(now);
    });
    // Last first: moving what follows an edit also moves the later edits, consistently.
    changed.sort((a, b) => b.span.start - a.span.start);
    for (const p of changed) placeEdited(next, p);
  }
  const oldFacts = next.facts ?? [];
  const paragraphs = allParagraphs(next.sections ?? []);
  const extra = gridProse(next, oldFacts, paragraphs);
  const catalog = functionalCatalogue(next.year || undefined);
  const facts = extractFacts(next.sections ?? [], next.tables, next.moneyUnit, { entity: next.entity, ...(catalog ? { catalog } : {}), ...(extra.length ? { extra } : {}) }, classNameIndex());
  const edited = new Set<Paragraph>();
  if (before) pairParagraphs(before.sections ?? [], next.sections ?? [], (old, now) => old.text !== now.text && edited.add(now));
  keepSourceSpans(facts, oldFacts, [...paragraphs.filter((p) => !edited.has(p)), ...extra]);
  next.facts = facts;
  const reconstructed = reconstructTables(facts, next.tables, {
    moneyUnit: next.moneyUnit,
    entity: next.entity,
    ...(catalog ? { catalog } : {}),
    ...(next.year ? { year: next.year } : {}),
  });
  if (reconstructed.length > 0) next.reconstructed = reconstructed;
  else delete next.reconstructed;
  return next;
}

/** Visit the paragraphs of two section trees of the same shape, side by side. */
function pairParagraphs(a: Section[], b: Section[], visit: (old: Paragraph, now: Paragraph) => void): void {
  a.forEach((s, i) => {
    const t = b[i];
    if (!t) return;
    s.paragraphs.forEach((p, k) => t.paragraphs[k] && visit(p, t.paragraphs[k]));
    pairParagraphs(s.children, t.children, visit);
  });
}

function allParagraphs(sections: Section[], out: Paragraph[] = []): Paragraph[] {
  for (const s of sections) {
    out.push(...s.paragraphs);
    allParagraphs(s.children, out);
  }
  return out;
}

/** Give an edited paragraph the span of its new text, moving everything after it when it grew. */
function placeEdited(report: Report, p: Paragraph): void {
  const oldEnd = p.span.end;
  const newEnd = p.span.start + p.text.length;
  const delta = newEnd - oldEnd;
  if (delta > 0) {
    const seen = new Set<object>();
    const walk = (value: unknown, top: boolean) => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      if (Array.isArray(value)) {
        for (const v of value) walk(v, false);
        return;
      }
      const o = value as Record<string, unknown>;
      if (typeof o['start'] === 'number' && typeof o['end'] === 'number') {
        const s = o as unknown as Span;
        if (s.start >= oldEnd) {
          s.start += delta;
          s.end += delta;
        } else if (s.end >= oldEnd) s.end += delta; // a span around the paragraph (its section, a sentence) grows
      }
      for (const [k, v] of Object.entries(o)) if (!(top && k === 'source')) walk(v, false);
    };
    walk(report, true);
  }
  p.span.end = newEnd;
}

/**
 * The statements in cells of grids that are not standard tables, as recognise() read them (it found
 * each cell's text in the source; the Report keeps the cells and the facts read from them, so each
 * cell's offset is where its first fact says it is).
 */
function gridProse(report: Report, oldFacts: Fact[], paragraphs: Paragraph[]): Paragraph[] {
  const inSections = (f: Fact) => paragraphs.some((p) => f.span.start >= p.span.start && f.span.start < p.span.end);
  const outside = oldFacts.filter((f) => !inSections(f));
  if (outside.length === 0) return [];
  const out: Paragraph[] = [];
  for (const g of report.grids ?? []) {
    for (const r of g.rows) {
      const inRow = outside.filter((f) => f.span.start >= r.span.start && f.span.start < r.span.end);
      if (inRow.length === 0) continue;
      const used = new Set<Fact>();
      for (const cell of r.cells) {
        const text = cell.trim();
        if (text.length < 20) continue;
        const first = inRow.find((f) => !used.has(f) && text.includes(f.text));
        if (!first) continue;
        // The offset at which every fact of the cell's range shows its own text.
        let at = -1;
        for (let i = text.indexOf(first.text); i >= 0 && at < 0; i = text.indexOf(first.text, i + 1)) {
          const start = first.span.start - i;
          const mine = inRow.filter((f) => f.span.start >= start && f.span.end <= start + text.length);
          if (mine.every((f) => text.slice(f.span.start - start, f.span.end - start) === f.text)) at = start;
        }
        if (at < 0) continue;
        for (const f of inRow) if (f.span.start >= at && f.span.end <= at + text.length) used.add(f);
        out.push({ text, span: { start: at, end: at + text.length, line: r.line, ...(r.span.page !== undefined ? { page: r.span.page } : {}) } });
      }
    }
  }
  return out;
}

/**
 * The facts of paragraphs that were not edited take the spans (and sentences) their earlier reading
 * gave them, which follow the source through joined lines: matched paragraph by paragraph, by text
 * in reading order.
 */
function keepSourceSpans(facts: Fact[], oldFacts: Fact[], paragraphs: Paragraph[]): void {
  const within = (p: Paragraph, f: Fact) => f.span.start >= p.span.start && f.span.start < p.span.end;
  for (const p of paragraphs) {
    const olds = oldFacts.filter((f) => within(p, f));
    if (olds.length === 0) continue;
    const taken = new Set<Fact>();
    for (const f of facts) {
      if (!within(p, f)) continue;
      const o = olds.find((x) => !taken.has(x) && x.text === f.text);
      if (!o) continue;
      taken.add(o);
      f.span = { ...o.span };
      if (o.sentence) f.sentence = { ...o.sentence };
    }
  }
}

