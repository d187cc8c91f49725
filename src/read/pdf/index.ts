/**
 * PDF reader (pdfjs-dist, legacy build, loaded only when a PDF is read). Each page's text runs and
 * ruling lines go through layout.ts into text lines and table grids; lines become paragraphs the
 * way the text reader joins wrapped lines; grids become table blocks whose cells keep their box.
 * Page numbers and running headers/footers are dropped; blank pages give nothing.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Block, GridRow } from '../../model/document.js';
import { JuesuanError } from '../../model/errors.js';
import type { BinaryReadOptions, BinaryReadResult } from '../binary.js';
import { readLines } from '../text/index.js';
import { cleanText } from './chars.js';
import { layoutPage, mayHoldTable, totalOffNumbersLine, type PageItem, type Rule, type Run } from './layout.js';
import { withSyncInflate } from './inflate.js';
import { PdfObjects, RuleCollector, scanPageRules, type Matrix } from './scan.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<Pdfjs> | undefined;
/** The worker side of pdfjs (its `WorkerMessageHandler`), loaded with pdfjs. */
let workerHandler: { initializeFromPort(port: unknown): void } | undefined;
let assetDir: string | undefined;

/**
 * pdfjs and its worker code, loaded once per process. The worker runs in this thread (Node has no
 * web worker): loading it here spares pdfjs its own import at the first document. The legacy
 * build's core-js replaces Array.prototype.push with a JavaScript version (over an edge case of
 * non-writable lengths that no code here meets) that made every push — pdfjs's operator lists and
 * recognition alike — several times slower: the native one is put back, and so are JSON's.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    const push = Array.prototype.push;
    const { parse, stringify } = JSON;
    const giveBackResponse = holdBackResponse();
    try {
      const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
      const g = globalThis as { pdfjsWorker?: unknown };
      g.pdfjsWorker ??= worker;
      workerHandler = worker.WorkerMessageHandler;
      return pdfjs;
    } finally {
      giveBackResponse();
      if (Array.prototype.push !== push) Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, configurable: true, enumerable: false });
      // Likewise JSON.parse and JSON.stringify (wrapped twice, for JSON.rawJSON, which nothing here uses).
      if (JSON.parse !== parse) Object.defineProperty(JSON, 'parse', { value: parse, writable: true, configurable: true, enumerable: false });
      if (JSON.stringify !== stringify) Object.defineProperty(JSON, 'stringify', { value: stringify, writable: true, configurable: true, enumerable: false });
    }
  })();
  return pdfjsPromise;
}

/**
 * pdf.js (display and worker) polyfills Response.prototype.bytes as it loads, and in Node 20 the mere
 * reading of `Response` loads undici, Node's fetch: some 25 ms of a cold extraction, for a class reading
 * never needs. While pdf.js loads it sees a stand-in that has `bytes`; after, Node's own Response is put
 * back behind its lazy getter, and gains the same polyfill when first read (pdf.js's fallback
 * decompression uses it).
 */
function holdBackResponse(): () => void {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'Response');
  if (!own?.get || !own.configurable) return () => {};
  class StandIn {
    async bytes(): Promise<Uint8Array> {
      return new Uint8Array();
    }
  }
  const settle = (value: unknown) => Object.defineProperty(globalThis, 'Response', { value, configurable: true, writable: true, enumerable: own.enumerable ?? false });
  settle(StandIn);
  return () => {
    if ((globalThis as { Response?: unknown }).Response !== StandIn) return; // replaced meanwhile: theirs stays
    Object.defineProperty(globalThis, 'Response', {
      configurable: true,
      enumerable: own.enumerable ?? false,
      get() {
        const response = own.get!.call(globalThis) as { prototype: { bytes?: unknown; arrayBuffer(): Promise<ArrayBuffer> } };
        if (typeof response.prototype.bytes !== 'function') {
          Object.defineProperty(response.prototype, 'bytes', {
            async value(this: { arrayBuffer(): Promise<ArrayBuffer> }) {
              return new Uint8Array(await this.arrayBuffer());
            },
            configurable: true,
            writable: true,
          });
        }
        settle(response);
        return response;
      },
      set: settle,
    });
  };
}

/** Whether pdf.js has been loaded in this process (the CLI's code cache records it). */
export function pdfjsLoaded(): boolean {
  return pdfjsPromise !== undefined;
}

/** node_modules/pdfjs-dist, found from this module (works from src/ and dist/). */
function pdfjsDir(): string {
  assetDir ??= dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return assetDir;
}

type Listener = (event: { data: unknown }) => void;

/**
 * The channel between pdfjs's API and its worker code, both in this thread. pdfjs's own fake worker
 * structured-clones every message: for the operator lists and text of a page that copy was about a
 * seventh of the reading time, and more in garbage collection. Here the two hot messages — chunks of a page's text
 * and of its operator list — are handed over with a shallow copy only, of what the worker reuses
 * after sending (the text chunk object, whose `items` it replaces; the operator list arrays, which
 * it empties); the items and arguments themselves it never touches again. Every other message is
 * cloned as before.
 */
class InThreadPort {
  #listeners = new Set<Listener>();
  #deferred = Promise.resolve();

  postMessage(message: unknown, transfer?: unknown[]): void {
    const data = InThreadPort.pass(message) ?? structuredClone(message, transfer ? { transfer: transfer as never } : undefined);
    // Delivered later, as a port would: the sender's code after postMessage runs first.
    void this.#deferred.then(() => {
      for (const listener of this.#listeners) listener.call(this, { data });
    });
  }

  private static pass(message: unknown): unknown {
    const m = message as { stream?: number; chunk?: { items?: unknown; fnArray?: unknown; argsArray?: unknown } } | null;
    const chunk = m?.stream === 4 /* StreamKind.ENQUEUE */ ? m.chunk : undefined;
    if (!chunk || typeof chunk !== 'object') return undefined;
    if (Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray)) return { ...m, chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } };
    if (Array.isArray(chunk.items) && !('fnArray' in chunk)) return { ...m, chunk: { ...chunk } };
    return undefined;
  }

  addEventListener(_name: string, listener: Listener): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_name: string, listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

const DEFAULT_MAX_PAGES = 300; // a disclosure runs to 20–120 pages; 500 pages is not one (issue #6: ends with a message)
const DEFAULT_TIMEOUT_MS = 120_000;

export async function readPdf(bytes: Uint8Array, options: BinaryReadOptions): Promise<BinaryReadResult> {
  const path = options.path;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const { pdfjs, task, close } = await openPdf(bytes);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JuesuanError('limit_exceeded', `读取 PDF 超时（超过 ${Math.round(timeoutMs / 1000)} 秒）：${path}`, path)), timeoutMs);
    timer.unref?.();
  });
  try {
    return await withSyncInflate(() => Promise.race([readAll(pdfjs, task, ruleSource(bytes), options, deadline), timeout]));
  } catch (err) {
    throw asJuesuanError(err, path);
  } finally {
    clearTimeout(timer);
    close();
  }
}

/** pdfjs's document task for these bytes, on a worker of its own (a port that does not clone pages' content). */
async function openPdf(bytes: Uint8Array) {
  const pdfjs = await loadPdfjs();
  const dir = pdfjsDir();
  const port = new InThreadPort();
  workerHandler!.initializeFromPort(port);
  const worker = new pdfjs.PDFWorker({ port: port as never, verbosity: 0 }); // no pdf.js warnings on stderr
  // pdfjs takes ownership of (and may detach) the buffer: give it a copy.
  const task = pdfjs.getDocument({
    worker,
    data: new Uint8Array(bytes),
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const close = () =>
    void task
      .destroy()
      .catch(() => undefined)
      .finally(() => {
        worker.destroy();
        port.terminate();
      });
  return { pdfjs, task, close };
}

/**
 * Every page's ruling lines both ways, the scanner's (undefined where it refuses the page) and the
 * operator list's: for tests holding the one to the other.
 */
export async function readPdfRulesBothWays(bytes: Uint8Array): Promise<{ page: number; scanned: Rule[] | undefined; operatorList: Rule[] }[]> {
  const { pdfjs, task, close } = await openPdf(bytes);
  try {
    return await withSyncInflate(async () => {
      const doc = await task.promise;
      const objects = ruleSource(bytes).objects();
      const out: { page: number; scanned: Rule[] | undefined; operatorList: Rule[] }[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const vt = viewport.transform;
        const toPage = (x: number, y: number): [number, number] => [vt[0]! * x + vt[2]! * y + vt[4]!, vt[1]! * x + vt[3]! * y + vt[5]!];
        const area = viewport.width * viewport.height;
        let scanned: Rule[] | undefined;
        if (objects) {
          const sink = new RuleCollector(toPage, area);
          try {
            scanPageRules(objects, page.ref?.num ?? -1, sink);
            scanned = sink.rules;
          } catch {
            scanned = undefined;
          }
        }
        out.push({ page: n, scanned, operatorList: (await readRulesFromOperatorList(pdfjs, page, toPage, area)).rules });
      }
      return out;
    });
  } finally {
    close();
  }
}

function asJuesuanError(err: unknown, path: string): JuesuanError {
  if (err instanceof JuesuanError) return err;
  const name = (err as { name?: string } | undefined)?.name ?? '';
  if (name === 'PasswordException') return new JuesuanError('encrypted', `PDF 文件已加密（需要密码），无法读取：${path}`, path);
  // pdf.js's own words are English and technical: the clerk gets ours; the cause stays attached.
  const error = new JuesuanError('corrupt', `PDF 文件已损坏或不完整，无法读取：${path}`, path);
  (error as Error & { cause?: unknown }).cause = err;
  return error;
}

interface PageContent {
  items: PageItem[];
  width: number;
  height: number;
}

async function readAll(
  pdfjs: Pdfjs,
  task: ReturnType<Pdfjs['getDocument']>,
  source: RuleSource,
  options: BinaryReadOptions,
  deadline: number,
): Promise<BinaryReadResult> {
  const path = options.path;
  const doc = await task.promise;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (doc.numPages > maxPages) {
    throw new JuesuanError('limit_exceeded', `PDF 页数过多（${doc.numPages} 页，上限 ${maxPages} 页）：${path}`, path);
  }
  const pages: PageContent[] = [];
  let chars = 0;
  const imagesOf: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    if (Date.now() > deadline) throw new JuesuanError('limit_exceeded', `读取 PDF 超时：${path}`, path);
    const page = await doc.getPage(n);
    // A table rebuilt without rules that ends its page lends its columns to the next page's first table.
    const content = await readPage(pdfjs, page, source, n, endingTable(pages[pages.length - 1])?.bands);
    chars += content.chars;
    imagesOf.push(content.images);
    pages.push({ items: content.items, width: content.width, height: content.height });
    // page.cleanup() here would make pdfjs parse shared fonts again on the next page.
  }
  if (chars === 0 && doc.numPages > 0) {
    const scan = imagesOf.some((n) => n > 0) ? '，页面是图片（扫描件）' : '';
    throw new JuesuanError('no_text_layer', `PDF 没有文字层${scan}，需要先进行文字识别（OCR）后再读取：${path}`, path);
  }
  dropFurniture(pages);
  // A document partly scanned (a signed page, a table pasted as a picture): its text is read, and what
  // cannot be is said, never dropped in silence — pages with pictures and no text but furniture.
  const pictures = pages.flatMap((p, i) => (imagesOf[i]! > 0 && p.items.length === 0 ? [i + 1] : []));
  const warnings = pictures.length ? [`第 ${pageList(pictures)} 页是图片（扫描件），没有文字层，其中的内容未读取（需要先进行文字识别）`] : [];
  return { ...assemble(pages), pages: doc.numPages, ...(warnings.length ? { warnings } : {}) };
}

/** Page numbers as a reader writes them: 3、5–7、9. */
function pageList(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  return parts.join('、');
}

/** The table a page ends with (only its footer after it), if any. */
function endingTable(p: PageContent | undefined): Extract<PageItem, { kind: 'table' }> | undefined {
  if (!p) return undefined;
  for (let k = p.items.length - 1; k >= 0; k--) {
    const item = p.items[k]!;
    if (item.kind === 'table') return item;
    if (item.y < p.height * 0.9) return undefined;
  }
  return undefined;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<Pdfjs['getDocument']>['promise']>['getPage']>>;

async function readPage(pdfjs: Pdfjs, page: PdfPage, source: RuleSource, n: number, carried?: [number, number][]): Promise<{ items: PageItem[]; width: number; height: number; chars: number; images: number }> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform;
  const toPage = (x: number, y: number): [number, number] => [vt[0]! * x + vt[2]! * y + vt[4]!, vt[1]! * x + vt[3]! * y + vt[5]!];
  const content = await page.getTextContent();
  const runs: Run[] = [];
  const seen = new Map<string, [number, number][]>();
  let chars = 0;
  for (const item of content.items) {
    if (!('str' in item) || item.str === '' || item.str.trim() === '') continue;
    // The run's matrix as the page is seen (the viewport turns pages stored with /Rotate: a landscape
    // table on a portrait page turned 90° has its text drawn upright only after that turn).
    const [t0, t1, t2, t3, t4, t5] = item.transform as number[];
    const [a, b, c, d] = [vt[0]! * t0! + vt[2]! * t1!, vt[1]! * t0! + vt[3]! * t1!, vt[0]! * t2! + vt[2]! * t3!, vt[1]! * t2! + vt[3]! * t3!];
    // Only text that reads left to right as seen: rotated stamps and watermarks are not content.
    if (!(a > 0) || Math.abs(b) > 0.01 * a || Math.abs(c) > 0.01 * Math.abs(d)) continue;
    const size = Math.abs(d) || item.height || 10;
    const [x, y] = toPage(t4!, t5!);
    const text = cleanText(item.str);
    if (overprinted(seen, text, x, y, size)) continue;
    chars += text.length;
    runs.push({ text, x, y, w: item.width, size });
  }
  // The operator list (ruling lines) costs about as much as the text: only pages whose text looks
  // tabular need it, and pages with little or no text, to tell a picture of a page (a scan).
  const tabular = mayHoldTable(runs);
  const { rules, images } = tabular
    ? await readRules(pdfjs, page, source, toPage, viewport.width * viewport.height)
    : chars < 40
      ? { rules: [], images: await countImages(pdfjs, page) }
      : { rules: [], images: 0 };
  return { items: chars > 0 ? layoutPage(runs, rules, n, carried) : [], width: viewport.width, height: viewport.height, chars, images };
}

/**
 * Whether the same text was already drawn at (almost) this place: bold faked by printing a run twice a
 * fraction of a point apart (print drivers, WPS; a text shadow in a browser) would otherwise read as
 * `合合计计` or two amounts. A text repeated in earnest sits at least a character's width away.
 */
function overprinted(seen: Map<string, [number, number][]>, text: string, x: number, y: number, size: number): boolean {
  const places = seen.get(text);
  const near = 0.15 * size;
  if (places?.some(([px, py]) => Math.abs(px - x) < near && Math.abs(py - y) < near)) return true;
  if (places) places.push([x, y]);
  else seen.set(text, [[x, y]]);
  return false;
}

async function countImages(pdfjs: Pdfjs, page: PdfPage): Promise<number> {
  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const { OPS } = pdfjs;
  return ops.fnArray.filter((f) => f === OPS.paintImageXObject || f === OPS.paintInlineImageXObject || f === OPS.paintImageMaskXObject).length;
}

/**
 * Ruling lines of a page, in page points from the top-left: from its content streams by our own
 * scanner (scan.ts), or, for what that does not read, from pdfjs's operator list.
 */
async function readRules(pdfjs: Pdfjs, page: PdfPage, source: RuleSource, toPage: (x: number, y: number) => [number, number], area: number): Promise<{ rules: Rule[]; images: number }> {
  const objects = source.objects();
  if (objects) {
    const sink = new RuleCollector(toPage, area);
    try {
      scanPageRules(objects, page.ref?.num ?? -1, sink);
      return { rules: sink.rules, images: sink.images };
    } catch {
      // not read here: pdfjs's operator list below
    }
  }
  return readRulesFromOperatorList(pdfjs, page, toPage, area);
}

/** The file's objects for the scanner, indexed at the first page that needs them (undefined: not scannable). */
interface RuleSource {
  objects(): PdfObjects | undefined;
}

function ruleSource(bytes: Uint8Array): RuleSource {
  let objects: PdfObjects | undefined | null = null;
  return {
    objects() {
      if (objects === null) {
        try {
          objects = new PdfObjects(bytes);
        } catch {
          objects = undefined;
        }
      }
      return objects;
    },
  };
}

/** Ruling lines from pdfjs's operator list (the fallback; also what tests hold the scanner to). */
export async function readRulesFromOperatorList(pdfjs: Pdfjs, page: PdfPage, toPage: (x: number, y: number) => [number, number], area: number): Promise<{ rules: Rule[]; images: number }> {
  const { OPS } = pdfjs;
  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const sink = new RuleCollector(toPage, area);
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) sink.save();
    else if (fn === OPS.restore) sink.restore();
    else if (fn === OPS.transform) sink.transform(args as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      sink.save();
      const m = args?.[0] as Matrix | undefined;
      if (m && m.length === 6) sink.transform(m);
    } else if (fn === OPS.paintFormXObjectEnd) sink.restore();
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) sink.images++;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      if (paint === OPS.endPath) continue; // a clipping path: not drawn
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data) sink.paint(paint !== OPS.stroke && paint !== OPS.closeStroke, data);
    }
  }
  return { rules: sink.rules, images: sink.images };
}

const PAGE_NUMBER = /^(?:[-—－–]\s*\d+\s*[-—－–]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d{1,4}|[-—－–]?\s*[ivxlcIVXLC]+\s*[-—－–]?)$/;

const PREAMBLE_LINE = /^(?:(?:金额)?单位[:：](?:人民币)?(?:万元|元|千元|亿元)$|(?:单位名称|部门名称|编制单位|编制部门|预算单位)[:：])/;

/**
 * Drop page furniture: page numbers in the top or bottom band of a page, and lines repeated in
 * that band on many pages (running headers and footers), digits ignored.
 */
function dropFurniture(pages: PageContent[]): void {
  const band = (p: PageContent, item: PageItem) => item.kind === 'line' && (item.y < p.height * 0.08 || item.bottom > p.height * 0.92);
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const item of p.items) if (band(p, item) && item.kind === 'line') seen.add(item.text.replace(/\d+/g, '#'));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const repeated = Math.max(3, Math.ceil(pages.length / 2));
  for (const p of pages) {
    p.items = p.items.filter((item) => {
      if (!band(p, item) || item.kind !== 'line') return true;
      const t = item.text.replace(/\s/g, '');
      if (PAGE_NUMBER.test(t)) return false;
      // (A table's own lines near the top edge — 部门名称：…, 金额单位：万元 — repeat on every
      // page of a workbook's print but belong to each table.)
      if (PREAMBLE_LINE.test(t)) return true;
      return (counts.get(item.text.replace(/\d+/g, '#')) ?? 0) < repeated;
    });
  }
}

/** The Document's text and blocks: one line of text per printed line, table rows tab-separated. */
function assemble(pages: PageContent[]): { text: string; blocks: Block[] } {
  // A 合计 left on the 栏次 line at a page's foot belongs to the amounts at the top of the next page.
  for (let k = 1; k < pages.length; k++) {
    const before = pages[k - 1]!.items[pages[k - 1]!.items.length - 1];
    const after = pages[k]!.items[0];
    if (before?.kind === 'table' && after?.kind === 'table' && before.rows.length > 0 && after.rows.length > 0) {
      totalOffNumbersLine([before.rows[before.rows.length - 1]!, after.rows[0]!]);
    }
  }
  const lines: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  const push = (s: string) => {
    lines.push(s);
    const start = offset;
    offset += s.length + 1;
    return { line: lines.length, start, end: start + s.length };
  };
  // Non-table lines waiting to be read as paragraphs, with the page of each.
  let pending: { text: string; page: number }[] = [];
  // A paragraph is written as ONE line of the text (its wrapped printed lines joined): its source is
  // then exactly its text, with no line breaks inside, as in the text and DOCX readers (positions of
  // facts inside a paragraph do not depend on where the page wrapped it).
  const flush = () => {
    if (pending.length === 0) return;
    const pagesOf = pending.map((p) => p.page);
    const segment = pending.map((p) => p.text).join('\n');
    for (const b of readLines(segment, { markdown: false })) {
      const page = pagesOf[b.pos.line - 1];
      if (b.kind === 'table') {
        const rows = b.rows.map((r) => {
          const at = pagesOf[r.pos.line - 1];
          return { ...r, pos: { ...push(pending[r.pos.line - 1]!.text), ...(at !== undefined ? { page: at } : {}) } };
        });
        const first = rows[0]!.pos;
        const last = rows[rows.length - 1]!.pos;
        blocks.push({ ...b, rows, pos: { line: first.line, endLine: last.line, start: first.start, end: last.end, ...(page !== undefined ? { page } : {}) } });
        continue;
      }
      const { shifts: _shifts, ...rest } = b;
      blocks.push({ ...rest, pos: { ...push(b.text), ...(page !== undefined ? { page } : {}) } });
    }
    pending = [];
  };
  // The right edge of body text, over all pages of one width (a cover page's short lines do not set it).
  const edges = new Map<number, number>();
  for (const p of pages) {
    for (const i of p.items) if (i.kind === 'line') edges.set(Math.round(p.width), Math.max(edges.get(Math.round(p.width)) ?? 0, i.right));
  }
  // The left margin of body text over all pages of one width: the most common line start.
  const bodyMargin = new Map<number, number>();
  {
    const starts = new Map<number, Map<number, number>>();
    for (const p of pages) {
      const w = Math.round(p.width);
      const m = starts.get(w) ?? new Map<number, number>();
      starts.set(w, m);
      for (const i of p.items) if (i.kind === 'line') m.set(Math.round(i.x), (m.get(Math.round(i.x)) ?? 0) + 1);
    }
    for (const [w, m] of starts) bodyMargin.set(w, [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0);
  }
  // A short last line (or a table) at the end of a page ends its paragraph: the next page's first line
  // starts a new one (a cover title is not joined to the 目录 heading, nor 本表无数据 to the next title).
  let endedShort = true;
  pages.forEach((p, index) => {
    const page = index + 1;
    // The left margin of body text: the most common line start on the page.
    const starts = new Map<number, number>();
    for (const item of p.items) if (item.kind === 'line') starts.set(Math.round(item.x), (starts.get(Math.round(item.x)) ?? 0) + 1);
    const margin = [...starts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
    // The right edge of the text block: a line that stops short of it ends its paragraph.
    const edge = edges.get(Math.round(p.width)) ?? 0;
    let prevBottom: number | undefined;
    let prevShort = endedShort;
    let firstLine = true;
    let last: Extract<PageItem, { kind: 'line' }> | undefined;
    for (const item of p.items) {
      if (item.kind === 'table') {
        flush();
        const rows: GridRow[] = item.rows.map((cells) => ({ cells, pos: { ...push(cells.map((c) => c.text).join('\t')), page } }));
        const first = rows[0]!.pos;
        const last = rows[rows.length - 1]!.pos;
        blocks.push({ kind: 'table', rows, pos: { line: first.line, endLine: last.line, start: first.start, end: last.end, page } });
        push('');
        prevBottom = item.bottom;
        prevShort = true;
        continue;
      }
      // A wide vertical gap ends a paragraph; an indented line begins one (as 　　 does in text).
      // At a page break only a line at the left margin continues the paragraph of the page before: a
      // centred heading (目录) or an indented line begins a new one.
      const offMargin = item.x - margin > item.size * 1.5;
      if (prevBottom !== undefined ? prevShort || item.y - prevBottom > item.size * 1.2 : firstLine && (prevShort || offMargin)) pending.push({ text: '', page });
      firstLine = false;
      const indented = offMargin && item.x - margin < item.size * 6;
      pending.push({ text: indented ? `\u3000\u3000${item.text}` : item.text, page });
      prevBottom = item.bottom;
      prevShort = item.right < edge - item.size * 2.5;
      last = item;
    }
    // A centred last line (a cover title as wide as the text) ends its paragraph too.
    const body = bodyMargin.get(Math.round(p.width)) ?? margin;
    endedShort = prevShort || (last !== undefined && last.x - body > last.size * 1.5 && Math.abs(last.x - body - (edge - last.right)) < last.size * 1.5);
  });
  flush();
  return { text: lines.join('\n'), blocks };
}
