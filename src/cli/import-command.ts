/**
 * `juesuan import` (files and folders into the store, in parallel, resumable; `--queue` for workers)
 * and `juesuan worker` (takes jobs from the queue on a PostgreSQL server).
 */
import type { Command } from 'commander';
import { JuesuanError } from '../model/errors.js';
import { openStore, type Store } from '../store/index.js';
import { importFiles, type ImportProgress, type ImportResult } from '../store/import.js';
import { runQueueWorker, type JobOutcome } from '../store/worker.js';
import { DEFAULT_LEASE_SECONDS } from '../store/queue.js';

/** A URL's password is not printed. */
function shown(target: string): string {
  return target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function open(db: string | undefined): Promise<Store> {
  const target = db ?? process.env['DATABASE_URL'] ?? './juesuan-data';
  try {
    return await openStore(target);
  } catch (error) {
    throw new JuesuanError('bad_config', `无法打开数据库 ${shown(target)}：${(error as Error).message}`);
  }
}

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1)) throw new JuesuanError('bad_config', `${name} 应为正整数，而不是“${value}”`);
  return n;
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new JuesuanError('bad_config', `${name} 应为正数，而不是“${value}”`);
  return n;
}

/** Ctrl-C (or SIGTERM) once: finish the files in hand and stop; twice: stop at once. */
function interruptible(what: string): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\n正在停止：等待处理中的文件完成后${what}（再按一次 Ctrl-C 立即退出，下次运行会从中断处继续）\n`);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/** Progress on stderr: a bar redrawn in place on a terminal, else one line every `step` files. */
function progressReporter(): { update: (p: ImportProgress) => void; done: () => void } {
  const tty = Boolean(process.stderr.isTTY);
  const started = Date.now();
  let last = 0;
  let lastLine = 0;
  let storing = 0;
  return {
    update(p) {
      const rate = p.done / Math.max(0.001, (Date.now() - started) / 1000);
      if (p.phase === 'store') storing++;
      const label = p.phase === 'store' ? `入库排队 ${storing}/${p.total}` : `${p.done}/${p.total}`;
      if (tty) {
        const now = Date.now();
        if (p.done !== p.total && now - last < 80) return;
        last = now;
        const width = 30;
        const filled = Math.round(((p.phase === 'store' ? storing : p.done) / Math.max(1, p.total)) * width);
        const name = p.file.length > 30 ? '…' + p.file.slice(-29) : p.file;
        process.stderr.write(
          `\r导入中 [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${label}  导入 ${p.imported} 重复 ${p.duplicates} 失败 ${p.failed}  ${rate.toFixed(1)} 个/秒  ${name}\x1b[K`,
        );
        return;
      }
      const step = Math.max(1, Math.ceil(p.total / 20));
      const count = p.phase === 'store' ? storing : p.done;
      if (count === p.total || count - lastLine >= step) {
        lastLine = count;
        process.stderr.write(
          p.phase === 'store'
            ? `已入库排队 ${storing}/${p.total} 个文件\n`
            : `已处理 ${p.done}/${p.total} 个文件：导入 ${p.imported}，重复 ${p.duplicates}，失败 ${p.failed}（${rate.toFixed(1)} 个/秒）\n`,
        );
        if (p.phase === 'store' && count === p.total) lastLine = 0;
      }
    },
    done() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

function time(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function seconds(s: number): string {
  return s < 60 ? `${s.toFixed(1)} 秒` : `${Math.floor(s / 60)} 分 ${Math.round(s % 60)} 秒`;
}

/** The Chinese summary printed at the end of an import. */
export function importSummary(r: ImportResult, options: { queued?: boolean; db?: string } = {}): string {
  const lines: string[] = [];
  if (r.previous) {
    const state = r.previous.status === 'done' ? '已完成' : r.previous.status === 'queued' ? '已排队' : '未完成（被中断）';
    lines.push(
      `这些路径曾于 ${time(r.previous.startedAt)} 导入（批次 #${r.previous.id}，${state}：导入 ${r.previous.imported}、重复 ${r.previous.duplicates}、失败 ${r.previous.failed}）；本次有 ${r.duplicates} 个文件已在库中，未重复导入。`,
    );
  }
  const processed = r.imported + r.duplicates + r.failures.length;
  const rate = processed / Math.max(0.001, r.seconds);
  lines.push(
    `导入 ${r.imported} 个、重复 ${r.duplicates} 个、失败 ${r.failures.length} 个` +
      `（共 ${r.total} 个文件${r.skipped.length ? `，跳过 ${r.skipped.length} 个` : ''}${r.pending ? `，未处理 ${r.pending} 个` : ''}），` +
      `用时 ${seconds(r.seconds)}，${rate.toFixed(1)} 个/秒（批次 #${r.batchId}）`,
  );
  if (options.queued && r.pending > 0) {
    lines.push(`${r.pending} 个文件已存入数据库并排队，由 juesuan worker --db ${options.db ? shown(options.db) : '…'} 处理（--wait 可等待并查看进度）。`);
  } else if (r.interrupted) {
    lines.push('导入被中断：再次运行同一命令即可从中断处继续，已导入的文件不会重复。');
  }
  if (r.failures.length) {
    lines.push('', '失败的文件：');
    for (const f of r.failures) lines.push(`  ${f.file}：${f.message}`);
  }
  if (r.skipped.length) {
    lines.push('', '跳过的文件：');
    for (const s of r.skipped) lines.push(`  ${s.file}：${s.reason}`);
  }
  return lines.join('\n') + '\n';
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('把文档文件或文件夹导入数据库：并行读取、识别、校验并保存；中断后再次运行会从中断处继续')
    .argument('<paths...>', '文档文件或文件夹（.txt .md .html .htm .pdf .xlsx .xls .docx）')
    .option('--db <url|folder>', '数据库：postgres://… 或 PGlite 数据文件夹（默认为环境变量 DATABASE_URL，否则 ./juesuan-data）')
    .option('-j, --jobs <n>', '并行处理的文件数（默认为处理器核数）')
    .option('--queue', '只把文件存入数据库并排队，由 juesuan worker 处理（嵌入式数据库则在本进程中处理）')
    .option('--wait', '与 --queue 一起使用：等待队列处理完毕并显示进度')
    .option('--lease <秒>', `处理中的任务多久没有心跳即视为中断并重新排队（默认 ${DEFAULT_LEASE_SECONDS} 秒）`)
    .option('--max-pages <n>', 'PDF 最多读取的页数（默认 300）')
    .option('--timeout <秒>', '读取一个文件的时间上限（默认 120 秒）')
    .action(async (paths: string[], opts: { db?: string; jobs?: string; queue?: boolean; wait?: boolean; lease?: string; maxPages?: string; timeout?: string }) => {
      const jobs = positiveInt(opts.jobs, '--jobs');
      const lease = positive(opts.lease, '--lease');
      const maxPages = positiveInt(opts.maxPages, '--max-pages');
      const timeout = positive(opts.timeout, '--timeout');
      const store = await open(opts.db);
      const stop = interruptible('保存进度');
      const progress = progressReporter();
      try {
        const result = await importFiles(store, paths, {
          ...(jobs ? { jobs } : {}),
          ...(lease ? { leaseSeconds: lease } : {}),
          limits: { ...(maxPages ? { maxPages } : {}), ...(timeout ? { timeoutMs: timeout * 1000 } : {}) },
          queue: Boolean(opts.queue),
          wait: Boolean(opts.wait),
          signal: stop.signal,
          onProgress: progress.update,
        });
        progress.done();
        if (result.total === 0) throw new JuesuanError('not_found', `没有找到可导入的文件（支持 .txt .md .html .htm .pdf .xlsx .xls .docx）：${paths.join(' ')}`);
        const db = opts.db ?? process.env['DATABASE_URL'];
        process.stdout.write(importSummary(result, { queued: Boolean(opts.queue), ...(db ? { db } : {}) }));
        const nothing = result.imported + result.duplicates === 0 && result.pending === 0;
        process.exitCode = result.interrupted ? 130 : result.failures.length === 0 ? 0 : nothing ? 2 : 1;
      } finally {
        progress.done();
        stop.dispose();
        await store.close();
      }
    });

  program
    .command('worker')
    .description('处理导入队列：从 PostgreSQL 数据库领取排队的文件，读取、识别、校验并保存（可在多台机器上同时运行）')
    .option('--db <url>', '数据库：postgres://…（默认为环境变量 DATABASE_URL）')
    .option('-c, --concurrency <n>', '同时处理的文件数（默认为处理器核数）')
    .option('--until-empty', '队列为空时退出（默认一直等待新任务）')
    .option('--lease <秒>', `处理中的任务多久没有心跳即视为中断并重新排队（默认 ${DEFAULT_LEASE_SECONDS} 秒）`)
    .option('--poll <秒>', '队列为空时隔多久查看一次（默认 1 秒）')
    .option('--max-pages <n>', 'PDF 最多读取的页数（默认 300）')
    .option('--timeout <秒>', '读取一个文件的时间上限（默认 120 秒）')
    .action(async (opts: { db?: string; concurrency?: string; untilEmpty?: boolean; lease?: string; poll?: string; maxPages?: string; timeout?: string }) => {
      const concurrency = positiveInt(opts.concurrency, '--concurrency');
      const lease = positive(opts.lease, '--lease');
      const poll = positive(opts.poll, '--poll');
      const maxPages = positiveInt(opts.maxPages, '--max-pages');
      const timeout = positive(opts.timeout, '--timeout');
      const store = await open(opts.db);
      const stop = interruptible('退出');
      const started = Date.now();
      try {
        const totals = await runQueueWorker(
          store.sql,
          async (report, check, source) => (await store.saveReport(report, check, { id: source.id }, 'worker')).id,
          {
            ...(concurrency ? { concurrency } : {}),
            ...(lease ? { leaseSeconds: lease } : {}),
            ...(poll ? { pollMs: poll * 1000 } : {}),
            limits: { ...(maxPages ? { maxPages } : {}), ...(timeout ? { timeoutMs: timeout * 1000 } : {}) },
            untilEmpty: Boolean(opts.untilEmpty),
            signal: stop.signal,
            onJob: (o: JobOutcome) => {
              const line =
                o.status === 'imported'
                  ? `导入 ${o.job.path}（报告 #${o.reportId}）`
                  : o.status === 'duplicate'
                    ? `重复 ${o.job.path}（已有报告 #${o.reportId}）`
                    : o.status === 'failed'
                      ? `失败 ${o.job.path}：${o.error!.message}`
                      : `退回队列 ${o.job.path}：${o.error?.message ?? ''}`;
              process.stderr.write(`[任务 #${o.job.id}] ${line}\n`);
            },
          },
        );
        const s = (Date.now() - started) / 1000;
        const n = totals.imported + totals.duplicates + totals.failed;
        process.stdout.write(
          `处理 ${n} 个任务：导入 ${totals.imported} 个、重复 ${totals.duplicates} 个、失败 ${totals.failed} 个，用时 ${seconds(s)}，${(n / Math.max(0.001, s)).toFixed(1)} 个/秒\n`,
        );
        process.exitCode = totals.failed > 0 ? 1 : 0;
      } finally {
        stop.dispose();
        await store.close();
      }
    });
}
