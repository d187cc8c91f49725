/**
 * PDF fixtures for the PDF reader's tests and benchmark-like checks: a Report printed in the
 * published text layout (renderText) is laid out as HTML (or DOCX) the way publishers do — ruled
 * or borderless tables, 类/款/项 code columns, letter-spaced and wrapped names, page-split tables —
 * and printed to PDF by Chromium (or LibreOffice). Files go to a temp folder, never the repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export interface HtmlLayout {
  /** Draw cell borders (default true); false prints a borderless table (columns from text positions). */
  rules?: boolean;
  /** Print 7-digit codes in three columns 类 | 款 | 项 (`201 | 06 | 01`). */
  splitCodes?: boolean;
  /** Letter-space short names (`救 济 费`, `合 计`). */
  letterSpace?: boolean;
  /** Narrow name columns so long names wrap over up to three lines. */
  wrapNames?: boolean;
  /** CSS font family (the radical problem appears with Noto CJK). */
  font?: string;
  /** Font size in points (default 9). */
  fontSize?: number;
  /** Vertical alignment in cells (default middle). */
  valign?: 'top' | 'middle';
  /** Start each table on a new page. */
  tablePerPage?: boolean;
  /** Align as publishers do: amounts right, header rows (above the first amount) centred. */
  publisherAlign?: boolean;
  /** Alignment of amounts (overrides publisherAlign's right alignment for amounts). */
  amountAlign?: 'left' | 'center' | 'right';
  /** A forced page break before a row of a table part (`rows` are the part's cells, `r` the row; `continued` after a page break). */
  breakBefore?: (rows: string[][], r: number, continued: boolean) => boolean;
  /** Rewrite each cell's text (amount formats: separators, negatives, how zero is shown). */
  cell?: (text: string, rows: string[][], r: number, c: number) => string;
  /** Width of paragraph lines in em (a long table title wraps onto two lines). */
  lineWidth?: number;
  /** Merge header cells as publishers do: a label over blanks below spans those rows (vertically
   * centred, off its neighbours' baselines), a group label over blanks beside it spans those columns. */
  mergeHeader?: boolean;
  /** Extra CSS appended to the style sheet. */
  css?: string;
  /** Alignment of one cell (after `cell`), overriding the others: Excel prints a text `-` left in a right-aligned column. */
  align?: (text: string, r: number, c: number) => 'l' | 'c' | 'r' | undefined;
  /** Rewrite a table part's rows before printing (where publishers put 合计 and 栏次). */
  rows?: (rows: string[][]) => string[][];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Section {
  kind: 'line' | 'table';
  lines: string[];
  /** A table part that follows a page break of the same table. */
  continued?: boolean;
}

/** Split renderText output into paragraph lines and table parts (a blank line between two parts is a page break). */
export function sections(text: string): Section[] {
  const out: Section[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('\t') && !/\.{3,}\t\d+$/.test(line)) {
      const last = out[out.length - 1];
      if (last?.kind === 'table' && lines[i - 1]?.includes('\t')) last.lines.push(line);
      else out.push({ kind: 'table', lines: [line], continued: last?.kind === 'table' && lines[i - 1] === '' });
    } else if (line.trim() !== '') out.push({ kind: 'line', lines: [line] });
  }
  return out;
}

const CODE7 = /^\d{7}$/;

export function renderHtml(text: string, layout: HtmlLayout = {}): string {
  const rules = layout.rules ?? true;
  const font = layout.font ?? '"Noto Serif CJK SC", serif';
  const body: string[] = [];
  let lastTableStart = -1;
  const secs = sections(text);
  secs.forEach((s, index) => {
    if (s.kind === 'line') {
      const t = s.lines[0]!;
      const title = /表$/.test(t.trim()) && secs[index + 1]?.kind !== 'table';
      if (layout.tablePerPage && title) body.push('<div style="break-before: page"></div>');
      body.push(`<p>${esc(t)}</p>`);
      return;
    }
    let rows = s.lines.map((l) => l.split('\t'));
    if (layout.rows) rows = layout.rows(rows);
    const split = layout.splitCodes && rows.some((r) => CODE7.test(r[0] ?? ''));
    const html: string[] = [];
    // (A printed amount with its decimals, in any of the forms publishers print.)
    const firstData = rows.findIndex((r) => r.some((c) => /^-?[\d,]+\.\d\d$/.test(c)));
    // Merged header cells: spans by row and column, and the cells they cover.
    const span = new Map<string, [number, number]>();
    const covered = new Set<string>();
    const numbersRow = (r: number) => (rows[r] ?? []).some((c) => /^栏\s*次$/.test(c)) || (rows[r] ?? []).every((c) => /^\d{0,2}$/.test(c));
    if (layout.mergeHeader && !split) {
      for (let r = 0; r < firstData; r++) {
        if (numbersRow(r)) continue;
        rows[r]!.forEach((cell, c) => {
          if (cell === '' || covered.has(`${r},${c}`)) return;
          let down = 1;
          while (r + down < firstData && !numbersRow(r + down) && (rows[r + down]![c] ?? '') === '') down++;
          let across = 1;
          while (down === 1 && c + across < rows[r]!.length && rows[r]![c + across] === '' && (rows[r + 1]?.[c + across] ?? '') !== '' && !numbersRow(r + 1)) across++;
          span.set(`${r},${c}`, [down, across]);
          for (let i = 0; i < down; i++) for (let k = 0; k < across; k++) if (i > 0 || k > 0) covered.add(`${r + i},${c + k}`);
        });
      }
    }
    rows.forEach((cells, r) => {
      const tds: string[] = [];
      const head = layout.publisherAlign && r < firstData;
      cells.forEach((cell, c) => {
        if (covered.has(`${r},${c}`)) return;
        const [down, across] = span.get(`${r},${c}`) ?? [1, 1];
        const spans = `${down > 1 ? ` rowspan="${down}"` : ''}${across > 1 ? ` colspan="${across}"` : ''}`;
        let t = layout.cell ? layout.cell(cell, rows, r, c) : cell;
        if (layout.letterSpace && /^[\u4e00-\u9fff]{2,3}$/.test(t)) t = [...t].join(' ');
        const name = /[\u4e00-\u9fff]{8,}/.test(t) && layout.wrapNames;
        const amount = /^(?:[-(]?[\d,.]+\)?|-)$/.test(t) && r >= firstData;
        const align = layout.align?.(t, r, c) ?? (head ? 'c' : amount && layout.amountAlign ? layout.amountAlign[0]! : layout.publisherAlign && amount ? 'r' : '');
        const cls = name || align ? ` class="${[name ? 'name' : '', align].join(' ').trim()}"` : '';
        if (split && c === 0) {
          if (CODE7.test(t)) tds.push(`<td>${t.slice(0, 3)}</td><td>${t.slice(3, 5)}</td><td>${t.slice(5)}</td>`);
          else if (/^\d{3}$/.test(t)) tds.push(`<td>${t}</td><td></td><td></td>`);
          else if (/^\d{5}$/.test(t)) tds.push(`<td>${t.slice(0, 3)}</td><td>${t.slice(3)}</td><td></td>`);
          else tds.push(`<td colspan="3"${cls}>${esc(t)}</td>`);
        } else tds.push(`<td${spans}${cls}>${esc(t)}</td>`);
      });
      html.push(`<tr${layout.breakBefore?.(rows, r, s.continued === true) ? ' style="break-before: page"' : ''}>${tds.join('')}</tr>`);
    });
    if (s.continued) body.push('<div style="break-before: page"></div>');
    lastTableStart = index;
    body.push(`<table>${html.join('\n')}</table>`);
  });
  void lastTableStart;
  const border = rules ? 'border: 0.75pt solid #000;' : 'border: none;';
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { font-family: ${font}; font-size: ${layout.fontSize ?? 9}pt; }
p { margin: 4pt 0; }
table { border-collapse: collapse; margin: 6pt 0; }
td { ${border} padding: 1.5pt 5pt; vertical-align: ${layout.valign ?? 'middle'}; }
td.c { text-align: center; }
td.r { text-align: right; }
td.l { text-align: left; }
${layout.lineWidth ? `p { max-width: ${layout.lineWidth}em; }` : ''}
${layout.css ?? ''}
td.name { width: 6.5em; min-width: 6.5em; max-width: 6.5em; word-break: break-all; }
tr { break-inside: avoid; }
tr:first-child, tr:nth-child(2) { break-after: avoid; }
</style></head><body>
${body.join('\n')}
</body></html>`;
}

export async function htmlToPdf(browser: Browser, html: string, options: { landscape?: boolean } = {}): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return await page.pdf({ format: 'A4', landscape: options.landscape ?? true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' }, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>' });
  } finally {
    await page.close();
  }
}

/** A folder for this test file's generated files. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** DOCX (the docx library) → PDF (LibreOffice headless). */
export async function textToDocxPdf(text: string, dir: string, name: string): Promise<Buffer> {
  const d = await import('docx');
  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [];
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  for (const s of sections(text)) {
    if (s.kind === 'line') {
      children.push(new d.Paragraph({ children: [new d.TextRun({ text: s.lines[0]!, font: 'Noto Sans CJK SC', size: 18 })] }));
      continue;
    }
    if (s.continued) children.push(new d.Paragraph({ children: [new d.PageBreak()] }));
    const rows = s.lines.map((l) => l.split('\t'));
    const width = Math.max(...rows.map((r) => r.length));
    children.push(
      new d.Table({
        rows: rows.map(
          (r) =>
            new d.TableRow({
              cantSplit: true,
              children: Array.from({ length: width }, (_, c) => new d.TableCell({ borders, children: [new d.Paragraph({ children: [new d.TextRun({ text: r[c] ?? '', font: 'Noto Sans CJK SC', size: 16 })] })] })),
            }),
        ),
      }),
    );
  }
  const doc = new d.Document({ sections: [{ properties: { page: { size: { orientation: d.PageOrientation.LANDSCAPE } } }, children }] });
  const docx = join(dir, `${name}.docx`);
  writeFileSync(docx, await d.Packer.toBuffer(doc));
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
  return readFileSync(join(dir, `${name}.pdf`));
}

/**
 * The report's tables printed in reverse order (publishers do not all follow the national order): a
 * table runs from its title line to the next table's title; the last one to its note line.
 */
export function reverseTables(text: string, isTitle: (line: string) => boolean): string {
  const lines = text.split('\n');
  const titles: number[] = [];
  lines.forEach((l, i) => {
    if (!l.includes('\t') && isTitle(l) && lines.slice(i + 1, i + 16).some((n) => n.includes('\t'))) titles.push(i);
  });
  if (titles.length < 2) return text;
  let end = titles[titles.length - 1]!;
  while (end < lines.length && !lines[end]!.includes('\t')) end++;
  while (end < lines.length && (lines[end]!.includes('\t') || lines[end] === '')) end++;
  if (end < lines.length && /^注/.test(lines[end]!)) end++;
  const blocks = titles.map((t, k) => lines.slice(t, k + 1 < titles.length ? titles[k + 1] : end));
  return [...lines.slice(0, titles[0]), ...blocks.reverse().flatMap((b) => [...b, '']), ...lines.slice(end)].join('\n');
}

/** A PDF with an open password, exported by LibreOffice from a small text file. */
export function encryptedPdf(dir: string): Buffer {
  const txt = join(dir, 'secret.txt');
  writeFileSync(txt, '收入支出决算总表\n单位：万元\n');
  const filter = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"mima"}}';
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', filter, '--outdir', dir, txt], { stdio: 'ignore', timeout: 120_000 });
  return readFileSync(join(dir, 'secret.pdf'));
}

/** A "scan": the page printed as an image (a screenshot of rendered text), no text layer. */
export async function scannedPdf(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent('<p style="font-size:20pt">收入支出决算总表 单位：万元 2,169.36</p>');
    const png = (await page.screenshot()).toString('base64');
    await page.setContent(`<img src="data:image/png;base64,${png}" style="width:100%">`);
    return await page.pdf({ format: 'A4' });
  } finally {
    await page.close();
  }
}
