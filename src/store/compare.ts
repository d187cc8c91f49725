/**
 * Comparison figures of final-accounts reports, computed from the stored cells with exact integer
 * arithmetic: totals (tables 01, 04, 05), the structure by 功能分类 类 (table 03, else 05), 基本支出
 * and 项目支出, the “三公”经费 and its parts (table 09), and ratios. Every amount is in 万元 (a report
 * printed in 元 is converted exactly), every ratio a percentage rounded half up to 2 decimals; null
 * where the report does not print the figure or the base is zero. Plain JSON for charts.
 */

export interface ClassAmount {
  /** 类 code, e.g. '208'. */
  code: string;
  name: string;
  /** 本年支出合计 of the 类, 万元. */
  amount: number;
  /** Percent of the table's 合计 (2 decimals), null on a zero total. */
  share: number | null;
}

/** “三公”经费 and its parts (表09), 万元. */
export interface SanGong {
  total: number | null;
  /** 因公出国（境）费 */
  abroad: number | null;
  /** 公务接待费 */
  reception: number | null;
  /** 公务用车购置及运行维护费 (小计) */
  vehicles: number | null;
  vehiclePurchase: number | null;
  vehicleOperation: number | null;
}

/** One report's comparison figures: a year of one unit, or a unit in one year. Amounts in 万元. */
export interface CompareItem {
  reportId: number;
  entity: string;
  region: string | null;
  year: number;
  scope: string | null;
  /** The money unit the report printed; the amounts here are all 万元. */
  sourceUnit: string;
  /** 表01 本年收入合计 */
  income: number | null;
  /** 表01 本年支出合计 */
  expenditure: number | null;
  /** 表01 总计 (支出方) */
  grandTotal: number | null;
  /** 表04 本年收入合计 / 本年支出合计 (财政拨款) */
  fiscalIncome: number | null;
  fiscalExpenditure: number | null;
  /** 表05 合计 (一般公共预算财政拨款支出) */
  gpbExpenditure: number | null;
  /** 基本支出 and 项目支出 of 表03 (all funds), else of 表05; `basicProjectFrom` says which. */
  basic: number | null;
  project: number | null;
  basicProjectFrom: '03' | '05' | null;
  /** Expenditure by 功能分类 类 (表03, else 表05), largest first. */
  functions: ClassAmount[];
  functionsFrom: '03' | '05' | null;
  /** 表09 决算数 and 预算数; null when the report has no table 09 row. */
  sanGong: SanGong | null;
  sanGongBudget: SanGong | null;
  /** Percentages rounded half up to 2 decimals; null when a figure is missing or the base is zero. */
  ratios: {
    /** “三公” 决算数 ÷ 表01 本年支出合计 */
    sanGongShare: number | null;
    /** 基本支出 ÷ (基本 + 项目) */
    basicShare: number | null;
    projectShare: number | null;
    /** “三公” 决算数 ÷ 预算数 */
    sanGongExecution: number | null;
    /** 表05 一般公共预算财政拨款支出 ÷ 表01 本年支出合计 */
    gpbShare: number | null;
  };
}

/** @deprecated name kept for the first drafts: the same as CompareItem. */
export type YearFigures = CompareItem;

export interface EntityComparison {
  entity: string;
  region: string | null;
  moneyUnit: '万元';
  /** One per year (the latest final-accounts report of that year), oldest first. */
  items: CompareItem[];
}

export interface YearComparison {
  year: number;
  moneyUnit: '万元';
  /** One per entity (its latest final-accounts report of the year): in the order asked, else by entity. */
  items: CompareItem[];
}

export interface CompareReport {
  id: number;
  entity: string;
  region: string | null;
  year: number;
  scope: string | null;
  moneyUnit: string;
}

export interface CompareCell {
  report_id: number;
  table_id: string;
  row_key: string;
  code: string | null;
  row_name: string;
  column_key: string;
  /** Integer units of 10^-decimals in the report's money unit. */
  value: number | null;
  decimals: number;
}

/** Amounts are carried as bigint at this scale of 万元 (元 with 2 decimals is 万元 at 6). */
const SCALE = 6;
const UNIT_SHIFT: Record<string, number> = { 万元: 0, 元: -4, 亿元: 4 };

function toScaled(units: number, decimals: number, moneyUnit: string): bigint {
  const shift = SCALE - decimals + (UNIT_SHIFT[moneyUnit] ?? 0);
  return shift >= 0 ? BigInt(units) * 10n ** BigInt(shift) : BigInt(units) / 10n ** BigInt(-shift);
}

function toAmount(v: bigint | null): number | null {
  if (v === null) return null;
  const sign = v < 0n ? '-' : '';
  const abs = (v < 0n ? -v : v).toString().padStart(SCALE + 1, '0');
  return Number(`${sign}${abs.slice(0, -SCALE)}.${abs.slice(-SCALE)}`);
}

/** a ÷ b in percent, rounded half up to 2 decimals; null when either is missing or b is zero. */
export function percent(a: bigint | null, b: bigint | null): number | null {
  if (a === null || b === null || b === 0n) return null;
  const num = a * 10000n * 2n;
  const den = b * 2n;
  // round half up on |x|, sign restored
  const neg = num < 0n !== den < 0n;
  const q = ((num < 0n ? -num : num) + (den < 0n ? -den : den) / 2n) / (den < 0n ? -den : den);
  const hundredths = neg ? -q : q;
  return Number(hundredths) / 100;
}

export function compareFigures(reports: CompareReport[], cells: CompareCell[]): CompareItem[] {
  const byReport = new Map<number, CompareCell[]>();
  for (const c of cells) {
    const list = byReport.get(c.report_id);
    if (list) list.push(c);
    else byReport.set(c.report_id, [c]);
  }
  return reports.map((r) => figures(r, byReport.get(r.id) ?? []));
}

function figures(report: CompareReport, cells: CompareCell[]): CompareItem {
  const index = new Map<string, bigint | null>();
  for (const c of cells) index.set(`${c.table_id}|${c.row_key}|${c.column_key}`, c.value === null ? null : toScaled(c.value, c.decimals, report.moneyUnit));
  const get = (table: string, row: string, column: string): bigint | null => index.get(`${table}|${row}|${column}`) ?? null;

  const expenditure = get('01', 'exp.total', '2');
  const has03 = cells.some((c) => c.table_id === '03' && c.row_key === 'total');
  const bpFrom: '03' | '05' | null = has03 ? '03' : cells.some((c) => c.table_id === '05' && c.row_key === 'total') ? '05' : null;
  const basic = bpFrom ? get(bpFrom, 'total', '2') : null;
  const project = bpFrom ? get(bpFrom, 'total', '3') : null;

  const classRows = (table: string) => cells.filter((c) => c.table_id === table && c.column_key === '1' && c.code !== null && /^\d{3}$/.test(c.code));
  let classesFrom: '03' | '05' | null = null;
  let rows = classRows('03');
  if (rows.length > 0) classesFrom = '03';
  else if ((rows = classRows('05')).length > 0) classesFrom = '05';
  const classTotal = classesFrom ? get(classesFrom, 'total', '1') : null;
  const classes = rows
    .map((c) => ({ code: c.code!, name: c.row_name, value: c.value === null ? 0n : toScaled(c.value, c.decimals, report.moneyUnit) }))
    .sort((a, b) => (a.value === b.value ? a.code.localeCompare(b.code) : a.value > b.value ? -1 : 1))
    .map((c) => ({ code: c.code, name: c.name, amount: toAmount(c.value)!, share: percent(c.value, classTotal) }));

  // 表09: the data row (one per report; 'main' in the reader's keys).
  const row09 = cells.find((c) => c.table_id === '09' && c.column_key === '7' && c.row_key === 'main') ?? cells.find((c) => c.table_id === '09' && c.column_key === '7');
  let sanGong: SanGong | null = null;
  let sanGongBudget: SanGong | null = null;
  let actualTotal: bigint | null = null;
  let budgetTotal: bigint | null = null;
  if (row09) {
    const at = (col: number) => get('09', row09.row_key, String(col));
    // Columns 1–6 预算数, 7–12 决算数: 合计, 因公出国（境）费, 公务用车 小计, 购置费, 运行维护费, 公务接待费.
    const parts = (base: number): SanGong => ({
      total: toAmount(at(base + 1)),
      abroad: toAmount(at(base + 2)),
      reception: toAmount(at(base + 6)),
      vehicles: toAmount(at(base + 3)),
      vehiclePurchase: toAmount(at(base + 4)),
      vehicleOperation: toAmount(at(base + 5)),
    });
    sanGongBudget = parts(0);
    sanGong = parts(6);
    budgetTotal = at(1);
    actualTotal = at(7);
  }
  const gpb = get('05', 'total', '1');
  const bp = basic !== null && project !== null ? basic + project : null;
  return {
    reportId: report.id,
    entity: report.entity,
    region: report.region,
    year: report.year,
    scope: report.scope,
    sourceUnit: report.moneyUnit,
    income: toAmount(get('01', 'inc.total', '1')),
    expenditure: toAmount(expenditure),
    grandTotal: toAmount(get('01', 'exp.grand_total', '2')),
    fiscalIncome: toAmount(get('04', 'inc.total', '1')),
    fiscalExpenditure: toAmount(get('04', 'exp.total', '2')),
    gpbExpenditure: toAmount(gpb),
    basic: toAmount(basic),
    project: toAmount(project),
    basicProjectFrom: bpFrom,
    functions: classes,
    functionsFrom: classesFrom,
    sanGong,
    sanGongBudget,
    ratios: {
      sanGongShare: percent(actualTotal, expenditure),
      basicShare: percent(basic, bp),
      projectShare: percent(project, bp),
      sanGongExecution: percent(actualTotal, budgetTotal),
      gpbShare: percent(gpb, expenditure),
    },
  };
}
