/**
 * Word `.docx` reader: mammoth turns the document into HTML (paragraphs and tables in order, Word
 * heading styles as h1–h6, `w:gridSpan` / `w:vMerge` as colspan / rowspan), and the HTML reader
 * makes the blocks. The package is checked for zip bombs first (../xlsx/zip.ts): mammoth unpacks
 * parts with no limit. `timeoutMs` is enforced between the steps and by a timer raced against
 * mammoth's one call (../xlsx/deadline.ts).
 */

import { JuesuanError } from '../../model/errors.js';
import type { BinaryReadOptions, BinaryReadResult } from '../binary.js';
import { readHtml } from '../html/index.js';
import { Deadline } from '../xlsx/deadline.js';
import { DEFAULT_MAX_UNPACKED, guardZip } from '../xlsx/zip.js';

/** Chinese Word names its built-in headings 标题 1…; custom 标题N styles are common too. */
const STYLE_MAP = [1, 2, 3, 4, 5, 6].flatMap((n) => [
  `p[style-name='标题 ${n}'] => h${n}:fresh`,
  `p[style-name='标题${n}'] => h${n}:fresh`,
  `p[style-name='heading ${n}'] => h${n}:fresh`,
]);

export async function readDocx(bytes: Uint8Array, options: BinaryReadOptions): Promise<BinaryReadResult> {
  const path = options.path;
  const deadline = new Deadline(options.timeoutMs, 'Word 文档', path);
  const guard = guardZip(bytes, {
    deadline,
    path,
    kind: 'Word 文档',
    maxUnpackedBytes: options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED,
  });
  if (!guard.entries.some((e) => /^\/?word\/document\.xml$/i.test(e.name))) {
    throw new JuesuanError('corrupt', `不是有效的 Word 文档（缺少 word/document.xml）：${path}`, path);
  }
  let html: string;
  try {
    const mammoth = (await deadline.race(import('mammoth'))).default; // loaded on first use (start-up time)
    // mammoth converts the whole document in one call: raced against the deadline.
    const result = await deadline.race(
      mammoth.convertToHtml(
        { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
      ),
    );
    html = result.value;
  } catch (err) {
    if (err instanceof JuesuanError) throw err;
    const m = err instanceof Error ? err.message : String(err);
    throw new JuesuanError('corrupt', `Word 文档已损坏，无法读取（${m.slice(0, 80)}）：${path}`, path);
  }
  deadline.check();
  // One element per line, so that block lines count the document's paragraphs and table rows.
  const read = readHtml(html.replace(/(<\/(?:p|h[1-6]|tr|table|li)>)/g, '$1\n'));
  deadline.check(); // the HTML walk is one synchronous call: checked after it
  return { text: read.text, blocks: read.blocks, ...(read.title ? { title: read.title } : {}) };
}
