/** What the format writers share: the contents entries and the anchors they link to. */
import type { DisclosureDocument } from '../document/model.js';

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
