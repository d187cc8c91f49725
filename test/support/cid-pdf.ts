/**
 * A PDF written the way Java report systems write it with iText (久其's exports among them): Chinese
 * text in the non-embedded CID font STSong-Light (Adobe-GB1, UniGB-UCS2-H: two-byte Unicode codes),
 * numbers and codes in the non-embedded standard font Helvetica, tables as ruled cells with stroked
 * lines, each cell's text placed by its own text object, a table broken across pages without its
 * header. Readers get no text from such a file unless they supply CMaps and standard font metrics.
 *
 * Input is our published-text rendering (renderText): paragraph lines and tab-separated table rows.
 * Written by hand here because no library writes non-embedded CID fonts any more (pdfkit and pdf-lib
 * embed a TrueType font); the PDF syntax is the small subset such files use.
 */
import { sections } from '../read-pdf-fixtures.js';

const PAGE = { width: 842, height: 595, margin: 36 };
/** Helvetica's advance widths (per 1000 em) for what we print with it. */
const HELVETICA: Record<string, number> = { '0': 556, '1': 556, '2': 556, '3': 556, '4': 556, '5': 556, '6': 556, '7': 556, '8': 556, '9': 556, ',': 278, '.': 278, '-': 333, ' ': 278, '(': 333, ')': 333, '%': 889 };
const ASCII = /^[\x20-\x7e]*$/;

interface Piece {
  text: string;
  x: number;
  /** Baseline, from the page's top. */
  y: number;
  size: number;
}
interface PageDraw {
  pieces: Piece[];
  /** Lines [x1, y1, x2, y2] from the page's top. */
  lines: [number, number, number, number][];
}

/** Width of a text in points: Helvetica for pure ASCII, else STSong-Light (full-width 1 em, ASCII ½ em). */
function widthOf(text: string, size: number): number {
  if (ASCII.test(text) && [...text].every((c) => c in HELVETICA)) return ([...text].reduce((w, c) => w + HELVETICA[c]!, 0) * size) / 1000;
  return [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0) * size;
}

const isAmount = (t: string) => /^-?[\d,]+\.\d+$/.test(t);

/** Lay the rendered text out on landscape A4 pages: paragraphs, and tables as ruled grids. */
function layout(text: string, ruled: boolean): PageDraw[] {
  const pages: PageDraw[] = [{ pieces: [], lines: [] }];
  let page = pages[0]!;
  let y = PAGE.margin;
  const bottom = PAGE.height - PAGE.margin;
  const newPage = () => {
    page = { pieces: [], lines: [] };
    pages.push(page);
    y = PAGE.margin;
  };
  for (const s of sections(text)) {
    if (s.kind === 'line') {
      const line = s.lines[0]!.trim();
      const size = /表$/.test(line) ? 13 : 10;
      if (y + size * 1.8 > bottom) newPage();
      y += size * 1.6;
      page.pieces.push({ text: line, x: /表$/.test(line) ? (PAGE.width - widthOf(line, size)) / 2 : PAGE.margin, y, size });
      continue;
    }
    if (s.continued) newPage();
    const rows = s.lines.map((l) => l.split('\t'));
    const n = Math.max(...rows.map((r) => r.length));
    let size = 9;
    const widths = () => Array.from({ length: n }, (_, c) => Math.max(...rows.map((r) => widthOf(r[c] ?? '', size))) + 8);
    let w = widths();
    // Fit to the page's width, as a report system scales a wide table.
    while (w.reduce((a, b) => a + b, 0) > PAGE.width - 2 * PAGE.margin && size > 5) {
      size -= 0.5;
      w = widths();
    }
    const xs = w.reduce<number[]>((acc, cw) => [...acc, acc[acc.length - 1]! + cw], [PAGE.margin]);
    const height = size * 1.9;
    let top = y + 4;
    for (const row of rows) {
      if (top + height > bottom) {
        newPage();
        top = y + 4;
      }
      if (ruled) {
        page.lines.push([xs[0]!, top, xs[n]!, top], [xs[0]!, top + height, xs[n]!, top + height]);
        for (let c = 0; c <= n; c++) page.lines.push([xs[c]!, top, xs[c]!, top + height]);
      }
      row.forEach((cell, c) => {
        if (!cell) return;
        const x = isAmount(cell) ? xs[c + 1]! - 4 - widthOf(cell, size) : xs[c]! + 4;
        page.pieces.push({ text: cell, x, y: top + height - size * 0.55, size });
      });
      top += height;
    }
    y = top + 6;
  }
  return pages;
}

const hexUcs2 = (text: string) =>
  '<' +
  [...text]
    .map((c) => c.charCodeAt(0).toString(16).padStart(4, '0'))
    .join('')
    .toUpperCase() +
  '>';
const literal = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
const num = (v: number) => (Math.round(v * 100) / 100).toString();

/** The whole file (`ruled: false`: the same without any lines): catalog, pages, one content stream per page, the two fonts; with its xref table. */
export function cidFontPdf(text: string, options: { ruled?: boolean } = {}): Buffer {
  const pages = layout(text, options.ruled ?? true);
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 0; // object number = index + 1
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages tree, filled in below
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>');
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const p of pages) {
    const ops: string[] = ['0.5 w'];
    for (const [x1, y1, x2, y2] of p.lines) ops.push(`${num(x1)} ${num(PAGE.height - y1)} m ${num(x2)} ${num(PAGE.height - y2)} l S`);
    for (const piece of p.pieces) {
      const helvetica = ASCII.test(piece.text) && [...piece.text].every((c) => c in HELVETICA);
      const font = helvetica ? `/F2 ${num(piece.size)} Tf` : `/F1 ${num(piece.size)} Tf`;
      ops.push(`BT ${font} 1 0 0 1 ${num(piece.x)} ${num(PAGE.height - piece.y)} Tm ${helvetica ? literal(piece.text) : hexUcs2(piece.text)} Tj ET`);
    }
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
