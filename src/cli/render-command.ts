/**
 * `juesuan render INPUT --to html|docx|xlsx|pdf|md [--prior P] [--template gd|sx|sc] -o OUT`:
 * a Report JSON (as `juesuan extract` prints it) or a filled input workbook (.xlsx) → the whole
 * disclosure document in one format. Messages and progress go to stderr; a bad input ends with
 * exit code 2 and a one-line Chinese message.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { readInputWorkbook } from '../input/read.js';
import { JuesuanError } from '../model/errors.js';
import type { Report } from '../model/report.js';
import type { Supplement } from '../model/supplement.js';
import { composeDocument } from '../render/document/compose.js';
import type { DisclosureDocument, TemplateId } from '../render/document/model.js';
import { DOCUMENT_FORMATS, renderDocument, type DocumentFormat } from '../render/document/render.js';

export const RENDER_FORMATS = DOCUMENT_FORMATS;
export type RenderFormat = DocumentFormat;

const EXTENSION_FORMAT: Record<string, RenderFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.pdf': 'pdf',
  '.md': 'md',
  '.markdown': 'md',
};

const FORMAT_NAME: Record<RenderFormat, string> = { html: 'HTML', docx: 'Word', xlsx: 'Excel', pdf: 'PDF', md: 'Markdown' };

interface RenderCliOptions {
  to?: string;
  output?: string;
  prior?: string;
  template?: string;
  supplement?: string;
}

/** The `render` command, added to the program by src/cli/main.ts. */
export function registerRenderCommand(program: Command): void {
  program
    .command('render')
    .description('由报告 JSON（juesuan extract 的输出）或填好的输入工作簿（.xlsx）生成完整的决算公开文档')
    .argument('<input>', '报告 JSON 文件，或输入工作簿 .xlsx')
    .option('-t, --to <format>', '输出格式：html、docx、xlsx、pdf、md（省略时按 -o 的扩展名判断）')
    .option('-o, --output <file>', '输出文件（md、html 可省略，输出到标准输出）')
    .option('-p, --prior <file>', '上年度的报告 JSON 或输入工作簿，用于“比上年”的比较')
    .option('--template <template>', '格式模板：gd（全国/广东，默认）、sx（山西）、sc（四川）')
    .option('-s, --supplement <file>', '补充数据 JSON（职责、原因说明、“三公”预算与数量等；输入为工作簿时从工作簿读取）')
    .action(async (input: string, opts: RenderCliOptions) => {
      const format = outputFormat(opts);
      const template = templateOption(opts.template);
      if (!opts.output && (format === 'docx' || format === 'xlsx' || format === 'pdf')) {
        throw new JuesuanError('unsupported_format', `生成 ${FORMAT_NAME[format]} 文件需要用 -o 指定输出文件`);
      }
      const source = await loadInput(input);
      const supplement = opts.supplement ? await loadSupplement(opts.supplement) : source.supplement;
      const prior = opts.prior ? (await loadInput(opts.prior)).report : undefined;
      const doc = composeDocument(source.report, supplement, { ...(prior ? { prior } : {}), ...(template ? { template } : {}) });
      const progress = process.stderr.isTTY;
      if (progress && format === 'pdf') process.stderr.write('正在用 Chromium 排版 PDF……\n');
      const bytes = await renderDocument(doc, format);
      if (!opts.output) {
        await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (err) => (err ? reject(err) : resolve())));
        return;
      }
      await writeFile(opts.output, bytes);
      process.stderr.write(`已生成 ${opts.output}（${FORMAT_NAME[format]}，${formatSize(bytes.length)}）\n`);
    });
}


function outputFormat(opts: RenderCliOptions): RenderFormat {
  if (opts.to !== undefined) {
    const to = opts.to.toLowerCase().replace(/^\./, '');
    const format = to === 'markdown' ? 'md' : to === 'htm' ? 'html' : to;
    if (!(RENDER_FORMATS as readonly string[]).includes(format)) {
      throw new JuesuanError('unsupported_format', `不支持的输出格式“${opts.to}”（可选 ${RENDER_FORMATS.join('、')}）`);
    }
    return format as RenderFormat;
  }
  const byExtension = opts.output ? EXTENSION_FORMAT[extname(opts.output).toLowerCase()] : undefined;
  if (!byExtension) {
    throw new JuesuanError('unsupported_format', `请用 --to 指定输出格式（${RENDER_FORMATS.join('、')}）${opts.output ? `：无法从“${opts.output}”的扩展名判断` : ''}`);
  }
  return byExtension;
}

function templateOption(value: string | undefined): TemplateId | undefined {
  if (value === undefined) return undefined;
  if (value === 'gd' || value === 'sx' || value === 'sc') return value;
  throw new JuesuanError('unsupported_format', `不支持的模板“${value}”（可选 gd、sx、sc）`);
}

/** A Report JSON or an input workbook, told by content (a workbook is a ZIP), not only by name. */
async function loadInput(path: string): Promise<{ report: Report; supplement: Supplement }> {
  const bytes = await readBytes(path);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const workbook = await readInputWorkbook(bytes, { path });
    for (const d of workbook.diagnostics) {
      if (d.level === 'info') continue;
      const where = [d.sheet, d.cell].filter(Boolean).join(' ');
      process.stderr.write(`juesuan：${d.level === 'error' ? '错误' : '注意'}：${d.message}${where && !d.message.includes(where) ? `（${where}）` : ''}\n`);
    }
    return { report: workbook.report, supplement: workbook.supplement };
  }
  return { report: parseReport(bytes, path), supplement: {} };
}

function parseReport(bytes: Uint8Array, path: string): Report {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw new JuesuanError('unsupported_format', `${path} 既不是报告 JSON，也不是输入工作簿（.xlsx）`, path);
  }
  const report = value as Partial<Report> | null;
  if (!report || typeof report !== 'object' || report.schema !== 'juesuan/report@1' || !Array.isArray(report.tables)) {
    throw new JuesuanError('not_a_document', `${path} 不是 juesuan 报告 JSON（应为 juesuan extract 的输出，schema 为 juesuan/report@1）`, path);
  }
  if (typeof report.year !== 'number' || typeof report.entity !== 'string') {
    throw new JuesuanError('not_a_document', `${path} 缺少单位名称（entity）或年度（year）`, path);
  }
  return { sections: [], diagnostics: [], ...report } as Report;
}

async function loadSupplement(path: string): Promise<Supplement> {
  const bytes = await readBytes(path);
  try {
    const value = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Supplement;
  } catch {
    // reported below
  }
  throw new JuesuanError('unsupported_format', `${path} 不是补充数据 JSON 对象`, path);
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const bytes = await readFile(path);
    if (bytes.length === 0) throw new JuesuanError('empty', `文件为空：${path}`, path);
    return bytes;
  } catch (error) {
    if (error instanceof JuesuanError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new JuesuanError('not_a_file', `不是文件：${path}`, path);
    throw new JuesuanError('not_found', `文件不存在或无法访问：${path}`, path);
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
