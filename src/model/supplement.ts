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
