/** The `juesuan` command line: parses arguments, calls the library, prints. */
import { extractFile } from '../index.js';
import { JuesuanError } from '../model/errors.js';
import { createProgram, registerCheckCommand, registerExtractCommand, runProgram, write } from './program.js';
import { formatTables } from './tables-text.js';
// The checker (its hundred-odd rule modules) and the render command's formats are loaded only by
// the commands that use them: `juesuan extract` starts without them.

const SEVERITY_WORD = { error: '错误', warning: '警告', info: '提示' } as const;
import { registerTemplateCommand } from './template-command.js';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

/** The fictional example document shipped with the package (not a real disclosure). */
const EXAMPLE = fileURLToPath(new URL('../../../examples/示例单位2024年度单位决算.txt', import.meta.url));

const program = createProgram();
registerExtractCommand(program);
registerCheckCommand(program);

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
