/** What the format writers share: the contents entries and the anchors they link to. */
import type { DisclosureDocument } from '../document/model.js';
import type { ColumnKind, TableLayout } from '../layout.js';

export interface TocEntry {
  level: 1 | 2;
  text: string;
  /** The anchor of the heading (`sec-3`): the index of the heading among the document's headings. */
  anchor: string;
}

/** The id of the n-th heading of the document (0-based, in block order). */
export const headingAnchor = (n: number): string => `sec-${n + 1}`;

/** The contents: every level-1 and level-2 heading, with its anchor. */
export function tocEntries(doc: DisclosureDocument): TocEntry[] {
  const entries: TocEntry[] = [];
  let n = 0;
  for (const block of doc.blocks) {
    if (block.kind !== 'heading') continue;
    const anchor = headingAnchor(n++);
    if (block.level === 1 || block.level === 2) entries.push({ level: block.level, text: block.text, anchor });
  }
  return entries;
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Column widths from what the columns print: the longest cell of each column in half-width units (a
 * CJK character is two), names capped (they wrap) and amounts never (a number must not wrap), with a
 * floor per kind so a blank column still has room.
 */
export function columnWeights(layout: TableLayout): number[] {
  const FLOOR: Record<ColumnKind, number> = { label: 12, code: 6, line: 4, amount: 8 };
  const CAP: Record<ColumnKind, number> = { label: 30, code: 10, line: 6, amount: 40 };
  return layout.kinds.map((kind, c) => {
    let longest = 0;
    for (const row of layout.body) longest = Math.max(longest, displayWidth(row[c] ?? ''));
    // A header label of its own column: up to four characters on one line (longer ones wrap).
    for (const row of layout.header) {
      const cell = row[c];
      if (cell && !cell.covered && (cell.colSpan ?? 1) === 1) longest = Math.max(longest, Math.min(8, displayWidth(cell.text)));
    }
    return Math.max(FLOOR[kind], Math.min(CAP[kind], longest + 1));
  });
}

function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return n;
}
