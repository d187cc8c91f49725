/**
 * Report → a plain-text disclosure in the layout of the published documents (the seeds): a cover
 * title, 目录, 第一部分 概况, 第二部分 with the standard tables (tab-separated rows under the header
 * block of each table, split into pages whose header block repeats), notes under each table, and a
 * short 第三部分 情况说明. Two template families:
 *   gd — national/Guangdong (seeds 000, 001): `表1`, `单位：…`/`部门：…`, `单位：万元`, zero printed 0.00;
 *   sx — Shanxi (seed 003): `公开NN表`, `部门名称：…`, `YYYY年度`, `金额单位：万元`, zero printed blank,
 *        table 06 in four column groups, table 10.
 * `extract` reads the output back into the same tables; tests and the benchmark rely on that.
 */
import type { Report, Table } from '../model/report.js';
import { chineseOrdinal, formatAmount, layoutTables, layoutTemplate, scopeWord, tableLayout } from './layout.js';

export { chineseOrdinal, formatAmount } from './layout.js';

export type TextTemplate = 'gd' | 'sx';

export interface RenderTextOptions {
  /** Template family (default: the report's own, else sx when it has table 10, else gd). */
  template?: TextTemplate;
  /** Printed data rows per page before a page break (default 22). */
  rowsPerPage?: number;
  /** Repeat the header block after each page break (default true); otherwise only a blank line. */
  repeatHeader?: boolean;
}

interface Context {
  report: Report;
  template: TextTemplate;
  rowsPerPage: number;
  repeatHeader: boolean;
  /** 部门 or 单位: the word of the 单位：/部门： lines and of the notes (本表反映单位本年度…). */
  scopeWord: '部门' | '单位';
}

export function renderText(report: Report, options: RenderTextOptions = {}): string {
  const ctx: Context = {
    report,
    template: layoutTemplate(report, options.template),
    rowsPerPage: Math.max(1, options.rowsPerPage ?? 22),
    repeatHeader: options.repeatHeader ?? true,
    scopeWord: scopeWord(report),
  };
  const out: string[] = [];
  cover(ctx, out);
  contents(ctx, out);
  overview(ctx, out);
  tablesPart(ctx, out);
  narrative(ctx, out);
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Document parts

/** A paragraph: its line, then a blank line, as the seeds print every heading and paragraph. */
function para(out: string[], text: string): void {
  out.push(text, '');
}

/** 部门决算 or 单位决算, as the title says (seed 000 is a unit whose cover says 部门决算). */
function kindWord(report: Report): string {
  return /单位决算/.test(report.title) ? '单位决算' : '部门决算';
}

function cover(ctx: Context, out: string[]): void {
  const title = ctx.report.title;
  // Shanxi covers print the entity and "2023年度单位决算公开" on two lines.
  const split = ctx.template === 'sx' ? /^(.+?)((?:19|20)\d{2}年度?.+)$/.exec(title) : null;
  if (split) {
    para(out, split[1]!);
    para(out, split[2]!);
  } else para(out, title);
}

function tableEntries(report: Report): Table[] {
  return layoutTables(report);
}

function contents(ctx: Context, out: string[]): void {
  const { report } = ctx;
  const tables = tableEntries(report);
  para(out, '目 录');
  if (ctx.template === 'sx') {
    // Leader dots and a page number, one entry per line (seed 003).
    const entries: [string, number][] = [
      ['第一部分 概况', 1],
      ['一、主要职责', 1],
      ['二、决算单位构成', 1],
      [`第二部分 ${report.year}年部门决算表`, 2],
      ...tables.map((t, i): [string, number] => [`${chineseOrdinal(i + 1)}、${t.title}`, 2 + i]),
      ['第三部分 情况说明', 2 + tables.length],
    ];
    for (const [text, page] of entries) out.push(`${text}.....\t${page}`);
    out.push('');
    return;
  }
  para(out, `第一部分：${report.entity}概况`);
  para(out, '一、主要职责');
  para(out, '二、决算单位构成');
  para(out, `第二部分：${report.entity}${report.year}年度${kindWord(report)}表`);
  tables.forEach((t, i) => para(out, `${chineseOrdinal(i + 1)}、${t.title}`));
  para(out, `第三部分：${report.entity}${report.year}年度${kindWord(report)}情况说明`);
}

/** 第一部分: duties and the composition sentence that tells a unit from a department. */
function overview(ctx: Context, out: string[]): void {
  const { report } = ctx;
  para(out, ctx.template === 'sx' ? '第一部分 概况' : `第一部分：${report.entity}概况`);
  para(out, '一、主要职责');
  para(out, `${report.entity}依法履行本${ctx.scopeWord}职责，承担职能范围内的公共服务、业务管理和综合保障工作。`);
  para(out, '二、决算单位构成');
  para(
    out,
    report.scope === 'department'
      ? `纳入本部门${report.year}年度部门决算编报范围的单位包括本级和下属预算单位。`
      : '本单位没有下属单位，按照决算编制要求，单独编制本单位决算。',
  );
}

function tablesPart(ctx: Context, out: string[]): void {
  const { report } = ctx;
  para(out, ctx.template === 'sx' ? `第二部分 ${report.year}年部门决算表` : `第二部分：${report.entity}${report.year}年度${kindWord(report)}表`);
  for (const table of tableEntries(report)) renderTable(ctx, table, out);
}

/** 第三部分: a few sentences restating the totals of tables 01 and 04. */
function narrative(ctx: Context, out: string[]): void {
  const { report } = ctx;
  const unit = report.moneyUnit;
  const money = (tableId: string, key: string, column: string) => {
    const v = report.tables.find((t) => t.id === tableId)?.rows.find((r) => r.key === key)?.cells[column];
    return `${formatAmount(v ?? 0)}${unit}`;
  };
  const sx = ctx.template === 'sx';
  para(out, sx ? '第三部分 情况说明' : `第三部分：${report.entity}${report.year}年度${kindWord(report)}情况说明`);
  para(out, sx ? '一、收入支出决算总体情况说明' : `一、${report.year}年度收入支出决算总体情况说明`);
  para(
    out,
    `${report.entity}${report.year}年度收入总计${money('01', 'inc.grand_total', '1')}，支出总计${money('01', 'exp.grand_total', '2')}。` +
      `其中本年收入合计${money('01', 'inc.total', '1')}，本年支出合计${money('01', 'exp.total', '2')}，年末结转和结余${money('01', 'exp.closing', '2')}。`,
  );
  para(out, sx ? '二、财政拨款收支决算总体情况说明' : `二、${report.year}年度财政拨款收入支出决算总体情况说明`);
  para(
    out,
    `${report.year}年度财政拨款收入合计${money('04', 'inc.total', '1')}，财政拨款支出合计${money('04', 'exp.total', '2')}，` +
      `其中一般公共预算财政拨款支出${money('04', 'exp.total', '3')}。`,
  );
}

// ---------------------------------------------------------------------------------------------
// One table: the lines above it, the grid in pages whose header block repeats, the notes

function renderTable(ctx: Context, table: Table, out: string[]): void {
  // The text keeps a blank where a cell is not applicable (the seeds' lines are pinned with —— read as blank).
  const layout = tableLayout(ctx.report, table, { template: ctx.template, dashes: false });
  if (!layout) return;
  for (const line of layout.preamble) para(out, line.text);
  const header = layout.header.map((row) => row.map((c) => c.text).join('\t'));
  const pages = layout.paged ? chunk(layout.body, ctx.rowsPerPage) : [layout.body];
  pages.forEach((page, i) => {
    if (i > 0) out.push(''); // the page break: a blank line between the parts
    if (i === 0 || ctx.repeatHeader) out.push(...header);
    for (const cells of page) out.push(cells.join('\t'));
  });
  out.push('');
  for (const group of layout.notes) {
    out.push(...group);
    out.push('');
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}
