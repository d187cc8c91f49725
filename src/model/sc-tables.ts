/**
 * The four tables Sichuan's 13-table set adds to the national nine (rules.md §1.1, §1.13): their ids,
 * row keys and columns. Their titles are confirmed (seed 004, SRC 9/10) but their layout is not
 * (rules.md §1.13 [KNOW]): everything here is data, read by recognition (header labels), the check
 * rules (column keys), the printed layout (render/templates/sc-tables.ts) and the generator, so a
 * correction seen on a real Sichuan PDF is a change to these lists only.
 *
 * Row keys follow the standard coded tables: `total` for 合计, else the classification code
 * (functional 类/款/项 for the two 明细表 and the 国有资本 收支表, like table 05; economic 类/款 for
 * the 项目支出决算表, like table 06). Column keys are the 栏次 numbers ('1', '2' …), except the
 * single amount column of the economic table, which is `amount` as in table 06.
 */

export const SC_FISCAL_DETAIL = 'sc-fiscal-detail';
export const SC_GPB_DETAIL = 'sc-gpb-detail';
export const SC_GPB_PROJECT = 'sc-gpb-project';
export const SC_STATE_CAPITAL = 'sc-state-capital';

export type ScTableId = typeof SC_FISCAL_DETAIL | typeof SC_GPB_DETAIL | typeof SC_GPB_PROJECT | typeof SC_STATE_CAPITAL;
export const SC_TABLE_IDS: readonly ScTableId[] = [SC_FISCAL_DETAIL, SC_GPB_DETAIL, SC_GPB_PROJECT, SC_STATE_CAPITAL];

export const SC_TITLES: Record<ScTableId, string> = {
  [SC_FISCAL_DETAIL]: '财政拨款支出决算明细表',
  [SC_GPB_DETAIL]: '一般公共预算财政拨款支出决算明细表',
  [SC_GPB_PROJECT]: '一般公共预算财政拨款项目支出决算表',
  [SC_STATE_CAPITAL]: '国有资本经营预算财政拨款收入支出决算表',
};

/** The Sichuan print order of all thirteen tables (seed 004's 附表 list: 一 … 十三). */
export const SC_PRINT_ORDER: readonly string[] = ['01', '02', '03', '04', SC_FISCAL_DETAIL, '05', SC_GPB_DETAIL, '06', SC_GPB_PROJECT, '07', SC_STATE_CAPITAL, '08', '09'];

/**
 * One amount column: its key, the header labels from the top group down to the leaf (each level may
 * list alternative wordings, the first is printed), and what it holds.
 */
export interface ScColumn {
  key: string;
  /** Header labels, top to bottom; each level lists the accepted wordings, the first printed. */
  path: string[][];
  /** The 部门预算支出经济分类 类 the column holds, for a class column. */
  econ?: string;
  /** The column keys this column is the sum of (a 合计 / 小计 column). */
  sumOf?: string[];
}

/** A 部门预算支出经济分类 类 as a column of the 明细表. */
interface EconClass {
  code: string;
  name: string;
}

const C = (code: string, name: string): EconClass => ({ code, name });

/** 人员经费 of 基本支出: the classes table 06 lists under 人员经费. */
export const SC_BASIC_PERSONNEL: readonly EconClass[] = [C('301', '工资福利支出'), C('303', '对个人和家庭的补助')];
/** 公用经费 of 基本支出: the classes table 06 lists under 公用经费 with amounts (309/311 print —— there). */
export const SC_BASIC_PUBLIC: readonly EconClass[] = [
  C('302', '商品和服务支出'),
  C('307', '债务利息及费用支出'),
  C('310', '资本性支出'),
  C('312', '对企业补助'),
  C('313', '对社会保障基金补助'),
  C('399', '其他支出'),
];
/** 项目支出: every class of the 部门预算支出经济分类. */
export const SC_PROJECT_CLASSES: readonly EconClass[] = [
  C('301', '工资福利支出'),
  C('302', '商品和服务支出'),
  C('303', '对个人和家庭的补助'),
  C('307', '债务利息及费用支出'),
  C('309', '资本性支出（基本建设）'),
  C('310', '资本性支出'),
  C('311', '对企业补助（基本建设）'),
  C('312', '对企业补助'),
  C('313', '对社会保障基金补助'),
  C('399', '其他支出'),
];

/**
 * The columns of both 明细表 (财政拨款 and 一般公共预算财政拨款), rules.md §1.13: 合计, then 基本支出
 * split into 人员经费 and 公用经费, then 项目支出, each broken down by economic class.
 */
function detailColumns(): ScColumn[] {
  const cols: ScColumn[] = [];
  let n = 0;
  const next = () => String(++n);
  const total: ScColumn = { key: next(), path: [['合计', '本年支出合计', '支出合计']] };
  cols.push(total);
  const basic: ScColumn = { key: next(), path: [['基本支出'], ['小计', '合计']] };
  cols.push(basic);
  const personnel: ScColumn = { key: next(), path: [['基本支出'], ['人员经费'], ['小计', '合计']] };
  cols.push(personnel);
  const personnelParts = SC_BASIC_PERSONNEL.map((c): ScColumn => ({ key: next(), path: [['基本支出'], ['人员经费'], [c.name]], econ: c.code }));
  cols.push(...personnelParts);
  personnel.sumOf = personnelParts.map((c) => c.key);
  const pub: ScColumn = { key: next(), path: [['基本支出'], ['公用经费'], ['小计', '合计']] };
  cols.push(pub);
  const publicParts = SC_BASIC_PUBLIC.map((c): ScColumn => ({ key: next(), path: [['基本支出'], ['公用经费'], [c.name]], econ: c.code }));
  cols.push(...publicParts);
  pub.sumOf = publicParts.map((c) => c.key);
  basic.sumOf = [personnel.key, pub.key];
  const project: ScColumn = { key: next(), path: [['项目支出'], ['小计', '合计']] };
  cols.push(project);
  const projectParts = SC_PROJECT_CLASSES.map((c): ScColumn => ({ key: next(), path: [['项目支出'], [c.name]], econ: c.code }));
  cols.push(...projectParts);
  project.sumOf = projectParts.map((c) => c.key);
  total.sumOf = [basic.key, project.key];
  return cols;
}

const DETAIL_COLUMNS = detailColumns();

/** Keys of the 明细表 columns that the cross-table rules and the generator address by meaning. */
export const SC_DETAIL_KEYS = {
  total: '1',
  basic: DETAIL_COLUMNS.find((c) => c.path[0]![0] === '基本支出' && c.path.length === 2)!.key,
  personnel: DETAIL_COLUMNS.find((c) => c.path[1]?.[0] === '人员经费' && !c.econ)!.key,
  public: DETAIL_COLUMNS.find((c) => c.path[1]?.[0] === '公用经费' && !c.econ)!.key,
  project: DETAIL_COLUMNS.find((c) => c.path[0]![0] === '项目支出' && !c.econ)!.key,
} as const;

/** Columns of the 国有资本经营预算财政拨款收入支出决算表: table 07's (rules.md §1.9). */
const STATE_CAPITAL_COLUMNS: ScColumn[] = [
  { key: '1', path: [['年初结转和结余', '年初结转结余']] },
  { key: '2', path: [['本年收入']] },
  { key: '3', path: [['本年支出'], ['小计', '合计', '本年支出合计']], sumOf: ['4', '5'] },
  { key: '4', path: [['本年支出'], ['基本支出']] },
  { key: '5', path: [['本年支出'], ['项目支出']] },
  { key: '6', path: [['年末结转和结余', '年末结转结余']] },
];

export const SC_STATE_CAPITAL_KEYS = { opening: '1', income: '2', spending: '3', basic: '4', project: '5', closing: '6' } as const;

/** The one amount column of the 项目支出决算表 (like table 06: 金额 / 决算数). */
const PROJECT_COLUMNS: ScColumn[] = [{ key: 'amount', path: [['金额', '决算数', '合计', '项目支出']] }];

export interface ScTableSpec {
  id: ScTableId;
  title: string;
  /** Rows keyed by a functional (类/款/项) or an economic (类/款) code. */
  rows: 'functional' | 'economic';
  columns: ScColumn[];
  /** The note printed under the table: 本表反映{S}… ({S} = 部门 / 单位). */
  note: string;
}

export const SC_TABLES: Record<ScTableId, ScTableSpec> = {
  [SC_FISCAL_DETAIL]: {
    id: SC_FISCAL_DETAIL,
    title: SC_TITLES[SC_FISCAL_DETAIL],
    rows: 'functional',
    columns: DETAIL_COLUMNS,
    note: '本表反映{S}本年度财政拨款支出按经济分类的明细情况。',
  },
  [SC_GPB_DETAIL]: {
    id: SC_GPB_DETAIL,
    title: SC_TITLES[SC_GPB_DETAIL],
    rows: 'functional',
    columns: DETAIL_COLUMNS,
    note: '本表反映{S}本年度一般公共预算财政拨款支出按经济分类的明细情况。',
  },
  [SC_GPB_PROJECT]: {
    id: SC_GPB_PROJECT,
    title: SC_TITLES[SC_GPB_PROJECT],
    rows: 'economic',
    columns: PROJECT_COLUMNS,
    note: '本表反映{S}本年度一般公共预算财政拨款项目支出经济分类情况。',
  },
  [SC_STATE_CAPITAL]: {
    id: SC_STATE_CAPITAL,
    title: SC_TITLES[SC_STATE_CAPITAL],
    rows: 'functional',
    columns: STATE_CAPITAL_COLUMNS,
    note: '本表反映{S}本年度国有资本经营预算财政拨款收入、支出及结转结余情况。',
  },
};

export function isScTableId(id: string): id is ScTableId {
  return (SC_TABLE_IDS as readonly string[]).includes(id);
}

/** The printed label of a column: its leaf wording. */
export function scColumnLabel(column: ScColumn): string {
  return column.path[column.path.length - 1]![0]!;
}
