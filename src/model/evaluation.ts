/**
 * Performance self-evaluations (绩效自评): project evaluations (项目支出绩效自评表, or the same facts
 * told in prose) and department evaluations (部门整体支出绩效自评, with a locality's own scoring model).
 * Part of the Report as `evaluations`. Everything here is as printed; recomputed scores are the
 * check stage's (src/check/performance/), so a finding can set the two side by side.
 */
import type { Span } from './report.js';

/**
 * A printed number: its text, its value and its decimals as printed, so checks can work in exact
 * integer units (`toUnits(value, decimals)`) and round as the document does. `value` is null when the
 * text is not a number (未填报, ——).
 */
export interface Figure {
  text: string;
  value: number | null;
  decimals: number;
  /** The printed unit when one is attached (万元, 元, %, 分). */
  unit?: string;
  span?: Span;
}

/** Where an evaluation, a row or a statement was printed. */
export interface EvaluationPlace {
  line: number;
  span?: Span;
  page?: number;
  /** The grid of `Report.grids` it was read from, and the row in that grid. */
  grid?: number;
  row?: number;
}

/** One row of the funds block (项目资金 / 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金 …). */
export interface FundLine {
  /** 资金总额 (the total line), or the fund source as printed (市县区财政经费, 当年财政拨款 …). */
  source: string;
  total: boolean;
  /** 年初预算数; Shanxi prints it twice: 目标申报数 and 预算编制数 (parallel). */
  initialBudget?: Figure;
  declared?: Figure;
  /** 全年预算数 (the adjusted budget when there was an adjustment). */
  annualBudget?: Figure;
  /** 全年执行数. */
  executed?: Figure;
  /** 资金结(转)余. */
  balance?: Figure;
  /** 执行率, in percent. */
  rate?: Figure;
  /** 分值 (10 by default). */
  weight?: Figure;
  /** 得分. */
  score?: Figure;
  /** 偏差原因分析及改进措施, when the funds block prints one. */
  deviation?: string;
  place: EvaluationPlace;
}

export interface Goal {
  planned: string;
  achieved: string;
  place: EvaluationPlace;
}

/** One 绩效指标 row. */
export interface Indicator {
  /** 一级指标: 产出指标 | 效益指标 | 满意度指标 | 成本指标 …, as printed (carried down merged cells). */
  level1: string;
  /** 二级指标: 数量指标, 质量指标, 时效指标, 成本指标, 社会效益指标, 服务对象满意度指标 … */
  level2: string;
  /** 三级指标: the indicator's own name. */
  name: string;
  /** 年初指标值 (Shanxi) or 年度指标值. */
  initialTarget?: string;
  /** 调整后指标值 (Shanxi) or, when only one target is printed, that target. */
  target?: string;
  /** 实际完成值. */
  actual?: string;
  weight?: Figure;
  score?: Figure;
  /** 偏差原因分析及改进措施. */
  deviation?: string;
  /** The 一级 cell was not printed on this row or above it (merged cell lost): 一级 told from the 二级. */
  level1Inferred?: boolean;
  /** The 一级 weight printed in its label (产出指标(50分) → 50). */
  level1Weight?: Figure;
  /**
   * The title or heading the indicator table was printed under (department reports print several:
   * `2023 年全年部门整体绩效产出指标完成情况表`, `(2) 专项资金绩效完成情况`).
   */
  table?: string;
  place: EvaluationPlace;
}

/** A score or grade stated in words (`自评等级为优秀，分数为100分`, `总体结论为良好`). */
export interface StatedResult {
  score?: Figure;
  /** The grade word as printed: 优 / 优秀 / 良 / 良好 / 中 / 合格 / 差 … */
  grade?: string;
  text: string;
  place: EvaluationPlace;
}

/** A statement about the evaluation's money or rate made in text (项目绩效分析, 情况说明). */
export interface EvaluationStatement {
  /** budget: 预算下达/全年预算数; executed: 实际执行/支出; rate: 预算执行率/完成预算的…%. */
  measure: 'budget' | 'executed' | 'rate' | 'balance' | 'score' | 'count';
  value: Figure;
  text: string;
  place: EvaluationPlace;
}

export interface AnalysisText {
  /** 项目实施和预算执行情况, 产出情况, 效益情况, 满意度情况, 主要经验做法, 存在的问题…, 下一步改进措施… */
  heading: string;
  text: string;
  place: EvaluationPlace;
}

interface EvaluationBase {
  /** Stable within the report: `E1`, `E2` … in printed order. */
  id: string;
  /** The project's or the department's name as printed. */
  name: string;
  year?: number;
  /** How it was printed: a 自评表 grid, prose (a project paragraph), or an attached 自评报告. */
  form: 'table' | 'prose' | 'report';
  /** 总分 as printed (or stated). */
  total?: Figure;
  /** 等级 / 评价结论 as printed. */
  grade?: string;
  /** Scores and grades stated in words about this evaluation. */
  stated: StatedResult[];
  /** Money, rates and counts stated in text about this evaluation. */
  statements: EvaluationStatement[];
  analysis: AnalysisText[];
  place: EvaluationPlace;
}

export interface ProjectEvaluation extends EvaluationBase {
  kind: 'project';
  /** 主管部门(及代码). */
  department?: { name: string; code?: string };
  /** 预算单位 / 实施单位 (and its code). */
  unit?: { name: string; code?: string };
  funds: FundLine[];
  goals: Goal[];
  indicators: Indicator[];
}

/** One scored item of a department model (管理效率 › 预算编制 …; 履职效能 › 部门整体绩效完成 …). */
export interface DimensionItem {
  name: string;
  /** The group the item is printed under (管理效率 › 预算编制 › 新增预算项目事前绩效评估), when there is one. */
  group?: string;
  weight?: Figure;
  score?: Figure;
  /** What the score was based on, as printed (e.g. 序时进度 checks, 合同签订时效 2/3). */
  basis?: string;
  place?: EvaluationPlace;
}

export interface Dimension {
  name: string;
  weight?: Figure;
  score?: Figure;
  items: DimensionItem[];
}

export interface DepartmentEvaluation extends EvaluationBase {
  kind: 'department';
  /** The scoring scheme the document follows, when it can be told (e.g. `guangzhou-department`). */
  scheme?: string;
  dimensions: Dimension[];
  /** Indicator tables of the department (部门整体绩效目标, 专项资金绩效目标 …). */
  indicators: Indicator[];
  /** Counts the text states about the indicators (`32个绩效指标`, `其中产出指标23个`). */
  counts: { what: string; value: Figure; text: string; place: EvaluationPlace }[];
  funds: FundLine[];
}

export type Evaluation = ProjectEvaluation | DepartmentEvaluation;
