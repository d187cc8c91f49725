/** The `juesuan` command line: parses arguments, calls the library, prints. */
import { extractFile } from '../index.js';
import { JuesuanError } from '../model/errors.js';
import { createProgram, readLimits, registerExtractCommand, runProgram, write } from './program.js';
import { formatTables } from './tables-text.js';
// The checker (its hundred-odd rule modules) and the render command's formats are loaded only by
// the commands that use them: `juesuan extract` starts without them.

const SEVERITY_WORD = { error: '错误', warning: '警告', info: '提示' } as const;
import type { MinSeverity } from './check-output.js';
import { expandInputs, progressBar, useColour } from './terminal.js';
import { registerTemplateCommand } from './template-command.js';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

/** The fictional example document shipped with the package (not a real disclosure). */
const EXAMPLE = fileURLToPath(new URL('../../../examples/示例单位2024年度单位决算.txt', import.meta.url));

const program = createProgram();
registerExtractCommand(program);

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

program
  .command('rules')
  .description('列出全部校验规则（编号、名称、级别、类别、容差）')
  .option('-f, --format <format>', '输出格式：text（默认）、csv、md', 'text')
  .action(async (opts: { format: string }) => {
    const [{ RULES }, { catalogueCsv, catalogueMarkdown }] = await Promise.all([import('../check/index.js'), import('../check/catalogue.js')]);
    if (opts.format === 'csv') return write(catalogueCsv(RULES));
    if (opts.format === 'md') return write(catalogueMarkdown(RULES));
    if (opts.format !== 'text') throw new JuesuanError('unsupported_format', `不支持的输出格式“${opts.format}”（可选 text、csv、md）`);
    const lines = RULES.map((r) => `${r.meta.id.padEnd(7)} ${SEVERITY_WORD[r.meta.severity]}  ${r.meta.title}`);
    return write(lines.join('\n') + `\n共 ${RULES.length} 条规则。\n`);
  });

program
  .command('demo')
  .description('演示：读取项目自带的虚构示例文档，打印识别出的各张表')
  .action(async () => {
    const report = await extractFile(EXAMPLE);
    await write(formatTables(report));
    await write(`\n以上为示例文档 ${relative(process.cwd(), EXAMPLE) || EXAMPLE} 的识别结果。处理自己的文件：juesuan extract 文件路径 [--format json|csv|tables]\n`);
  });

// The render command pulls in every output format, import/worker and serve the store (and with it the
// checker), score the performance rules: each is registered only when it is the command named, or
// when no other known command is (help, an unknown command and `juesuan` alone still list them all,
// in this order). `juesuan extract` starts without them.
const named = process.argv.slice(2).find((a) => !a.startsWith('-'));
const OWN_COMMANDS = ['extract', 'check', 'rules', 'demo', 'template'];
const LAZY_COMMANDS = { render: ['render'], import: ['import', 'worker'], serve: ['serve'], score: ['score'] };
const wanted = (commands: string[]) => named === undefined || commands.includes(named) || ![...OWN_COMMANDS, ...Object.values(LAZY_COMMANDS).flat()].includes(named);
if (wanted(LAZY_COMMANDS.render)) (await import('./render-command.js')).registerRenderCommand(program);
if (wanted(LAZY_COMMANDS.import)) (await import('./import-command.js')).registerImportCommand(program);
if (wanted(LAZY_COMMANDS.serve)) (await import('./serve-command.js')).registerServeCommand(program);
if (wanted(LAZY_COMMANDS.score)) (await import('./score-command.js')).registerScoreCommand(program);

registerTemplateCommand(program);

process.exitCode = await runProgram(program, process.argv);
