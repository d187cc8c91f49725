/** The `juesuan` command line: parses arguments, calls the library, prints. */
import { Command, CommanderError } from 'commander';
import { extractFile } from '../index.js';
import { JuesuanError } from '../model/errors.js';
import { reportToCsv, reportToJson } from '../render/report.js';
import { formatTables } from './tables-text.js';

const program = new Command();

program
  .name('juesuan')
  .description('决算通：读取、识别、校验部门决算公开文档')
  .version('0.1.0', '-V, --version', '显示版本号')
  .helpOption('-h, --help', '显示帮助')
  .addHelpCommand('help [command]', '显示某个命令的帮助')
  .showHelpAfterError('（使用 --help 查看用法）')
  .configureOutput({ outputError: (str, write) => write(str) })
  .exitOverride();

program
  .command('extract')
  .description('读取一份决算公开文档（.txt .md .html），输出识别出的报告')
  .argument('<file>', '文档文件路径')
  .option('-f, --format <format>', '输出格式：json（完整报告）、csv（每个单元格一行）、tables（表格文本）', 'json')
  .action(async (file: string, opts: { format: string }) => {
    if (!['json', 'csv', 'tables'].includes(opts.format)) {
      throw new JuesuanError('unsupported_format', `不支持的输出格式“${opts.format}”（可选 json、csv、tables）`);
    }
    const report = await extractFile(file);
    const out = opts.format === 'csv' ? reportToCsv(report) : opts.format === 'tables' ? formatTables(report) : reportToJson(report) + '\n';
    await write(out);
  });

function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof JuesuanError) {
      process.stderr.write(`juesuan：${error.message}\n`);
      return error.exitCode;
    }
    if ((error as NodeJS.ErrnoException)?.code === 'EPIPE') return 0;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`juesuan：内部错误：${message}（请将此文件与命令报告给开发者）\n`);
    return 3;
  }
}

process.exitCode = await main(process.argv);
