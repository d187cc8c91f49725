/**
 * A comparison (entity across years, many entities in a year) as an Excel workbook: every list of
 * records in the comparison becomes a sheet (one row per record, one column per field), the scalar
 * fields a 概要 sheet. Generic on purpose, so a new comparison field is exported without a change here.
 */
import { loadExcelJs } from '../model/lazy.js';

/** Chinese column and sheet names for the comparison fields we know; others keep their key. */
const LABELS: Record<string, string> = {
  entity: '单位',
  entities: '单位',
  region: '地区',
  year: '年度',
  years: '年度',
  id: '报告编号',
  reportId: '报告编号',
  title: '标题',
  total: '合计',
  totals: '总额',
  income: '收入合计',
  expenditure: '支出合计',
  basic: '基本支出',
  project: '项目支出',
  classes: '功能分类（类）',
  code: '科目编码',
  name: '科目名称',
  value: '金额',
  amount: '金额',
  threePublic: '“三公”经费',
  abroad: '因公出国（境）费',
  vehicles: '公务用车购置及运行维护费',
  reception: '公务接待费',
  ratios: '比率',
  share: '占比',
  rows: '明细',
  items: '明细',
  series: '序列',
  moneyUnit: '金额单位',
  errors: '错误',
  warnings: '警告',
};

const label = (key: string) => LABELS[key] ?? key;

type Row = Record<string, unknown>;

const isRecord = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export async function comparisonWorkbook(title: string, data: unknown): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = '决算通';
  const used = new Set<string>();
  const sheetName = (name: string) => {
    let base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || '表';
    let n = 1;
    let candidate = base;
    while (used.has(candidate.toLowerCase())) candidate = `${base}${++n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  };

  const summary: [string, unknown][] = [];
  const tables: [string, Row[]][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) {
      if (value.every(isRecord)) tables.push([path.map(label).join('·') || '数据', value.map((r) => flatten(r))]);
      else if (value.every(isScalar)) summary.push([path.map(label).join('·'), value.join('、')]);
      else value.forEach((v, i) => walk(v, [...path, String(i + 1)]));
    } else if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    } else {
      summary.push([path.map(label).join('·'), value]);
    }
  };
  walk(data, []);

  const first = wb.addWorksheet(sheetName('概要'));
  first.addRow([title]).font = { bold: true, size: 14 };
  first.addRow([]);
  for (const [k, v] of summary) first.addRow([k, cellValue(v)]);
  first.getColumn(1).width = 30;
  first.getColumn(2).width = 40;

  for (const [name, rows] of tables) {
    const ws = wb.addWorksheet(sheetName(name));
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const header = ws.addRow(keys.map((k) => k.split('.').map(label).join('·')));
    header.font = { bold: true };
    for (const r of rows) ws.addRow(keys.map((k) => cellValue(r[k])));
    keys.forEach((k, i) => {
      const numeric = rows.some((r) => typeof r[k] === 'number') && !/year|年度|id$/i.test(k);
      const col = ws.getColumn(i + 1);
      col.width = Math.min(40, Math.max(10, label(k).length * 2 + 4));
      if (numeric) col.numFmt = '#,##0.00';
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Nested objects become dotted columns (`totals.income`); lists of scalars one joined cell. */
function flatten(row: Row, prefix = '', out: Row = {}): Row {
  for (const [k, v] of Object.entries(row)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isRecord(v)) flatten(v, key, out);
    else if (Array.isArray(v)) out[key] = v.every(isScalar) ? v.join('、') : JSON.stringify(v);
    else out[key] = v;
  }
  return out;
}

function cellValue(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return JSON.stringify(v);
}
