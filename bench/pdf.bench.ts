/**
 * PDF benchmark (`node dist/bench/pdf.bench.js`): pages per second for read + recognise over a
 * batch of PDFs in one process, and the cell accuracy on them. The batch is the synthetic corpus
 * (both templates) laid out as ruled HTML tables and printed to PDF by Chromium (/usr/bin/chromium,
 * playwright-core), generated once per run into a temp folder. Also times a cold
 * `juesuan extract file.pdf` against Node's bare start-up.
 *
 * Target: ≥ 100 pages per CPU-second for read + recognise (CPU time of the process: GC and zlib
 * included, so the figure does not depend on what else the machine runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readDocumentAsync, recognise } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { renderText } from '../src/render/index.js';
import { syntheticReport } from './corpus.js';

const DOCS = Number(process.env['PDF_BENCH_DOCS'] ?? 24);
const TARGET_PAGES_PER_CPU_SECOND = 100;
/** PDF_BENCH_KEEP=dir keeps the generated PDFs there (doc0.pdf …) for profiling outside the bench. */
const KEEP = process.env['PDF_BENCH_KEEP'];
/**
 * The body fonts, one corpus each. A TrueType font (WenQuanYi, as Word and WPS embed 宋体) gives the
 * CID fonts of published PDFs: the target is judged on it. Chromium embeds a CFF font (Noto CJK) as
 * Type3 fonts of one glyph per show, a pathological shape pdf.js reads slowly: measured too, as the
 * worst case. PDF_BENCH_FONT picks one font instead.
 */
const FONTS = process.env['PDF_BENCH_FONT']
  ? [process.env['PDF_BENCH_FONT']]
  : ['"WenQuanYi Micro Hei",sans-serif', '"Noto Serif CJK SC",serif'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The published text layout as HTML: paragraphs, and ruled tables with a page break between parts. */
function html(text: string, splitCodes: boolean, ruled: boolean, font: string): string {
  const out: string[] = [];
  let rows: string[][] = [];
  let blank = false;
  const flush = () => {
    if (rows.length === 0) return;
    // 类/款/项 in three columns: codes split, every other first cell spanning the three.
    const split = splitCodes && rows.some((r) => /^\d{7}$/.test(r[0] ?? ''));
    const tr = rows.map((r) => {
      const cells = r.map((c, i) => {
        if (!split || i > 0) return `<td>${esc(c)}</td>`;
        if (/^\d{3}(\d{2}){0,2}$/.test(c)) return [c.slice(0, 3), c.slice(3, 5), c.slice(5)].map((x) => `<td>${x}</td>`).join('');
        return `<td colspan="3">${esc(c)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    });
    out.push(`<table>${tr.join('')}</table>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t') && !/\.{3,}\t\d+$/.test(line)) {
      if (blank && rows.length === 0 && out[out.length - 1]?.startsWith('<table')) out.push('<div style="break-before:page"></div>');
      rows.push(line.split('\t'));
      blank = false;
    } else {
      flush();
      blank = line.trim() === '';
      if (!blank) out.push(`<p>${esc(line)}</p>`);
    }
  }
  flush();
  return `<!doctype html><meta charset="utf-8"><style>body{font-family:${font};font-size:9pt}
table{border-collapse:collapse;margin:6pt 0}td{border:${ruled ? '.75pt solid #000' : 'none'};padding:1.5pt 5pt}tr{break-inside:avoid}p{margin:4pt 0}</style><body>${out.join('\n')}`;
}

function cellAccuracy(back: Report, source: Report): { cells: number; exact: number } {
  let cells = 0;
  let exact = 0;
  for (const t of source.tables) {
    const bt = back.tables.find((x) => x.id === t.id);
    for (const row of t.rows) {
      const br = bt?.rows.find((r) => r.key === row.key);
      for (const [col, value] of Object.entries(row.cells)) {
        cells++;
        if (br && col in br.cells && br.cells[col] === value) exact++;
      }
    }
  }
  return { cells, exact };
}

async function main(): Promise<void> {
  const dir = KEEP && KEEP !== '1' ? (mkdirSync(KEEP, { recursive: true }), KEEP) : mkdtempSync(join(tmpdir(), 'juesuan-pdf-bench-'));
  let first: { pdf: Buffer; report: Report } | undefined;
  for (const [f, font] of FONTS.entries()) {
    const one = await corpus(font, f === 0 ? dir : join(dir, `font${f}`), f === 0);
    first ??= one;
  }
  await coldStart(dir, first!);
}

/** Generates the corpus in one font, reads it back; prints speed and accuracy. The first document. */
async function corpus(font: string, dir: string, judged: boolean): Promise<{ pdf: Buffer; report: Report }> {
  const { chromium } = await import('playwright-core');
  if (KEEP) mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  // Half the documents ruled, half without ruling lines (columns from text positions).
  const batch: { pdf: Buffer; report: Report; ruled: boolean }[] = [];
  try {
    const page = await browser.newPage();
    for (let i = 0; i < DOCS; i++) {
      const report = syntheticReport(1000 + i, { template: i % 2 ? 'sx' : 'gd', classes: 3 + (i % 6) });
      const ruled = i % 4 < 2;
      await page.setContent(html(renderText(report, { rowsPerPage: 18 + (i % 10) }), i % 3 === 0, ruled, font));
      const pdf = await page.pdf({ format: 'A4', landscape: true });
      if (KEEP) writeFileSync(join(dir, `doc${i}.pdf`), pdf);
      batch.push({ pdf, report, ruled });
    }
  } finally {
    await browser.close();
  }
  // Warm-up (pdfjs loaded, JIT), then one timed pass over the batch.
  recognise(await readDocumentAsync(batch[0]!.pdf, { path: 'warm.pdf' }));
  let pages = 0;
  let cells = 0;
  let exact = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const backs: Report[] = [];
  for (const [i, d] of batch.entries()) {
    const doc = await readDocumentAsync(d.pdf, { path: `doc${i}.pdf` });
    pages += doc.pages ?? 0;
    backs.push(recognise(doc));
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const byKind = { ruled: { cells: 0, exact: 0 }, borderless: { cells: 0, exact: 0 } };
  backs.forEach((back, i) => {
    const a = cellAccuracy(back, batch[i]!.report);
    cells += a.cells;
    exact += a.exact;
    const k = byKind[batch[i]!.ruled ? 'ruled' : 'borderless'];
    k.cells += a.cells;
    k.exact += a.exact;
  });
  const failing = new Map<string, number>();
  backs.forEach((back, i) => {
    for (const t of batch[i]!.report.tables) {
      const a = cellAccuracy({ ...back, tables: back.tables.filter((x) => x.id === t.id) }, { ...batch[i]!.report, tables: [t] });
      if (a.exact < a.cells) failing.set(`${i}:${t.id}`, a.cells - a.exact);
    }
  });
  if (KEEP) console.log(`PDFs kept in ${dir}`);
  if (failing.size > 0) console.log(`PDF cells not read, by document:table: ${[...failing].map(([k, n]) => `${k}=${n}`).join(" ")}`);
  const perCpu = pages / cpuSeconds;
  console.log(
    `PDF read + recognise (font ${font}): ${batch.length} documents, ${pages} pages; ${perCpu.toFixed(1)} pages per CPU-second ` +
      `(${cpuSeconds.toFixed(2)} CPU-s` +
      (judged ? `, target ≥ ${TARGET_PAGES_PER_CPU_SECOND}: ${perCpu >= TARGET_PAGES_PER_CPU_SECOND ? 'met' : 'NOT met'}` : ', worst case, not judged') +
      `); ` +
      `wall ${seconds.toFixed(2)} s → ${(pages / seconds).toFixed(1)} pages/s in one process`,
  );
  const pct = (k: { cells: number; exact: number }) => `${k.exact}/${k.cells} (${((100 * k.exact) / Math.max(1, k.cells)).toFixed(2)}%)`;
  console.log(`PDF cell accuracy: ${exact}/${cells} cells exact (${((100 * exact) / cells).toFixed(2)}%); ruled ${pct(byKind.ruled)}, without ruling lines ${pct(byKind.borderless)}`);
  return batch[0]!;
}

/**
 * Cold start: `juesuan extract file.pdf` against `node -e ''`, CPU time of the whole process (all its
 * threads: compilers and GC included, so the figure holds on a loaded machine) and wall time, median
 * of 7, the two commands alternating. The child reports its own CPU time at exit through a
 * preloaded one-line module (the same for both commands).
 */
async function coldStart(dir: string, doc: { pdf: Buffer; report: Report }): Promise<void> {
  const file = join(dir, 'one.pdf');
  writeFileSync(file, doc.pdf);
  const bin = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'bin', 'juesuan.js');
  const report = 'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu-us "+(u.user+u.system)+"\\n")})';
  const run = (args: string[], env: Record<string, string> = {}) => {
    const s = performance.now();
    const r = spawnSync(process.execPath, ['--import', report, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    const wall = performance.now() - s;
    const cpu = Number(/cpu-us (\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN) / 1000;
    return { cpu, wall };
  };
  // The bundled fast path with its code cache (made by a first run into a fresh folder), and the same
  // command run from the modules (JUESUAN_FAST_START=0), for comparison.
  const cacheDir = join(dir, 'code-cache');
  const fast = { JUESUAN_CACHE_DIR: cacheDir };
  run([bin, 'extract', file, '--format', 'csv'], fast);
  const times = { bare: [] as { cpu: number; wall: number }[], fast: [] as { cpu: number; wall: number }[], modules: [] as { cpu: number; wall: number }[] };
  for (let i = 0; i < 7; i++) {
    times.bare.push(run(['-e', '']));
    times.fast.push(run([bin, 'extract', file, '--format', 'csv'], fast));
    times.modules.push(run([bin, 'extract', file, '--format', 'csv'], { JUESUAN_FAST_START: '0' }));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  const cpu = (k: keyof typeof times) => median(times[k].map((t) => t.cpu));
  const wall = (k: keyof typeof times) => median(times[k].map((t) => t.wall));
  const onePages = (await readDocumentAsync(doc.pdf, { path: 'one.pdf' })).pages ?? 0;
  console.log(
    `Cold start (median of 7, CPU time): node -e '' ${cpu('bare').toFixed(0)} ms; juesuan extract one.pdf (${onePages} pages, ${doc.report.tables.length} tables) ` +
      `${cpu('fast').toFixed(0)} ms (${(cpu('fast') - cpu('bare')).toFixed(0)} ms over bare Node; from the modules without the bundle and its code cache ${cpu('modules').toFixed(0)} ms); ` +
      `wall ${wall('bare').toFixed(0)}, ${wall('fast').toFixed(0)} and ${wall('modules').toFixed(0)} ms`,
  );
}

await main();
