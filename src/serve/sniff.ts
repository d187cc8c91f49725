/**
 * What an uploaded file is, told by its bytes (a browser's type and the file name are only hints):
 * %PDF → PDF, a ZIP holding xl/ or word/ parts → xlsx/docx, an OLE compound file → xls, text →
 * text/markdown/HTML. Anything else is refused before it reaches a reader (HTTP 415).
 */
import { binaryFormat } from '../read/binary.js';

export type UploadKind = 'pdf' | 'xlsx' | 'docx' | 'xls' | 'html' | 'text';

export const MEDIA_TYPES: Record<UploadKind, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** The kind of an upload, or undefined when it is not a format juesuan reads. */
export function sniffUpload(bytes: Uint8Array): UploadKind | undefined {
  if (bytes.length === 0) return undefined;
  const binary = binaryFormat(bytes, '');
  if (binary) return binary;
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return undefined; // another Office/ZIP format (.doc, .pptx, .zip)
  if (!looksLikeText(bytes)) return undefined;
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').toLowerCase();
  return /<(?:!doctype html|html|table|body|head)\b/.test(head) ? 'html' : 'text';
}

/**
 * Text in UTF-8/16 or GB18030: no NUL bytes (except UTF-16 with its BOM) and few control
 * characters in the first 64 KiB.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control <= n * 0.01;
}

/** `Content-Disposition` for a download, with the UTF-8 name (RFC 6266/5987) and an ASCII fallback. */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || 'download';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
