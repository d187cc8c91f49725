/**
 * The first synthetic generator (kept unchanged: rule tests across the repository pin the values of
 * its reports, e.g. synthetic(7) has 政府性基金 3,555.63). New code should use bench/corpus.ts's
 * `realisticReport` / `syntheticDisclosure` / `syntheticPair`, whose reports also pass X-R20 and use
 * catalogue codes only.
 *
 * Deterministic, fictional, arithmetically consistent Reports with the full table
 * set 01–09 (and 10 for the Shanxi template), for the round-trip tests and the extraction benchmark.
 *
 * Every amount is built in integer hundredths of 万元 (分 of the printed unit) from per-项 figures, and
 * every total is the exact sum of its parts: rows foot (c1 = Σ columns), 合计 = Σ 类 = Σ 款 = Σ 项, and
 * the cross-table identities of rules.md §2 hold (01↔02/03, 04↔05/07/08, 05↔06, 06↔09). Entities are
 * invented (示例市第N…中心); codes and names come from the catalogs in data/catalogs, completed with
 * invented 款/项 in the catalogue's pattern where a class has no observed items.
 *
 * This lives under bench/ because the benchmark (compiled without test/) needs it; the tests import
 * it through test/support/synthetic.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { economicItems, functionalClasses, parseCsv } from '../src/catalog/index.js';
import { toNumber } from '../src/model/amount.js';
import type { Column, Report, ReportScope, Row, Table } from '../src/model/report.js';
import type { TextTemplate } from '../src/render/index.js';

export interface SyntheticOptions {
  /** Number of functional classes (类) with spending, 1–24 (default 3). */
  classes?: number;
  /** Template family the report follows: 行次 of table 01, blank zeros, table 10 (default gd). */
  template?: TextTemplate;
  /** Largest number of 款 per 类 and of 项 per 款 (default 3). */
  breadth?: number;
}

const YEAR = 2024;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small seeded generator; the same seed gives the same report on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = Math.imul(seed | 0, 0x9e3779b1) >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (Math.floor(hi) - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
}

// ---------------------------------------------------------------------------------------------
// The functional classification: observed codes, completed in the catalogue's pattern

interface Item {
  code: string;
  name: string;
  children: Item[];
}

function catalogDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'catalogs'))) return join(dir, 'data', 'catalogs');
  }
  throw new Error('找不到分类目录数据文件夹 data/catalogs');
}

let observedCache: Map<string, Item[]> | undefined;

/** 款 and 项 printed in the seeds (functional-codes-observed-2023.csv), by parent code. */
function observedChildren(): Map<string, Item[]> {
  if (observedCache) return observedCache;
  const [header = [], ...rows] = parseCsv(readFileSync(join(catalogDir(), 'functional-codes-observed-2023.csv'), 'utf8'));
  const col = (name: string) => header.indexOf(name);
  const byParent = new Map<string, Item[]>();
  for (const r of rows) {
    const parent = r[col('parent')] ?? '';
    if (!parent) continue;
    const list = byParent.get(parent) ?? [];
    list.push({ code: r[col('code')] ?? '', name: r[col('name')] ?? '', children: [] });
    byParent.set(parent, list);
  }
  observedCache = byParent;
  return byParent;
}

const KUAN_SUFFIXES = ['管理事务', '业务管理', '专项事务', '公共服务', '综合保障', '能力建设', '监督管理', '标准化建设', '应急管理', '数据服务'];
const XIANG_SUFFIXES = ['专项业务', '信息系统运维', '设施维护', '宣传培训', '课题研究', '监督检查', '服务保障', '数据治理'];

/** 社会保障和就业支出 → 社会保障和就业; 资源勘探工业信息等支出 → 资源勘探工业信息. */
function stem(name: string): string {
  return name.replace(/等?支出$/, '');
}

/** Invented 款 for a class: code class+NN, named like the catalogue's (教育管理事务, 其他教育支出). */
function inventKuan(cls: Item, used: Set<string>, index: number): Item {
  for (let n = 1; n < 99; n++) {
    const code = `${cls.code}${String(n).padStart(2, '0')}`;
    if (used.has(code)) continue;
    used.add(code);
    return { code, name: `${stem(cls.name)}${KUAN_SUFFIXES[index % KUAN_SUFFIXES.length]}`, children: [] };
  }
  return { code: `${cls.code}99`, name: `其他${stem(cls.name)}支出`, children: [] };
}

/** Invented 项: the catalogue's recurring items (行政运行, 一般行政管理事务, 机关服务, 事业运行, 其他…支出), then more. */
function inventXiang(kuan: Item, used: Set<string>, index: number): Item {
  const other = kuan.name.startsWith('其他') ? kuan.name.replace(/支出$/, '') + '支出' : `其他${stem(kuan.name)}支出`;
  const standard: [string, string][] = [
    ['01', '行政运行'],
    ['02', '一般行政管理事务'],
    ['03', '机关服务'],
    ['50', '事业运行'],
    ['99', other],
  ];
  for (const [nn, name] of standard) {
    const code = kuan.code + nn;
    if (used.has(code)) continue;
    used.add(code);
    return { code, name, children: [] };
  }
  for (let n = 4; n < 99; n++) {
    const code = kuan.code + String(n).padStart(2, '0');
    if (used.has(code)) continue;
    used.add(code);
    return { code, name: `${stem(kuan.name)}${XIANG_SUFFIXES[index % XIANG_SUFFIXES.length]}`, children: [] };
  }
  throw new Error(`款 ${kuan.code} 下的项已用尽`);
}

/** Choose the classes, 款 and 项 of one report: observed items first, invented ones to fill up. */
function chooseTree(rnd: Random, classes: number, breadth: number): Item[] {
  const observed = observedChildren();
  const all = functionalClasses(YEAR).filter((c) => c.order > 0);
  const withItems = rnd.shuffle(all.filter((c) => observed.has(c.code)));
  const others = rnd.shuffle(all.filter((c) => !observed.has(c.code)));
  const chosen = [...withItems, ...others].slice(0, Math.max(1, Math.min(classes, all.length)));
  chosen.sort((a, b) => a.order - b.order);
  return chosen.map((c) => {
    const cls: Item = { code: c.code, name: c.name, children: [] };
    const used = new Set<string>();
    const kuanPool = rnd.shuffle(observed.get(c.code) ?? []);
    for (const k of kuanPool) used.add(k.code);
    const kuanCount = rnd.int(1, breadth);
    for (let i = 0; i < kuanCount; i++) {
      const kuan = kuanPool[i] ? { ...kuanPool[i]!, children: [] } : inventKuan(cls, used, i);
      const usedX = new Set<string>();
      const xiangPool = rnd.shuffle(observed.get(kuan.code) ?? []);
      for (const x of xiangPool) usedX.add(x.code);
      const xiangCount = rnd.int(1, breadth);
      for (let j = 0; j < xiangCount; j++) kuan.children.push(xiangPool[j] ? { ...xiangPool[j]!, children: [] } : inventXiang(kuan, usedX, j));
      kuan.children.sort((a, b) => a.code.localeCompare(b.code));
      cls.children.push(kuan);
    }
    cls.children.sort((a, b) => a.code.localeCompare(b.code));
    return cls;
  });
}

// ---------------------------------------------------------------------------------------------
// Amounts per 项, in hundredths of 万元

/** The figures of one 项, from which every table's row is summed. */
interface Leaf {
  /** 02: 本年收入合计, 财政拨款, 上级补助, 事业, 经营, 附属单位上缴, 其他. */
  income: number[];
  /** 03: 本年支出合计, 基本支出, 项目支出, 上缴上级, 经营, 对附属单位补助. */
  spending: number[];
  /** 05: 一般公共预算 合计, 基本, 项目. */
  gpb: number[];
  /** 07: 年初结转和结余, 本年收入, 本年支出小计, 基本, 项目, 年末结转和结余. */
  fund: number[];
  /** 08: 国有资本经营预算 小计, 基本, 项目. */
  capital: number[];
  /** 一般公共预算 income of the 项 (part of 02's 财政拨款). */
  gpbIncome: number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const addInto = (into: number[], xs: number[]) => xs.forEach((x, i) => (into[i] = (into[i] ?? 0) + x));

/** Split `total` into parts proportional to `weights`, exactly (largest remainder). */
function allocate(total: number, weights: number[]): number[] {
  const w = sum(weights);
  if (w === 0 || total === 0) return weights.map(() => 0);
  const raw = weights.map((x) => (total * x) / w);
  const parts = raw.map(Math.floor);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const remainder = total - sum(parts);
  for (let k = 0; k < remainder; k++) parts[order[k % order.length]![1]]! += 1;
  return parts;
}

function makeLeaf(rnd: Random, scale: number, kind: { gf: boolean; sc: boolean }): Leaf {
  const amount = (lo: number, hi: number) => rnd.int(Math.round(scale * lo), Math.round(scale * hi));
  let gpbBasic = 0;
  let gpbProject = 0;
  if (rnd.chance(0.85) || (!kind.gf && !kind.sc)) {
    if (rnd.chance(0.7)) gpbBasic = amount(20, 1000);
    if (rnd.chance(0.5)) gpbProject = amount(5, 600);
    if (gpbBasic + gpbProject === 0) gpbBasic = amount(20, 1000);
  }
  const nonFiscal = rnd.chance(0.3);
  const nfBasic = nonFiscal && rnd.chance(0.5) ? amount(1, 200) : 0;
  const nfProject = nonFiscal && rnd.chance(0.5) ? amount(1, 200) : 0;
  // 政府性基金: project spending, with balances carried in and out.
  const fundSpent = kind.gf ? amount(10, 800) : 0;
  let fundOpening = kind.gf && rnd.chance(0.3) ? amount(1, 50) : 0;
  const fundClosing = kind.gf && rnd.chance(0.3) ? amount(1, 50) : 0;
  if (fundSpent + fundClosing - fundOpening < 0) fundOpening = 0;
  const fundIncome = fundSpent + fundClosing - fundOpening;
  const capital = kind.sc ? amount(5, 300) : 0;

  const gpbSpent = gpbBasic + gpbProject;
  const gpbIncome = gpbSpent > 0 ? Math.max(0, gpbSpent + (rnd.chance(0.3) ? rnd.int(-Math.floor(gpbSpent / 20), Math.floor(gpbSpent / 20)) : 0)) : 0;
  const nfSpent = nfBasic + nfProject;
  const nfIncome = nfSpent + (rnd.chance(0.3) ? amount(0, 30) : 0) + (nfSpent === 0 && rnd.chance(0.1) ? amount(1, 20) : 0);
  // Non-fiscal income: 上级补助 / 事业 / 其他 (经营 and 附属单位上缴 stay zero, as in most units).
  const [superior, business, other] = allocate(nfIncome, [rnd.chance(0.15) ? rnd.int(1, 5) : 0, rnd.chance(0.6) ? rnd.int(1, 5) : 0, rnd.int(1, 5)]);
  const fiscal = gpbIncome + fundIncome + capital;
  const income = [0, fiscal, superior!, business!, 0, 0, other!];
  income[0] = sum(income);
  const basic = gpbBasic + nfBasic;
  const project = gpbProject + nfProject + fundSpent + capital;
  return {
    income,
    spending: [basic + project, basic, project, 0, 0, 0],
    gpb: [gpbSpent, gpbBasic, gpbProject],
    fund: [fundOpening, fundIncome, fundSpent, 0, fundSpent, fundClosing],
    capital: [capital, 0, capital],
    gpbIncome,
  };
}

// ---------------------------------------------------------------------------------------------
// Report assembly

interface Built {
  item: Item;
  depth: number;
  leaf: Leaf;
}

/** Every 类, 款 and 项 with the sums of the 项 below it, depth-first (the printed order). */
function flatten(tree: Item[], leaves: Map<string, Leaf>): Built[] {
  const out: Built[] = [];
  const visit = (item: Item, depth: number): Leaf => {
    const at = out.length;
    out.push({ item, depth, leaf: leaves.get(item.code)! });
    if (item.children.length === 0) return out[at]!.leaf;
    const total: Leaf = { income: [], spending: [], gpb: [], fund: [], capital: [], gpbIncome: 0 };
    for (const child of item.children) {
      const l = visit(child, depth + 1);
      addInto(total.income, l.income);
      addInto(total.spending, l.spending);
      addInto(total.gpb, l.gpb);
      addInto(total.fund, l.fund);
      addInto(total.capital, l.capital);
      total.gpbIncome += l.gpbIncome;
    }
    out[at]!.leaf = total;
    return total;
  };
  for (const cls of tree) visit(cls, 0);
  return out;
}

const INCOME_01: [string, string][] = [
  ['inc.gpb', '一般公共预算财政拨款收入'],
  ['inc.gov_fund', '政府性基金预算财政拨款收入'],
  ['inc.state_capital', '国有资本经营预算财政拨款收入'],
  ['inc.superior', '上级补助收入'],
  ['inc.business', '事业收入'],
  ['inc.operating', '经营收入'],
  ['inc.affiliated', '附属单位上缴收入'],
  ['inc.other', '其他收入'],
];

const UNIT_KINDS = ['档案服务中心', '就业服务中心', '信息技术中心', '人才服务中心', '社会保障服务中心', '政务数据中心'];
const DEPT_KINDS = ['人力资源局', '档案事务局', '数据管理局', '公共服务局'];
const PLACES = ['市', '县', '区'];

const TITLES: Record<string, string> = {
  '01': '收入支出决算总表',
  '02': '收入决算表',
  '03': '支出决算表',
  '04': '财政拨款收入支出决算总表',
  '05': '一般公共预算财政拨款支出决算表',
  '06': '一般公共预算财政拨款基本支出决算明细表',
  '07': '政府性基金预算财政拨款收入支出决算表',
  '08': '国有资本经营预算财政拨款支出决算表',
  '09': '财政拨款“三公”经费支出决算表',
  '10': '部门决算公开相关信息统计表',
};

const COLUMN_LABELS: Record<string, string[]> = {
  '01': ['决算数', '决算数'],
  '02': ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
  '03': ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
  '04': ['金额', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
  '05': ['本年支出合计', '基本支出', '项目支出'],
  '07': ['年初结转和结余', '本年收入', '本年支出小计', '基本支出', '项目支出', '年末结转和结余'],
  '08': ['本年支出小计', '基本支出', '项目支出'],
  '09': ['预算数/合计', '预算数/因公出国（境）费', '预算数/小计', '预算数/公务用车购置费', '预算数/公务用车运行维护费', '预算数/公务接待费', '决算数/合计', '决算数/因公出国（境）费', '决算数/小计', '决算数/公务用车购置费', '决算数/公务用车运行维护费', '决算数/公务接待费'],
};

function columnsFor(id: string): Column[] {
  if (id === '06') return [{ key: 'amount', label: '金额' }];
  if (id === '10') return [{ key: 'amount', label: '统计数' }];
  return (COLUMN_LABELS[id] ?? []).map((label, i) => ({ key: String(i + 1), label }));
}

/** A fictional, arithmetically consistent Report; the same seed and options always give the same one. */
export function syntheticReport(seed: number, options: SyntheticOptions = {}): Report {
  const rnd = new Random(seed);
  const template = options.template ?? 'gd';
  const sx = template === 'sx';
  // The Shanxi template prints zero as a blank cell, which reads back as null.
  const cell = (units: number | null): number | null => (units === null || (sx && units === 0) ? null : toNumber({ units, scale: 2 }));
  const cells = (keys: string[], units: number[]) => Object.fromEntries(keys.map((k, i) => [k, cell(units[i] ?? 0)]));
  const keys = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

  // Who and how big.
  const scope: ReportScope = rnd.chance(0.4) ? 'department' : 'unit';
  const entity = `示例${rnd.pick(PLACES)}第${(seed % 97) + 1}${rnd.pick(scope === 'unit' ? UNIT_KINDS : DEPT_KINDS)}`;
  const kindWord = scope === 'unit' && rnd.chance(0.5) ? '单位决算' : '部门决算';
  const title = sx ? `${entity}${YEAR}年度${scope === 'unit' ? '单位' : '部门'}决算公开` : `${YEAR}年度${entity}${kindWord}`;
  const scale = rnd.pick([0.1, 1, 5, 30]) * 100; // hundredths of 万元 per "万元" of the ranges below

  // The 项 and their figures.
  const tree = chooseTree(rnd, options.classes ?? 3, Math.max(1, options.breadth ?? 3));
  const xiang = tree.flatMap((c) => c.children.flatMap((k) => k.children));
  const fundLeaves = new Set(rnd.chance(0.4) ? rnd.shuffle(xiang).slice(0, rnd.int(1, 2)).map((x) => x.code) : []);
  const capitalLeaves = new Set(rnd.chance(0.2) ? [rnd.pick(xiang).code] : []);
  const leaves = new Map<string, Leaf>();
  for (const x of xiang) leaves.set(x.code, makeLeaf(rnd, scale, { gf: fundLeaves.has(x.code), sc: capitalLeaves.has(x.code) }));
  const nodes = flatten(tree, leaves);
  const classNodes = nodes.filter((n) => n.depth === 0);
  const grand = (pick: (l: Leaf) => number[]) => {
    const total: number[] = [];
    for (const n of classNodes) addInto(total, pick(n.leaf));
    return total;
  };
  const income02 = grand((l) => l.income);
  const spending03 = grand((l) => l.spending);
  const gpb05 = grand((l) => l.gpb);
  const fund07 = grand((l) => l.fund);
  const capital08 = grand((l) => l.capital);
  const gpbIncome = classNodes.reduce((a, n) => a + n.leaf.gpbIncome, 0);

  // Balances: fiscal ones (table 04) and the non-fiscal remainder (table 01), never negative.
  const amount = (lo: number, hi: number) => rnd.int(Math.round(scale * lo), Math.round(scale * hi));
  const gpbOpening = Math.max(0, gpb05[0]! - gpbIncome) + (rnd.chance(0.5) ? amount(0, 80) : 0);
  const gpbClosing = gpbOpening + gpbIncome - gpb05[0]!;
  const fiscalIncome = [gpbIncome, fund07[1]!, capital08[0]!];
  const fiscalOpening = [gpbOpening, fund07[0]!, 0];
  const fiscalSpent = [gpb05[0]!, fund07[2]!, capital08[0]!];
  const fiscalClosing = [gpbClosing, fund07[5]!, 0];
  const nfIncome = sum(income02.slice(2));
  const nfSpent = spending03[0]! - sum(fiscalSpent);
  const useBalance = rnd.chance(0.15) ? amount(1, 40) : 0;
  const surplus = rnd.chance(0.15) ? amount(1, 20) : 0;
  const nfOpening = Math.max(0, nfSpent + surplus - useBalance - nfIncome) + (rnd.chance(0.6) ? amount(0, 60) : 0);

  const tables: Table[] = [];
  const table = (id: string, rows: Row[], empty = false): Table => ({
    id,
    title: TITLES[id]!,
    empty,
    columns: columnsFor(id),
    rows,
    decimals: 2,
    label: sx ? `公开${id}表` : id === '01' ? '表1' : undefined,
    source: { line: 0, endLine: 0 },
    recognition: { columnsBy: 'column-numbers', parts: 1, headerRowsDropped: 0, unmatchedRows: [], confidence: 1, badCells: 0 },
  });
  const classRow = (code: string) => classNodes.find((n) => n.item.code === code)?.leaf;
  const allClasses = functionalClasses(YEAR).filter((c) => c.order > 0).sort((a, b) => a.order - b.order);

  // 01 收入支出决算总表. Shanxi numbers one filler line more on the income side (30), so its
  // expenditure side starts at 32 and has a filler at 61.
  {
    const offset = sx ? 31 : 30;
    const incTotal = income02[0]!;
    const opening = sum(fiscalOpening) + nfOpening;
    const grandTotal = incTotal + useBalance + opening;
    const rows: Row[] = INCOME_01.map(([key, name], i) => ({ key, name, line: i + 1, cells: cells(['1'], [[gpbIncome, fund07[1]!, capital08[0]!, ...income02.slice(2)][i]!]) }));
    rows.push(
      { key: 'inc.total', name: '本年收入合计', line: 27, cells: cells(['1'], [incTotal]) },
      { key: 'inc.use_nonfiscal_balance', name: sx ? '使用非财政拨款结余和专用结余' : '使用非财政拨款结余(含专用结余)', line: 28, cells: cells(['1'], [useBalance]) },
      { key: 'inc.opening', name: '年初结转和结余', line: 29, cells: cells(['1'], [opening]) },
      { key: 'inc.grand_total', name: '总计', line: sx ? 31 : 30, cells: cells(['1'], [grandTotal]) },
    );
    for (const c of allClasses) rows.push({ key: `exp.${c.code}`, name: c.name, line: offset + c.order, cells: cells(['2'], [classRow(c.code)?.spending[0] ?? 0]) });
    const closing = grandTotal - spending03[0]! - surplus;
    rows.push(
      { key: 'exp.total', name: '本年支出合计', line: offset + 27, cells: cells(['2'], [spending03[0]!]) },
      { key: 'exp.surplus_distribution', name: '结余分配', line: offset + 28, cells: cells(['2'], [surplus]) },
      { key: 'exp.closing', name: '年末结转和结余', line: offset + 29, cells: cells(['2'], [closing]) },
      { key: 'exp.grand_total', name: '总计', line: offset + (sx ? 31 : 30), cells: cells(['2'], [grandTotal]) },
    );
    tables.push(table('01', rows));
  }

  // 02, 03, 05, 07, 08: 合计, then every 类/款/项 that the table's figures touch.
  const codedTable = (id: string, pick: (l: Leaf) => number[], total: number[], include: (l: Leaf) => boolean) => {
    const k = keys(total.length);
    const rows: Row[] = [{ key: 'total', name: '合计', cells: cells(k, total) }];
    for (const n of nodes) if (include(n.leaf)) rows.push({ key: n.item.code, code: n.item.code, name: n.item.name, cells: cells(k, pick(n.leaf)) });
    return table(id, rows, rows.length === 1);
  };
  tables.push(codedTable('02', (l) => l.income, income02, () => true));
  tables.push(codedTable('03', (l) => l.spending, spending03, () => true));

  // 04 财政拨款收入支出决算总表: by fund (一般公共预算, 政府性基金, 国有资本经营).
  {
    const rows: Row[] = [
      { key: 'inc.gpb', name: '一般公共预算财政拨款', line: 1, cells: cells(['1'], [fiscalIncome[0]!]) },
      { key: 'inc.gov_fund', name: '政府性基金预算财政拨款', line: 2, cells: cells(['1'], [fiscalIncome[1]!]) },
      { key: 'inc.state_capital', name: '国有资本经营预算财政拨款', line: 3, cells: cells(['1'], [fiscalIncome[2]!]) },
      { key: 'inc.total', name: '本年收入合计', line: 27, cells: cells(['1'], [sum(fiscalIncome)]) },
      { key: 'inc.opening', name: '年初财政拨款结转和结余', line: 28, cells: cells(['1'], [sum(fiscalOpening)]) },
      { key: 'inc.opening.gpb', name: '一般公共预算财政拨款', line: 29, cells: cells(['1'], [fiscalOpening[0]!]) },
      { key: 'inc.opening.gov_fund', name: '政府性基金预算财政拨款', line: 30, cells: cells(['1'], [fiscalOpening[1]!]) },
      { key: 'inc.opening.state_capital', name: '国有资本经营预算财政拨款', line: 31, cells: cells(['1'], [fiscalOpening[2]!]) },
      { key: 'inc.grand_total', name: '总计', line: 32, cells: cells(['1'], [sum(fiscalIncome) + sum(fiscalOpening)]) },
    ];
    const byFund = (parts: number[]) => cells(['2', '3', '4', '5'], [sum(parts), ...parts]);
    for (const c of allClasses) {
      const l = classRow(c.code);
      rows.push({ key: `exp.${c.code}`, name: c.name, line: 32 + c.order, cells: byFund(l ? [l.gpb[0]!, l.fund[2]!, l.capital[0]!] : [0, 0, 0]) });
    }
    rows.push(
      { key: 'exp.total', name: '本年支出合计', line: 59, cells: byFund(fiscalSpent) },
      { key: 'exp.closing', name: '年末财政拨款结转和结余', line: 60, cells: byFund(fiscalClosing) },
      { key: 'exp.grand_total', name: '总计', line: 64, cells: byFund(fiscalSpent.map((s, i) => s + fiscalClosing[i]!)) },
    );
    tables.push(table('04', rows));
  }

  tables.push(codedTable('05', (l) => l.gpb, gpb05, (l) => l.gpb[0]! > 0));

  // 09 first (its amounts are lines of 06): 三公 actuals within the 公用经费, budgets at or above them.
  const basic = gpb05[1]!;
  const personnel = Math.round(basic * (0.75 + rnd.next() * 0.17));
  const publicTotal = basic - personnel;
  const pool = Math.floor(Math.min(publicTotal * 0.3, scale * 60));
  const threeCosts = rnd.chance(0.8) && pool > 0;
  const [abroad, carRunning, reception] = threeCosts
    ? allocate(pool, [rnd.chance(0.2) ? rnd.int(1, 3) : 0, rnd.chance(0.8) ? rnd.int(1, 6) : 0, rnd.chance(0.6) ? rnd.int(1, 3) : 0]).map((x) => (rnd.chance(0.8) ? x : Math.floor(x / 2)))
    : [0, 0, 0];

  // 06 基本支出明细: the catalog's items (Guangdong prints a subset), amounts spread over some 款.
  {
    const gdSkips = /^(?:309|311|312|313|30703|30704)/;
    const notApplicable = /^(?:309|311)/; // printed —— in the Shanxi table (seed 003)
    const items = economicItems(YEAR).filter((i) => sx || !gdSkips.test(i.code));
    const fixed = new Map<string, number>([
      ['30212', abroad!],
      ['30231', carRunning!],
      ['30217', reception!],
    ]);
    const spread = (group: '人员经费' | '公用经费', total: number) => {
      const kuan = items.filter((i) => i.group === group && i.level === '款' && !notApplicable.test(i.code) && !fixed.has(i.code) && i.code !== '31013');
      const weights = kuan.map((k) => (k.code === '30201' || k.code === '30101' || rnd.chance(group === '人员经费' ? 0.6 : 0.4) ? rnd.int(1, 20) : 0));
      const rest = total - (group === '公用经费' ? sum([...fixed.values()]) : 0);
      const parts = allocate(rest, weights);
      const amounts = new Map<string, number>(group === '公用经费' ? fixed : []);
      kuan.forEach((k, i) => amounts.set(k.code, parts[i]!));
      return amounts;
    };
    const amounts = new Map([...spread('人员经费', personnel), ...spread('公用经费', publicTotal)]);
    const value = (code: string): number | null => {
      if (sx && notApplicable.test(code)) return null;
      const own = amounts.get(code);
      if (own !== undefined) return own;
      return sum(items.filter((i) => i.parent === code).map((i) => amounts.get(i.code) ?? 0));
    };
    const row = (code: string, name: string): Row => ({ key: code, code, name, cells: { amount: cell(value(code)) } });
    const rows = [
      ...items.filter((i) => i.group === '人员经费').map((i) => row(i.code, i.name)),
      ...items.filter((i) => i.group === '公用经费').map((i) => row(i.code, i.name)),
      { key: 'personnel_total', name: '人员经费合计', cells: { amount: cell(personnel) } },
      { key: 'public_total', name: '公用经费合计', cells: { amount: cell(publicTotal) } },
    ];
    tables.push(table('06', rows));
  }

  tables.push(codedTable('07', (l) => l.fund, fund07, (l) => l.fund.some((x) => x !== 0)));
  tables.push(codedTable('08', (l) => l.capital, capital08, (l) => l.capital[0]! > 0));

  // 09 财政拨款“三公”经费: 预算数 1–6, 决算数 7–12; an all-zero table prints no data row.
  {
    const actual = [abroad!, carRunning!, reception!];
    const budget = actual.map((x) => x + (rnd.chance(0.5) ? 0 : Math.floor(x * rnd.next() * 0.3)));
    const block = ([a, run, rec]: number[]) => [a! + run! + rec!, a!, run!, 0, run!, rec!];
    const all = [...block(budget), ...block(actual)];
    const empty = all.every((x) => x === 0);
    tables.push(table('09', empty ? [] : [{ key: 'main', name: '', cells: cells(keys(12), all) }], empty));
  }

  // 10 部门决算公开相关信息统计表 (Shanxi only): procurement, 机关运行经费, vehicles and equipment.
  if (sx) {
    const goods = rnd.chance(0.6) ? amount(1, 50) : 0;
    const works = rnd.chance(0.2) ? amount(1, 80) : 0;
    const services = rnd.chance(0.5) ? amount(1, 40) : 0;
    // 机关运行经费 only for an administrative body (a 局), never for a 事业单位 (rules.md T10-R3).
    const running = /局$/.test(entity) ? publicTotal : 0;
    const vehicles = [0, rnd.chance(0.3) ? 1 : 0, 0, rnd.chance(0.2) ? rnd.int(1, 2) : 0, 0, 0, 0, rnd.chance(0.3) ? rnd.int(1, 3) : 0];
    const count = (n: number) => (sx && n === 0 ? null : n);
    const rows: Row[] = [
      { key: 'L1', name: '合计', line: 1, cells: { amount: cell(goods + works + services) } },
      { key: 'L2', name: '货物', line: 2, cells: { amount: cell(goods) } },
      { key: 'L3', name: '工程', line: 3, cells: { amount: cell(works) } },
      { key: 'L4', name: '服务', line: 4, cells: { amount: cell(services) } },
      { key: 'L5', name: '行政单位', line: 5, cells: { amount: cell(running) } },
      { key: 'L6', name: '参照公务员法管理事业单位', line: 6, cells: { amount: null } },
      { key: 'L7', name: '车辆数合计(辆)', line: 7, cells: { amount: count(sum(vehicles)) } },
      ...['副部(省)级及以上领导用车', '主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部服务用车', '其他用车'].map(
        (name, i): Row => ({ key: `L${8 + i}`, name, line: 8 + i, cells: { amount: count(vehicles[i]!) } }),
      ),
      { key: 'L17', name: '单价100万元(含)以上设备(不含车辆)', line: 17, cells: { amount: count(rnd.chance(0.2) ? rnd.int(1, 2) : 0) } },
    ];
    tables.push(table('10', rows));
  }

  return {
    schema: 'juesuan/report@1',
    title,
    entity,
    year: YEAR,
    kind: 'final-accounts',
    scope,
    moneyUnit: '万元',
    tables,
    sections: [],
    template,
    source: { path: `synthetic-${seed}.txt`, format: 'text', encoding: 'utf-8', bytes: 0, sha256: '' },
    diagnostics: [],
  };
}

