/**
 * Sichuan's four extra tables derived from a report's standard tables, so a report rendered with the
 * Sichuan 13-table template (and every synthetic report) carries them consistently (rules.md §1.13):
 *
 * - 一般公共预算财政拨款支出决算明细表: the rows of table 05; per 项, 基本支出 = table 05 栏2 and 项目支出
 *   = 栏3, split over the economic classes so that each class column sums to table 06's class row
 *   (基本支出) or to the 项目支出决算表's class row (项目支出). 合计 = table 05 合计 (X-R24).
 * - 一般公共预算财政拨款项目支出决算表: the report's own when it has one, else table 05's 项目支出 合计
 *   spread over a mix of economic 款 (a synthetic breakdown). 合计 = table 05 项目支出 (X-R25).
 * - 财政拨款支出决算明细表: the 一般公共预算 明细 plus 政府性基金 (table 07 栏4/5) and 国有资本经营
 *   (table 08 栏2/3) spending by 项; the latter two are put under 商品和服务支出, having no class data.
 *   合计 = tables 05 + 07 + 08 = table 04 本年支出合计 栏2 (X-R23).
 * - 国有资本经营预算财政拨款收入支出决算表: table 08's rows as 本年支出; 年初 / 本年收入 / 年末 from
 *   table 04's 国有资本经营 cells, spread over the 项 in proportion to their spending. 本年支出 =
 *   table 08 合计 (X-R26).
 *
 * The splits the standard tables do not determine (a 项's spending by economic class) are a
 * deterministic allocation: proportional, in integer units, with every margin exact.
 */
import { economicItems } from '../../catalog/index.js';
import { toNumber } from '../../model/amount.js';
import type { Report, Row, Table } from '../../model/report.js';
import {
  SC_BASIC_PERSONNEL,
  SC_BASIC_PUBLIC,
  SC_DETAIL_KEYS,
  SC_FISCAL_DETAIL,
  SC_GPB_DETAIL,
  SC_GPB_PROJECT,
  SC_PRINT_ORDER,
  SC_PROJECT_CLASSES,
  SC_STATE_CAPITAL,
  SC_STATE_CAPITAL_KEYS,
  SC_TABLES,
  type ScTableId,
} from '../../model/sc-tables.js';

export interface ScDeriveOptions {
  /** Varies the synthetic 项目支出 breakdown (which 款 and in what shares); default 1. */
  seed?: number;
}

const SCALE = 100;
const units = (v: number | null | undefined): number => (v === null || v === undefined ? 0 : Math.round(v * SCALE));
const money = (u: number): number => toNumber({ units: u, scale: 2 });

/**
 * Split `total` (integer units) in proportion to `weights`, largest remainder first: the parts are
 * integers and sum to `total` exactly. All-zero weights put everything on the first part.
 */
export function apportion(total: number, weights: number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = weights.map((w) => (abs * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % n, rest--) parts[order[k]!.i]! += 1;
  return parts.map((p) => p * sign);
}

/**
 * A non-negative integer matrix with the given row and column sums (equal totals): the proportional
 * split floored, then the remainders placed by the north-west corner rule.
 */
export function allocate(rowSums: number[], colSums: number[]): number[][] {
  const total = rowSums.reduce((a, b) => a + b, 0);
  const m = rowSums.map((r) => colSums.map((c) => (total > 0 ? Math.floor((r * c) / total) : 0)));
  const rowRest = rowSums.map((r, i) => r - m[i]!.reduce((a, b) => a + b, 0));
  const colRest = colSums.map((c, j) => c - m.reduce((a, row) => a + row[j]!, 0));
  let i = 0;
  let j = 0;
  while (i < rowRest.length && j < colRest.length) {
    const q = Math.min(rowRest[i]!, colRest[j]!);
    if (q > 0) {
      m[i]![j]! += q;
      rowRest[i]! -= q;
      colRest[j]! -= q;
    }
    if (rowRest[i]! <= 0) i++;
    else j++;
  }
  return m;
}

const find = (report: Report, id: string): Table | undefined => report.tables.find((t) => t.id === id);
const cell = (t: Table | undefined, key: string, col: string): number => units(t?.rows.find((r) => r.key === key)?.cells[col]);

/** Coded rows whose code has no longer code under it in the same table (the 项, or a 款 printed without 项). */
function leaves(t: Table | undefined): Row[] {
  const coded = (t?.rows ?? []).filter((r) => r.code && /^\d{3,7}$/.test(r.code));
  return coded.filter((r) => !coded.some((o) => o !== r && o.code!.startsWith(r.code!) && o.code!.length > r.code!.length));
}

/** Names of the functional codes as the standard tables print them. */
function functionalNames(report: Report): Map<string, string> {
  const names = new Map<string, string>();
  for (const id of ['05', '07', '08', '03', '02']) for (const r of find(report, id)?.rows ?? []) if (r.code && !names.has(r.code)) names.set(r.code, r.name);
  return names;
}

/** Per-leaf values (integer units, by column key) → the table rows: 合计, then every 类/款/项 with its parents' sums. */
function functionalRows(leafValues: Map<string, Record<string, number>>, keys: string[], names: Map<string, string>): Row[] {
  const sums = new Map<string, Record<string, number>>();
  const total: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const [code, values] of leafValues) {
    for (const len of [3, 5, 7].filter((l) => l <= code.length)) {
      const c = code.slice(0, len);
      const s = sums.get(c) ?? Object.fromEntries(keys.map((k) => [k, 0]));
      for (const k of keys) s[k]! += values[k] ?? 0;
      sums.set(c, s);
    }
    for (const k of keys) total[k]! += values[k] ?? 0;
  }
  const toCells = (v: Record<string, number>) => Object.fromEntries(keys.map((k) => [k, money(v[k] ?? 0)]));
  const rows: Row[] = [{ key: 'total', name: '合计', cells: toCells(total) }];
  for (const code of [...sums.keys()].sort()) rows.push({ key: code, code, name: names.get(code) ?? code, cells: toCells(sums.get(code)!) });
  return rows;
}

function makeTable(id: ScTableId, rows: Row[], report: Report): Table {
  const spec = SC_TABLES[id];
  const empty = rows.every((r) => Object.values(r.cells).every((v) => !v));
  return {
    id,
    title: spec.title,
    empty,
    columns: spec.columns.map((c) => ({ key: c.key, label: c.path.map((l) => l[0]).join('/') })),
    rows: empty ? rows.filter((r) => r.key === 'total') : rows,
    decimals: find(report, '05')?.decimals ?? 2,
    source: { line: 0, endLine: 0 },
    recognition: { columnsBy: 'column-numbers', parts: 1, headerRowsDropped: 0, unmatchedRows: [], confidence: 1, badCells: 0 },
  };
}

/** The economic 款 a synthetic 项目支出 is spread over, with base weights. */
const PROJECT_MIX: [string, string, number][] = [
  ['30201', '办公费', 8],
  ['30211', '差旅费', 4],
  ['30213', '维修（护）费', 5],
  ['30216', '培训费', 3],
  ['30226', '劳务费', 10],
  ['30227', '委托业务费', 25],
  ['30299', '其他商品和服务支出', 8],
  ['30305', '生活补助', 12],
  ['30399', '其他对个人和家庭的补助', 10],
  ['31002', '办公设备购置', 6],
  ['31007', '信息网络及软件购置更新', 4],
];

/** The 项目支出决算表 rows: 合计, then each class with its 款 (from integer amounts per 款). */
function economicRows(byItem: Map<string, number>, year: number): Row[] {
  const catalog = new Map(economicItems(year).map((i) => [i.code, i.name]));
  const mixNames = new Map(PROJECT_MIX.map(([c, n]) => [c, n]));
  const classes = new Map<string, number>();
  let total = 0;
  for (const [code, v] of byItem) {
    classes.set(code.slice(0, 3), (classes.get(code.slice(0, 3)) ?? 0) + v);
    total += v;
  }
  const rows: Row[] = [{ key: 'total', name: '合计', cells: { amount: money(total) } }];
  for (const cls of [...classes.keys()].sort()) {
    rows.push({ key: cls, code: cls, name: catalog.get(cls) ?? SC_PROJECT_CLASSES.find((c) => c.code === cls)?.name ?? cls, cells: { amount: money(classes.get(cls)!) } });
    for (const code of [...byItem.keys()].filter((c) => c.startsWith(cls)).sort()) {
      rows.push({ key: code, code, name: catalog.get(code) ?? mixNames.get(code) ?? code, cells: { amount: money(byItem.get(code)!) } });
    }
  }
  return rows;
}

function projectTable(report: Report, options: ScDeriveOptions): Table {
  const own = find(report, SC_GPB_PROJECT);
  if (own) return structuredClone(own);
  const total = cell(find(report, '05'), 'total', '3');
  const seed = options.seed ?? 1;
  // A seeded variation of the mix: every weight scaled by 1…4, some 款 left out.
  let state = (seed * 2654435761) >>> 0 || 1;
  const rand = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0), state / 2 ** 32);
  const weights = PROJECT_MIX.map(([, , w], i) => (i < 2 || rand() > 0.3 ? w * (1 + Math.floor(rand() * 4)) : 0));
  const parts = apportion(total, weights);
  const byItem = new Map<string, number>();
  PROJECT_MIX.forEach(([code], i) => parts[i]! !== 0 && byItem.set(code, parts[i]!));
  return makeTable(SC_GPB_PROJECT, economicRows(byItem, report.year), report);
}

/** Class totals (integer units) of a table keyed by economic codes: its 3-digit rows. */
function classTotals(t: Table | undefined, column: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of t?.rows ?? []) if (r.code && /^\d{3}$/.test(r.code)) out.set(r.code, units(r.cells[column]));
  return out;
}

/** Class targets for the given column classes, folded (an unknown class into the last) and scaled to `total`. */
function targets(classes: readonly { code: string }[], totals: Map<string, number>, total: number): number[] {
  const raw = classes.map((c) => totals.get(c.code) ?? 0);
  for (const [code, v] of totals) if (!classes.some((c) => c.code === code)) raw[raw.length - 1]! += v;
  const sum = raw.reduce((a, b) => a + b, 0);
  if (sum === total) return raw;
  // The standard tables disagree (or a breakdown is missing): keep the shape, match the total.
  return apportion(total, sum > 0 ? raw : raw.map((_, i) => (i === 0 ? 1 : 0)));
}

const DETAIL = SC_TABLES[SC_GPB_DETAIL].columns;
const DETAIL_KEYS = DETAIL.map((c) => c.key);
const colOf = (group: '人员经费' | '公用经费' | '项目支出', econ: string): string =>
  DETAIL.find((c) => c.econ === econ && (group === '项目支出' ? c.path[0]![0] === '项目支出' : c.path[1]?.[0] === group))!.key;

/** Fill the sum columns of a 明细表 row from its class columns. */
function detailSums(v: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(DETAIL_KEYS.map((k) => [k, v[k] ?? 0]));
  // Innermost sums first: the columns' sumOf lists refer to columns computed before them.
  const order = [...DETAIL].filter((c) => c.sumOf).sort((a, b) => b.path.length - a.path.length || Number(b.key) - Number(a.key));
  for (const c of order) out[c.key] = c.sumOf!.reduce((s, k) => s + (out[k] ?? 0), 0);
  return out;
}

/** The 一般公共预算 明细 per 项 (integer units by column key), before parents are summed. */
function gpbDetailLeaves(report: Report, project: Table): Map<string, Record<string, number>> {
  const t05 = find(report, '05');
  const items = leaves(t05);
  const basic = items.map((r) => units(r.cells['2']));
  const proj = items.map((r) => units(r.cells['3']));
  const t06 = classTotals(find(report, '06'), 'amount');
  const basicClasses = [...SC_BASIC_PERSONNEL.map((c) => ({ ...c, group: '人员经费' as const })), ...SC_BASIC_PUBLIC.map((c) => ({ ...c, group: '公用经费' as const }))];
  const basicM = allocate(basic, targets(basicClasses, t06, basic.reduce((a, b) => a + b, 0)));
  const projM = allocate(proj, targets(SC_PROJECT_CLASSES, classTotals(project, 'amount'), proj.reduce((a, b) => a + b, 0)));
  const out = new Map<string, Record<string, number>>();
  items.forEach((r, i) => {
    const v: Record<string, number> = {};
    basicClasses.forEach((c, j) => (v[colOf(c.group, c.code)] = basicM[i]![j]!));
    SC_PROJECT_CLASSES.forEach((c, j) => (v[colOf('项目支出', c.code)] = projM[i]![j]!));
    out.set(r.code!, detailSums(v));
  });
  return out;
}

/** 国有资本经营预算 收支表 rows from table 08 and table 04's 国有资本经营 cells. */
function stateCapitalTable(report: Report): Table {
  const t04 = find(report, '04');
  const t08 = find(report, '08');
  const K = SC_STATE_CAPITAL_KEYS;
  const keys = Object.values(K);
  const items = leaves(t08);
  const spending = items.map((r) => units(r.cells['1']));
  const opening = apportion(cell(t04, 'inc.opening.state_capital', '1'), spending);
  const income = apportion(cell(t04, 'inc.state_capital', '1'), spending);
  const leafValues = new Map<string, Record<string, number>>();
  items.forEach((r, i) => {
    leafValues.set(r.code!, {
      [K.opening]: opening[i]!,
      [K.income]: income[i]!,
      [K.spending]: spending[i]!,
      [K.basic]: units(r.cells['2']),
      [K.project]: units(r.cells['3']),
      [K.closing]: opening[i]! + income[i]! - spending[i]!,
    });
  });
  const rows = functionalRows(leafValues, keys, functionalNames(report));
  if (items.length === 0) {
    // Income or balances without spending: the 合计 row alone carries them.
    const o = cell(t04, 'inc.opening.state_capital', '1');
    const inc = cell(t04, 'inc.state_capital', '1');
    rows[0]!.cells = { ...rows[0]!.cells, [K.opening]: money(o), [K.income]: money(inc), [K.closing]: money(o + inc) };
  }
  return makeTable(SC_STATE_CAPITAL, rows, report);
}

/**
 * The four Sichuan tables for a report, derived from its standard tables (a table the report
 * already has is kept as it is).
 */
export function deriveScTables(report: Report, options: ScDeriveOptions = {}): Table[] {
  const names = functionalNames(report);
  const project = projectTable(report, options);
  const gpb = gpbDetailLeaves(report, project);
  const gpbTable = makeTable(SC_GPB_DETAIL, functionalRows(gpb, DETAIL_KEYS, names), report);

  // 财政拨款 明细: 一般公共预算 plus 政府性基金 (07) and 国有资本经营 (08) by 项, the latter under 商品和服务支出.
  const fiscal = new Map<string, Record<string, number>>();
  for (const [code, v] of gpb) fiscal.set(code, { ...v });
  const basic302 = colOf('公用经费', '302');
  const project302 = colOf('项目支出', '302');
  const addOther = (t: Table | undefined, basicCol: string, projectCol: string) => {
    for (const r of leaves(t)) {
      const v = fiscal.get(r.code!) ?? Object.fromEntries(DETAIL_KEYS.map((k) => [k, 0]));
      v[basic302] = (v[basic302] ?? 0) + units(r.cells[basicCol]);
      v[project302] = (v[project302] ?? 0) + units(r.cells[projectCol]);
      fiscal.set(r.code!, detailSums(v));
    }
  };
  addOther(find(report, '07'), '4', '5');
  addOther(find(report, '08'), '2', '3');
  const fiscalTable = makeTable(SC_FISCAL_DETAIL, functionalRows(fiscal, DETAIL_KEYS, names), report);

  const own = (id: ScTableId) => find(report, id);
  return [
    own(SC_FISCAL_DETAIL) ?? fiscalTable,
    own(SC_GPB_DETAIL) ?? gpbTable,
    project,
    own(SC_STATE_CAPITAL) ?? stateCapitalTable(report),
  ];
}

/**
 * A copy of the report with the four Sichuan tables added (derived where absent), its tables in the
 * Sichuan print order and its template `sc`.
 */
export function withScTables(report: Report, options: ScDeriveOptions = {}): Report {
  const copy = structuredClone(report);
  const extra = deriveScTables(copy, options);
  const all = [...copy.tables.filter((t) => !extra.some((e) => e.id === t.id)), ...extra];
  const rank = (id: string) => {
    const i = SC_PRINT_ORDER.indexOf(id);
    return i < 0 ? SC_PRINT_ORDER.length : i;
  };
  copy.tables = all.sort((a, b) => rank(a.id) - rank(b.id));
  copy.template = 'sc';
  return copy;
}

/** Keys of the 明细表 columns, re-exported for callers that address them by meaning. */
export { SC_DETAIL_KEYS };
