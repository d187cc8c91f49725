/**
 * The read stage: bytes → Document. One reader per format; nothing after this stage knows formats.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Document, SourceFormat } from '../model/document.js';
import { JuesuanError } from '../model/errors.js';
import { decode, detectBom, detectUtf16, encodingFromLabel, looksBinary, replacementRatio, type TextEncodingName } from './encoding.js';
import { readHtml } from './html/index.js';
import { readLines } from './text/index.js';
import { binaryFormat, type BinaryFormat, type BinaryReadResult, type ReadLimits } from './binary.js';
import { readPdf } from './pdf/index.js';
import { readXlsx } from './xlsx/index.js';
import { readXls } from './xlsx/xls.js';
import { readDocx } from './docx/index.js';
import { Deadline } from './xlsx/deadline.js';
import { detectDelimiter, readDelimited } from './xlsx/delimited.js';
import { isMhtml, mhtmlToHtml } from './xlsx/mhtml.js';
import { isSpreadsheetXml, readSpreadsheetXml } from './xlsx/xml2003.js';

export { decode, detectBom } from './encoding.js';
export { readLines } from './text/index.js';
export { readHtml } from './html/index.js';
export type { ReadLimits } from './binary.js';

export interface ReadOptions extends ReadLimits {
  /** Force a format instead of guessing from the extension and content. */
  format?: SourceFormat;
  /** Largest input accepted, in bytes (default 200 MiB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

const EXTENSIONS: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
};

/** Workbook extensions whose file may really be text: HTML tables or CSV saved under the name `.xls`. */
const OFFICE_EXTENSIONS = new Set(['.xls', '.xlsx', '.xlsm', '.et']);

/** Formats recognised by their signature, with the message for a format this version cannot read yet. */
const SIGNATURES: { bytes: number[]; name: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'Office（docx/xlsx）或 ZIP 压缩' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'Office 97-2003（doc/xls）' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG 图片' },
  { bytes: [0x1f, 0x8b], name: 'GZIP 压缩' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'RAR 压缩' },
];

export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<Document> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new JuesuanError('not_found', `文件不存在或无法访问：${path}`, path);
  }
  if (!info.isFile()) throw new JuesuanError('not_a_file', `不是文件：${path}`, path);
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (info.size > max) {
    throw new JuesuanError('too_large', `文件过大（${formatBytes(info.size)}，上限 ${formatBytes(max)}）：${path}`, path);
  }
  const bytes = await readFile(path);
  return readDocumentAsync(bytes, { ...options, path });
}

const BINARY_READERS: Record<BinaryFormat, (bytes: Uint8Array, options: ReadLimits & { path: string }) => Promise<BinaryReadResult>> = {
  pdf: readPdf,
  xlsx: readXlsx,
  xls: readXls,
  docx: readDocx,
};

/** Read a document of any supported format (PDF, Excel and Word included) from bytes in memory. */
export async function readDocumentAsync(bytes: Uint8Array, options: ReadOptions & { path?: string } = {}): Promise<Document> {
  const path = options.path ?? '<输入>';
  const forced = options.format;
  const format = forced && forced in BINARY_READERS ? (forced as BinaryFormat) : forced ? undefined : binaryFormat(bytes, extname(path).toLowerCase());
  if (!format) return readDocument(bytes, options);
  const read = await BINARY_READERS[format](bytes, { ...options, path });
  return {
    source: { path, format, encoding: 'binary', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    text: read.text,
    blocks: read.blocks,
    ...(read.title ? { title: read.title } : {}),
    ...(read.pages !== undefined ? { pages: read.pages } : {}),
    ...(read.warnings?.length ? { warnings: read.warnings } : {}),
  };
}

/** What a file's extension promises, for the message when its bytes are none of the formats we read. */
const BINARY_NAMES: Record<string, string> = {
  '.pdf': ' PDF 文件',
  '.xlsx': ' Excel 工作簿',
  '.xls': ' Excel 工作簿',
  '.docx': ' Word 文档',
  '.doc': ' Word 文档',
};

/** Read a document from bytes already in memory. `path` names it in messages and picks the format by extension. */
export function readDocument(bytes: Uint8Array, options: ReadOptions & { path?: string } = {}): Document {
  const path = options.path ?? '<输入>';
  if (bytes.length === 0 || (bytes.length <= 4 && detectBom(bytes) && bytes.length === (detectBom(bytes)?.length ?? 0))) {
    throw new JuesuanError('empty', `文件为空：${path}`, path);
  }
  if (binaryFormat(bytes, extname(path).toLowerCase())) {
    throw new JuesuanError('needs_async', `${path} 是 PDF/Excel/Word 文件，请用 extractFile 或 extractAsync 读取`, path);
  }
  for (const sig of SIGNATURES) {
    if (sig.bytes.every((b, i) => bytes[i] === b)) {
      throw new JuesuanError('unsupported_format', `不支持读取 ${sig.name} 文件：${path}`, path);
    }
  }
  if (!detectBom(bytes) && !detectUtf16(bytes) && looksBinary(bytes)) {
    const claimed = BINARY_NAMES[extname(path).toLowerCase()];
    if (claimed) throw new JuesuanError('corrupt', `不是有效的${claimed}（文件内容与扩展名不符或已损坏），无法读取：${path}`, path);
    throw new JuesuanError('binary', `不是文本文件（含二进制内容），无法读取：${path}`, path);
  }
  const ext = extname(path).toLowerCase();
  if ((OFFICE_EXTENSIONS.has(ext) || ext === '.mht' || ext === '.mhtml') && !options.format && isMhtml(bytes)) {
    // A "single file web page" (MHTML) saved as .xls: its HTML part is the workbook.
    const html = mhtmlToHtml(bytes);
    if (html !== undefined) {
      // Re-encoded as UTF-8: its own charset declaration would mislead the decoder.
      const utf8 = Buffer.from(html.replace(/(<meta[^>]+charset\s*=\s*["']?)[\w-]+/gi, '$1utf-8'));
      const doc = readDocument(utf8, { ...options, path, format: 'html' });
      return { ...doc, source: { ...doc.source, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } };
    }
  }
  // An unknown extension leaves the format open: the content decides below (HTML or plain text).
  let format = options.format ?? EXTENSIONS[ext];
  const declared = format === 'html' || format === undefined ? declaredCharset(bytes) : undefined;
  const decoded = decode(bytes, declared);
  if (replacementRatio(decoded.text) > 0.02) {
    throw new JuesuanError('undecodable', `无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030 文本）：${path}`, path);
  }
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new JuesuanError('empty', `文件为空：${path}`, path);
  const sourceOf = (f: SourceFormat) => ({ path, format: f, encoding: decoded.encoding, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  if (format === undefined && (ext === '.xml' || OFFICE_EXTENSIONS.has(ext)) && isSpreadsheetXml(text)) {
    // Excel 2003 XML (SpreadsheetML), exported by web systems as .xls.
    const deadline = new Deadline(options.timeoutMs, 'Excel 2003 XML 工作簿', path);
    const read = readSpreadsheetXml(text, { path, deadline, ...(options.maxCells !== undefined ? { maxCells: options.maxCells } : {}) });
    return { source: sourceOf('xls'), text: read.text, blocks: read.blocks };
  }
  if (format === undefined && !looksLikeHtml(text) && (ext === '.csv' || OFFICE_EXTENSIONS.has(ext))) {
    // CSV, or a "workbook" that is really delimited text (财政 systems export such .xls): a one-sheet workbook.
    const delimiter = detectDelimiter(text);
    if (delimiter) {
      const read = readDelimited(text, delimiter, basename(path, extname(path)));
      return { source: sourceOf('text'), text: read.text, blocks: read.blocks };
    }
  }
  if (format === undefined) {
    if (looksLikeHtml(text)) format = 'html';
    else if (OFFICE_EXTENSIONS.has(ext)) format = 'text';
    else if (ext === '' || ext === '.csv' || ext === '.tsv' || ext === '.log') format = 'text';
    else throw new JuesuanError('unsupported_format', `不支持的文件类型“${ext}”：${basename(path)}（支持 .txt .md .html）`, path);
  }
  const source = {
    path,
    format,
    encoding: decoded.encoding,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  if (format === 'html') {
    const html = readHtml(text);
    const blocks = html.blocks;
    if (html.title && !blocks.some((b) => b.kind === 'heading' || b.kind === 'paragraph')) {
      blocks.unshift({ kind: 'heading', level: 1, text: html.title, pos: { line: 1, start: 0, end: 0 } });
    }
    return { source, text: html.text, blocks, ...(html.title ? { title: html.title } : {}) };
  }
  return { source, text, blocks: readLines(text, { markdown: true }) };
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<table[\s>]/.test(head) && /<\/t[dr]>/.test(text.slice(0, 65536).toLowerCase());
}

/**
 * The charset an HTML page declares in its first bytes (`<meta charset>`, http-equiv, or an XML
 * declaration). A UTF-16 declaration read from ASCII-compatible bytes is false (as in the HTML standard).
 */
function declaredCharset(bytes: Uint8Array): TextEncodingName | undefined {
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  const encoding = m?.[1] ? encodingFromLabel(m[1]) : undefined;
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? undefined : encoding;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
