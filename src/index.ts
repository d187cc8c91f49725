/** 决算通 public API: read → recognise, and the model types. */
import type { ReadOptions } from './read/index.js';
import { readDocument, readDocumentAsync, readDocumentFile } from './read/index.js';
import { recognise, type RecogniseOptions } from './recognise/index.js';
import type { Report } from './model/report.js';

export * from './model/index.js';
export { readDocument, readDocumentAsync, readDocumentFile, type ReadLimits, type ReadOptions } from './read/index.js';
export { recognise, type RecogniseOptions } from './recognise/index.js';
export { renderText, reportToCsv, reportToJson, type RenderTextOptions } from './render/index.js';

/** Read and recognise one file: the Report that `juesuan extract` prints. */
export async function extractFile(path: string, options: ReadOptions & RecogniseOptions = {}): Promise<Report> {
  return recognise(await readDocumentFile(path, options), options);
}

/** Read and recognise bytes or text already in memory. */
export function extract(input: Uint8Array | string, options: ReadOptions & RecogniseOptions & { path?: string } = {}): Report {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return recognise(readDocument(bytes, options), options);
}

/** Read and recognise bytes in memory in any supported format, PDF, Excel and Word included. */
export async function extractAsync(input: Uint8Array | string, options: ReadOptions & RecogniseOptions & { path?: string } = {}): Promise<Report> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return recognise(await readDocumentAsync(bytes, options), options);
}
