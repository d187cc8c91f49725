/**
 * The binary formats (PDF, Excel, Word): told apart by their signature and, for the ZIP-based Office
 * formats, by the parts the package holds. Their readers are asynchronous (the libraries are), so
 * they are reached through readDocumentFile / readDocumentAsync; the text formats stay synchronous.
 */
import type { Block } from '../model/document.js';

/** What a binary reader returns; the dispatcher adds the SourceInfo. */
export interface BinaryReadResult {
  /** The text positions refer to (one block per line, as the HTML reader does). */
  text: string;
  blocks: Block[];
  title?: string;
  /** Pages read, for paged formats (progress and the benchmark's pages per second). */
  pages?: number;
  /** See Document.warnings. */
  warnings?: string[];
}

/** Limits that keep a hostile or huge file from hanging the process or exhausting memory. */
export interface ReadLimits {
  /** Most pages read from a PDF (default 300); a longer file ends with a clear message. */
  maxPages?: number;
  /** Most cells read from a workbook (default 2,000,000). */
  maxCells?: number;
  /** Most bytes a ZIP-based file may unpack to (default 500 MiB): a zip bomb ends with a message. */
  maxUnpackedBytes?: number;
  /** Wall-clock limit for reading one file, in milliseconds (default 120,000). */
  timeoutMs?: number;
}

export interface BinaryReadOptions extends ReadLimits {
  /** Names the file in messages. */
  path: string;
}

export type BinaryFormat = 'pdf' | 'xlsx' | 'xls' | 'docx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** The binary format of a file, or undefined for text (and for binary formats we do not read). */
export function binaryFormat(bytes: Uint8Array, ext: string): BinaryFormat | undefined {
  // A PDF may have junk before %PDF (allowed within the first 1,024 bytes).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    // The parts decide, not the extension (a workbook renamed .docx, a .xls that is really .xlsx):
    // their names sit in the local headers near the start and in the central directory at the end.
    const near = (from: number, to: number) => Buffer.from(bytes.subarray(Math.max(0, from), Math.min(bytes.length, to))).toString('latin1');
    const names = near(0, 1 << 20) + near(bytes.length - (1 << 20), bytes.length);
    const xl = names.includes('xl/workbook.xml') || names.includes('xl/_rels');
    const word = names.includes('word/document.xml') || names.includes('word/_rels');
    if (xl && !word) return 'xlsx';
    if (word && !xl) return 'docx';
    if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls') return 'xlsx';
    if (ext === '.docx') return 'docx';
    return undefined;
  }
  if (startsWith(bytes, OLE) && ext !== '.doc') return 'xls';
  return undefined;
}
