/**
 * Scoring schemes for performance self-evaluations, as data (rules.md §5.1, §5.3). A scheme says
 * how the execution rate is scored, the 一级 weights, the qualitative tiers, the grade bands and the
 * words a locality prints for each grade. Numbers are decimal strings so that they turn into exact
 * rationals (2.5, 99.983 …) without passing through a binary float.
 */

/** The four grades of 财预〔2020〕10号 (优 / 良 / 中 / 差). */
export type Grade = '优' | '良' | '中' | '差';

export interface ExecutionStep {
  /** Lowest execution rate (percent, inclusive) of the step. */
  min: string;
  /** Share of the 分值 given at this step, in percent. */
  share: string;
}

export type ExecutionRule =
  /** 分值 × min(执行率, 100%). */
  | { mode: 'proportional'; weight: string }
  /** The share of the highest step whose `min` the rate reaches; below every step: 分值 × 执行率 when `belowProportional`, else 0. */
  | { mode: 'steps'; weight: string; steps: ExecutionStep[]; belowProportional?: boolean };

export interface Level1Weight {
  /** The canonical 一级 name (产出指标 …). */
  name: string;
  weight: string;
  /** Other printed 一级 names counted inside this one (成本指标 inside 产出 since 2020). */
  includes?: string[];
}

export interface QualitativeTier {
  /** achieved: 达成/完成预期指标/提前…; partial: 部分达成; unmet: 未达成/未完成. */
  tier: 'achieved' | 'partial' | 'unmet';
  /** Share of the 分值 in percent, inclusive bounds. */
  lo: string;
  hi: string;
}

export interface GradeBand {
  grade: Grade;
  /** Lowest score (inclusive) of the band; the last band has min "0". */
  min: string;
}

/** A department scheme's dimension (管理效率, 履职效能) and its scored items. */
export interface DepartmentDimensionRule {
  name: string;
  /** Patterns of the printed dimension name. */
  match: string;
  weight: string;
  items?: DepartmentItemRule[];
}

export interface DepartmentItemRule {
  name: string;
  match: string;
  weight: string;
  /**
   * budget-execution: 分值 × mean of the monthly 序时进度 checks (months `from`–`to`, at or ahead of
   * schedule = 100%) and the annual rate; rate: 分值 × the stated rate; indicators: 分值 × the share of
   * the indicators' recomputed scores (equal weights); items: as printed.
   */
  method: 'budget-execution' | 'rate' | 'indicators' | 'printed';
  months?: { from: number; to: number };
  /** Which indicators (`Indicator.level1` pattern or the table they came from) the item scores. */
  indicators?: string;
}

export interface ScoringScheme {
  id: string;
  /** The scheme's Chinese name, for output. */
  name: string;
  kind: 'project' | 'department';
  execution: ExecutionRule;
  level1: Level1Weight[];
  qualitative: QualitativeTier[];
  bands: GradeBand[];
  /** Printed grade words → grade (优秀 → 优 …), besides the grade letters themselves. */
  gradeWords: Record<string, Grade>;
  /** Decimals the genre prints scores with (2 for project tables; Guangzhou prints 3). */
  decimals: number;
  dimensions?: DepartmentDimensionRule[];
}

const GRADE_WORDS: Record<string, Grade> = {
  优: '优',
  优秀: '优',
  良: '良',
  良好: '良',
  较好: '良',
  中: '中',
  中等: '中',
  合格: '中',
  一般: '中',
  及格: '中',
  差: '差',
  较差: '差',
  不合格: '差',
  不及格: '差',
};

const NATIONAL_BANDS: GradeBand[] = [
  { grade: '优', min: '90' },
  { grade: '良', min: '80' },
  { grade: '中', min: '60' },
  { grade: '差', min: '0' },
];

const NATIONAL_TIERS: QualitativeTier[] = [
  { tier: 'achieved', lo: '80', hi: '100' },
  { tier: 'partial', lo: '60', hi: '80' },
  { tier: 'unmet', lo: '0', hi: '60' },
];

const NATIONAL_LEVEL1: Level1Weight[] = [
  // Since the 2020 tables 成本指标 is printed as its own 一级 row but weighed inside 产出 (seed 003: 20+10+10+10 = 50).
  { name: '产出指标', weight: '50', includes: ['成本指标'] },
  { name: '效益指标', weight: '30' },
  { name: '满意度指标', weight: '10' },
];

/** 财预〔2020〕10号: 执行率 10 points proportional and capped, 产出 50 / 效益 30 / 满意度 10. */
export const NATIONAL: ScoringScheme = {
  id: 'national',
  name: '全国通行（财预〔2020〕10号，执行率按比例计分）',
  kind: 'project',
  execution: { mode: 'proportional', weight: '10' },
  level1: NATIONAL_LEVEL1,
  qualitative: NATIONAL_TIERS,
  bands: NATIONAL_BANDS,
  gradeWords: GRADE_WORDS,
  decimals: 2,
};

/** The step variant some provinces use: full score at ≥ 95%, proportional below. */
export const NATIONAL_STEPS: ScoringScheme = {
  ...NATIONAL,
  id: 'national-steps',
  name: '分档计分（执行率≥95%得满分，以下按比例）',
  execution: { mode: 'steps', weight: '10', steps: [{ min: '95', share: '100' }], belowProportional: true },
};

/** Guangzhou 部门整体支出绩效评价 (seed 002, rules.md §5.3, P-R12). */
export const GUANGZHOU_DEPARTMENT: ScoringScheme = {
  id: 'guangzhou-department',
  name: '广州市部门整体支出绩效评价（管理效率50分＋履职效能50分）',
  kind: 'department',
  execution: { mode: 'proportional', weight: '5' },
  level1: NATIONAL_LEVEL1,
  qualitative: NATIONAL_TIERS,
  bands: NATIONAL_BANDS,
  gradeWords: GRADE_WORDS,
  decimals: 3,
  dimensions: [
    { name: '管理效率', match: '管理效率', weight: '50', items: [] },
    {
      name: '履职效能',
      match: '履职效能',
      weight: '50',
      items: [
        { name: '预算执行情况', match: '^(?!.*专项).*预算执行', weight: '5', method: 'budget-execution', months: { from: 3, to: 11 } },
        { name: '部门整体绩效完成情况', match: '部门整体.*绩效|整体绩效', weight: '20', method: 'indicators', indicators: '^(?!.*专项)' },
        { name: '专项资金支出情况', match: '专项资金.*(支出|执行)', weight: '5', method: 'rate' },
        { name: '专项资金绩效完成情况', match: '专项资金.*绩效', weight: '20', method: 'indicators', indicators: '专项' },
      ],
    },
  ],
};

export const SCHEMES: readonly ScoringScheme[] = [NATIONAL, NATIONAL_STEPS, GUANGZHOU_DEPARTMENT];

export function getScheme(id: string): ScoringScheme | undefined {
  return SCHEMES.find((s) => s.id === id);
}
