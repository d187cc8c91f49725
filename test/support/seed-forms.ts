/**
 * Other forms of the seed documents, generated in test code from the seed text (never stored in the
 * repository): the HTML a Word export or a CMS produces and markdown with pipe tables (the layout
 * variants are in layout-variants.ts). The seed text is the plain-text copy of a printed disclosure:
 * table rows are tab-separated lines, and a blank line between two runs of rows is a page break.
 */

export type Segment =
  | { kind: 'line'; text: string }
  | { kind: 'blank' }
  | { kind: 'table'; rows: string[][] };

/** A table-of-contents line (leader dots, tab, page number) is text, not a table row. */
const TOC_LINE = /(?:\.{3,}|…{2,})\s*\t\s*\d+\s*$/;

/** Split seed text into lines, blank lines and tables (runs of tab-separated lines). */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.trim() === '') {
      out.push({ kind: 'blank' });
      continue;
    }
    if (raw.includes('\t') && !TOC_LINE.test(raw)) {
      const last = out[out.length - 1];
      const cells = raw.split('\t');
      if (last?.kind === 'table') last.rows.push(cells);
      else out.push({ kind: 'table', rows: [cells] });
      continue;
    }
    out.push({ kind: 'line', text: raw.replace(/\t/g, ' ') });
  }
  return out;
}

export function joinSegments(segs: Segment[]): string {
  return segs.map((s) => (s.kind === 'blank' ? '' : s.kind === 'line' ? s.text : s.rows.map((r) => r.join('\t')).join('\n'))).join('\n');
}

const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$/;
const CODE = /^\d{3}(?:\d{2}){0,2}$/;

/** A 栏次 row: `栏次` with numbers, or the numbers 1…n alone (also 001's split `栏次` / `1 2 3`). */
export function isNumberRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.includes('栏次')) return filled.every((c) => c === '栏次' || /^\d{1,2}$/.test(c));
  return filled.length >= 2 && filled.every((c, i) => c === String(i + 1));
}

/** How many rows at the top of a table part are header rows. */
export function headerCount(rows: string[][]): number {
  let last = -1;
  for (let r = 0; r < Math.min(rows.length, 5); r++) if (isNumberRow(rows[r]!)) last = r;
  if (last >= 0) return last + 1;
  let n = 0;
  for (const row of rows.slice(0, 3)) {
    const filled = row.map((c) => c.trim()).filter((c) => c !== '');
    if (filled.length === 0) break;
    if (filled.some((c) => AMOUNT.test(c) || CODE.test(c) || /^\d{1,2}$/.test(c) || /合计|总计/.test(c))) break;
    n++;
  }
  return n;
}

export interface HtmlCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

/**
 * Merge cells the way a Word/WPS HTML export prints them: a group label spans the columns that have
 * sub-labels below it (`收入` over 项目/行次/决算数, `项目` over code and name); a label with nothing
 * below it spans down to the 栏次 row; `栏次` spans the blank cell beside it; a 合计 label spans the
 * blank code cell. Returns rows of cells to print (covered positions omitted).
 */
export function mergeCells(rows: string[][]): HtmlCell[][] {
  const h = headerCount(rows);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const grid = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim()));
  const covered = grid.map((r) => r.map(() => false));
  const out: HtmlCell[][] = grid.map(() => []);
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r]!;
    const numberRow = isNumberRow(row);
    for (let c = 0; c < width; c++) {
      if (covered[r]![c]) continue;
      let text = row[c]!;
      let colSpan = 1;
      let rowSpan = 1;
      if (r < h && !numberRow && text !== '') {
        while (c + colSpan < width && row[c + colSpan] === '' && r + 1 < h && !isNumberRow(grid[r + 1]!) && grid[r + 1]![c + colSpan] !== '') colSpan++;
        const blankBelow = (k: number) => grid[k]!.slice(c, c + colSpan).every((t) => t === '');
        while (r + rowSpan < h && !isNumberRow(grid[r + rowSpan]!) && blankBelow(r + rowSpan)) rowSpan++;
      } else if (numberRow && text === '' && row[c + 1] === '栏次') {
        text = '栏次';
        colSpan = 2;
      } else if (numberRow && text === '栏次' && row[c + 1] === '' && c + 1 < width) {
        colSpan = 2;
      } else if (r >= h && text === '' && /^(?:合计|总计)$/.test(row[c + 1] ?? '')) {
        text = row[c + 1]!;
        colSpan = 2;
      } else if (r >= h && /^(?:合计|总计)$/.test(text) && row[c + 1] === '' && c === 0) {
        colSpan = 2;
      }
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) covered[r + dr]![c + dc] = true;
      out[r]!.push({ text, colSpan, rowSpan });
    }
  }
  return out;
}

export interface HtmlOptions {
  /** The charset to declare in a meta tag (http-equiv, as Word writes it), if any. */
  charset?: string;
  /** Merge header cells with colspan/rowspan as Word exports do (default true). */
  merge?: boolean;
  /** Put the title and preamble lines (单位：万元 …) into the first rows of the table, spanning all columns. */
  titleInTable?: boolean;
  /** One `<table>` per printed table, the page-split parts (and their repeated headers) inside it. */
  joinParts?: boolean;
  /** Wrap the whole body in a layout table, and each table with its title in another. */
  layoutTables?: boolean;
  /** Element for table titles (default `p` with `<b>`). */
  titleTag?: 'p' | 'h3';
  /** Break the source text every n characters with CRLF and indentation, as Word's HTML export wraps its lines. */
  wrapSource?: number;
  /** Header rows in `<thead>` as `<th>`, the rest in `<tbody>`. */
  th?: boolean;
  /** An empty first column in every table (a spreadsheet export's column A). */
  marginColumn?: boolean;
  /** Declare the charset as `<meta charset=…>` instead of the http-equiv form Word writes. */
  shortMeta?: boolean;
  /** A last paragraph to add (characters an encoding must carry). */
  footer?: string;
}

const TITLE_LINE = /(?:决算(?:总|明细)?表|统计表)$/;
const PREAMBLE_LINE = /^(?:(?:金额)?单位[:：]|部门[:：]|部门名称[:：]|单位名称[:：]|公开\d+表$|表\d+$|\d{4}年度$)/;
const SECTION_LINE = /^第[一二三四五六七八九十]+部分/;

const CJK_CHAR = /[\u2e80-\u9fff\uff00-\uffef]/;

/**
 * Escape text; with `wrap`, break it into source lines of about that length where Word's export
 * breaks them: between two CJK characters, or at a space (which the line break replaces).
 */
function esc(text: string, wrap = 0): string {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (wrap <= 0) return escape(text);
  const lines: string[] = [];
  let from = 0;
  for (let i = 1; i < text.length; i++) {
    if (i - from < wrap) continue;
    if (text[i] === ' ') {
      lines.push(text.slice(from, i));
      from = i + 1;
    } else if (CJK_CHAR.test(text[i - 1]!) && CJK_CHAR.test(text[i]!)) {
      lines.push(text.slice(from, i));
      from = i;
    }
  }
  lines.push(text.slice(from));
  return lines.map(escape).join('\r\n    ');
}

function isTitle(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && TITLE_LINE.test(t) && !/[，。]/.test(t);
}

function tableHtml(rows: string[][], options: HtmlOptions, lead: string[] = []): string {
  const merge = options.merge ?? true;
  const th = options.th ?? false;
  const wrap = options.wrapSource ?? 0;
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const cells = merge ? mergeCells(rows) : rows.map((r) => Array.from({ length: width }, (_, i) => ({ text: (r[i] ?? '').trim(), colSpan: 1, rowSpan: 1 })));
  if (options.marginColumn) cells.forEach((r) => r.unshift({ text: '', colSpan: 1, rowSpan: 1 }));
  const head = th ? headerCount(rows) : 0;
  const td = (tag: string) => (c: HtmlCell) =>
    `<${tag}${c.colSpan > 1 ? ` colspan=${c.colSpan}` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''} style="border:solid windowtext 1.0pt"><p class=MsoNormal align=center><span lang=EN-US style="font-size:9.0pt">${c.text === '' ? '&nbsp;' : esc(c.text, wrap)}</span><o:p></o:p></p></${tag}>`;
  const leadRows = lead.map((t) => `<tr><td colspan=${width}><p align=center><b>${esc(t, wrap)}</b></p></td></tr>`);
  const tr = (r: HtmlCell[], i: number) => `<tr style="height:14.25pt">\n  ${r.map(td(i < head ? 'th' : 'td')).join('\n  ')}\n </tr>`;
  const body = cells.map(tr);
  if (th) {
    return `<table border=1>\n<thead>\n${[...leadRows, ...body.slice(0, head)].join('\n')}\n</thead>\n<tbody>\n${body.slice(head).join('\n')}\n</tbody>\n</table>`;
  }
  return `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>\n${[...leadRows, ...body].join('\n')}\n</table>`;
}

/** Join the page-split parts of each table (table segments with only blank lines between). */
function joinParts(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  let lastTable: { rows: string[][] } | undefined;
  for (const s of segs) {
    if (s.kind === 'blank') continue;
    if (s.kind === 'table' && lastTable) lastTable.rows.push(...s.rows);
    else if (s.kind === 'table') {
      lastTable = { rows: s.rows.map((r) => [...r]) };
      out.push({ kind: 'table', rows: lastTable.rows });
    } else {
      out.push(s);
      lastTable = undefined;
    }
  }
  return out;
}

/** The seed text as an HTML page. */
export function seedToHtml(text: string, options: HtmlOptions = {}): string {
  const segs = (options.joinParts ? joinParts(segments(text)) : segments(text)).filter((s) => s.kind !== 'blank');
  const html: string[] = [];
  let lead: string[] = [];
  const isLead = (s: Segment | undefined) => s?.kind === 'line' && (isTitle(s.text.trim()) || PREAMBLE_LINE.test(s.text.trim()));
  segs.forEach((s, i) => {
    if (s.kind === 'table') {
      const own = options.titleInTable ? lead : [];
      const above = options.titleInTable ? [] : lead.map((t) => paragraph(t, options));
      const table = tableHtml(s.rows, options, own);
      html.push(options.layoutTables ? `<table width="100%"><tr><td>\n${[...above, table].join('\n')}\n</td></tr></table>` : [...above, table].join('\n'));
      lead = [];
      return;
    }
    if (s.kind !== 'line') return;
    const t = s.text.trim();
    // Title and preamble lines directly above a table go with it (into it, or into its layout cell).
    if ((options.titleInTable || options.layoutTables) && isLead(s)) {
      let k = i + 1;
      while (isLead(segs[k])) k++;
      if (segs[k]?.kind === 'table') {
        lead.push(t);
        return;
      }
    }
    html.push(paragraph(t, options));
  });
  const meta = !options.charset
    ? ''
    : options.shortMeta
      ? `<meta charset="${options.charset}">\n`
      : `<meta http-equiv=Content-Type content="text/html; charset=${options.charset}">\n`;
  if (options.footer) html.push(paragraph(options.footer, options));
  const body = html.join('\n');
  const wrapped = options.layoutTables ? `<table width="100%" border=0><tr><td>\n${body}\n</td></tr></table>` : body;
  return `<!DOCTYPE html>\n<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n${meta}<title>部门决算</title>\n<style>p.MsoNormal{margin:0}</style>\n</head>\n<body lang=ZH-CN>\n<div class=WordSection1>\n${wrapped}\n</div>\n</body>\n</html>\n`;
}

function paragraph(text: string, options: HtmlOptions): string {
  if (/^- /.test(text)) return `<ul><li>${esc(text.slice(2), options.wrapSource)}</li></ul>`;
  const t = esc(text, options.wrapSource);
  if (SECTION_LINE.test(text)) return `<h2>${t}</h2>`;
  if (isTitle(text)) return options.titleTag === 'h3' ? `<h3>${t}</h3>` : `<p class=MsoNormal align=center><b><span style="font-size:16.0pt">${t}</span></b></p>`;
  return `<p class=MsoNormal style="text-indent:2em">${t}</p>`;
}

export interface MarkdownOptions {
  /** Table titles as `**bold**` paragraphs instead of `##` headings. */
  boldTitles?: boolean;
  /** Pipe rows without padding and without the outer pipes' spaces, alignment marks in the separator. */
  tight?: boolean;
}

/** The seed text as markdown: `#` headings, pipe tables (the first row of each part as its header). */
export function seedToMarkdown(text: string, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  for (const s of segments(text)) {
    if (s.kind === 'blank') out.push('');
    else if (s.kind === 'line') {
      const t = s.text.trim();
      if (SECTION_LINE.test(t)) out.push(`# ${t}`);
      else if (isTitle(t)) out.push(options.boldTitles ? `**${t}**` : `## ${t}`);
      else out.push(t);
    } else {
      const width = s.rows.reduce((w, r) => Math.max(w, r.length), 0);
      const cells = (r: string[]) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim().replace(/\|/g, '\\|'));
      const line = (r: string[]) => (options.tight ? `|${cells(r).join('|')}|` : `| ${cells(r).join(' | ')} |`);
      const separator = options.tight ? `|:---|${'---:|'.repeat(width - 1)}` : `|${' --- |'.repeat(width)}`;
      out.push('', line(s.rows[0]!), separator, ...s.rows.slice(1).map(line), '');
    }
  }
  return out.join('\n');
}
