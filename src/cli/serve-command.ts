/**
 * `juesuan serve [--port N] [--host H] [--db FOLDER|postgres://…] [--demo] [--max-upload MiB]`: the
 * workbench — the HTTP API and the web app — on one port. Stops cleanly on Ctrl-C / SIGTERM
 * (server, store and the PDF browser closed). The server's modules load only when the command runs.
 */
import type { Command } from 'commander';
import { JuesuanError } from '../model/errors.js';

interface ServeCliOptions {
  port?: string;
  host?: string;
  db?: string;
  demo?: boolean;
  maxUpload?: string;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动决算通工作台（网页界面与 HTTP API）')
    .option('-p, --port <port>', '端口（默认 8080；0 表示任选空闲端口）', '8080')
    .option('--host <host>', '监听地址（默认 127.0.0.1，只允许本机访问；0.0.0.0 允许局域网访问）', '127.0.0.1')
    .option('--db <target>', '数据库：文件夹（内嵌数据库，默认 ./juesuan-data 或环境变量 DATABASE_URL）或 postgres://… 服务器地址')
    .option('--demo', '数据库为空时载入自带的虚构示例报告（5 个单位 × 3 个年度等）')
    .option('--max-upload <MiB>', '单次上传大小上限（MiB，默认 50）')
    .action(async (opts: ServeCliOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new JuesuanError('bad_config', `端口应为 0–65535 的整数，而不是“${opts.port}”`);
      let maxUploadBytes: number | undefined;
      if (opts.maxUpload !== undefined) {
        const mib = Number(opts.maxUpload);
        if (!(Number.isFinite(mib) && mib > 0)) throw new JuesuanError('bad_config', `--max-upload 应为正数（MiB），而不是“${opts.maxUpload}”`);
        maxUploadBytes = Math.floor(mib * 1024 * 1024);
      }
      const { serve } = await import('../serve/index.js');
      let running;
      try {
        running = await serve({
          port,
          ...(opts.host ? { host: opts.host } : {}),
          ...(opts.db ? { db: opts.db } : {}),
          ...(opts.demo ? { demo: true } : {}),
          ...(maxUploadBytes ? { maxUploadBytes } : {}),
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException)?.code;
        if (code === 'EADDRINUSE') throw new JuesuanError('bad_config', `端口 ${port} 已被占用，请用 --port 换一个端口`);
        if (code === 'EACCES') throw new JuesuanError('bad_config', `没有权限监听端口 ${port}，请换一个大于 1024 的端口`);
        if (code === 'ECONNREFUSED') throw new JuesuanError('bad_config', `无法连接数据库服务器：${opts.db ?? process.env['DATABASE_URL'] ?? ''}`);
        throw error;
      }
      if (running.demoReports > 0) process.stderr.write(`已载入 ${running.demoReports} 份示例报告（虚构单位）\n`);
      process.stdout.write(`决算通工作台已启动：${running.url}\n（按 Ctrl+C 停止）\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          process.stderr.write(`\n正在停止工作台（${signal}）……\n`);
          running.close().then(resolve, (error: unknown) => {
            process.stderr.write(`juesuan：停止时出错：${error instanceof Error ? error.message : String(error)}\n`);
            resolve();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      process.stderr.write('工作台已停止\n');
    });
}
