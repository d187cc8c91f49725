/**
 * The parts of the `juesuan` command line every entry shares: the program with its Chinese help and
 * errors, the read limits, the `extract` and `check` commands, and the run that turns errors into
 * exit codes. main.ts adds the other commands; fast-main.ts is the bundled fast path of the two.
 */
import { Command, CommanderError } from 'commander';
import { extractFile, type ReadLimits } from '../index.js';
import { JuesuanError } from '../model/errors.js';
import { factsToCsv, reportToCsv, reportToJson } from '../render/report.js';
import { formatTables } from './tables-text.js';
import type { MinSeverity } from './check-output.js';
import { expandInputs, progressBar, useColour } from './terminal.js';

const TITLES: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：' };

/** Commander writes its own errors in English; users read Chinese. */
function translateError(text: string): string {
  return text
    .replace(/^error: missing required argument '(.+)'/m, '缺少参数 <$1>')
    .replace(/^error: option '(.+)' argument missing/m, '选项 $1 缺少取值')
    .replace(/^error: unknown option '(.+)'/m, '未知选项 $1')
    .replace(/^error: unknown command '(.+)'/m, '未知命令 $1')
    .replace(/^error: too many arguments(?: for '(.+)')?\..*$/m, '参数过多')
    .replace(/\(Did you mean (.+)\?\)/, '（是否想用 $1？）')
    .replace(/^(?!juesuan：)(.+)$/m, 'juesuan：$1');
}

/** The program without commands: name, version, Chinese help titles and errors. */
export function createProgram(): Command {
  return new Command()
    .name('juesuan')
    .description('决算通：读取、识别、校验部门决算公开文档')
    .version('0.1.0', '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .addHelpCommand('help [command]', '显示某个命令的帮助')
    .showHelpAfterError('（使用 --help 查看用法）')
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      // commander appends `(default: "8080")` in English; our descriptions say 默认 in Chinese.
      optionDescription: (option) =>
        option.defaultValue === undefined || /默认/.test(option.description)
          ? option.description
          : `${option.description}（默认 ${String(option.defaultValue)}）`,
    })
    .configureOutput({ outputError: (str, write) => write(translateError(str)) })
    .exitOverride();
}

/** --max-pages and --timeout as read limits, validated (a bad number is the user's error, exit 2). */
export function readLimits(opts: { maxPages?: string; timeout?: string }): ReadLimits {
  const positive = (value: string | undefined, name: string): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!(Number.isFinite(n) && n > 0)) throw new JuesuanError('unsupported_format', `${name} 应为正数，而不是“${value}”`);
    return n;
  };
  const maxPages = positive(opts.maxPages, '--max-pages');
  const timeout = positive(opts.timeout, '--timeout');
  return { ...(maxPages ? { maxPages: Math.floor(maxPages) } : {}), ...(timeout ? { timeoutMs: timeout * 1000 } : {}) };
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('读取一份决算公开文档（.txt .md .html .pdf .xlsx .xls .docx），输出识别出的报告')
    .argument('<file>', '文档文件路径')
    .option(
      '-f, --format <format>',
      '输出格式：json（完整报告，默认）、csv（每个单元格一行）、tables（表格文本）、facts（情况说明中的数字事实，CSV：id,subject,basis,measure,value,unit,direction,text,line,table,row,column,base,related）',
      'json',
    )
    .option('--max-pages <n>', 'PDF 最多读取的页数，超过则报错（默认 300）')
    .option('--timeout <秒>', '读取一个文件的时间上限（默认 120 秒）')
    .action(async (file: string, opts: { format: string; maxPages?: string; timeout?: string }) => {
      if (!['json', 'csv', 'tables', 'facts'].includes(opts.format)) {
        throw new JuesuanError('unsupported_format', `不支持的输出格式“${opts.format}”（可选 json、csv、tables、facts）`);
      }
      const report = await extractFile(file, readLimits(opts));
      // What could not be read or recognised, on stderr: the output itself stays as its format says.
      for (const d of report.diagnostics) if (d.level === 'warning') process.stderr.write(`juesuan：注意：${d.message}\n`);
      const out =
        opts.format === 'csv'
          ? reportToCsv(report)
          : opts.format === 'facts'
            ? factsToCsv(report)
            : opts.format === 'tables'
              ? formatTables(report)
              : reportToJson(report) + '\n';
      await write(out);
    });
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('校验决算公开文档：表内、表间、科目名称和完整性规则，输出发现的问题')
    .argument('<files...>', '文档文件或文件夹（文件夹中的 .txt .md .html 文件都会检查）')
    .option('-f, --format <format>', '输出格式：text（按表分组的中文说明，默认）或 json', 'text')
    .option('-s, --min-severity <level>', '只显示不低于该级别的问题：info、warning、error', 'info')
    .option('-c, --config <file>', '规则配置文件（JSON，可调整各规则的级别和容差，或关闭规则）')
    .option('-j, --jobs <n>', '并行处理的文件数（默认为处理器核数）')
    .option('--max-pages <n>', 'PDF 最多读取的页数，超过则报错（默认 300）')
    .option('--timeout <秒>', '读取一个文件的时间上限（默认 120 秒）')
    .action(async (inputs: string[], opts: { format: string; minSeverity: string; config?: string; jobs?: string; maxPages?: string; timeout?: string }) => {
      if (!['text', 'json'].includes(opts.format)) throw new JuesuanError('unsupported_format', `不支持的输出格式“${opts.format}”（可选 text、json）`);
      if (!['info', 'warning', 'error'].includes(opts.minSeverity)) {
        throw new JuesuanError('unsupported_format', `不支持的级别“${opts.minSeverity}”（可选 info、warning、error）`);
      }
      const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new JuesuanError('unsupported_format', `--jobs 应为正整数，而不是“${opts.jobs}”`);
      const [{ checkFiles }, { loadCheckConfig }, { toJson, toText }] = await Promise.all([import('../check/batch.js'), import('../check/index.js'), import('./check-output.js')]);
      const config = opts.config ? loadCheckConfig(opts.config) : undefined;
      const files = await expandInputs(inputs);
      const progress = process.stderr.isTTY && files.length > 1 ? progressBar(files.length) : undefined;
      const checks = await checkFiles(files, {
        ...(config ? { config } : {}),
        limits: readLimits(opts),
        ...(jobs ? { jobs } : {}),
        ...(progress ? { onProgress: progress.update } : {}),
      });
      progress?.done();
      const min = opts.minSeverity as MinSeverity;
      await write(opts.format === 'json' ? toJson(checks, min) : toText(checks, min, useColour()));
      const unreadable = checks.some((c) => c.error);
      const errors = checks.some((c) => (c.result?.summary.error ?? 0) > 0);
      process.exitCode = unreadable ? 2 : errors ? 1 : 0;
    });
}

export function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/** Runs the program on argv; returns the exit code (0 done, 1 findings, 2 the user's error, 3 ours). */
export async function runProgram(program: Command, argv: string[]): Promise<number> {
  // A reader that closes the pipe early (`juesuan extract … | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof JuesuanError) {
      const message = `juesuan：${error.message}\n`;
      if (error.code === 'limit_exceeded') {
        // exceljs and mammoth cannot be interrupted: after a time limit they may still be working, and the
        // process would wait for them. The message is flushed, then we leave.
        await new Promise<void>((resolve) => process.stderr.write(message, () => resolve()));
        process.exit(error.exitCode);
      }
      process.stderr.write(message);
      return error.exitCode;
    }
    if ((error as NodeJS.ErrnoException)?.code === 'EPIPE') return 0;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`juesuan：内部错误：${message}（请将此文件与命令报告给开发者）\n`);
    return 3;
  }
}
