/**
 * The synthetic corpus: deterministic, fictional units whose reports are consistent the way real
 * accounts are, for the round-trip tests, the benchmarks and the bundled examples.
 *
 * - `realisticReport(seed, options)`: the tables 01–09 (gd), 01–10 (sx) or the Sichuan 13 (sc). Every
 *   amount is built in integer hundredths of 万元 from per-项 figures and every total is the exact sum
 *   of its parts, so every table and cross-table rule of the checker passes (rules.md §2.1, §2.2),
 *   X-R20 included: the personnel items of table 05 (2080505, 2080506, 21011, 2210201) are paid from
 *   exactly the table 06 lines 30108, 30109, 30110 + 30111, 30113. Codes and names come from the
 *   functional catalogue only (data/catalogs); 政府性基金 spending uses the fund codes (212…, 22904…),
 *   国有资本 spending 223…; 机关运行经费 and 公务员医疗补助 only for an administrative body (a 局).
 * - `syntheticPair(seed)`: the same unit in the prior year, its closing balances the current opening ones.
 * - `syntheticDisclosure(seed)`: a report with its Supplement (职责, 机构设置, reasons, budgets per 项,
 *   三公 counts, vehicles, 政府采购, 机关运行经费, 绩效 results) consistent with its tables.
 * - `syntheticReport` is the first generator (corpus-v1.ts), kept because rule tests pin its values.
 *
 * This lives under bench/ because the benchmark (compiled without test/) needs it; the tests import
 * it through test/support/synthetic.ts.
 */
import { economicItems, functionalClasses, functionalCodes, type FunctionalCode } from '../src/catalog/index.js';
import { toNumber } from '../src/model/amount.js';
import type { Column, Report, ReportScope, Row, Table } from '../src/model/report.js';
import { budgetReasonKey, priorReasonKey, REASON_KEYS, type ProjectResult, type Supplement } from '../src/model/supplement.js';
import { renderText, type RenderTextOptions, type TextTemplate } from '../src/render/index.js';
import { withScTables } from '../src/render/templates/sc-derive.js';
import { Random, syntheticReport } from './corpus-v1.js';

export { Random, syntheticReport };

export interface SyntheticOptions {
  /** Number of functional classes (类) with spending, 1–24 (default 3). */
  classes?: number;
  /**
   * Template family the report follows: 行次 of table 01, blank zeros, table 10 (sx), the four extra
   * Sichuan tables derived from the standard ones (sc, src/render/templates/sc-derive.ts). Default gd.
   */
  template?: TextTemplate | 'sc';
  /** Largest number of 款 per 类 and of 项 per 款 (default 3). */
  breadth?: number;
  /** Report year (default 2024). */
  year?: number;
}

const YEAR = 2024;

// ---------------------------------------------------------------------------------------------
// The functional classification: codes and names from the catalogue only

/**
 * What a 项 pays for. The personnel roles tie table 05's 基本支出 to table 06's lines, as a real
 * unit's accounts do (X-R20): 2080505 = 30108, 2080506 = 30109, 21011 = 30110 + 30111, 2210201 = 30113.
 * fund / capital items carry 政府性基金 / 国有资本经营预算 spending only.
 */
type Role = 'business' | 'pension' | 'annuity' | 'medical' | 'civil-medical' | 'housing' | 'fund' | 'capital';

interface Item {
  code: string;
  name: string;
  children: Item[];
  role?: Role;
}

const PERSONNEL_ROLES: Record<string, Role> = {
  '2080505': 'pension',
  '2080506': 'annuity',
  '2101101': 'medical',
  '2101102': 'medical',
  '2101103': 'civil-medical',
  '2210201': 'housing',
};
const FUND_CODE = /^(?:212|22904)/;
const CAPITAL_CODE = /^223/;

function roleOf(code: string): Role {
  if (PERSONNEL_ROLES[code]) return PERSONNEL_ROLES[code]!;
  if (FUND_CODE.test(code)) return 'fund';
  if (CAPITAL_CODE.test(code)) return 'capital';
  return 'business';
}

function catalogueIndex(year: number) {
  const cat = functionalCodes(year);
  const children = new Map<string, FunctionalCode[]>();
  for (const item of cat.items) {
    if (!item.parent) continue;
    const list = children.get(item.parent) ?? [];
    list.push(item);
    children.set(item.parent, list);
  }
  return { byCode: cat.byCode, children };
}

/**
 * Choose the 项 of one report: the personnel items every unit with staff has (pension, annuity,
 * medical insurance — 行政单位医疗 and 公务员医疗补助 for an administrative body, 事业单位医疗 otherwise —
 * housing fund), the business items of `classes` classes, and sometimes 政府性基金 / 国有资本 items.
 */
function chooseTree(rnd: Random, year: number, classes: number, breadth: number, admin: boolean): Item[] {
  const { byCode, children } = catalogueIndex(year);
  const xiangOf = (kuan: string) => (children.get(kuan) ?? []).filter((c) => c.level === '项');
  const businessXiang = (kuan: string) => xiangOf(kuan).filter((x) => roleOf(x.code) === 'business' && !x.code.startsWith('21011'));
  const chosen = new Set<string>(['2080505', '2080506', admin ? '2101101' : '2101102', '2210201', ...(admin ? ['2101103'] : [])].filter((c) => byCode.has(c)));

  const classCodes = functionalClasses(year)
    .filter((c) => c.order > 0)
    .map((c) => c.code)
    .filter((c) => !FUND_CODE.test(c) && !CAPITAL_CODE.test(c));
  const businessKuan = (cls: string) => (children.get(cls) ?? []).filter((k) => k.level === '款' && businessXiang(k.code).length > 0);
  const candidates = rnd.shuffle(classCodes.filter((c) => businessKuan(c).length > 0));
  // 社会保障和就业 first half the time: most units in the catalogue's sample are social-security bodies.
  if (rnd.chance(0.5)) candidates.sort((a, b) => (a === '208' ? -1 : b === '208' ? 1 : 0));
  for (const cls of candidates.slice(0, Math.max(1, Math.min(classes, candidates.length)))) {
    const kuans = rnd.shuffle(businessKuan(cls)).slice(0, rnd.int(1, breadth));
    for (const k of kuans) for (const x of rnd.shuffle(businessXiang(k.code)).slice(0, rnd.int(1, breadth))) chosen.add(x.code);
  }
  const fundPool = [...byCode.values()].filter((c) => c.level === '项' && FUND_CODE.test(c.code));
  if (fundPool.length > 0 && rnd.chance(0.4)) for (const x of rnd.shuffle(fundPool).slice(0, rnd.int(1, 2))) chosen.add(x.code);
  const capitalPool = [...byCode.values()].filter((c) => c.level === '项' && CAPITAL_CODE.test(c.code));
  if (capitalPool.length > 0 && rnd.chance(0.2)) chosen.add(rnd.pick(capitalPool).code);

  // Assemble 类 › 款 › 项 in code order (the printed order).
  const tree = new Map<string, Item>();
  const node = (code: string): Item => {
    let item = tree.get(code);
    if (!item) {
      item = { code, name: byCode.get(code)?.name ?? code, children: [] };
      tree.set(code, item);
      if (code.length > 3) node(code.slice(0, code.length - 2)).children.push(item);
    }
    return item;
  };
  for (const code of [...chosen].sort()) node(code).role = roleOf(code);
  const sortDeep = (items: Item[]) => {
    items.sort((a, b) => a.code.localeCompare(b.code));
    for (const i of items) sortDeep(i.children);
  };
  const roots = [...tree.values()].filter((i) => i.code.length === 3);
  sortDeep(roots);
  return roots;
}

const leavesOf = (tree: Item[]): Item[] => tree.flatMap((c) => c.children.flatMap((k) => k.children));

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

/** Split `total` into parts proportional to integer `weights`, exactly (largest remainder, integer arithmetic). */
function allocate(total: number, weights: number[]): number[] {
  const w = sum(weights);
  if (w === 0 || total === 0) return weights.map(() => 0);
  const parts = weights.map((x) => Math.floor((total * x) / w));
  const rest = weights.map((x, i) => [total * x - parts[i]! * w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const remainder = total - sum(parts);
  for (let k = 0; k < remainder; k++) parts[rest[k % rest.length]![1]]! += 1;
  return parts;
}

/** Scale an amount by a factor in thousandths (a year-on-year change), in integers. */
const grow = (x: number, permille: number) => Math.round((x * permille) / 1000);

/** The random choices of one 项, before the 基本支出 split (which depends on table 06). */
interface LeafPlan {
  role: Role;
  /** Weight of the 项 in the business part of 一般公共预算 基本支出 (0: none). */
  basicWeight: number;
  gpbProject: number;
  nfBasic: number;
  nfProject: number;
  /** Non-fiscal income beyond non-fiscal spending. */
  nfExtra: number;
  /** Weights of 上级补助 / 事业 / 其他 in non-fiscal income. */
  nfSources: [number, number, number];
  fundSpent: number;
  fundOpening: number;
  fundClosing: number;
  capital: number;
  /** 一般公共预算 income minus spending of the 项, in thousandths of its spending. */
  incomeSkew: number;
}

/** Every random choice of one report; a prior year's plan is varied into the current year's. */
interface Plan {
  seed: number;
  year: number;
  template: TextTemplate | 'sc';
  scope: ReportScope;
  admin: boolean;
  entity: string;
  kindWord: string;
  scale: number;
  tree: Item[];
  leaves: Map<string, LeafPlan>;
  /** 人员经费 and 公用经费 of 一般公共预算 基本支出. */
  personnel: number;
  publicCost: number;
  /** Per mille of the wage bill: 30108, 30109, 30110, 30111, 30112, 30113, and the rest (303, 30114, 30199). */
  rates: { pension: number; annuity: number; medical: number; civil: number; otherInsurance: number; housing: number; rest: number };
  wageWeights: Map<string, number>;
  restWeights: Map<string, number>;
  publicWeights: Map<string, number>;
  /** 三公: share of 公用经费 (per mille, capped), weights of 出国 / 车辆运行 / 接待, budget uplift per mille. */
  threeCosts: { share: number; weights: [number, number, number]; uplift: [number, number, number] };
  /** Balances: given (carried from the prior year) or drawn. */
  gpbOpening?: number;
  nfOpening?: number;
  gpbOpeningExtra: number;
  nfOpeningExtra: number;
  useBalance: number;
  surplus: number;
  /** 政府采购 (货物, 工程, 服务), vehicles by kind (8), equipment ≥ 100 万元. */
  procurement: [number, number, number];
  vehicles: number[];
  equipment: number;
  /** Shares of 中小企业 and 小微企业 in procurement, per mille. */
  sme: [number, number];
}

const UNIT_KINDS = ['档案服务中心', '就业服务中心', '信息技术中心', '人才服务中心', '社会保障服务中心', '政务数据中心'];
const DEPT_KINDS = ['人力资源局', '档案事务局', '数据管理局', '公共服务局'];
const PLACES = ['市', '县', '区'];
const VEHICLE_KINDS = ['副部(省)级及以上领导用车', '主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部服务用车', '其他用车'];

function drawLeaf(rnd: Random, role: Role, amount: (lo: number, hi: number) => number): LeafPlan {
  const plan: LeafPlan = {
    role,
    basicWeight: 0,
    gpbProject: 0,
    nfBasic: 0,
    nfProject: 0,
    nfExtra: 0,
    nfSources: [rnd.chance(0.15) ? rnd.int(1, 5) : 0, rnd.chance(0.6) ? rnd.int(1, 5) : 0, rnd.int(1, 5)],
    fundSpent: 0,
    fundOpening: 0,
    fundClosing: 0,
    capital: 0,
    incomeSkew: rnd.chance(0.3) ? rnd.int(-50, 50) : 0,
  };
  if (role === 'business') {
    plan.basicWeight = rnd.chance(0.7) ? rnd.int(1, 20) : 0;
    plan.gpbProject = rnd.chance(0.5) ? amount(5, 600) : 0;
    if (rnd.chance(0.3)) {
      plan.nfBasic = rnd.chance(0.5) ? amount(1, 200) : 0;
      plan.nfProject = rnd.chance(0.5) ? amount(1, 200) : 0;
    }
    plan.nfExtra = rnd.chance(0.3) ? amount(0, 30) : 0;
    if (plan.basicWeight === 0 && plan.gpbProject === 0 && plan.nfBasic + plan.nfProject === 0) plan.gpbProject = amount(5, 600);
  } else if (role === 'fund') {
    plan.fundSpent = amount(10, 800);
    plan.fundOpening = rnd.chance(0.3) ? amount(1, 50) : 0;
    plan.fundClosing = rnd.chance(0.3) ? amount(1, 50) : 0;
  } else if (role === 'capital') {
    plan.capital = amount(5, 300);
  }
  return plan;
}

function weightsOf(rnd: Random, codes: string[], always: string[], p: number): Map<string, number> {
  return new Map(codes.map((c) => [c, always.includes(c) || rnd.chance(p) ? rnd.int(1, 20) : 0]));
}

function drawPlan(seed: number, options: SyntheticOptions): Plan {
  const rnd = new Random(seed);
  const year = options.year ?? YEAR;
  const template = options.template ?? 'gd';
  const scope: ReportScope = rnd.chance(0.4) ? 'department' : 'unit';
  const entity = `示例${rnd.pick(PLACES)}第${(seed % 97) + 1}${rnd.pick(scope === 'unit' ? UNIT_KINDS : DEPT_KINDS)}`;
  const kindWord = scope === 'unit' && rnd.chance(0.5) ? '单位决算' : '部门决算';
  // 机关运行经费 and 公务员医疗补助 only for an administrative body (a 局), never for a 事业单位.
  const admin = /局$/.test(entity);
  const scale = rnd.pick([0.1, 1, 5, 30]) * 100; // hundredths of 万元 per "万元" of the ranges below
  const amount = (lo: number, hi: number) => rnd.int(Math.round(scale * lo), Math.round(scale * hi));
  const tree = chooseTree(rnd, year, options.classes ?? 3, Math.max(1, options.breadth ?? 3), admin);
  const leaves = new Map<string, LeafPlan>();
  for (const x of leavesOf(tree)) leaves.set(x.code, drawLeaf(rnd, x.role ?? 'business', amount));
  if (![...leaves.values()].some((l) => l.role === 'business' && l.basicWeight > 0)) {
    const first = [...leaves.values()].find((l) => l.role === 'business');
    if (first) first.basicWeight = 1;
  }
  const economic = economicItems(year).filter((i) => i.level === '款');
  const personnel = amount(60, 1500);
  const wageCodes = ['30101', '30102', '30103', '30107'];
  const restCodes = economic.filter((i) => i.group === '人员经费' && (i.code.startsWith('303') || i.code === '30114' || i.code === '30199' || i.code === '30106')).map((i) => i.code);
  const publicCodes = economic.filter((i) => i.group === '公用经费' && !/^(?:309|311|312|313|307)/.test(i.code) && !['30212', '30231', '30217', '31013'].includes(i.code)).map((i) => i.code);
  return {
    seed,
    year,
    template,
    scope,
    admin,
    entity,
    kindWord,
    scale,
    tree,
    leaves,
    personnel,
    publicCost: Math.round((personnel * rnd.int(80, 330)) / 1000),
    rates: {
      pension: 160,
      annuity: 80,
      medical: rnd.int(60, 100),
      civil: admin ? rnd.int(10, 30) : 0,
      otherInsurance: rnd.int(3, 10),
      housing: rnd.pick([50, 80, 100, 120]),
      rest: rnd.int(20, 250),
    },
    wageWeights: weightsOf(rnd, wageCodes, ['30101', '30102'], 0.6),
    restWeights: weightsOf(rnd, restCodes, ['30199'], 0.3),
    publicWeights: weightsOf(rnd, publicCodes, ['30201', '30228', '30229'], 0.4),
    threeCosts: {
      share: rnd.chance(0.8) ? rnd.int(20, 300) : 0,
      weights: [rnd.chance(0.2) ? rnd.int(1, 3) : 0, rnd.chance(0.8) ? rnd.int(1, 6) : 0, rnd.chance(0.6) ? rnd.int(1, 3) : 0],
      uplift: [0, 0, 0].map(() => (rnd.chance(0.5) ? 0 : rnd.int(0, 300))) as [number, number, number],
    },
    gpbOpeningExtra: rnd.chance(0.5) ? amount(0, 80) : 0,
    nfOpeningExtra: rnd.chance(0.6) ? amount(0, 60) : 0,
    useBalance: rnd.chance(0.15) ? amount(1, 40) : 0,
    surplus: rnd.chance(0.15) ? amount(1, 20) : 0,
    procurement: [amount(1, 50), rnd.chance(0.2) ? amount(1, 80) : 0, rnd.chance(0.5) ? amount(1, 40) : 0],
    vehicles: [0, rnd.chance(0.3) ? 1 : 0, 0, rnd.chance(0.2) ? rnd.int(1, 2) : 0, admin && rnd.chance(0.3) ? rnd.int(1, 3) : 0, 0, 0, rnd.chance(0.3) ? rnd.int(1, 3) : 0],
    equipment: rnd.chance(0.2) ? rnd.int(1, 2) : 0,
    sme: [rnd.int(600, 1000), rnd.int(400, 1000)],
  };
}

/** The current year's plan from the prior year's: the same unit and items, amounts moved by up to ±25%, balances carried. */
function nextPlan(prior: Plan, carried: Carried, rnd: Random): Plan {
  const factor = () => rnd.int(780, 1250);
  const leaves = new Map<string, LeafPlan>();
  for (const [code, l] of prior.leaves) {
    const next: LeafPlan = { ...l, nfSources: [...l.nfSources] };
    next.gpbProject = l.role === 'business' && rnd.chance(0.15) ? (l.gpbProject === 0 ? grow(prior.scale * 100, factor()) : 0) : grow(l.gpbProject, factor());
    next.nfBasic = grow(l.nfBasic, factor());
    next.nfProject = grow(l.nfProject, factor());
    next.nfExtra = grow(l.nfExtra, factor());
    next.fundSpent = grow(l.fundSpent, factor());
    next.fundOpening = carried.fundClosing.get(code) ?? 0;
    next.fundClosing = rnd.chance(0.3) ? grow(prior.scale * 20, factor()) : 0;
    next.capital = grow(l.capital, factor());
    next.incomeSkew = rnd.chance(0.3) ? rnd.int(-50, 50) : 0;
    if (next.role === 'business' && next.basicWeight === 0 && next.gpbProject === 0 && next.nfBasic + next.nfProject === 0) next.gpbProject = grow(prior.scale * 100, factor());
    leaves.set(code, next);
  }
  const threeWeights = prior.threeCosts.weights;
  return {
    ...prior,
    year: prior.year + 1,
    leaves,
    personnel: grow(prior.personnel, rnd.int(950, 1120)),
    publicCost: grow(prior.publicCost, rnd.int(850, 1150)),
    threeCosts: { ...prior.threeCosts, share: grow(prior.threeCosts.share, factor()), weights: [...threeWeights], uplift: [0, 0, 0].map(() => (rnd.chance(0.5) ? 0 : rnd.int(0, 300))) as [number, number, number] },
    gpbOpening: carried.gpbClosing,
    nfOpening: carried.nfClosing,
    useBalance: rnd.chance(0.15) ? grow(prior.scale * 20, factor()) : 0,
    surplus: rnd.chance(0.15) ? grow(prior.scale * 10, factor()) : 0,
    procurement: prior.procurement.map((x) => grow(x, factor())) as [number, number, number],
    vehicles: prior.vehicles.map((v) => (v > 0 && rnd.chance(0.1) ? v - 1 : v)),
    sme: [rnd.int(600, 1000), rnd.int(400, 1000)],
  };
}

/** What the next year starts from: the closing balances. */
interface Carried {
  gpbClosing: number;
  nfClosing: number;
  fundClosing: Map<string, number>;
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

/** The figures of one generated report beyond its tables, for the Supplement and the next year. */
interface State {
  plan: Plan;
  carried: Carried;
  /** 三公 actuals and budgets: 出国, 车辆运行, 接待. */
  threeActual: [number, number, number];
  threeBudget: [number, number, number];
  publicCost: number;
  /** 一般公共预算 项目支出 per 项. */
  projects: { item: Item; amount: number }[];
  gpbLeaves: { item: Item; gpb: number[] }[];
}

function materialize(plan: Plan): { report: Report; state: State } {

  const sx = plan.template === 'sx';
  const year = plan.year;
  // The Shanxi template prints zero as a blank cell, which reads back as null.
  const cell = (units: number | null): number | null => (units === null || (sx && units === 0) ? null : toNumber({ units, scale: 2 }));
  const cells = (keys: string[], units: number[]) => Object.fromEntries(keys.map((k, i) => [k, cell(units[i] ?? 0)]));
  const keys = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
  const { entity, scope } = plan;
  const title = sx ? `${entity}${year}年度${scope === 'unit' ? '单位' : '部门'}决算公开` : `${year}年度${entity}${plan.kindWord}`;

  // Table 06 first: the economic lines of 人员经费 decide the personnel items of table 05 (X-R20).
  const items = economicItems(year).filter((i) => sx || !/^(?:309|311|312|313|30703|30704)/.test(i.code));
  const economic = new Map<string, number>();
  const r = plan.rates;
  const denominator = 1000 + r.pension + r.annuity + r.medical + r.civil + r.otherInsurance + r.housing + r.rest;
  const wages = Math.floor((plan.personnel * 1000) / denominator);
  const wageCodes = [...plan.wageWeights.keys()];
  allocate(wages, [...plan.wageWeights.values()]).forEach((x, i) => economic.set(wageCodes[i]!, x));
  const rate = (code: string, per: number) => economic.set(code, Math.floor((wages * per) / 1000));
  rate('30108', r.pension);
  rate('30109', r.annuity);
  rate('30110', r.medical);
  rate('30111', r.civil);
  rate('30112', r.otherInsurance);
  rate('30113', r.housing);
  const restCodes = [...plan.restWeights.keys()];
  const rest = plan.personnel - sum([...economic.values()]);
  allocate(rest, [...plan.restWeights.values()]).forEach((x, i) => economic.set(restCodes[i]!, (economic.get(restCodes[i]!) ?? 0) + x));

  // 三公 actuals within the 公用经费 (lines 30212, 30231, 30217 of table 06), budgets at or above them.
  const publicCost = plan.publicCost;
  const pool = Math.floor(Math.min((publicCost * plan.threeCosts.share) / 1000, plan.scale * 60));
  const threeActual = allocate(pool, plan.threeCosts.weights) as [number, number, number];
  const threeBudget = threeActual.map((x, i) => x + Math.floor((x * plan.threeCosts.uplift[i]!) / 1000)) as [number, number, number];
  economic.set('30212', threeActual[0]);
  economic.set('30231', threeActual[1]);
  economic.set('30217', threeActual[2]);
  const publicCodes = [...plan.publicWeights.keys()];
  allocate(publicCost - sum(threeActual), [...plan.publicWeights.values()]).forEach((x, i) => economic.set(publicCodes[i]!, x));
  const basicTotal = plan.personnel + publicCost;

  // 一般公共预算 基本支出 per 项: personnel items from table 06, the rest over the business items.
  const xiang = leavesOf(plan.tree);
  const mapped: Record<Role, number> = {
    pension: economic.get('30108')!,
    annuity: economic.get('30109')!,
    medical: economic.get('30110')! + (plan.admin ? 0 : economic.get('30111')!),
    'civil-medical': economic.get('30111')!,
    housing: economic.get('30113')!,
    business: 0,
    fund: 0,
    capital: 0,
  };
  const business = xiang.filter((x) => x.role === 'business');
  const businessBasic = basicTotal - sum(xiang.filter((x) => x.role !== 'business').map((x) => mapped[x.role!]));
  const basicParts = allocate(businessBasic, business.map((x) => plan.leaves.get(x.code)!.basicWeight));
  const gpbBasic = new Map<string, number>(xiang.map((x) => [x.code, x.role === 'business' ? 0 : mapped[x.role!]]));
  business.forEach((x, i) => gpbBasic.set(x.code, basicParts[i]!));

  const leaves = new Map<string, Leaf>();
  for (const x of xiang) {
    const p = plan.leaves.get(x.code)!;
    const basic = gpbBasic.get(x.code)!;
    const gpbSpent = basic + p.gpbProject;
    const gpbIncome = Math.max(0, gpbSpent + Math.trunc((gpbSpent * p.incomeSkew) / 1000));
    const fundIncome = Math.max(0, p.fundSpent + p.fundClosing - p.fundOpening);
    const fundClosing = p.fundOpening + fundIncome - p.fundSpent;
    const nfSpent = p.nfBasic + p.nfProject;
    const nfIncome = nfSpent + p.nfExtra;
    const [superior, businessIncome, other] = allocate(nfIncome, p.nfSources);
    const income = [0, gpbIncome + fundIncome + p.capital, superior!, businessIncome!, 0, 0, other!];
    income[0] = sum(income);
    const b = basic + p.nfBasic;
    const project = p.gpbProject + p.nfProject + p.fundSpent + p.capital;
    leaves.set(x.code, {
      income,
      spending: [b + project, b, project, 0, 0, 0],
      gpb: [gpbSpent, basic, p.gpbProject],
      fund: [p.fundOpening, fundIncome, p.fundSpent, 0, p.fundSpent, fundClosing],
      capital: [p.capital, 0, p.capital],
      gpbIncome,
    });
  }
  // Balances never go negative: a carried opening balance too small for the year's spending is topped
  // up by income (一般公共预算 on the first item spending it, non-fiscal as 其他收入).
  const totalOf = (pick: (l: Leaf) => number) => sum([...leaves.values()].map(pick));
  const gpbSpentAll = totalOf((l) => l.gpb[0]!);
  let gpbOpening = plan.gpbOpening ?? Math.max(0, gpbSpentAll - totalOf((l) => l.gpbIncome)) + plan.gpbOpeningExtra;
  const gpbDeficit = gpbSpentAll - gpbOpening - totalOf((l) => l.gpbIncome);
  if (gpbDeficit > 0) {
    const l = [...leaves.values()].find((x) => x.gpb[0]! > 0)!;
    l.gpbIncome += gpbDeficit;
    l.income[1]! += gpbDeficit;
    l.income[0]! += gpbDeficit;
  }
  const nfSpentAll = totalOf((l) => l.spending[0]! - l.gpb[0]! - l.fund[2]! - l.capital[0]!);
  const nfIncomeAll = totalOf((l) => l.income[0]! - l.income[1]!);
  const nfOpening = plan.nfOpening ?? Math.max(0, nfSpentAll + plan.surplus - plan.useBalance - nfIncomeAll) + plan.nfOpeningExtra;
  const nfDeficit = nfSpentAll + plan.surplus - plan.useBalance - nfIncomeAll - nfOpening;
  if (nfDeficit > 0) {
    const l = leaves.get(business[0]?.code ?? xiang[0]!.code)!;
    l.income[6]! += nfDeficit;
    l.income[0]! += nfDeficit;
  }

  const nodes = flatten(plan.tree, leaves);
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
  const gpbClosing = gpbOpening + gpbIncome - gpb05[0]!;
  const fiscalIncome = [gpbIncome, fund07[1]!, capital08[0]!];
  const fiscalOpening = [gpbOpening, fund07[0]!, 0];
  const fiscalSpent = [gpb05[0]!, fund07[2]!, capital08[0]!];
  const fiscalClosing = [gpbClosing, fund07[5]!, 0];
  const useBalance = plan.useBalance;
  const surplus = plan.surplus;

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
  const allClasses = functionalClasses(year).filter((c) => c.order > 0).sort((a, b) => a.order - b.order);

  // 01 收入支出决算总表. Shanxi numbers one filler line more on the income side (30), so its
  // expenditure side starts at 32 and has a filler at 61.
  const incTotal = income02[0]!;
  const opening = sum(fiscalOpening) + nfOpening;
  const grandTotal = incTotal + useBalance + opening;
  const closing = grandTotal - spending03[0]! - surplus;
  {
    const offset = sx ? 31 : 30;
    const rows: Row[] = INCOME_01.map(([key, name], i) => ({ key, name, line: i + 1, cells: cells(['1'], [[gpbIncome, fund07[1]!, capital08[0]!, ...income02.slice(2)][i]!]) }));
    rows.push(
      { key: 'inc.total', name: '本年收入合计', line: 27, cells: cells(['1'], [incTotal]) },
      { key: 'inc.use_nonfiscal_balance', name: sx ? '使用非财政拨款结余和专用结余' : '使用非财政拨款结余(含专用结余)', line: 28, cells: cells(['1'], [useBalance]) },
      { key: 'inc.opening', name: '年初结转和结余', line: 29, cells: cells(['1'], [opening]) },
      { key: 'inc.grand_total', name: '总计', line: sx ? 31 : 30, cells: cells(['1'], [grandTotal]) },
    );
    for (const c of allClasses) rows.push({ key: `exp.${c.code}`, name: c.name, line: offset + c.order, cells: cells(['2'], [classRow(c.code)?.spending[0] ?? 0]) });
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

  // 06 基本支出明细: the catalogue's items (Guangdong prints a subset); 309/311 are —— in Shanxi (seed 003).
  {
    const notApplicable = /^(?:309|311)/;
    const value = (code: string): number | null => {
      if (sx && notApplicable.test(code)) return null;
      const own = economic.get(code);
      if (own !== undefined) return own;
      return sum(items.filter((i) => i.parent === code).map((i) => economic.get(i.code) ?? 0));
    };
    const row = (code: string, name: string): Row => ({ key: code, code, name, cells: { amount: cell(value(code)) } });
    const rows = [
      ...items.filter((i) => i.group === '人员经费').map((i) => row(i.code, i.name)),
      ...items.filter((i) => i.group === '公用经费').map((i) => row(i.code, i.name)),
      { key: 'personnel_total', name: '人员经费合计', cells: { amount: cell(plan.personnel) } },
      { key: 'public_total', name: '公用经费合计', cells: { amount: cell(publicCost) } },
    ];
    tables.push(table('06', rows));
  }

  tables.push(codedTable('07', (l) => l.fund, fund07, (l) => l.fund.some((x) => x !== 0)));
  tables.push(codedTable('08', (l) => l.capital, capital08, (l) => l.capital[0]! > 0));

  // 09 财政拨款“三公”经费: 预算数 1–6, 决算数 7–12; an all-zero table prints no data row.
  {
    const block = ([a, run, rec]: number[]) => [a! + run! + rec!, a!, run!, 0, run!, rec!];
    const all = [...block(threeBudget), ...block(threeActual)];
    const empty = all.every((x) => x === 0);
    tables.push(table('09', empty ? [] : [{ key: 'main', name: '', cells: cells(keys(12), all) }], empty));
  }

  // 10 部门决算公开相关信息统计表 (Shanxi only): procurement, 机关运行经费, vehicles and equipment.
  if (sx) {
    const [goods, works, services] = plan.procurement;
    const running = plan.admin ? publicCost : 0;
    const count = (n: number) => (n === 0 ? null : n);
    const rows: Row[] = [
      { key: 'L1', name: '合计', line: 1, cells: { amount: cell(goods + works + services) } },
      { key: 'L2', name: '货物', line: 2, cells: { amount: cell(goods) } },
      { key: 'L3', name: '工程', line: 3, cells: { amount: cell(works) } },
      { key: 'L4', name: '服务', line: 4, cells: { amount: cell(services) } },
      { key: 'L5', name: '行政单位', line: 5, cells: { amount: cell(running) } },
      { key: 'L6', name: '参照公务员法管理事业单位', line: 6, cells: { amount: null } },
      { key: 'L7', name: '车辆数合计(辆)', line: 7, cells: { amount: count(sum(plan.vehicles)) } },
      ...VEHICLE_KINDS.map((name, i): Row => ({ key: `L${8 + i}`, name, line: 8 + i, cells: { amount: count(plan.vehicles[i]!) } })),
      { key: 'L17', name: '单价100万元(含)以上设备(不含车辆)', line: 17, cells: { amount: count(plan.equipment) } },
    ];
    tables.push(table('10', rows));
  }

  const report: Report = {
    schema: 'juesuan/report@1',
    title,
    entity,
    year,
    kind: 'final-accounts',
    scope,
    moneyUnit: '万元',
    tables,
    sections: [],
    template: plan.template,
    source: { path: `synthetic-${plan.seed}.txt`, format: 'text', encoding: 'utf-8', bytes: 0, sha256: '' },
    diagnostics: [],
  };

  const printed = plan.template === 'sc' ? withScTables(report, { seed: plan.seed }) : report;
  const fundClosing = new Map<string, number>();
  for (const [code, l] of leaves) if (l.fund[5]! > 0) fundClosing.set(code, l.fund[5]!);
  const state: State = {
    plan,
    carried: { gpbClosing, nfClosing: closing - sum(fiscalClosing), fundClosing },
    threeActual,
    threeBudget,
    publicCost,
    projects: xiang.filter((x) => leaves.get(x.code)!.gpb[2]! > 0).map((x) => ({ item: x, amount: leaves.get(x.code)!.gpb[2]! })),
    gpbLeaves: nodes.filter((n) => n.leaf.gpb[0]! > 0).map((n) => ({ item: n.item, gpb: n.leaf.gpb })),
  };
  return { report: printed, state };
}

/** A fictional, arithmetically consistent Report; the same seed and options always give the same one. */
export function realisticReport(seed: number, options: SyntheticOptions = {}): Report {
  return syntheticDisclosure(seed, options).report;
}

// ---------------------------------------------------------------------------------------------
// Prior years and the supplement (texts and figures beyond the tables)

/** A unit's report for a year and the year before, the latter's closing balances the former's opening ones. */
export interface SyntheticPair {
  prior: Report;
  current: Report;
  /** The current year's supplement, its 上年 figures (机关运行经费) taken from the prior year. */
  supplement: Supplement;
}

/**
 * The same unit in two consecutive years (`options.year` is the current one, default 2024): the same
 * items, amounts moved by up to about ±25%, and the prior year's 年末结转和结余 carried into the current
 * year's 年初结转和结余 (in total, per fund and per 政府性基金 item), as a real pair of 决算 does.
 */
export function syntheticPair(seed: number, options: SyntheticOptions = {}): SyntheticPair {
  const year = options.year ?? YEAR;
  const priorPlan = drawPlan(seed, { ...options, year: year - 1 });
  const prior = materialize(priorPlan);
  const current = materialize(nextPlan(priorPlan, prior.state.carried, new Random(seed * 7919 + 17)));
  return { prior: prior.report, current: current.report, supplement: supplementOf(current.state, prior.state) };
}

/** A report with its supplement and, when asked, its prior year: everything a generated document needs. */
export function syntheticDisclosure(seed: number, options: SyntheticOptions & { prior?: boolean } = {}): { report: Report; prior?: Report; supplement: Supplement } {
  if (options.prior) {
    const pair = syntheticPair(seed, options);
    return { report: pair.current, prior: pair.prior, supplement: pair.supplement };
  }
  const { state, report } = materialize(drawPlan(seed, options));
  return { report, supplement: supplementOf(state) };
}

/** The line of work an entity's name suggests, for its 职责 and 机构设置. */
const DOMAINS: [RegExp, string, string[]][] = [
  [/档案/, '档案', ['档案接收征集科', '档案保管利用科', '档案信息化科']],
  [/就业/, '就业', ['就业促进科', '职业培训科', '失业保险科']],
  [/信息技术|数据/, '政务信息化', ['系统运维科', '数据资源科', '网络安全科']],
  [/人才|人力资源/, '人才服务', ['人才引进科', '人事考试科', '流动调配科']],
  [/社会保障/, '社会保障', ['参保登记科', '待遇审核科', '基金稽核科']],
  [/公共服务/, '公共服务', ['综合服务科', '窗口管理科', '督查考评科']],
];

const money = (units: number) => toNumber({ units, scale: 2 });

/** P-R8 bands: ≥90 优, 80–90 良, 60–80 中, below 差. */
const grade = (score: number) => (score >= 90 ? '优' : score >= 80 ? '良' : score >= 60 ? '中' : '差');

function supplementOf(state: State, prior?: State): Supplement {
  const { plan } = state;
  const rnd = new Random(plan.seed * 131 + plan.year);
  const [domainPattern, domain, offices] = DOMAINS.find(([re]) => re.test(plan.entity)) ?? DOMAINS[DOMAINS.length - 1]!;
  void domainPattern;
  const place = plan.entity.match(/^示例([市县区])/)?.[1] ?? '市';
  const scopeWord = plan.scope === 'department' ? '部门' : '单位';
  const duties = [
    `（一）贯彻执行国家、省和本${place}有关${domain}工作的法律法规和方针政策，拟订本${place}${domain}工作的中长期规划和年度计划并组织实施。`,
    `（二）承担本${place}${domain}业务的组织实施、技术指导和监督检查，提供${domain}公共服务。`,
    `（三）负责${domain}信息系统和数据资源的建设、运行与安全管理。`,
    '（四）完成上级交办的其他任务。',
  ].join('\n');
  const subordinate = plan.scope === 'department' ? rnd.int(1, 4) : 0;
  const units = [plan.scope === 'department' ? `${plan.entity}本级` : plan.entity, ...Array.from({ length: subordinate }, (_, i) => `${plan.entity.replace(/局$/, '')}${['服务中心', '信息中心', '发展研究中心', '事务中心'][i]}`)];
  const institutions = `${plan.entity}内设${offices.length + 2}个${plan.admin ? '处室' : '科室'}：办公室、财务科、${offices.join('、')}。${subordinate > 0 ? `下属${subordinate}个事业单位。` : ''}`;

  // 一般公共预算 budgets per 类/款/项: the 年初预算 of each 项 near its actual, 全年预算 after adjustment;
  // 类 and 款 budgets are the sums of their 项, so every level adds up.
  const initial: Record<string, number> = {};
  const adjusted: Record<string, number> = {};
  const initialUnits = new Map<string, number>();
  const adjustedUnits = new Map<string, number>();
  for (const { item, gpb } of state.gpbLeaves) {
    if (item.children.length > 0) continue;
    const actual = gpb[0]!;
    const adj = rnd.chance(0.6) ? actual : actual + grow(actual, rnd.int(0, 80));
    const init = rnd.chance(0.3) ? 0 : grow(adj, rnd.int(700, 1150));
    for (const code of [item.code, item.code.slice(0, 5), item.code.slice(0, 3), 'total']) {
      initialUnits.set(code, (initialUnits.get(code) ?? 0) + init);
      adjustedUnits.set(code, (adjustedUnits.get(code) ?? 0) + adj);
    }
  }
  for (const [code, v] of initialUnits) initial[code] = money(v);
  for (const [code, v] of adjustedUnits) adjusted[code] = money(v);

  const [abroad, car, reception] = state.threeActual;
  const vehicles = sum(plan.vehicles);
  const groups = abroad > 0 ? rnd.int(1, 2) : 0;
  const batches = reception > 0 ? Math.max(1, Math.min(60, Math.round(reception / Math.max(1, Math.round(plan.scale * 0.05))))) : 0;
  const [goods, works, services] = plan.procurement;
  const procurementTotal = goods + works + services;
  const sme = grow(procurementTotal, plan.sme[0]);
  const small = grow(sme, plan.sme[1]);

  // Every reason the narrative may ask for (REASON_KEYS, and the budget deviation of each 项), in the
  // neutral wording units use when one sentence must cover a rise or a fall.
  const why = [
    `${domain}业务工作量变化`,
    '人员变动及政策性调资',
    '社保缴费基数调整',
    '专项工作任务调整',
    '厉行节约、压减一般性支出',
    '部分项目按实施进度支付',
    '上年一次性支出本年未再发生',
  ];
  const reasons: Record<string, string> = {};
  for (const { key } of REASON_KEYS) reasons[key] = `主要是${rnd.pick(why)}。`;
  for (const subject of ['人员经费', '公用经费', '因公出国（境）费', '公务用车购置及运行维护费', '公务接待费']) reasons[priorReasonKey(subject)] = `主要是${rnd.pick(why)}。`;
  for (const { item } of state.gpbLeaves) if (item.children.length === 0) reasons[budgetReasonKey(item.code)] = `主要是${rnd.pick(['年中追加专项经费', '部分项目按实施进度支付', '人员变动及政策性调资', '年中调整预算安排'])}。`;

  const projects: ProjectResult[] = state.projects.map(({ item, amount }) => {
    const budget = amount + (rnd.chance(0.5) ? 0 : grow(amount, rnd.int(0, 100)));
    const score = rnd.int(820, 1000) / 10;
    return { name: `${item.name.replace(/^其他/, '').replace(/支出$/, '')}专项经费`, budget: money(budget), actual: money(amount), score, grade: grade(score) };
  });
  const departmentScore = rnd.int(850, 990) / 10;
  const vehicleKinds: Record<string, number> = {};
  VEHICLE_KINDS.forEach((name, i) => plan.vehicles[i]! > 0 && (vehicleKinds[name] = plan.vehicles[i]!));

  return {
    overview: { duties, institutions, units },
    reasons,
    budgets: { initial, adjusted },
    threePublic: {
      outboundGroups: groups,
      outboundPeople: groups * rnd.int(abroad > 0 ? 2 : 0, abroad > 0 ? 5 : 0),
      vehiclesPurchased: 0,
      vehiclesHeld: vehicles,
      domesticReceptionBatches: batches,
      domesticReceptionPeople: batches * rnd.int(batches > 0 ? 3 : 0, batches > 0 ? 12 : 0),
      foreignReceptionBatches: 0,
      foreignReceptionPeople: 0,
    },
    operatingCost: plan.admin
      ? { amount: money(state.publicCost), ...(prior ? { prior: money(prior.publicCost) } : {}) }
      : { notApplicable: `本${scopeWord}为非参照公务员法管理的事业单位，不属于机关运行经费统计范围，${plan.year}年度无机关运行经费支出。` },
    procurement: { total: money(procurementTotal), goods: money(goods), works: money(works), services: money(services), sme: money(sme), small: money(small) },
    assets: { vehicles, vehicleKinds, equipmentOver1m: plan.equipment },
    performance: {
      projects,
      departmentScore,
      departmentGrade: grade(departmentScore),
      note: `${plan.year}年度${plan.entity}对${projects.length}个项目开展了绩效自评，涉及一般公共预算项目支出${money(sum(state.projects.map((p) => p.amount)))}万元，占一般公共预算项目支出的100%；组织开展部门整体支出绩效自评，自评得分${departmentScore}分。${car > 0 ? '' : ''}`,
    },
  };
}

/** A rendered synthetic document: name, text and the Report it was rendered from. */
export interface CorpusDocument {
  name: string;
  text: string;
  report: Report;
}

/**
 * `count` rendered documents, alternating templates, with varied class counts and page lengths,
 * so the corpus mixes the layouts the seeds show (repeated headers, bare page breaks).
 */
export function syntheticCorpus(count: number, options: Omit<SyntheticOptions, 'template'> & RenderTextOptions = {}): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  for (let i = 0; i < count; i++) {
    const template = options.template ?? (i % 2 === 0 ? 'gd' : 'sx');
    const report = realisticReport(i + 1, { template, classes: options.classes ?? 1 + (i % 8), breadth: options.breadth ?? 3 });
    const text = renderText(report, { template, rowsPerPage: options.rowsPerPage ?? 12 + (i % 4) * 5, repeatHeader: options.repeatHeader ?? i % 3 !== 2 });
    docs.push({ name: `synthetic-${String(i + 1).padStart(4, '0')}-${template}.txt`, text, report });
  }
  return docs;
}
