/** Terminal helpers for the CLI: colour only on a TTY, a progress bar on stderr, input expansion. */
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { looksLikeReportJson } from '../model/report-json.js';

/** Colour when stdout is a terminal and NO_COLOR is not set (https://no-color.org). */
export function useColour(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];
}

const READABLE = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.shtml', '.pdf', '.xlsx', '.xlsm', '.xls', '.docx']);

/** Whether a folder's .json file is a Report JSON (juesuan/report@1), by its first bytes. */
async function isReportJson(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => undefined);
  if (!file) return false;
  try {
    const head = new Uint8Array(4096);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return looksLikeReportJson(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

/**
 * Files as given, and the readable documents inside folders (recursively, sorted): documents by
 * extension, and the Report JSON files (other JSON — supplements, configurations — is passed over).
 * A missing path is kept, so that it is reported as unreadable with the others rather than stopping the run.
 */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (READABLE.has(extname(e.name).toLowerCase())) out.push(p);
      else if (extname(e.name).toLowerCase() === '.json' && (await isReportJson(p))) out.push(p);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) await walk(input);
    else out.push(input);
  }
  return out;
}

/** A one-line progress bar on stderr, redrawn as files finish. */
export function progressBar(total: number): { update: (done: number, total: number, file: string) => void; done: () => void } {
  const width = 30;
  const started = Date.now();
  let last = 0;
  const draw = (done: number, file: string) => {
    const filled = Math.round((done / total) * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const name = file.length > 30 ? '…' + file.slice(-29) : file;
    process.stderr.write(`\r检查中 [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)} 个/秒  ${name}\x1b[K`);
  };
  return {
    update(done, _total, file) {
      const now = Date.now();
      if (done === total || now - last > 80) {
        last = now;
        draw(done, file);
      }
    },
    done() {
      process.stderr.write('\r\x1b[K');
    },
  };
}
