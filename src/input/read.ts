/**
 * A filled input workbook (or a workbook `juesuan render --to xlsx` wrote) → Report + Supplement.
 * Sheets are found by the table title in their name or first rows; their layout family (gd/sx) by
 * the header block. Diagnostics name the sheet and cell, in Chinese.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../model/lazy.js';
import { JuesuanError } from '../model/errors.js';
import type { Report, ReportScope, Table } from '../model/report.js';
import type { ProjectResult, Supplement } from '../model/supplement.js';
import { codeDigits, compact, foldWideNumber } from '../recognise/normalise.js';
import { matchTitle } from '../recognise/tables/titles.js';
import type { TemplateId } from '../render/document/model.js';
import { BUDGETS_SHEET, INFO_ROWS, INFO_SHEET, PROJECT_COLUMNS, PROJECTS_SHEET, SUPPLEMENT_SHEET, TEXT_SHEET, setPath, supplementRows } from '../render/formats/xlsx.js';
import { cellText, rawCell, unitsToNumber } from './cells.js';
import { scanTable } from './scan.js';
import { defaultTitle, templateTableIds, tableTitle } from './skeleton.js';
import { read06, read09, read10, readCoded, readTwoSided, type InputDiagnostic, type TableContext } from './tables.js';

export type { InputDiagnostic } from './tables.js';

export interface InputWorkbook {
  report: Report;
  supplement: Supplement;
  diagnostics: InputDiagnostic[];
}

async function load(input: string | Uint8Array, path: string): Promise<{ workbook: ExcelJS.Workbook; bytes: Uint8Array }> {
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    try {
      bytes = await readFile(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new JuesuanError('not_found', `找不到文件：${input}`, input);
      if (code === 'EISDIR') throw new JuesuanError('not_a_file', `不是文件：${input}`, input);
      throw error;
    }
  } else bytes = input;
  if (bytes.length === 0) throw new JuesuanError('empty', `文件为空：${path}`, path);
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new JuesuanError('corrupt', `无法打开工作簿 ${path}：不是有效的 Excel（.xlsx）文件，或文件已损坏。`, path);
  }
  return { workbook, bytes };
}

/** Which table a sheet holds: its name (表5 一般公共…), else a title in its first rows. */
function sheetTable(sheet: ExcelJS.Worksheet): string | undefined {
  const byName = matchTitle(sheet.name.replace(/^表\s*\d+\s*/, ''))?.id;
  if (byName) return byName;
  for (let r = 1; r <= Math.min(4, sheet.rowCount); r++) {
    const hit = matchTitle(cellText(sheet.getCell(r, 1).value));
    if (hit) return hit.id;
  }
  return undefined;
}

function readInfo(workbook: ExcelJS.Workbook, diagnostics: InputDiagnostic[]) {
  const sheet = workbook.getWorksheet(INFO_SHEET);
  const info: { entity?: string; year?: number; scope?: ReportScope | null; template?: TemplateId; title?: string } = {};
  if (!sheet) {
    diagnostics.push({ level: 'warning', sheet: INFO_SHEET, message: `缺少工作表“${INFO_SHEET}”：单位名称、年度等从表格推断。` });
    return info;
  }
  const labels = new Map(INFO_ROWS.map((r) => [compact(r.label), r.key]));
  sheet.eachRow((row, r) => {
    const key = labels.get(compact(cellText(row.getCell(1).value)));
    const value = cellText(row.getCell(2).value).trim();
    if (!key || !value) return;
    if (key === 'entity') info.entity = value;
    else if (key === 'title') info.title = value;
    else if (key === 'year') {
      const y = Number(foldWideNumber(value).replace(/年.*$/, ''));
      if (Number.isInteger(y) && y >= 1990 && y <= 2100) info.year = y;
      else diagnostics.push({ level: 'error', sheet: INFO_SHEET, cell: `B${r}`, message: `${INFO_SHEET} B${r}：决算年度“${value}”无效，应为四位数年份。` });
    } else if (key === 'scope') info.scope = /单位/.test(value) ? 'unit' : /部门/.test(value) ? 'department' : null;
    else if (key === 'template') {
      const t = /^(gd|sx|sc)/i.exec(value)?.[1]?.toLowerCase() as TemplateId | undefined;
      if (t) info.template = t;
      else if (/山西/.test(value)) info.template = 'sx';
      else if (/四川/.test(value)) info.template = 'sc';
      else if (/广东|全国/.test(value)) info.template = 'gd';
    }
  });
  return info;
}

function readSupplement(workbook: ExcelJS.Workbook, diagnostics: InputDiagnostic[]): Supplement {
  const supplement: Record<string, unknown> = {};
  const sheet = workbook.getWorksheet(SUPPLEMENT_SHEET);
  if (!sheet) diagnostics.push({ level: 'warning', sheet: SUPPLEMENT_SHEET, message: `缺少工作表“${SUPPLEMENT_SHEET}”：情况说明所需的文字和补充数据均未填写。` });
  else {
    const rows = new Map(supplementRows().map((r) => [r.path, r]));
    const byLabel = new Map(supplementRows().map((r) => [compact(r.label), r]));
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      const spec = rows.get(cellText(row.getCell(5).value).trim()) ?? byLabel.get(compact(cellText(row.getCell(1).value)));
      if (!spec) return;
      const cell = row.getCell(2);
      const where = `${SUPPLEMENT_SHEET} B${r}`;
      const text = cellText(cell.value).trim();
      if (!text) return;
      const type = spec.field.type;
      if (type === 'text') setPath(supplement, spec.path, text);
      else if (type === 'list') setPath(supplement, spec.path, text.split(/\r?\n|[；;]/).map((s) => s.trim()).filter(Boolean));
      else {
        const raw = rawCell(cell.value);
        if (raw.kind !== 'value') {
          diagnostics.push({ level: 'error', sheet: SUPPLEMENT_SHEET, cell: `B${r}`, message: `${where}：“${spec.label}”应填写数字，而不是“${text}”。` });
          return;
        }
        if (type === 'count' && raw.units % 100 !== 0) {
          diagnostics.push({ level: 'error', sheet: SUPPLEMENT_SHEET, cell: `B${r}`, message: `${where}：“${spec.label}”是数量，应填写整数。` });
          return;
        }
        setPath(supplement, spec.path, unitsToNumber(raw.units));
      }
    });
  }
  const budgets = workbook.getWorksheet(BUDGETS_SHEET);
  budgets?.eachRow((row, r) => {
    if (r === 1) return;
    const code = codeDigits(foldWideNumber(cellText(row.getCell(1).value)));
    if (!code) return;
    for (const [col, kind] of [
      [3, 'initial'],
      [4, 'adjusted'],
    ] as const) {
      const raw = rawCell(row.getCell(col).value);
      if (raw.kind === 'value') setPath(supplement, `budgets.${kind}.${code}`, unitsToNumber(raw.units));
      else if (raw.kind === 'bad') diagnostics.push({ level: 'error', sheet: BUDGETS_SHEET, cell: `${'CD'[col - 3]}${r}`, message: `${BUDGETS_SHEET} ${'CD'[col - 3]}${r}：“${raw.text}”不是金额。` });
    }
  });
  const projects = workbook.getWorksheet(PROJECTS_SHEET);
  const list: ProjectResult[] = [];
  projects?.eachRow((row, r) => {
    if (r === 1) return;
    const name = cellText(row.getCell(1).value).trim();
    if (!name) return;
    const p: ProjectResult = { name };
    PROJECT_COLUMNS.forEach((c, i) => {
      if (c.key === 'name') return;
      const cell = row.getCell(i + 1);
      if (c.key === 'grade') {
        const g = cellText(cell.value).trim();
        if (g) p.grade = g;
        return;
      }
      const raw = rawCell(cell.value);
      if (raw.kind === 'value') p[c.key] = unitsToNumber(raw.units);
    });
    list.push(p);
  });
  if (list.length) setPath(supplement, 'performance.projects', list);
  return supplement as Supplement;
}

export interface ReadInputOptions {
  /** The file name for messages and `report.source` when bytes are given. */
  path?: string;
}

/** Read a filled input workbook. Throws JuesuanError (exit 2) when it is not one; else diagnostics. */
export async function readInputWorkbook(input: string | Uint8Array, options: ReadInputOptions = {}): Promise<InputWorkbook> {
  const path = typeof input === 'string' ? input : (options.path ?? '输入工作簿.xlsx');
  const { workbook, bytes } = await load(input, path);
  const diagnostics: InputDiagnostic[] = [];
  const info = readInfo(workbook, diagnostics);
  const year = info.year ?? new Date().getFullYear() - 1;
  if (info.year === undefined) diagnostics.push({ level: 'error', sheet: INFO_SHEET, message: `${INFO_SHEET}：未填写决算年度，暂按 ${year} 年处理。` });
  const sheets = new Map<string, ExcelJS.Worksheet>();
  // Sheets named for their table first; then others by the title in their first rows.
  const others = new Set([INFO_SHEET, SUPPLEMENT_SHEET, BUDGETS_SHEET, PROJECTS_SHEET, TEXT_SHEET, '填表说明', '科目代码']);
  workbook.eachSheet((sheet) => {
    const id = matchTitle(sheet.name.replace(/^表\s*\d+\s*/, ''))?.id;
    if (id && !sheets.has(id)) sheets.set(id, sheet);
  });
  workbook.eachSheet((sheet) => {
    if (others.has(sheet.name) || [...sheets.values()].includes(sheet)) return;
    const id = sheetTable(sheet);
    if (id && !sheets.has(id)) sheets.set(id, sheet);
  });
  if (sheets.size === 0) {
    throw new JuesuanError('not_a_document', `${path} 不是决算输入工作簿：没有找到任何标准决算表工作表（如“表1 收入支出决算总表”）。请用 juesuan template 生成模板后填写。`, path);
  }
  const family = info.template ?? (sheets.has('10') ? 'sx' : 'gd');
  const tables: Table[] = [];
  for (const id of [...templateTableIds(family), ...(family !== 'sx' && sheets.has('10') ? ['10'] : [])]) {
    const sheet = sheets.get(id);
    const expected = `表${Number(id)} ${tableTitle(id)}`;
    if (!sheet) {
      diagnostics.push({ level: 'warning', sheet: expected, message: `缺少工作表“${expected}”：该表视为未填写，生成的文档中不含此表。` });
      continue;
    }
    // The header tells the layout family; the declared one first.
    const order: ('gd' | 'sx')[] = family === 'sx' ? ['sx', 'gd'] : ['gd', 'sx'];
    const scanned = order.map((t) => scanTable(sheet, id, t)).find((s) => s !== undefined);
    if (!scanned) {
      diagnostics.push({ level: 'error', sheet: sheet.name, message: `${sheet.name}：表头与模板不一致（找不到“${tableTitle(id)}”的表头行），该表未读取。请勿改动表头。` });
      continue;
    }
    const ctx: TableContext = { sheet: sheet.name, year, diagnostics };
    if (id === '01' || id === '04') tables.push(readTwoSided(id, scanned, ctx));
    else if (id === '06') tables.push(read06(scanned, ctx));
    else if (id === '09') tables.push(read09(scanned, ctx));
    else if (id === '10') tables.push(read10(scanned, ctx));
    else tables.push(readCoded(id, scanned, ctx));
  }
  let entity = info.entity;
  if (!entity) {
    const t01 = sheets.get('01');
    for (let r = 1; t01 && r <= 5 && !entity; r++) entity = /^(?:单位|部门|部门名称|单位名称)[:：]\s*(.+?)(?:\s+\d{4}年度)?$/.exec(cellText(t01.getCell(r, 1).value).trim())?.[1];
    if (!entity || /^万元$/.test(entity)) {
      entity = '';
      diagnostics.push({ level: 'error', sheet: INFO_SHEET, message: `${INFO_SHEET}：未填写单位（部门）名称。` });
    }
  }
  const scope = info.scope ?? null;
  const supplement = readSupplement(workbook, diagnostics);
  const report: Report = {
    schema: 'juesuan/report@1',
    title: info.title ?? defaultTitle(entity, year, scope, family),
    entity,
    year,
    kind: 'final-accounts',
    scope,
    moneyUnit: '万元',
    tables,
    sections: [],
    template: family,
    source: { path, format: 'xlsx', encoding: 'binary', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    diagnostics: diagnostics.map((d) => ({ level: d.level === 'info' ? 'info' : 'warning', message: d.message })),
  };
  return { report, supplement, diagnostics };
}
