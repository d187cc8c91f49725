/**
 * Reader for plain text and markdown(-ish) text, the form in which disclosures are copied out of
 * Word/PDF: tab-separated table rows (one line per printed row, blank cells kept as empty fields),
 * markdown pipe tables, `#` headings, `**bold**` and `<b>` marks, table-of-contents lines with
 * leader dots. Written by hand: this line-level layout is specific to the genre; general markdown
 * parsers would split the tab-separated rows into ordinary paragraphs.
 */
import type { Block, GridRow, ParagraphBlock, Shifts, SourcePos } from '../../model/document.js';
import { cleanCell, cleanInline } from './inline.js';

const MD_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?\|?\s*$/;
/** Leader dots (or ellipses) followed by a page number: a table-of-contents entry (any format). */
export const TOC_LINE = /(?:\.{3,}|…{2,}|·{3,}|-{4,})[\s\t]*(?:第?\s*\d+\s*页?)?\s*$/;
/** A line that begins a new unit: numbering, a bullet, a note, a table label, a header line. */
const STARTS_UNIT =
  /^\s*(?:第[一二三四五六七八九十百]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑳]|[-*+•]\s|(?:注|说明|备注)\s*[:：]|(?:附?表|公开)\s*\d+|(?:单位|部门|金额单位|部门名称|单位名称|编制单位|编制部门)\s*[:：]|\d{4}\s*年度?\s*$)/;
const ENDS_SENTENCE = /[。！？!?；;：:]$/;
const LABEL_LINE = /^\s*(?:附?表\s*\d+|公开\s*\d+\s*表)\s*$/;

export interface LineReadOptions {
  markdown: boolean;
}

/** Split text into blocks. `text` must already use `\n` line ends; positions index it. */
export function readLines(text: string, options: LineReadOptions = { markdown: true }): Block[] {
  const blocks: Block[] = [];
  let table: { rows: GridRow[]; pos: SourcePos } | undefined;
  let para: (ParagraphBlock & { lastLineText: string }) | undefined;

  const flushTable = () => {
    if (table && table.rows.length > 0) blocks.push({ kind: 'table', rows: table.rows, pos: table.pos });
    table = undefined;
  };
  let gap = false;
  const flushPara = () => {
    gap = false;
    if (para) {
      const { lastLineText: _unused, ...block } = para;
      blocks.push(block);
    }
    para = undefined;
  };

  let offset = 0;
  let lineNo = 0;
  const length = text.length;
  while (offset <= length) {
    let nl = text.indexOf('\n', offset);
    if (nl < 0) nl = length;
    const line = text.slice(offset, nl);
    lineNo++;
    const lineStart = offset;
    offset = nl + 1;

    if (line.trim() === '' || /^[\s\u3000]*$/.test(line)) {
      // Keep the paragraph open: a line after a blank line may still continue its sentence.
      if (para) gap = true;
      flushTable();
      continue;
    }

    const heading = options.markdown ? MD_HEADING.exec(line) : null;
    if (heading) {
      flushPara();
      flushTable();
      const inner = heading[2] ?? '';
      const innerStart = line.indexOf(inner, (heading[1] ?? '').length);
      const clean = cleanInline(inner);
      blocks.push({
        kind: 'heading',
        level: (heading[1] ?? '#').length,
        text: clean.text,
        pos: { line: lineNo, start: lineStart + innerStart + clean.lead, end: lineStart + line.length },
        ...(clean.shifts ? { shifts: rebase(clean.shifts, clean.lead) } : {}),
      });
      continue;
    }

    const isToc = TOC_LINE.test(line) && /\S/.test(line.replace(TOC_LINE, ''));
    const isPipe = !isToc && options.markdown && PIPE_ROW.test(line);
    const isTab = !isToc && !isPipe && line.includes('\t');
    if (isPipe || isTab) {
      flushPara();
      if (isPipe && PIPE_SEPARATOR.test(line)) continue;
      const cells = isPipe ? splitPipeRow(line) : line.split('\t');
      const row: GridRow = {
        cells: cells.map((c) => ({ text: cleanCell(c) })),
        pos: { line: lineNo, start: lineStart, end: lineStart + line.length },
      };
      if (row.cells.every((c) => c.text === '')) continue; // a row of empty cells: layout filler
      if (!table) table = { rows: [], pos: { ...row.pos } };
      table.rows.push(row);
      table.pos.endLine = lineNo;
      table.pos.end = row.pos.end;
      continue;
    }

    flushTable();
    // Contents entries keep their tab before the page number: the text is the source, character for character.
    const clean = cleanInline(line);
    if (isToc) {
      flushPara();
      blocks.push({
        kind: 'paragraph',
        text: clean.text,
        toc: true,
        pos: { line: lineNo, start: lineStart + clean.lead, end: lineStart + line.length },
        ...(clean.shifts ? { shifts: rebase(clean.shifts, clean.lead) } : {}),
      });
      continue;
    }
    // A first-line indent of ideographic spaces (　　) begins a paragraph, as in the printed text.
    const indented = /^[ \t]*\u3000/.test(line);
    if (para && !indented && (gap ? continuesAcrossGap(para.lastLineText, clean.text) : canJoin(para.lastLineText, clean.text))) {
      // A line wrapped inside a paragraph: join without a separator (CJK text has no spaces).
      const at = para.text.length;
      const sourceNext = lineStart + clean.lead;
      const delta = sourceNext - para.pos.start - at;
      (para.shifts ??= []).push([at, delta]);
      for (const [i, d] of clean.shifts ?? []) para.shifts.push([at + i, delta + d - clean.lead]);
      para.text += clean.text;
      para.lastLineText = clean.text;
      para.pos.endLine = lineNo;
      para.pos.end = lineStart + line.length;
      gap = false;
      continue;
    }
    flushPara();
    para = {
      kind: 'paragraph',
      text: clean.text,
      lastLineText: clean.text,
      pos: { line: lineNo, start: lineStart + clean.lead, end: lineStart + line.length },
      ...(clean.shifts ? { shifts: rebase(clean.shifts, clean.lead) } : {}),
    };
  }
  flushPara();
  flushTable();
  return blocks;
}

/** Shifts from cleanInline count from the line start; make them relative to the text start. */
function rebase(shifts: Shifts, lead: number): Shifts {
  return shifts.map(([i, d]) => [i, d - lead]);
}

/**
 * Across a blank line only an unmistakable continuation joins: the previous line ends mid-sentence
 * and the next begins with a unit or punctuation that cannot start a sentence ("92.4" / "万元，已支出").
 */
function continuesAcrossGap(previous: string, next: string): boolean {
  if (ENDS_SENTENCE.test(previous)) return false;
  return /^(?:[万亿千]?元|%|％|[，,。；;：:、）)])/.test(next);
}

function canJoin(previous: string, next: string): boolean {
  if (ENDS_SENTENCE.test(previous)) return false;
  if (STARTS_UNIT.test(next) || LABEL_LINE.test(previous)) return false;
  if (/^(?:单位|部门|金额单位|部门名称|单位名称)\s*[:：]/.test(previous)) return false;
  return true;
}

function splitPipeRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '\\' && inner[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells;
}
