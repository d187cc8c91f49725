/**
 * What the performance rules P-R1 … P-R13 share: the evaluations of a report, printed figures as exact
 * rationals, where a finding points (the evaluation and its printed row or sentence), grade words and
 * the back-fill pattern of P-R3 / P-R5 (全年预算数 set to the execution while the text states a larger
 * budget). Scores and grades are computed in exact rationals (src/check/narrative/interval.ts).
 */
import { parseAmount, type Amount } from '../../../model/amount.js';
import type { Evaluation, EvaluationPlace, EvaluationStatement, Figure, FundLine, ProjectEvaluation } from '../../../model/evaluation.js';
import type { FindingLocation } from '../../../model/finding.js';
import { formatRational, rat, ratCmp, ratDiv, ratMul, ratOfAmount, ratSub, roundHalfUp, type Rational } from '../../narrative/interval.js';
import type { RuleContext } from '../../types.js';

export const HUNDRED = rat(100n);

/** The evaluations of the report; none ⇒ one not_applicable finding and an empty list. */
export function evaluationsOf(ctx: RuleContext): readonly Evaluation[] {
  const list = ctx.report.evaluations ?? [];
  if (list.length === 0) ctx.notApplicable(`文档中没有绩效自评（自评表、自评情况或自评报告），不适用“${ctx.meta.title}”`);
  return list;
}

export function projects(list: readonly Evaluation[]): ProjectEvaluation[] {
  return list.filter((e): e is ProjectEvaluation => e.kind === 'project');
}

/** A printed figure as an exact Amount: from its text when it parses (`29.099`, `100.00%`), else value and decimals. */
export function figureAmount(f: Figure | undefined): Amount | undefined {
  if (!f || f.value === null) return undefined;
  const t = f.text.replace(/\s+/g, '').replace(/[%％分]|万元|元/g, '').replace(/^[:：]/, '');
  const parsed = parseAmount(t);
  if (parsed) return parsed;
  return { units: Math.round(f.value * 10 ** f.decimals), scale: f.decimals };
}

export function figureRat(f: Figure | undefined): Rational | undefined {
  const a = figureAmount(f);
  return a ? ratOfAmount(a) : undefined;
}

/** A rational printed at `decimals`, half up, trailing zeros dropped (86.93, 12.901, 100). */
export function show(r: Rational, decimals = 2): string {
  return formatRational(r, decimals).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** The plain JSON number of a rational rounded half up at `decimals` (for expected/actual/difference). */
export function num(r: Rational, decimals = 3): number {
  return Number(show(r, decimals).replace(/,/g, ''));
}

/** The finding's location: the evaluation, and the printed row or sentence (its span and line). */
export function locate(e: Evaluation, place: EvaluationPlace = e.place): FindingLocation {
  const span = place.span ? { ...place.span } : { start: 0, end: 0 };
  if (span.line === undefined) span.line = place.line;
  if (span.page === undefined && place.page !== undefined) span.page = place.page;
  return { evaluation: e.id, span };
}

/** The 资金总额 line of a project's funds block (the first line when none is marked total). */
export function totalLine(e: ProjectEvaluation): FundLine | undefined {
  return e.funds.find((f) => f.total) ?? e.funds[0];
}

/** The project as a clerk names it: `自评表“…”` for a printed table, `项目“…”` otherwise. */
export function label(e: Evaluation): string {
  if (e.kind === 'department') return `部门整体绩效自评“${e.name}”`;
  return e.form === 'table' ? `项目支出绩效自评表“${e.name}”` : `项目“${e.name}”绩效自评`;
}

export function statementsOf(e: Evaluation, measure: EvaluationStatement['measure']): EvaluationStatement[] {
  return e.statements.filter((s) => s.measure === measure && s.value.value !== null);
}

// ---------------------------------------------------------------------------------------------
// Grades (P-R8, P-R11) and scores (P-R3, P-R4): 财预〔2020〕10号 defaults, rules.md §5.1
// ---------------------------------------------------------------------------------------------

export type Grade = '优' | '良' | '中' | '差';

/** The grade a word names: 优秀 → 优, 良好 → 良, 合格/中等 → 中, 较差/不合格 → 差. */
export function normaliseGrade(word: string | undefined): Grade | undefined {
  const w = (word ?? '').replace(/[\s“”"'‘’「」：:]/g, '');
  if (/^(?:优|优秀|优等)$/.test(w)) return '优';
  if (/^(?:良|良好|良等)$/.test(w)) return '良';
  if (/^(?:中|中等|合格|一般)$/.test(w)) return '中';
  if (/^(?:差|较差|不合格)$/.test(w)) return '差';
  return undefined;
}

/** ≥90 优; 80 ≤ s < 90 良; 60 ≤ s < 80 中; < 60 差. */
export function gradeOf(score: Rational): Grade {
  if (ratCmp(score, rat(90n)) >= 0) return '优';
  if (ratCmp(score, rat(80n)) >= 0) return '良';
  if (ratCmp(score, rat(60n)) >= 0) return '中';
  return '差';
}

/** 执行率 in percent; undefined on a zero budget. */
export function executionRate(executed: Rational, budget: Rational): Rational | undefined {
  return budget.num === 0n ? undefined : ratMul(ratDiv(executed, budget), HUNDRED);
}

/** The national default execution score: 分值 × min(执行率, 100%) (rules.md §5.1, proportional). */
export function executionScore(ratePercent: Rational, weight: Rational): Rational {
  const capped = ratCmp(ratePercent, HUNDRED) > 0 ? HUNDRED : ratePercent;
  return ratDiv(ratMul(weight, capped), HUNDRED);
}

/** A score as the tables print it: two decimals, half up. */
export function roundScore(r: Rational): Rational {
  return ratOfAmount(roundHalfUp(r, 2));
}

// ---------------------------------------------------------------------------------------------
// The back-filled budget (P-R3, P-R5)
// ---------------------------------------------------------------------------------------------

/** Below one percentage point the text's rate and the table's 100% differ immaterially (rules.md §5.2 table 2). */
export const MATERIAL_POINTS = rat(1n);

export interface BackFill {
  line: FundLine;
  /** 全年预算数 = 全年执行数 as printed. */
  annual: Rational;
  executed: Rational;
  /** The budget the text states (预算下达42万元), else the 年初预算数 when the text states a lower rate. */
  budget: Rational;
  budgetStatement?: EvaluationStatement;
  rateStatement?: EvaluationStatement;
  /** The rate the text states, else executed / stated budget. */
  statedRate: Rational;
  /** executed / budget, exact. */
  rate: Rational;
  material: boolean;
}

/**
 * The pattern of rules.md §2.5 P-R3: the table's 全年预算数 equals its 全年执行数 (so the printed rate is
 * 100%), and the evaluation's own text states a larger budget or a rate below 100% — the budget was
 * back-filled to the execution. Material when the text's rate is at least a point below 100%.
 */
export function backFill(e: ProjectEvaluation): BackFill | undefined {
  if (e.form !== 'table') return undefined;
  const line = totalLine(e);
  const annual = figureRat(line?.annualBudget);
  const executed = figureRat(line?.executed);
  if (!line || !annual || !executed || ratCmp(annual, executed) !== 0 || executed.num <= 0n) return undefined;
  const budgetStatement = statementsOf(e, 'budget').find((s) => ratCmp(figureRat(s.value)!, executed) > 0);
  const rateStatement = statementsOf(e, 'rate').find((s) => ratCmp(figureRat(s.value)!, HUNDRED) < 0);
  if (!budgetStatement && !rateStatement) return undefined;
  const initial = figureRat(line.initialBudget ?? line.declared);
  const budget = budgetStatement ? figureRat(budgetStatement.value)! : initial && ratCmp(initial, executed) > 0 ? initial : undefined;
  if (!budget) return undefined;
  const rate = executionRate(executed, budget)!;
  const statedRate = rateStatement ? figureRat(rateStatement.value)! : rate;
  const material = ratCmp(ratSub(HUNDRED, statedRate), MATERIAL_POINTS) >= 0;
  return { line, annual, executed, budget, ...(budgetStatement ? { budgetStatement } : {}), ...(rateStatement ? { rateStatement } : {}), statedRate, rate, material };
}

// ---------------------------------------------------------------------------------------------
// Indicator values (P-R9, P-R10): a number with its comparison, or words
// ---------------------------------------------------------------------------------------------

export type IndicatorValue =
  | { kind: 'number'; op: '>=' | '<=' | '=' | '≈'; value: Rational; unit: string }
  | { kind: 'words'; tier: 'achieved' | 'partial' | 'unmet' | undefined }
  | { kind: 'missing' };

const OPS: [RegExp, '>=' | '<=' | '=' | '≈'][] = [
  [/^(?:≥|>=|＞=|不低于|不少于|大于等于|达到|>|＞|高于|超过)/, '>='],
  [/^(?:≤|<=|＜=|不高于|不超过|小于等于|低于|<|＜)/, '<='],
  [/^(?:约|大约|左右)/, '≈'],
  [/^(?:=|＝)/, '='],
];
/** A number that is a quantity: not a year, month, day or ordinal (2023年11月, 12月, 第二期). */
const NUMBER = /(≥|>=|＞=|≤|<=|＜=|>|＜|<|＞|=|＝|不低于|不少于|不高于|不超过|约|大约|达到|高于|低于|超过)?(\d+(?:\.\d+)?)(%|％|[万亿千百]?(?:人次|人|名|个|家|次|份|件|项|台|套|户|元|天|小时|分钟|分|所|场|期)?)(以上|以下|左右)?/g;
const NOT_QUANTITY_AFTER = /^\s*(?:年|月|日|号|季度|期|届|批)/;
const MISSING = /^(?:未填报|无|——|-|\/|)$/;

const UNMET = /未完成|未达成|未实现|未达到|没有完成|未达标/;
const PARTIAL = /部分(?:完成|达成|实现)|基本(?:完成|达成|实现|达到)/;
const ACHIEVED = /完成|达成|达到|实现|提前|已|保障|提升|提高|及时|良好|满意|正常|合格|是/;

function numbersIn(text: string): { op: '>=' | '<=' | '=' | '≈'; value: Rational; unit: string; at: number }[] {
  const out: { op: '>=' | '<=' | '=' | '≈'; value: Rational; unit: string; at: number }[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const after = text.slice(m.index + (m[1]?.length ?? 0) + m[2]!.length);
    if (NOT_QUANTITY_AFTER.test(after) || text[m.index - 1] === '第') continue;
    const op = OPS.find(([re]) => re.test(m[1] ?? ''))?.[1] ?? (m[4] === '以上' ? '>=' : m[4] === '以下' ? '<=' : m[4] === '左右' ? '≈' : '=');
    const amount = parseAmount(m[2]!)!;
    out.push({ op, value: ratOfAmount(amount), unit: (m[3] ?? '').replace('％', '%'), at: m.index });
  }
  return out;
}

/** A target (年度指标值): the number after 预期实现值/指标值 when the cell explains itself, else its first quantity. */
export function parseTarget(text: string | undefined): IndicatorValue {
  const t = (text ?? '').replace(/\s+/g, '');
  if (MISSING.test(t)) return { kind: 'missing' };
  const k = t.search(/预期(?:实现)?值?[：:]|指标值[：:]|目标值[：:]/);
  const nums = numbersIn(k >= 0 ? t.slice(k) : t);
  if (nums.length > 0) return { kind: 'number', op: nums[0]!.op, value: nums[0]!.value, unit: nums[0]!.unit };
  return { kind: 'words', tier: undefined };
}

/** An achieved value (实际完成值), read against its target: the quantity in the target's unit, else the last one. */
export function parseActual(text: string | undefined, target?: IndicatorValue): IndicatorValue {
  const t = (text ?? '').replace(/\s+/g, '');
  if (MISSING.test(t)) return { kind: 'missing' };
  const nums = numbersIn(t);
  if (nums.length > 0 && target?.kind === 'number') {
    const same = nums.filter((n) => n.unit === target.unit);
    const pick = same[same.length - 1] ?? (target.unit === '' ? nums[nums.length - 1] : undefined);
    if (pick) return { kind: 'number', op: pick.op, value: pick.value, unit: pick.unit };
  }
  if (UNMET.test(t)) return { kind: 'words', tier: 'unmet' };
  if (PARTIAL.test(t)) return { kind: 'words', tier: 'partial' };
  if (ACHIEVED.test(t)) return { kind: 'words', tier: 'achieved' };
  if (nums.length > 0 && target?.kind !== 'number') return { kind: 'words', tier: undefined };
  return { kind: 'words', tier: undefined };
}

/** True when the unit is one of counting (the units of target and actual must agree to be compared). */
export function sameUnit(a: string, b: string): boolean {
  return a === b;
}
