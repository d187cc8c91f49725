/** `juesuan template`: write the blank input workbook a preparer fills in Excel. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { JuesuanError } from '../model/errors.js';

export function registerTemplateCommand(program: Command): void {
  program
    .command('template')
    .description('生成空白输入工作簿（Excel）：填表说明、各张决算表（含科目编码和名称、公式、数据验证）、文字与补充数据')
    .requiredOption('-y, --year <year>', '决算年度，如 2024（决定科目目录）')
    .option('-t, --template <template>', '公开格式：gd（全国/广东，默认）、sx（山西）、sc（四川）', 'gd')
    .option('--scope <scope>', '决算类别：department（部门决算，默认）或 unit（单位决算）', 'department')
    .option('--entity <name>', '单位（部门）名称，可在工作簿中再填')
    .requiredOption('-o, --output <file>', '输出文件路径（.xlsx）')
    .action(async (opts: { year: string; template: string; scope: string; entity?: string; output: string }) => {
      const year = Number(opts.year);
      if (!/^\d{4}$/.test(opts.year) || year < 1990 || year > 2100) throw new JuesuanError('bad_config', `决算年度应为四位数年份，而不是“${opts.year}”`);
      if (!['gd', 'sx', 'sc'].includes(opts.template)) throw new JuesuanError('bad_config', `不支持的公开格式“${opts.template}”（可选 gd、sx、sc）`);
      if (!['department', 'unit'].includes(opts.scope)) throw new JuesuanError('bad_config', `不支持的决算类别“${opts.scope}”（可选 department、unit）`);
      const bytes = await (await import('../input/index.js')).buildInputTemplate({
        year,
        template: opts.template as 'gd' | 'sx' | 'sc',
        scope: opts.scope as 'department' | 'unit',
        ...(opts.entity ? { entity: opts.entity } : {}),
      });
      await writeFile(opts.output, bytes);
      process.stderr.write(`已生成输入模板：${opts.output}（${year}年度，${opts.template} 格式）。填写说明见工作表“填表说明”。\n`);
    });
}
