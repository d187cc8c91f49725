/**
 * The scoring engine: recompute a self-evaluation's execution-rate score, indicator scores, total and
 * grade under a scheme (rules.md §5.1; P-R4, P-R7…P-R10), beside what the document prints. Exact
 * rationals throughout; a qualitative indicator's score is an interval (80–100% of the 分值 for 达成 …),
 * so the indicator-recomputed total is an interval too.
 */
import type { Evaluation, FundLine, Indicator, ProjectEvaluation } from '../../model/evaluation.js';
import { rat, ratAdd, ratCmp, ratDiv, ratEq, ratMul, ratSub, type Rational } from '../narrative/interval.js';
import { scoreDepartment, type DepartmentScore } from './department.js';
import { GUANGZHOU_DEPARTMENT, NATIONAL, getScheme, type Grade, type ScoringScheme } from './schemes.js';
import { exact, formatExactish, formatRange, formatScore, inRange, isExact, rangeAdd, roundScore, type ScoreRange } from './range.js';
import { achievementOf, figureRat, parseIndicatorValue, ratMax, ratMin, ratOfDecimal, baseUnit, type IndicatorValue } from './values.js';

const ZERO = rat(0n);
const HUNDRED = rat(100n);

export { exact, formatExactish, formatRange, formatScore, inRange, isExact, rangeAdd, roundScore, type ScoreRange };

// ---------------------------------------------------------------------------------------------
// Grades (P-R8)
// ---------------------------------------------------------------------------------------------

/** The printed grade word as one of 优/良/中/差 (优秀 → 优, 良好 → 良, 合格 → 中, 较差 → 差). */
export function normaliseGrade(word: string | undefined, scheme: ScoringScheme = NATIONAL): Grade | undefined {
  if (!word) return undefined;
  const w = word.replace(/[\s“”"「」『』（）()等级为是：:]/g, '');
  if (scheme.gradeWords[w]) return scheme.gradeWords[w];
  // A longer phrase (`总体结论为良好`): the longest known word it contains.
  const known = Object.keys(scheme.gradeWords).sort((a, b) => b.length - a.length);
  const hit = known.find((k) => w.includes(k) && !(k === '合格' && w.includes('不合格')));
  return hit ? scheme.gradeWords[hit] : undefined;
}

/**
 * The band of a score. The score is taken as the document prints it (rounded to the scheme's decimals):
 * a total printed 90.00 is 优 even if its unrounded terms sum to 89.996.
 */
export function gradeOf(score: Rational, scheme: ScoringScheme = NATIONAL): Grade {
  const s = roundScore(score, scheme.decimals);
  for (const band of scheme.bands) if (ratCmp(s, ratOfDecimal(band.min)) >= 0) return band.grade;
  return scheme.bands[scheme.bands.length - 1]!.grade;
}

// ---------------------------------------------------------------------------------------------
// Execution rate (P-R1, P-R4)
// ---------------------------------------------------------------------------------------------

/** 执行率 in percent = 执行数 / 预算数 × 100; undefined on a zero or missing budget. */
export function executionRate(executed: Rational | undefined, budget: Rational | undefined): Rational | undefined {
  if (!executed || !budget || budget.num === 0n) return undefined;
  return ratMul(ratDiv(executed, budget), HUNDRED);
}

/** The execution-rate score of a rate (percent) under the scheme: proportional and capped, or in steps. */
export function executionScore(ratePercent: Rational, scheme: ScoringScheme = NATIONAL, weight?: Rational): Rational {
  const rule = scheme.execution;
  const w = weight ?? ratOfDecimal(rule.weight);
  const capped = ratMax(ZERO, ratMin(ratePercent, HUNDRED));
  const proportional = ratDiv(ratMul(w, capped), HUNDRED);
  if (rule.mode === 'proportional') return proportional;
  const steps = [...rule.steps].sort((a, b) => ratCmp(ratOfDecimal(b.min), ratOfDecimal(a.min)));
  for (const step of steps) if (ratCmp(capped, ratOfDecimal(step.min)) >= 0) return ratDiv(ratMul(w, ratOfDecimal(step.share)), HUNDRED);
  return rule.belowProportional ? proportional : ZERO;
}

export interface ExecutionLine {
  /** table: the 自评表's own funds line; statement: the budget/rate the text states. */
  source: 'table' | 'statement';
  budget?: Rational;
  executed?: Rational;
  /** Recomputed rate (percent). */
  rate?: Rational;
  printedRate?: Rational;
  /** The rate the text states, when source is 'statement'. */
  statedRate?: Rational;
  weight: Rational;
  printedScore?: Rational;
  score?: Rational;
  /** 资金结余 recomputed (budget − executed) and printed. */
  balance?: Rational;
  printedBalance?: Rational;
  reason: string;
}

function totalFundLine(funds: FundLine[]): FundLine | undefined {
  return funds.find((f) => f.total) ?? funds[0];
}

const WAN = rat(10000n);
function statedMoney(e: Evaluation, measure: 'budget' | 'executed'): Rational | undefined {
  const s = e.statements.find((x) => x.measure === measure);
  const r = figureRat(s?.value);
  if (!r || !s) return undefined;
  return s.value.unit === '元' ? ratDiv(r, WAN) : r;
}

function fmtMoney(r: Rational): string {
  return formatExactish(r, 4);
}

function fmtPct(r: Rational): string {
  return `${formatScore(r, 2)}%`;
}

/** The execution line of the funds block, recomputed. */
export function scoreExecution(e: Evaluation, scheme: ScoringScheme): ExecutionLine | undefined {
  const line = totalFundLine(e.funds);
  if (!line) return undefined;
  const budget = figureRat(line.annualBudget);
  const executed = figureRat(line.executed);
  const weight = figureRat(line.weight) ?? ratOfDecimal(scheme.execution.weight);
  const rate = executionRate(executed, budget);
  const score = rate ? executionScore(rate, scheme, weight) : undefined;
  const printedScore = figureRat(line.score);
  const printedRate = figureRat(line.rate);
  const balance = budget && executed ? ratSub(budget, executed) : undefined;
  let reason: string;
  if (!rate) reason = budget?.num === 0n ? '全年预算数为0，执行率无法计算' : '缺少全年预算数或全年执行数，执行率无法重算';
  else {
    reason = `执行率 = 全年执行数${fmtMoney(executed!)} ÷ 全年预算数${fmtMoney(budget!)} = ${fmtPct(rate)}；得分 = ${describeExecution(scheme, weight, rate)} = ${formatScore(score!, scheme.decimals)}`;
    if (printedRate && !ratEq(roundScore(rate, 2), roundScore(printedRate, 2)) && !ratEq(roundScore(rate, printedRateDecimals(line)), printedRate))
      reason += `；印刷执行率${formatExactish(printedRate)}%与重算不符`;
    if (ratEq(budget!, executed!) && line.initialBudget && ratCmp(figureRat(line.initialBudget) ?? budget!, budget!) > 0)
      reason += `；全年预算数等于执行数且低于年初预算数${fmtMoney(figureRat(line.initialBudget)!)}（可能按执行数倒填）`;
  }
  return { source: 'table', budget, executed, rate, printedRate, weight, printedScore, score, balance, printedBalance: figureRat(line.balance), reason };
}

function printedRateDecimals(line: FundLine): number {
  return line.rate?.decimals ?? 2;
}

function describeExecution(scheme: ScoringScheme, weight: Rational, rate: Rational): string {
  const w = formatExactish(weight);
  const capped = ratCmp(rate, HUNDRED) > 0;
  if (scheme.execution.mode === 'steps') return `分档计分（${scheme.execution.steps.map((s) => `≥${s.min}%得${s.share}%`).join('，')}${scheme.execution.belowProportional ? '，以下按比例' : ''}，分值${w}）`;
  return capped ? `${w} × 100%（执行率超过100%按100%计）` : `${w} × ${fmtPct(rate)}`;
}

/**
 * The execution line with the budget and rate the text states (`预算下达42万元，实际执行29.099万元，
 * 预算执行率为69%`), when they differ from the table's: the rate is the table's execution over the
 * stated budget (the stated execution when the table has none), else the stated rate.
 */
export function scoreStatedExecution(e: Evaluation, scheme: ScoringScheme, table?: ExecutionLine): ExecutionLine | undefined {
  const statedBudget = statedMoney(e, 'budget');
  const statedExecuted = statedMoney(e, 'executed');
  const statedRate = figureRat(e.statements.find((s) => s.measure === 'rate')?.value);
  if (!statedBudget && !statedRate && !statedExecuted) return undefined;
  const budget = statedBudget ?? table?.budget;
  const executed = table?.executed ?? statedExecuted;
  let rate = statedBudget ? executionRate(executed, statedBudget) : undefined;
  if (!rate) rate = statedRate;
  if (!rate) return undefined;
  if (table?.rate) {
    const sameBudget = !statedBudget || !table.budget || ratEq(statedBudget, table.budget);
    const sameRate = !statedRate || ratEq(roundScore(table.rate, statedDecimals(e)), statedRate);
    if (sameBudget && sameRate) return undefined;
  }
  const weight = table?.weight ?? ratOfDecimal(scheme.execution.weight);
  const score = executionScore(rate, scheme, weight);
  const parts: string[] = [];
  if (statedBudget) parts.push(`文字所述预算${fmtMoney(statedBudget)}万元`);
  if (statedExecuted) parts.push(`执行${fmtMoney(statedExecuted)}万元`);
  if (statedRate) parts.push(`执行率${formatExactish(statedRate)}%`);
  const how = statedBudget && executed ? `执行率 = ${fmtMoney(executed)} ÷ ${fmtMoney(statedBudget)} = ${fmtPct(rate)}` : `执行率按文字所述${fmtPct(rate)}`;
  return {
    source: 'statement',
    budget,
    executed,
    rate,
    statedRate,
    weight,
    score,
    balance: budget && executed ? ratSub(budget, executed) : undefined,
    reason: `${parts.join('，')}：${how}；得分 = ${describeExecution(scheme, weight, rate)} = ${formatScore(score, scheme.decimals)}`,
  };
}

function statedDecimals(e: Evaluation): number {
  return e.statements.find((s) => s.measure === 'rate')?.value.decimals ?? 2;
}

// ---------------------------------------------------------------------------------------------
// Indicators (P-R9, P-R10)
// ---------------------------------------------------------------------------------------------

export interface IndicatorScore {
  indicator: Indicator;
  /** The scheme's 一级 group the row counts in (成本指标 → 产出指标). */
  group: string;
  target: IndicatorValue;
  actual: IndicatorValue;
  weight?: Rational;
  printed?: Rational;
  /** Undefined when the data do not allow a recomputation (no target, no 分值, an unreadable completion). */
  recomputed?: ScoreRange;
  met?: boolean;
  reverse: boolean;
  /** The printed score lies in the recomputed range (undefined when either is missing). */
  consistent?: boolean;
  /** 得分 > 分值. */
  overWeight: boolean;
  reason: string;
}

/** The scheme's 一级 group of a printed 一级 name. */
export function level1Group(level1: string, scheme: ScoringScheme = NATIONAL): string {
  const name = level1.replace(/\s+/g, '').replace(/[（(].*$/, '');
  for (const l of scheme.level1) {
    const stem = l.name.replace(/指标$/, '');
    if (name.includes(stem)) return l.name;
  }
  for (const l of scheme.level1) for (const inc of l.includes ?? []) if (name.includes(inc.replace(/指标$/, ''))) return l.name;
  return level1 || '其他';
}

function tierRange(scheme: ScoringScheme, tier: 'achieved' | 'partial' | 'unmet', weight: Rational): ScoreRange {
  const t = scheme.qualitative.find((q) => q.tier === tier)!;
  return { lo: ratDiv(ratMul(weight, ratOfDecimal(t.lo)), HUNDRED), hi: ratDiv(ratMul(weight, ratOfDecimal(t.hi)), HUNDRED) };
}

const TIER_WORD = { achieved: '达成', early: '提前达成', partial: '部分达成', unmet: '未达成' } as const;

function tierText(scheme: ScoringScheme, tier: 'achieved' | 'partial' | 'unmet'): string {
  const t = scheme.qualitative.find((q) => q.tier === tier)!;
  return `${t.lo}%–${t.hi}%`;
}

/** Recompute one indicator's score. */
export function scoreIndicator(ind: Indicator, scheme: ScoringScheme = NATIONAL): IndicatorScore {
  const target = parseIndicatorValue(ind.target ?? ind.initialTarget);
  const actual = parseIndicatorValue(ind.actual, target.kind === 'number' ? { unit: target.unit } : undefined);
  const weight = figureRat(ind.weight);
  const printed = figureRat(ind.score);
  const reverse = target.kind === 'number' && (target.op === '<=' || target.op === '<');
  const base = { indicator: ind, group: level1Group(ind.level1, scheme), target, actual, weight, printed, reverse, overWeight: !!(weight && printed && ratCmp(printed, weight) > 0) };
  const done = (recomputed: ScoreRange | undefined, reason: string, met?: boolean): IndicatorScore => ({
    ...base,
    recomputed,
    met,
    // A score is printed rounded (9.47 for 10 × 90/95 = 9.4737): judged at its own printed decimals.
    consistent: recomputed && printed ? inRange(printed, { lo: roundScore(recomputed.lo, ind.score!.decimals), hi: roundScore(recomputed.hi, ind.score!.decimals) }) : undefined,
    reason: base.overWeight ? `${reason}；得分超过分值` : reason,
  });
  if (!weight) return done(undefined, '未印分值，无法重算');
  const full = formatExactish(weight);
  if (target.kind === 'missing') return done(undefined, '指标值未填报，无法按目标重算');

  if (target.kind === 'number') {
    if (actual.kind === 'number') {
      const t = baseUnit(target.unit);
      const a = baseUnit(actual.unit);
      if (t.base !== a.base && t.base !== '' && a.base !== '') return done(undefined, `完成值单位“${actual.unit}”与指标值单位“${target.unit}”不同，无法比较`);
      const tv = ratMul(target.value, t.scale);
      const av = ratMul(actual.value, a.scale);
      const met = reverse ? ratCmp(av, tv) <= 0 : ratCmp(av, tv) >= 0;
      if (met) {
        let reason = `${reverse ? '反向指标，完成值不高于指标值' : '完成值达到指标值'}，得满分${full}`;
        if (!reverse && tv.num > 0n && ratCmp(ratDiv(av, tv), rat(3n, 2n)) >= 0) reason += `（完成值为指标值的${fmtPct(ratMul(ratDiv(av, tv), HUNDRED))}，指标值可能偏低）`;
        return done(exact(weight), reason, true);
      }
      // Unmet: 分值 × 完成值/指标值 (reverse: 指标值/完成值).
      if (!reverse && tv.num === 0n) return done(exact(weight), '指标值为0，视为达成', true);
      const share = reverse ? ratDiv(tv, av) : ratDiv(av, tv);
      const score = ratMul(weight, share);
      const formula = reverse ? `${full} × 指标值/完成值` : `${full} × 完成值/指标值`;
      return done(exact(score), `未达到指标值（完成${fmtPct(ratMul(share, HUNDRED))}），得分 = ${formula} = ${formatExactish(score, 4)}`, false);
    }
    if (actual.kind === 'achievement') {
      if (actual.tier === 'achieved' || actual.tier === 'early') return done(exact(weight), `完成情况为“${actual.text}”，视为达到指标值，得满分${full}`, true);
      const r = tierRange(scheme, actual.tier, weight);
      return done(r, `完成情况为“${actual.text}”（${TIER_WORD[actual.tier]}），按${tierText(scheme, actual.tier)}计`, false);
    }
    return done(undefined, '完成值无法读取，无法重算');
  }

  // A qualitative target (及时, 每月, 保障, a deadline): the achievement word sets the tier.
  // A completion sentence may carry numbers and the word (`已完成，通过开展…`): the word sets the tier.
  const tier = actual.kind === 'achievement' ? actual.tier : actual.kind === 'number' || actual.kind === 'word' ? achievementOf(actual.text) : undefined;
  if (!tier) {
    if (actual.kind === 'word' && actual.text && actual.text === target.text) return done(tierRange(scheme, 'achieved', weight), `完成值与指标值相同（${actual.text}），按达成${tierText(scheme, 'achieved')}计`, true);
    return done(undefined, actual.kind === 'missing' ? '未填完成值，无法重算' : `定性指标，完成情况“${actual.text}”未说明是否达成`);
  }
  const t = tier === 'early' ? 'achieved' : tier;
  const r = tierRange(scheme, t, weight);
  let reason = `定性指标，完成情况“${actual.text}”（${TIER_WORD[tier]}），按${tierText(scheme, t)}计：${formatRange(r, 2)}`;
  if (printed && !inRange(printed, r)) reason += `；印刷得分${formatExactish(printed)}不在此区间`;
  return done(r, reason, t === 'achieved');
}

// ---------------------------------------------------------------------------------------------
// The whole evaluation (P-R6, P-R7, P-R8)
// ---------------------------------------------------------------------------------------------

export interface Level1Sum {
  group: string;
  /** The scheme's weight for the group. */
  weight: Rational;
  /** Σ of the printed 分值 of its rows. */
  printedWeight: Rational;
  printedScore: Rational;
}

export interface TotalScore {
  /** Execution score (as the line says) + Σ printed indicator scores. */
  value: Rational;
  grade: Grade;
}

export interface EvaluationScore {
  id: string;
  name: string;
  kind: Evaluation['kind'];
  form: Evaluation['form'];
  scheme: ScoringScheme;
  printedTotal?: Rational;
  printedGrade?: string;
  /** The printed grade word normalised (优秀 → 优). */
  printedGradeNormal?: Grade;
  /** The band of the printed total (P-R8 as printed). */
  gradeOfPrinted?: Grade;
  /** Scores and grades stated in words, each with the band of its score. */
  stated: { score?: Rational; grade?: string; gradeNormal?: Grade; band?: Grade; text: string }[];
  execution?: ExecutionLine;
  /** The execution line on the budget/rate the text states, when it differs. */
  alternative?: ExecutionLine;
  indicators: IndicatorScore[];
  level1: Level1Sum[];
  /** Σ printed indicator scores and Σ printed 分值 (indicators only). */
  indicatorPrinted?: Rational;
  indicatorWeights?: Rational;
  /** Printed execution score + Σ printed indicator scores: the printed total should equal it (P-R7). */
  printedSum?: Rational;
  /** Recomputed execution score + Σ printed indicator scores. */
  total?: TotalScore;
  /** The same with the execution line on the text's budget/rate. */
  totalAlternative?: TotalScore;
  /** Recomputed execution + Σ recomputed indicator scores (printed where not recomputable): an interval. */
  byIndicators?: { range: ScoreRange; grades: Grade[] };
  department?: DepartmentScore;
  notes: string[];
}

function sum(xs: Rational[]): Rational {
  return xs.reduce(ratAdd, ZERO);
}

/** The scheme an evaluation follows: the `--scheme` override, the evaluation's own, or by kind. */
export function schemeFor(e: Evaluation, override?: string | ScoringScheme): ScoringScheme {
  if (typeof override === 'object') return override;
  if (override) {
    const s = getScheme(override);
    if (s) return s;
  }
  if (e.kind === 'department' && e.scheme) return getScheme(e.scheme) ?? GUANGZHOU_DEPARTMENT;
  if (e.kind === 'department' && e.dimensions.some((d) => /管理效率|履职效能/.test(d.name))) return GUANGZHOU_DEPARTMENT;
  return NATIONAL;
}

function gradesIn(range: ScoreRange, scheme: ScoringScheme): Grade[] {
  const lo = gradeOf(range.lo, scheme);
  const hi = gradeOf(range.hi, scheme);
  const order = scheme.bands.map((b) => b.grade);
  return order.slice(order.indexOf(hi), order.indexOf(lo) + 1);
}

/** Score one evaluation under a scheme (by default the one `schemeFor` picks). */
export function scoreEvaluation(e: Evaluation, scheme?: ScoringScheme | string): EvaluationScore {
  const s = schemeFor(e, scheme);
  const printedTotal = figureRat(e.total);
  const result: EvaluationScore = {
    id: e.id,
    name: e.name,
    kind: e.kind,
    form: e.form,
    scheme: s,
    printedTotal,
    printedGrade: e.grade,
    printedGradeNormal: normaliseGrade(e.grade, s),
    gradeOfPrinted: printedTotal ? gradeOf(printedTotal, s) : undefined,
    stated: e.stated.map((st) => {
      const score = figureRat(st.score);
      return { score, grade: st.grade, gradeNormal: normaliseGrade(st.grade, s), band: score ? gradeOf(score, s) : undefined, text: st.text };
    }),
    indicators: [],
    level1: [],
    notes: [],
  };
  if (e.kind === 'department' && s.kind === 'department') {
    result.department = scoreDepartment(e, s);
    const v = result.department.value;
    if (v) result.total = { value: v, grade: gradeOf(v, s) };
    if (result.department.total && !isExact(result.department.total)) result.byIndicators = { range: result.department.total, grades: gradesIn(result.department.total, s) };
    return result;
  }

  result.execution = scoreExecution(e, s);
  result.alternative = scoreStatedExecution(e, s, result.execution);
  result.indicators = e.indicators.map((ind) => scoreIndicator(ind, s));

  const scored = result.indicators.filter((i) => i.weight);
  if (scored.length > 0) {
    for (const l of s.level1) {
      const rows = scored.filter((i) => i.group === l.name);
      result.level1.push({ group: l.name, weight: ratOfDecimal(l.weight), printedWeight: sum(rows.map((i) => i.weight!)), printedScore: sum(rows.map((i) => i.printed ?? ZERO)) });
    }
    const others = [...new Set(scored.map((i) => i.group).filter((g) => !s.level1.some((l) => l.name === g)))];
    for (const g of others) {
      const rows = scored.filter((i) => i.group === g);
      result.level1.push({ group: g, weight: ZERO, printedWeight: sum(rows.map((i) => i.weight!)), printedScore: sum(rows.map((i) => i.printed ?? ZERO)) });
    }
    result.indicatorWeights = sum(scored.map((i) => i.weight!));
  }
  const withPrinted = result.indicators.filter((i) => i.printed);
  if (withPrinted.length > 0) {
    const indicatorPrinted = sum(withPrinted.map((i) => i.printed!));
    result.indicatorPrinted = indicatorPrinted;
    const ex = result.execution;
    if (ex?.printedScore) result.printedSum = ratAdd(ex.printedScore, indicatorPrinted);
    if (ex?.score) {
      const value = ratAdd(ex.score, indicatorPrinted);
      result.total = { value, grade: gradeOf(value, s) };
    }
    if (result.alternative?.score) {
      const value = ratAdd(result.alternative.score, indicatorPrinted);
      result.totalAlternative = { value, grade: gradeOf(value, s) };
    }
    const base = ex?.score ?? ex?.printedScore;
    if (base) {
      const range = result.indicators.reduce<ScoreRange>((acc, i) => rangeAdd(acc, i.recomputed ?? exact(i.printed ?? ZERO)), exact(base));
      result.byIndicators = { range, grades: gradesIn(range, s) };
    }
  }
  if (result.printedSum && printedTotal && !ratEq(roundScore(result.printedSum, s.decimals), printedTotal))
    result.notes.push(`总分${formatExactish(printedTotal)}不等于执行率得分与各指标得分之和${formatExactish(result.printedSum)}`);
  for (const l of result.level1)
    if (l.weight.num > 0n && !ratEq(l.weight, l.printedWeight)) result.notes.push(`${l.group}分值合计${formatExactish(l.printedWeight)}，与通行权重${formatExactish(l.weight)}不同`);
  return result;
}

export function isProject(e: Evaluation): e is ProjectEvaluation {
  return e.kind === 'project';
}
