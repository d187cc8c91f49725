/**
 * The documents under the paths a user names: files as given, and inside folders (recursively,
 * sorted, hidden entries left out) the files of a format we read plus the Report JSON files (other
 * JSON — supplements, configurations — is passed over). Used by `check` and `import`.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { looksLikeReportJson } from '../model/report-json.js';

/** The formats the readers take, by extension, when a folder is searched. */
export const READABLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.shtml', '.pdf', '.xlsx', '.xlsm', '.xls', '.docx']);

export interface SkippedFile {
  file: string;
  reason: string;
}

/** The first bytes of a file (enough to tell a Report JSON). */
async function head(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r').catch(() => undefined);
  if (!file) return new Uint8Array();
  try {
    const buf = new Uint8Array(4096);
    const { bytesRead } = await file.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The documents under the inputs, each once, and the files of a folder passed over with the reason.
 * A file named directly is kept whatever its name (the reader says why it cannot be read), and so is a
 * missing path, so that it is reported with the others rather than stopping the run.
 */
export async function collectDocuments(inputs: string[]): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = resolve(p);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(p);
    }
  };
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      const ext = extname(e.name).toLowerCase();
      if (e.isDirectory()) await walk(p);
      else if (READABLE_EXTENSIONS.has(ext)) add(p);
      else if (ext === '.json' && looksLikeReportJson(await head(p))) add(p);
      else if (e.isFile()) skipped.push({ file: p, reason: `不支持的文件类型（${extname(e.name) || '无扩展名'}）` });
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) await walk(input);
    else add(input);
  }
  return { files, skipped };
}
