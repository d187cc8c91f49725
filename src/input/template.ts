/**
 * The blank input workbook (`juesuan template`): 填表说明, 基本信息, one sheet per standard table in
 * its published layout (fixed rows labelled, the year's catalogue codes and names filled in, blank
 * rows for other codes whose names come by lookup), totals as formulas, amount cells validated
 * (≥ 0, two decimals) and formatted #,##0.00, labels protected, header panes frozen; then the sheets
 * of texts and supplementary figures, and the 科目代码 catalogue the lookups read.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../model/lazy.js';
import { economicItems, functionalCodes } from '../catalog/index.js';
import type { ReportScope } from '../model/report.js';
import type { TemplateId } from '../render/document/model.js';
import { BUDGETS_SHEET, INFO_SHEET, PROJECTS_SHEET, SCOPE_CHOICES, SUPPLEMENT_SHEET, TEMPLATE_CHOICES, writeReportWorkbook, type TableSheet } from '../render/formats/xlsx.js';
import { address } from './cells.js';
import { scanTable, type CellRef } from './scan.js';
import { CODED_KEYS, skeletonReport } from './skeleton.js';

export const CATALOG_SHEET = '科目代码';
export const GUIDE_SHEET = '填表说明';

export interface TemplateOptions {
  year: number;
  template?: TemplateId;
  scope?: ReportScope;
  entity?: string;
}

const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  formatCells: false,
};

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFDE7' } };
const FORMULA_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };

function amountInput(sheet: ExcelJS.Worksheet, ref: { row: number; col: number }): void {
  const cell = sheet.getCell(ref.row, ref.col);
  const a = address(ref.row, ref.col);
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  cell.dataValidation = {
    type: 'custom',
    allowBlank: true,
    formulae: [`AND(ISNUMBER(${a}),${a}>=0,ROUND(${a},2)=${a})`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '金额有误',
    error: '请填写不小于 0 的金额，单位万元，最多两位小数。',
    showInputMessage: false,
  };
}

function formula(sheet: ExcelJS.Worksheet, ref: { row: number; col: number }, f: string): void {
  const cell = sheet.getCell(ref.row, ref.col);
  cell.value = { formula: f } as ExcelJS.CellFormulaValue; // no cached result: Excel and LibreOffice compute it on opening
  cell.fill = FORMULA_FILL;
  // A preparer may overwrite a total with the figure of their accounts: it is then checked, not lost.
  cell.protection = { locked: false };
}

function applyInputs(ts: TableSheet, id: string, template: 'gd' | 'sx', year: number): void {
  const sheet = ts.sheet;
  const scanned = scanTable(sheet, id, template);
  if (!scanned) throw new Error(`template: table ${id} not found in its own sheet`);
  const rows = scanned.rows;
  const cellOf = (pred: (label: string, r: (typeof rows)[number]) => boolean, col: string) => rows.find((r) => pred(r.label, r))?.cells[col];
  const sumOf = (refs: (CellRef | undefined)[]) => refs.filter((r): r is CellRef => r !== undefined).map((r) => r.address).join('+') || '0';
  // Every amount cell is an input; totals are formulas on top.
  for (const r of rows) for (const c of Object.values(r.cells)) if (r.label || id === '09' || r.code !== undefined || CODED_KEYS[id]) amountInput(sheet, c);
  if (id === '01' || id === '04') {
    const inc = rows.filter((r) => r.side === 'inc');
    const exp = rows.filter((r) => r.side === 'exp');
    const byName = (side: typeof inc, re: RegExp) => side.find((r) => re.test(r.label));
    const classes = exp.filter((r) => /^[一二三四五六七八九十]+、/.test(r.label));
    if (id === '01') {
      const incomes = inc.filter((r) => /^[一二三四五六七八]、/.test(r.label)).map((r) => r.cells['1']);
      const total = byName(inc, /^本年收入合计$/)!;
      formula(sheet, total.cells['1']!, `SUM(${sumOf(incomes).split('+').join(',')})`);
      formula(sheet, byName(inc, /^总计$/)!.cells['1']!, sumOf([total.cells['1'], byName(inc, /^使用非财政拨款结余/)?.cells['1'], byName(inc, /^年初结转和结余$/)?.cells['1']]));
      const expTotal = byName(exp, /^本年支出合计$/)!;
      formula(sheet, expTotal.cells['2']!, sumOf(classes.map((r) => r.cells['2'])));
      formula(sheet, byName(exp, /^总计$/)!.cells['2']!, sumOf([expTotal.cells['2'], byName(exp, /^结余分配$/)?.cells['2'], byName(exp, /^年末结转和结余$/)?.cells['2']]));
    } else {
      const funds = inc.slice(0, 3);
      const total = byName(inc, /^本年收入合计$/)!;
      const openingIndex = inc.findIndex((r) => /^年初财政拨款结转和结余$/.test(r.label));
      const opening = inc[openingIndex]!;
      const subs = inc.slice(openingIndex + 1, openingIndex + 4);
      formula(sheet, total.cells['1']!, sumOf(funds.map((r) => r.cells['1'])));
      formula(sheet, opening.cells['1']!, sumOf(subs.map((r) => r.cells['1'])));
      formula(sheet, byName(inc, /^总计$/)!.cells['1']!, sumOf([total.cells['1'], opening.cells['1']]));
      const expTotal = byName(exp, /^本年支出合计$/)!;
      const closing = byName(exp, /^年末财政拨款结转和结余$/)!;
      const grand = byName(exp, /^总计$/)!;
      for (const col of ['3', '4', '5']) {
        formula(sheet, expTotal.cells[col]!, sumOf(classes.map((r) => r.cells[col])).split('+').length > 1 ? `SUM(${classes[0]!.cells[col]!.address}:${classes[classes.length - 1]!.cells[col]!.address})` : '0');
        formula(sheet, grand.cells[col]!, sumOf([expTotal.cells[col], closing.cells[col]]));
      }
      for (const r of exp) formula(sheet, r.cells['2']!, sumOf([r.cells['3'], r.cells['4'], r.cells['5']]));
    }
  } else if (id === '06') {
    const items = economicItems(year);
    const personnel = new Set(items.filter((i) => i.level === '类' && i.group === '人员经费').map((i) => i.code));
    const coded = rows.filter((r) => r.code && /^\d+$/.test(r.code));
    const classRows = coded.filter((r) => r.code!.length === 3);
    for (const cls of classRows) {
      const kids = coded.filter((r) => r.code!.length === 5 && r.code!.startsWith(cls.code!) && r.cells['amount']!.raw.kind !== 'dash');
      if (kids.length) formula(sheet, cls.cells['amount']!, `SUM(${kids.map((k) => k.cells['amount']!.address).join(',')})`);
    }
    const totalOf = (re: RegExp) => rows.find((r) => re.test(r.label) && !r.code);
    const pt = totalOf(/人员经费合计/);
    const pub = totalOf(/公用经费合计/);
    if (pt) formula(sheet, pt.cells['amount']!, sumOf(classRows.filter((r) => personnel.has(r.code!)).map((r) => r.cells['amount'])));
    if (pub) formula(sheet, pub.cells['amount']!, sumOf(classRows.filter((r) => !personnel.has(r.code!) && r.cells['amount']!.raw.kind !== 'dash').map((r) => r.cells['amount'])));
    // —— cells (not applicable) stay as printed: no input there.
    for (const r of coded) {
      const c = r.cells['amount']!;
      if (c.raw.kind === 'dash') {
        const cell = sheet.getCell(c.row, c.col);
        cell.protection = { locked: true };
        cell.fill = { type: 'pattern', pattern: 'none' };
        cell.dataValidation = undefined as unknown as ExcelJS.DataValidation;
      }
    }
  } else if (id === '09') {
    const main = rows[0]!;
    for (const base of [0, 6]) {
      const c = (n: number) => main.cells[String(base + n)];
      formula(sheet, c(1)!, sumOf([c(2), c(3), c(6)]));
      formula(sheet, c(3)!, sumOf([c(4), c(5)]));
    }
  } else if (id === '10') {
    const byLine = (n: number) => rows.find((r) => r.line === n)?.cells['amount'];
    formula(sheet, byLine(1)!, sumOf([byLine(2), byLine(3), byLine(4)]));
    formula(sheet, byLine(7)!, sumOf([8, 9, 10, 11, 12, 13, 14, 15].map(byLine)));
    for (const r of rows) {
      if (r.line === undefined || r.line < 7 || r.line === 7) continue;
      const c = r.cells['amount']!;
      sheet.getCell(c.row, c.col).dataValidation = {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: '数量有误',
        error: '请填写不小于 0 的整数（辆、台套）。',
      };
    }
  } else {
    codedFormulas(ts, id, scanned.rows, scanned.bodyRow, scanned.lastRow);
  }
}

/**
 * Coded tables: 合计 and each 类/款 sum the rows under them by code (rows may be added in the blank
 * rows at the bottom, so by SUMPRODUCT on the code column, never over the row's own cell); column 1
 * (and 07's 3 and 6) foot the row.
 */
function codedFormulas(ts: TableSheet, id: string, rows: ReturnType<typeof scanTable> extends infer S ? (S extends { rows: infer R } ? R : never) : never, first: number, last: number): void {
  const sheet = ts.sheet;
  const keys = CODED_KEYS[id]!;
  const foot: Record<string, string[]> = {
    '02': ['1', '+2+3+4+5+6+7'],
    '03': ['1', '+2+3+4+5+6'],
    '05': ['1', '+2+3'],
    '08': ['1', '+2+3'],
  };
  const colOf = (row: (typeof rows)[number], key: string) => row.cells[key]!;
  const letter = (ref: CellRef) => ref.address.replace(/\d+$/, '');
  // The blank rows at the bottom: the only place a parent reads by SUMPRODUCT. Catalogue children are
  // named cell by cell, so no formula's range covers another total (LibreOffice and Excel see a
  // circular reference in a range that merely contains the formula's own ancestors).
  const spareRows = rows.filter((r) => !r.code && r.label === '').map((r) => r.labelCell.row);
  const spareFrom = spareRows.length ? Math.min(...spareRows) : undefined;
  const spareTo = spareRows.length ? Math.max(...spareRows) : undefined;
  void first;
  void last;
  for (const row of rows) {
    const code = row.code && /^\d+$/.test(row.code) ? row.code : undefined;
    const isTotal = /^合计$/.test(row.code ?? '') || /^合计$/.test(row.label);
    if (isTotal || (code && code.length < 7)) {
      const len = isTotal ? 3 : code!.length + 2;
      const kids = rows.filter((r) => r.code && /^\d+$/.test(r.code) && r.code.length === len && (isTotal || r.code.startsWith(code!)));
      for (const key of keys) {
        const ref = colOf(row, key);
        const L = letter(ref);
        const parts = kids.map((k) => colOf(k, key).address);
        if (spareFrom !== undefined) {
          const range = (c: string) => `$${c}$${spareFrom}:$${c}$${spareTo}`;
          parts.push(
            isTotal
              ? `SUMPRODUCT((LEN(${range('A')})=${len})*${L}$${spareFrom}:${L}$${spareTo})`
              : `SUMPRODUCT((LEN(${range('A')})=${len})*(LEFT(${range('A')},${code!.length})="${code}")*${L}$${spareFrom}:${L}$${spareTo})`,
          );
        }
        formula(sheet, ref, parts.join('+') || '0');
      }
    } else {
      // 项 and blank rows: the row's own total from its columns.
      const r = row.cells['1']!.row;
      const addr = (k: string) => colOf(row, k).address;
      if (id === '07') {
        formula(sheet, colOf(row, '3'), `${addr('4')}+${addr('5')}`);
        formula(sheet, colOf(row, '6'), `${addr('1')}+${addr('2')}-${addr('3')}`);
      } else {
        const terms = foot[id]![1]!.split('+').filter(Boolean).map((k) => addr(k));
        formula(sheet, colOf(row, '1'), terms.join('+'));
      }
      if (!code) {
        // Blank rows: the preparer types a code; the name comes from the catalogue sheet.
        const codeCell = sheet.getCell(r, 1);
        codeCell.protection = { locked: false };
        codeCell.fill = INPUT_FILL;
        codeCell.numFmt = '@';
        const nameCell = sheet.getCell(r, 2);
        nameCell.value = { formula: `IF(A${r}="","",IFERROR(VLOOKUP(TEXT(A${r},"0"),'${CATALOG_SHEET}'!$A:$B,2,FALSE),""))` } as ExcelJS.CellFormulaValue;
        nameCell.protection = { locked: false };
        nameCell.fill = INPUT_FILL;
      }
    }
  }
}

function guideSheet(workbook: ExcelJS.Workbook, options: Required<Pick<TemplateOptions, 'year' | 'template'>>, tableSheets: string[]): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  sheet.getColumn(1).width = 110;
  const lines: [string, 'title' | 'head' | 'text'][] = [
    [`${options.year}年度部门（单位）决算公开 输入工作簿 填表说明`, 'title'],
    ['一、填写什么', 'head'],
    [`1. 在“${INFO_SHEET}”中填写单位（部门）名称、决算年度、决算类别和公开格式。`, 'text'],
    [`2. 在各张决算表（${tableSheets.join('、')}）的浅黄色单元格中填写金额；表头、行名称和科目名称已按${TEMPLATE_CHOICES[options.template]}预先印好，不能修改。`, 'text'],
    [`3. 在“${SUPPLEMENT_SHEET}”中填写主要职责、机构设置、决算单位构成、增减变动原因、“三公”经费相关数量、机关运行经费、政府采购、国有资产和绩效情况；在“${BUDGETS_SHEET}”中填写各项年初预算数，在“${PROJECTS_SHEET}”中逐项填写项目绩效自评结果。`, 'text'],
    ['二、金额单位', 'head'],
    ['1. 所有金额以万元为单位，保留两位小数（如 2169.36）；不要输入“万元”等文字，也不要输入千分位以外的符号。', 'text'],
    ['2. 没有发生额的单元格留空即可，读取时按 0 处理；山西格式中印有“——”的单元格表示不适用，无需填写。', 'text'],
    ['三、科目编码（类、款、项）', 'head'],
    ['1. 支出功能分类科目编码：类为3位（如 208 社会保障和就业支出），款为5位（如 20805 行政事业单位养老支出），项为7位（如 2080505 机关事业单位基本养老保险缴费支出）。', 'text'],
    [`2. 收入决算表、支出决算表、一般公共预算财政拨款支出决算表、政府性基金和国有资本经营预算表已列出${options.year}年科目目录中的科目；只需在用到的“项”行填写金额，没有金额的科目行读取时自动删去。`, 'text'],
    [`3. 目录中没有的科目，在表格下方的空白行“科目编码”栏填写编码，科目名称会按“${CATALOG_SHEET}”自动带出；带不出时请手工填写名称。`, 'text'],
    ['4. 经济分类科目（基本支出明细表）：类为3位，款为5位；人员经费为 301 工资福利支出和 303 对个人和家庭的补助，其余为公用经费。', 'text'],
    ['四、自动计算的行和栏', 'head'],
    ['1. 浅蓝色单元格是公式：合计、总计、各类和款的小计、本年支出合计栏等会根据明细自动计算，无需填写。', 'text'],
    ['2. 如按会计账簿直接填写了合计数，读取时会与明细之和核对，不一致的会指出工作表和单元格（如“表5 一般公共预算财政拨款支出决算表 D12”）。', 'text'],
    ['五、生成公开文档', 'head'],
    ['填写完成后运行：juesuan render 本工作簿.xlsx --to docx -o 决算公开.docx（也可 --to html、pdf、xlsx、md）。', 'text'],
  ];
  lines.forEach(([text, kind], i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (kind === 'title') cell.font = { bold: true, size: 16 };
    if (kind === 'head') cell.font = { bold: true, size: 12 };
  });
}

function catalogSheet(workbook: ExcelJS.Workbook, year: number): void {
  const sheet = workbook.addWorksheet(CATALOG_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  [14, 44, 8, 16].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getRow(1).values = ['科目编码', '科目名称', '级次', '分类'];
  sheet.getRow(1).font = { bold: true };
  let r = 2;
  const cat = functionalCodes(year);
  for (const item of [...cat.items].sort((a, b) => (a.code < b.code ? -1 : 1))) sheet.getRow(r++).values = [item.code, item.name, item.level, '支出功能分类'];
  for (const item of economicItems(year)) sheet.getRow(r++).values = [item.code, item.name, item.level, '部门预算支出经济分类'];
  sheet.getColumn(1).numFmt = '@';
}

/** The blank input workbook, as .xlsx bytes. */
export async function buildInputTemplate(options: TemplateOptions): Promise<Uint8Array> {
  const template = options.template ?? 'gd';
  const family = template === 'sx' ? 'sx' : 'gd';
  const scope = options.scope ?? 'department';
  const report = skeletonReport({ year: options.year, template, scope, ...(options.entity ? { entity: options.entity } : {}) });
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'juesuan';
  workbook.calcProperties.fullCalcOnLoad = true;
  // The guide goes first; the tables and the other sheets follow in writeReportWorkbook's order.
  const guide = workbook.addWorksheet('tmp');
  const sheets = writeReportWorkbook(workbook, report, undefined, template);
  workbook.removeWorksheet(guide.id);
  for (const ts of sheets) applyInputs(ts, ts.layout.id, family, options.year);
  const info = workbook.getWorksheet(INFO_SHEET)!;
  for (let r = 2; r <= 7; r++) {
    const cell = info.getCell(r, 2);
    if (r !== 7) {
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
    }
  }
  info.getCell(3, 2).dataValidation = { type: 'whole', operator: 'between', allowBlank: false, formulae: [1990, 2100], showErrorMessage: true, errorTitle: '年度有误', error: '请填写四位数年份。' };
  info.getCell(4, 2).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(SCOPE_CHOICES).join(',')}"`], showErrorMessage: true, error: '请从列表中选择。' };
  info.getCell(5, 2).dataValidation = { type: 'list', allowBlank: false, formulae: [`"${Object.values(TEMPLATE_CHOICES).join(',')}"`], showErrorMessage: true, error: '请从列表中选择。' };
  guideSheet(workbook, { year: options.year, template }, sheets.map((s) => s.sheet.name));
  catalogSheet(workbook, options.year);
  // The guide first: exceljs orders sheets by orderNo.
  const guideSheetRef = workbook.getWorksheet(GUIDE_SHEET)!;
  workbook.worksheets.forEach((ws, i) => ((ws as unknown as { orderNo: number }).orderNo = ws === guideSheetRef ? 0 : i + 1));
  for (const ts of sheets) await ts.sheet.protect('', PROTECTION);
  await info.protect('', PROTECTION);
  await workbook.getWorksheet(CATALOG_SHEET)!.protect('', PROTECTION);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
