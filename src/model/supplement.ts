/**
 * What a disclosure states besides its tables: the texts and figures a preparer supplies (职责, 机构设置,
 * reasons for changes, budgets per item, “三公” budgets and counts, 机关运行经费, 政府采购, 国有资产,
 * 绩效 results). The generator writes the narrative from a Report plus this; the input workbook has one
 * sheet of it (one row per field of SUPPLEMENT_FIELDS). Money is in the report's money unit (万元),
 * as JSON numbers with at most 2 decimals (converted to integer units before any arithmetic).
 */

/** A reason for a change or a deviation, keyed by the subject it explains (see REASON_KEYS). */
export type Reasons = Partial<Record<string, string>>;

export interface ProjectResult {
  name: string;
  /** 全年预算数 (万元). */
  budget?: number;
  /** 全年执行数 (万元). */
  actual?: number;
  score?: number;
  /** 优 / 良 / 中 / 差. */
  grade?: string;
}

export interface Supplement {
  /** 第一部分 概况. */
  overview?: {
    /** 主要职能 (one paragraph, or several separated by newlines). */
    duties?: string;
    /** 机构设置. */
    institutions?: string;
    /** 决算单位构成: the units included (names). */
    units?: string[];
  };
  /** Reasons for changes against the prior year or the budget, by subject. */
  reasons?: Reasons;
  /** 年初预算 / 全年预算 per 类/款/项 code of 一般公共预算财政拨款支出 (万元). */
  budgets?: { initial?: Record<string, number>; adjusted?: Record<string, number> };
  /** “三公” counts (the amounts are in table 09). */
  threePublic?: {
    outboundGroups?: number;
    outboundPeople?: number;
    vehiclesPurchased?: number;
    vehiclesHeld?: number;
    domesticReceptionBatches?: number;
    domesticReceptionPeople?: number;
    foreignReceptionBatches?: number;
    foreignReceptionPeople?: number;
  };
  /** 机关运行经费: amount and prior year, or the reason the unit has none (非参公事业单位). */
  operatingCost?: { amount?: number; prior?: number; notApplicable?: string };
  /** 政府采购 (万元). */
  procurement?: { total?: number; goods?: number; works?: number; services?: number; sme?: number; small?: number };
  /** 国有资产占用: vehicles by kind and large equipment. */
  assets?: { vehicles?: number; vehicleKinds?: Record<string, number>; equipmentOver1m?: number };
  /** 绩效: the self-evaluated projects and the department-level result. */
  performance?: { projects?: ProjectResult[]; departmentScore?: number; departmentGrade?: string; note?: string };
}

/** Value types of a supplement field, for the input workbook's validation. */
export type FieldType = 'text' | 'money' | 'count' | 'list' | 'score';

/** One field of the supplement: where it lives, its Chinese label and the instruction a preparer reads. */
export interface SupplementField {
  /** Dotted path into Supplement (`procurement.goods`, `reasons.本年收入合计`). */
  path: string;
  label: string;
  type: FieldType;
  help: string;
}

/**
 * Keys of `Supplement.reasons`. A change against the prior year is explained under the subject's
 * name (`一般公共预算财政拨款收入`, `基本支出`, `三公经费`, `机关运行经费` …); a deviation from the budget
 * under the subject followed by `/预算` (`一般公共预算财政拨款支出/预算`, `三公经费/预算`, and per 项 its
 * code: `2080101/预算`).
 */
export function priorReasonKey(subject: string): string {
  return subject;
}

export function budgetReasonKey(subject: string): string {
  return `${subject}/预算`;
}

/** The subjects whose changes the generated narrative explains, in the order it states them. */
export const REASON_KEYS: { key: string; label: string }[] = [
  { key: '收入支出总计', label: '收入支出总计比上年增减变动原因' },
  ...[
    '一般公共预算财政拨款收入',
    '政府性基金预算财政拨款收入',
    '国有资本经营预算财政拨款收入',
    '上级补助收入',
    '事业收入',
    '经营收入',
    '附属单位上缴收入',
    '其他收入',
    '基本支出',
    '项目支出',
    '上缴上级支出',
    '经营支出',
    '对附属单位补助支出',
    '一般公共预算财政拨款支出',
    '政府性基金预算财政拨款支出',
    '国有资本经营预算财政拨款支出',
    '三公经费',
    '机关运行经费',
  ].map((s) => ({ key: priorReasonKey(s), label: `${s}比上年增减变动原因` })),
  { key: budgetReasonKey('一般公共预算财政拨款支出'), label: '一般公共预算财政拨款支出决算数与年初预算差异原因' },
  { key: budgetReasonKey('三公经费'), label: '“三公”经费决算数与预算数差异原因' },
];

const money = (path: string, label: string, help: string): SupplementField => ({ path, label, type: 'money', help });
const count = (path: string, label: string, help: string): SupplementField => ({ path, label, type: 'count', help });

/**
 * Every field of the supplement, in the order the input workbook's 文字与补充数据 sheet lists them.
 * Per-item budgets (`budgets.initial.<code>`) and per-project results (`performance.projects`) are
 * open-ended: the workbook lists one row per 项 of its table 05 and per project row.
 */
export const SUPPLEMENT_FIELDS: SupplementField[] = [
  { path: 'overview.duties', label: '主要职责', type: 'text', help: '部门（单位）的主要职责，可分多段（每段一行）。' },
  { path: 'overview.institutions', label: '机构设置', type: 'text', help: '内设机构和下属单位情况。' },
  { path: 'overview.units', label: '决算单位构成', type: 'list', help: '纳入本年度决算编报范围的单位名称，每行一个；只有本级时填本单位名称。' },
  ...REASON_KEYS.map((r): SupplementField => ({ path: `reasons.${r.key}`, label: r.label, type: 'text', help: '有增减变动或偏离预算时必填；未填写的，生成的文档中留有【待填写】标记。' })),
  money('budgets.initial.total', '一般公共预算财政拨款支出年初预算', '年初预算总数（万元）；不填时按各项年初预算之和计算。'),
  { path: 'budgets.initial.<项代码>', label: '各项年初预算', type: 'money', help: '一般公共预算财政拨款支出各项（7位功能分类科目编码）的年初预算数（万元）。' },
  { path: 'budgets.adjusted.<项代码>', label: '各项全年预算', type: 'money', help: '按规定程序调整后的全年预算数（万元），可不填。' },
  count('threePublic.outboundGroups', '因公出国（境）团组数', '个；没有的填0。'),
  count('threePublic.outboundPeople', '因公出国（境）人次', '人次；没有的填0。'),
  count('threePublic.vehiclesPurchased', '公务用车购置数', '辆；没有的填0。'),
  count('threePublic.vehiclesHeld', '公务用车保有量', '辆；年末数。'),
  count('threePublic.domesticReceptionBatches', '国内公务接待批次', '批次。'),
  count('threePublic.domesticReceptionPeople', '国内公务接待人次', '人次。'),
  count('threePublic.foreignReceptionBatches', '外事接待批次', '批次（国外、境外来访团组）。'),
  count('threePublic.foreignReceptionPeople', '外事接待人次', '人次。'),
  money('operatingCost.amount', '机关运行经费支出', '万元；行政单位和参公事业单位填写。'),
  money('operatingCost.prior', '上年机关运行经费支出', '万元；用于与上年比较。'),
  { path: 'operatingCost.notApplicable', label: '不适用机关运行经费的说明', type: 'text', help: '非参公事业单位填写，如“本单位是非参公事业单位，不在机关运行经费统计范围内。”' },
  money('procurement.total', '政府采购支出总额', '万元。'),
  money('procurement.goods', '政府采购货物支出', '万元。'),
  money('procurement.works', '政府采购工程支出', '万元。'),
  money('procurement.services', '政府采购服务支出', '万元。'),
  money('procurement.sme', '授予中小企业合同金额', '万元。'),
  money('procurement.small', '其中：授予小微企业合同金额', '万元。'),
  count('assets.vehicles', '车辆总数', '辆；年末数。'),
  { path: 'assets.vehicleKinds.<用车类别>', label: '各类用车数量', type: 'count', help: '辆；如 机要通信用车、应急保障用车、执法执勤用车、其他用车。' },
  count('assets.equipmentOver1m', '单价100万元（含）以上设备数', '台（套），不含车辆。'),
  { path: 'performance.projects', label: '项目绩效自评结果', type: 'list', help: '每个自评项目一行：项目名称、全年预算数、执行数、得分、等级（优/良/中/差）。' },
  { path: 'performance.departmentScore', label: '整体支出绩效自评得分', type: 'score', help: '分。' },
  { path: 'performance.departmentGrade', label: '整体支出绩效评价等级', type: 'text', help: '优、良、中或差。' },
  { path: 'performance.note', label: '绩效情况其他说明', type: 'text', help: '重点评价、发现的问题和改进措施等。' },
];
