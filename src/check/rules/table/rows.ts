/**
 * Row lists of the fixed-layout tables that several table rules share: the 26 class rows of tables
 * 01 and 04, the three fiscal funds of table 04, the classes of table 06 and the meaning of the rows
 * of table 10 (found by label, the 行次 as a fallback).
 */
import { functionalClasses } from '../../../catalog/index.js';
import type { Row, Table } from '../../../model/report.js';
import { labelKey } from '../../../recognise/normalise.js';
import { readWhole } from '../../context.js';
import type { RuleContext } from '../../types.js';

/** Older layouts of table 01 list the expenditure side by kind of spending instead of by class. */
export const T01_KIND_ROWS = ['exp.basic', 'exp.project', 'exp.remit_superior', 'exp.operating', 'exp.subsidy_affiliated'] as const;

/** The 26 class rows of tables 01 and 04 in the order of the template (rules.md §1.3). */
export function templateClasses(year: number | undefined): { key: string; code: string; name: string }[] {
  return functionalClasses(year)
    .filter((c) => c.order > 0)
    .sort((a, b) => a.order - b.order)
    .map((c) => ({ key: `exp.${c.code}`, code: c.code, name: c.name }));
}

const CLASS_KEY = /^exp\.\d{3}$/;

/**
 * The class rows of table 01 or 04 to add up. A table read whole lists what it prints (a missing class
 * printed nothing); in a table read only partly a template class not found might be an unread row,
 * so it stays in the list and the sum reports insufficient data instead of a false difference.
 */
export function classTerms(ctx: RuleContext, table: Table): string[] {
  const present = table.rows.filter((r) => CLASS_KEY.test(r.key)).map((r) => r.key);
  if (present.length === 0 || readWhole(table)) return present;
  const missing = templateClasses(ctx.report.year)
    .map((c) => c.key)
    .filter((k) => !present.includes(k));
  return [...present, ...missing];
}

/** Table 04: the three fiscal funds, their income and opening rows and their expenditure column. */
export const T04_FUNDS = [
  { name: '一般公共预算财政拨款', income: 'inc.gpb', opening: 'inc.opening.gpb', column: '3' },
  { name: '政府性基金预算财政拨款', income: 'inc.gov_fund', opening: 'inc.opening.gov_fund', column: '4' },
  { name: '国有资本经营预算财政拨款', income: 'inc.state_capital', opening: 'inc.opening.state_capital', column: '5' },
] as const;

/** Table 04: the expenditure columns 合计 and the three funds. */
export const T04_EXP_COLUMNS = ['2', '3', '4', '5'] as const;

/** Table 06: the 人员经费 classes; every other class is 公用经费 (rules.md §1.8). */
export const T06_PERSONNEL_CLASSES = ['301', '303'] as const;

/** Table 06: the classes whose lines may print —— (not applicable): 309 and 311, 基本建设 (rules.md §2.1 T06-R4). */
export const T06_DASH_CLASSES = ['309', '311'] as const;

/** Classes (3-digit codes) of table 06, as printed. */
export function t06Classes(table: Table): Row[] {
  return table.rows.filter((r) => r.code?.length === 3);
}

/** A cell printed as a dash (——): not applicable, left out of sums. */
export function isDash(row: Row, column: string): boolean {
  return row.dashes?.includes(column) ?? false;
}

/** Table 09: the two blocks and their columns (rules.md §1.11). */
export const T09_BLOCKS = [
  { name: '预算数', total: '1', abroad: '2', cars: '3', carPurchase: '4', carRunning: '5', reception: '6' },
  { name: '决算数', total: '7', abroad: '8', cars: '9', carPurchase: '10', carRunning: '11', reception: '12' },
] as const;

/**
 * Table 09 has one data row; a table printed empty (本表无数据) may have none at all. Says not_applicable
 * and returns false in that case.
 */
export function t09HasData(ctx: RuleContext): boolean {
  const table = ctx.table('09');
  if (table && table.rows.length === 0 && table.empty) {
    ctx.notApplicable(`${table.title}本年度无数据（空表），不适用“${ctx.meta.title}”`);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Table 10 (Shanxi 公开10表): rows by meaning

const T10_LABELS = {
  procurementTotal: ['合计', '政府采购合计'],
  goods: ['货物'],
  works: ['工程'],
  services: ['服务'],
  administrative: ['行政单位'],
  civilServantManaged: ['参照公务员法管理事业单位', '参照公务员法管理的事业单位', '参公事业单位'],
  runningCostTotal: ['机关运行经费', '机关运行经费合计'],
  vehicleTotal: ['车辆数合计(辆)', '车辆数合计', '车辆合计(辆)', '车辆合计'],
} as const;

/** The 行次 of the Shanxi 2023 template, used when a label is not found (rules.md §1.12). */
const T10_LINES: Record<keyof typeof T10_LABELS, number | undefined> = {
  procurementTotal: 1,
  goods: 2,
  works: 3,
  services: 4,
  administrative: 5,
  civilServantManaged: 6,
  runningCostTotal: undefined,
  vehicleTotal: 7,
};

export type T10Meaning = keyof typeof T10_LABELS;

/** A row of table 10 by meaning: by its label, else by its 行次 in the 2023 template. */
export function t10Row(table: Table, meaning: T10Meaning): Row | undefined {
  const labels = new Set<string>(T10_LABELS[meaning].map(labelKey));
  const byLabel = table.rows.find((r) => labels.has(labelKey(r.name)));
  if (byLabel) return byLabel;
  const line = T10_LINES[meaning];
  return line === undefined ? undefined : table.rows.find((r) => r.key === `L${line}`);
}

/**
 * The vehicle-type rows of table 10: the rows after 车辆数合计 up to the equipment row
 * (单价100万元(含)以上设备); rows 8–15 of the 2023 template when the total cannot be found.
 */
export function t10VehicleRows(table: Table): Row[] {
  const total = t10Row(table, 'vehicleTotal');
  const start = total ? table.rows.indexOf(total) + 1 : -1;
  if (start <= 0) return table.rows.filter((r) => r.line !== undefined && r.line >= 8 && r.line <= 15);
  const rows: Row[] = [];
  for (const r of table.rows.slice(start)) {
    if (/设备|台|套/.test(r.name) || /合计/.test(r.name)) break;
    rows.push(r);
  }
  return rows;
}
