/**
 * The intermediate Document: what a reader produces and recognition consumes.
 * Nothing after `read/` knows which file format a block came from.
 */

/**
 * Where a block sits. `line` is the 1-based line in the original file (for HTML, the line of the
 * element's start tag); `start`/`end` index `Document.text`.
 */
export interface SourcePos {
  line: number;
  endLine?: number;
  start: number;
  end: number;
  page?: number;
  /** Workbooks: the sheet, and the 1-based row and column of the cell or row, so a finding can say 工作表 Z01 第12行. */
  sheet?: string;
  row?: number;
  column?: number;
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1 = top level; markdown `#` depth or HTML h1–h6. Plain text headings are found later, by wording. */
  level: number;
  text: string;
  pos: SourcePos;
  shifts?: Shifts;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  pos: SourcePos;
  shifts?: Shifts;
  /** A table-of-contents entry (leader dots and a page number), not body text. */
  toc?: boolean;
}

export interface GridCell {
  text: string;
  /** Set on the top-left cell of a merged range (HTML rowspan/colspan, merged spreadsheet cells). */
  rowSpan?: number;
  colSpan?: number;
  /** True for a position covered by a merged cell; its text is empty. */
  covered?: boolean;
  /** Where the cell was printed (paged formats), so a finding can point at the place on the page. */
  box?: Box;
  /** Workbooks: the 1-based sheet column of the cell (hidden columns make it differ from the index), so a finding can say D12. */
  column?: number;
}

export interface GridRow {
  cells: GridCell[];
  pos: SourcePos;
}

export interface TableBlock {
  kind: 'table';
  rows: GridRow[];
  pos: SourcePos;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'xlsx' | 'xls' | 'docx';

/** Where a cell or block was printed on a page (PDF points, origin top-left of the page). */
export interface Box {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SourceInfo {
  /** File path as given, or a label for in-memory input. */
  path: string;
  format: SourceFormat;
  encoding: string;
  bytes: number;
  sha256: string;
}

export interface Document {
  source: SourceInfo;
  /** The decoded text that positions refer to (for HTML: the extracted text, one block per line). */
  text: string;
  blocks: Block[];
  /** A title the format carries besides the body (HTML `<title>`). */
  title?: string;
  /** Pages read, for paged formats (PDF). */
  pages?: number;
  /** What the reader could not read and the user should know (pages that are pictures of text). */
  warnings?: string[];
}

/**
 * A paragraph or heading whose text differs from its source span (markup removed, wrapped lines
 * joined) carries `shifts`: pairs [textIndex, delta] meaning that from textIndex on, the source
 * offset is `pos.start + textIndex + delta`. Sorted by textIndex; absent when text = source slice.
 */
export type Shifts = [number, number][];

export function sourceOffset(pos: SourcePos, shifts: Shifts | undefined, index: number): number {
  let delta = 0;
  if (shifts) {
    for (const [at, d] of shifts) {
      if (at > index) break;
      delta = d;
    }
  }
  return pos.start + index + delta;
}
