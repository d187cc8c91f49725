/** A Report JSON (as `juesuan extract` prints it) as generator input, validated with Chinese errors (src/model/report-json.ts). */
import { readFile } from 'node:fs/promises';
import { JuesuanError } from '../model/errors.js';
import type { Report } from '../model/report.js';
import { parseReportJson } from '../model/report-json.js';

export { validateReport } from '../model/report-json.js';

export async function readReportJson(path: string): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JuesuanError('not_found', `找不到文件：${path}`, path);
    throw error;
  }
  return parseReportJson(bytes, path);
}
