/**
 * The narrative as a tree of numbered sections: 第X部分 › 一、 › （一） › 1. › (1). Headings are told
 * from numbered paragraphs by form: short, no sentence punctuation.
 */
import type { Block } from '../../model/document.js';
import type { Section } from '../../model/report.js';
import { compact } from '../normalise.js';

const LEVELS: { level: number; re: RegExp }[] = [
  { level: 1, re: /^(第[一二三四五六七八九十]+部分)[\s:：、.．]*(.*)$/ },
  { level: 2, re: /^([一二三四五六七八九十]+)[、.．]\s*(.*)$/ },
  { level: 3, re: /^[（(]([一二三四五六七八九十]+)[)）][、.．]?\s*(.*)$/ },
  { level: 4, re: /^(\d{1,2})[.．、](?!\d)\s*(.*)$/ },
  { level: 5, re: /^[（(](\d{1,2})[)）][、.．]?\s*(.*)$/ },
];

export interface HeadingForm {
  level: number;
  number: string;
  title: string;
}

/** The numbered-heading form of a line, if it is one (not a numbered sentence). */
export function headingForm(text: string, markdownLevel?: number): HeadingForm | undefined {
  const t = text.trim();
  for (const { level, re } of LEVELS) {
    const m = re.exec(t);
    if (!m) continue;
    const title = compact(m[2] ?? '');
    const isHeading = markdownLevel !== undefined || (title.length <= 40 && !/[，。；;,]|[:：]$/.test(title) && !/\d+(?:\.\d+)?(?:万元|元|%)/.test(title));
    if (!isHeading) return undefined;
    return { level, number: m[1]!, title: title.replace(/[。.．]$/, '') };
  }
  if (markdownLevel !== undefined) return { level: Math.min(markdownLevel, 5), number: '', title: compact(t) };
  return undefined;
}

/** Build the section tree from the narrative blocks (tables, their titles and notes already removed). */
export function buildSections(blocks: Block[], include: (index: number) => boolean): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  const narrative = blocks.map((b, i) => (include(i) && b.kind !== 'table' ? b : undefined));
  const forms = narrative.map((b) => (b ? headingForm(b.text, b.kind === 'heading' ? b.level : undefined) : undefined));
  demoteListItems(narrative, forms);
  blocks.forEach((b, i) => {
    if (!narrative[i] || b.kind === 'table') return;
    const form = forms[i];
    const span = { start: b.pos.start, end: b.pos.end, line: b.pos.line, ...(b.pos.page !== undefined ? { page: b.pos.page } : {}) };
    if (form) {
      const section: Section = { number: form.number, title: form.title, level: form.level, paragraphs: [], children: [], span: { ...span } };
      while (stack.length > 0 && stack[stack.length - 1]!.level >= form.level) stack.pop();
      const parent = stack[stack.length - 1];
      (parent ? parent.children : roots).push(section);
      stack.push(section);
      return;
    }
    const current = stack[stack.length - 1];
    if (!current) return; // text before the first heading: the cover
    current.paragraphs.push({ text: b.text, span });
    for (const s of stack) s.span.end = Math.max(s.span.end, span.end);
  });
  return roots;
}

/**
 * Numbered lines that follow each other with no text between (1. 甲单位 / 2. 乙单位 / 3. …) are a
 * list, not headings: headings introduce text. Only the finer levels (1. and (1)) are lists.
 */
function demoteListItems(narrative: (Block | undefined)[], forms: (HeadingForm | undefined)[]): void {
  const idx = narrative.map((b, i) => (b ? i : -1)).filter((i) => i >= 0);
  let runStart = 0;
  for (let k = 1; k <= idx.length; k++) {
    const prev = forms[idx[k - 1]!];
    const cur = k < idx.length ? forms[idx[k]!] : undefined;
    const continues =
      prev !== undefined && cur !== undefined && prev.level >= 4 && cur.level === prev.level && Number(cur.number) === Number(prev.number) + 1;
    if (!continues) {
      if (k - runStart >= 2 && (forms[idx[runStart]!]?.level ?? 0) >= 4) {
        for (let r = runStart; r < k; r++) if (narrative[idx[r]!]?.kind !== 'heading') forms[idx[r]!] = undefined;
      }
      runStart = k;
    }
  }
}
