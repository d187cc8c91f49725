/**
 * Check many files: read → recognise → check each, in parallel worker threads (one per core by
 * default), reporting progress as files finish. Results come back in the order the files were given.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { readFile, stat } from 'node:fs/promises';
import { readDocumentFile, type ReadLimits } from '../read/index.js';
import { recognise } from '../recognise/index.js';
import { JuesuanError } from '../model/errors.js';
import { parseReportJson } from '../model/report-json.js';
import type { CheckResult } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { CheckConfig } from './config.js';
import { checkReport } from './index.js';

export interface FileCheck {
  file: string;
  /** Present when the file was read. */
  report?: Pick<Report, 'title' | 'entity' | 'year' | 'kind' | 'scope' | 'moneyUnit' | 'template'> & {
    tables: { id: string; title: string }[];
    /** What reading and recognition could not do (a page that is a picture, a row not recognised). */
    warnings: string[];
  };
  result?: CheckResult;
  /** Present when the file could not be read (exit code 2). */
  error?: { code: string; message: string };
}

export interface BatchOptions {
  config?: CheckConfig;
  /** Worker threads (default: the machine's cores; 1 = in this thread). */
  jobs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Page, size and time limits for reading each file (PDF, workbooks). */
  limits?: ReadLimits;
}

/** A Report JSON file (`.json`, juesuan/report@1) is checked as it is; any other file is read and recognised. */
async function reportOf(file: string, limits: ReadLimits): Promise<Report> {
  if (!/\.json$/i.test(file)) return recognise(await readDocumentFile(file, limits));
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new JuesuanError('not_found', `文件不存在或无法访问：${file}`, file);
  if (!info.isFile()) throw new JuesuanError('not_a_file', `不是文件：${file}`, file);
  return parseReportJson(await readFile(file), file);
}

/** What a check keeps of its report (all a worker thread sends back): the header, tables, warnings. */
export function fileReport(report: Report): NonNullable<FileCheck['report']> {
  return {
    title: report.title,
    entity: report.entity,
    year: report.year,
    kind: report.kind,
    scope: report.scope,
    moneyUnit: report.moneyUnit,
    template: report.template,
    tables: report.tables.map((t) => ({ id: t.id, title: t.title })),
    warnings: (report.diagnostics ?? []).filter((d) => d.level === 'warning').map((d) => d.message),
  };
}

/** Read, recognise and check one file; never throws for a bad input. */
export async function checkFile(file: string, config?: CheckConfig, limits: ReadLimits = {}): Promise<FileCheck> {
  try {
    const report = await reportOf(file, limits);
    const result = checkReport(report, config ? { config } : {});
    return {
      file,
      report: fileReport(report),
      result,
    };
  } catch (error) {
    if (error instanceof JuesuanError) return { file, error: { code: error.code, message: error.message } };
    return { file, error: { code: 'internal', message: `处理 ${file} 时出现内部错误：${(error as Error).message}` } };
  }
}

export async function checkFiles(files: string[], options: BatchOptions = {}): Promise<FileCheck[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length));
  const results: FileCheck[] = new Array(files.length);
  let done = 0;
  const finish = (i: number, r: FileCheck) => {
    results[i] = r;
    done++;
    options.onProgress?.(done, files.length, files[i]!);
  };
  if (jobs === 1) {
    for (let i = 0; i < files.length; i++) finish(i, await checkFile(files[i]!, options.config, options.limits));
    return results;
  }
  let next = 0;
  // The worker module beside this one; from the bundled CLI (dist/cli.cjs) that is dist/src/check/.
  const beside = new URL('./worker.js', import.meta.url);
  const workerUrl = existsSync(beside) ? beside : new URL('./src/check/worker.js', import.meta.url);
  await Promise.all(
    Array.from({ length: jobs }, () => {
      const worker = new Worker(workerUrl, { workerData: { config: options.config ?? null, limits: options.limits ?? {} } });
      return new Promise<void>((resolve, reject) => {
        const feed = () => {
          if (next >= files.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const i = next++;
          worker.once('message', (r: FileCheck) => {
            finish(i, r);
            feed();
          });
          worker.postMessage(files[i]);
        };
        worker.once('error', reject);
        feed();
      });
    }),
  );
  return results;
}
