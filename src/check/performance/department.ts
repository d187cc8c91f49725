/**
 * Department-level scoring models (部门整体支出绩效评价), first the Guangzhou one of seed 002
 * (rules.md §5.3, P-R12): 管理效率 50 + 履职效能 50, where 履职效能 = 预算执行 5 (5 × the mean of the
 * monthly 序时进度 checks, months 3–11 at or ahead of schedule counting 100%, and the annual rate)
 * + 部门整体绩效 20 + 专项资金支出 5 (5 × the stated 支出进度) + 专项资金绩效 20.
 *
 * Each item gets a `value` (the formula where there is one, else the printed score: what the total
 * is recomputed from) and a `range` (the same with the indicator items recomputed indicator by
 * indicator under P-R9/P-R10 with equal weights — an interval when qualitative indicators are involved).
 */
import type { DepartmentEvaluation, Dimension, DimensionItem, Indicator } from '../../model/evaluation.js';
import { rat, ratAdd, ratCmp, ratDiv, ratMul, ratSub, truncate, type Rational } from '../narrative/interval.js';
import { scoreIndicator, type IndicatorScore } from './engine.js';
import { exact, formatExactish, formatRange, inRange, isExact, rangeAdd, roundScore, type ScoreRange } from './range.js';
import type { DepartmentDimensionRule, DepartmentItemRule, ScoringScheme } from './schemes.js';
import { figureRat, ratMax, ratMin, ratOfDecimal } from './values.js';

const ZERO = rat(0n);
const HUNDRED = rat(100n);

export interface DepartmentItemScore {
  name: string;
  /** The scheme's item it was matched to. */
  rule?: DepartmentItemRule;
  weight?: Rational;
  printed?: Rational;
  value?: Rational;
  range?: ScoreRange;
  /** The printed score equals the value (rounded as printed) / lies in the range. */
  consistent?: boolean;
  indicators?: IndicatorScore[];
  /** What the document based the item's score on (DimensionItem.basis). */
  basis?: string;
  reason: string;
}

export interface DepartmentDimensionScore {
  name: string;
  weight?: Rational;
  printed?: Rational;
  value?: Rational;
  range?: ScoreRange;
  items: DepartmentItemScore[];
  reason: string;
}

export interface DepartmentScore {
  dimensions: DepartmentDimensionScore[];
  /** Σ dimension values (exact) — lo/hi as the indicator-recomputed range. */
  value?: Rational;
  total?: ScoreRange;
}

export interface BudgetExecutionMean {
  /** The checks, in percent (months at or ahead of schedule = 100, then the annual rate). */
  checks: Rational[];
  mean: Rational;
  score: Rational;
}

/** 分值 × mean(checks): the Guangzhou 预算执行 item ((9 × 100 + 99.83)/10 = 99.983% → 4.99915). */
export function budgetExecutionScore(checks: Rational[], weight: Rational): BudgetExecutionMean {
  const total = checks.reduce(ratAdd, ZERO);
  const mean = ratDiv(total, rat(BigInt(checks.length)));
  return { checks, mean, score: ratDiv(ratMul(weight, ratMin(mean, HUNDRED)), HUNDRED) };
}

const NUM = '(\\d+(?:\\.\\d+)?)';

/** The months a text says were at or ahead of the 序时进度 (`3-11 月均超过序时进度`). */
export function monthsAtSchedule(text: string): { from: number; to: number } | undefined {
  const m = new RegExp(`(\\d{1,2})\\s*[-－—–~～至到]\\s*(\\d{1,2})\\s*月[^。；;]{0,12}?(?:均|都|全部)?(?:超过|超|达到|快于|高于|不低于)序时进度`).exec(text);
  if (!m) return undefined;
  return { from: Number(m[1]), to: Number(m[2]) };
}

/** The annual execution rate a text states (`全年一般公共预算执行率为 99.83%`), not an average. */
export function annualRateIn(text: string): Rational | undefined {
  for (const m of text.matchAll(new RegExp(`([^，。；,;]{0,20}?)(?:执行率|支出进度|支出率)(?:为|达到|达|是)?\\s*${NUM}\\s*[%％]`, 'g'))) {
    if (/平均|加权/.test(m[1]!)) continue;
    return ratOfDecimal(m[2]!);
  }
  return undefined;
}

function averageRateIn(text: string): Rational | undefined {
  const m = new RegExp(`(?:平均|加权)[^，。；]{0,10}?(?:执行率|进度)(?:为|达到)?\\s*${NUM}\\s*[%％]`).exec(text);
  return m ? ratOfDecimal(m[1]!) : undefined;
}

function textsFor(e: DepartmentEvaluation, item: DimensionItem, rule: DepartmentItemRule): string {
  const re = new RegExp(rule.match);
  const analysis = e.analysis.filter((a) => re.test(a.heading)).map((a) => a.text);
  return [item.basis ?? '', ...analysis].join('\n');
}

function indicatorTable(i: Indicator): string {
  return i.table ?? '';
}

function indicatorsFor(e: DepartmentEvaluation, rule: DepartmentItemRule, rules: DepartmentItemRule[]): { list: Indicator[]; how: string } {
  const re = new RegExp(rule.indicators ?? '');
  if (e.indicators.some((i) => indicatorTable(i))) return { list: e.indicators.filter((i) => re.test(indicatorTable(i))), how: '按指标表归属' };
  // Without the table titles: every indicator goes to the first indicator item (the department's own targets).
  const first = rules.find((r) => r.method === 'indicators');
  return { list: first === rule ? e.indicators : [], how: '未能区分指标所属表格，全部计入首个指标项' };
}

function scoreItem(e: DepartmentEvaluation, item: DimensionItem, rule: DepartmentItemRule | undefined, rules: DepartmentItemRule[]): DepartmentItemScore {
  const weight = figureRat(item.weight) ?? (rule ? ratOfDecimal(rule.weight) : undefined);
  const printed = figureRat(item.score);
  const out: DepartmentItemScore = { name: item.name, rule, weight, printed, ...(item.basis ? { basis: item.basis } : {}), reason: '' };
  const printedValue = (why: string): DepartmentItemScore => {
    const v = printed ?? (weight && /满分/.test(item.basis ?? '') ? weight : undefined);
    return { ...out, value: v, range: v ? exact(v) : undefined, reason: v ? why : '未印得分' };
  };
  if (!rule || rule.method === 'printed') return printedValue('按印刷得分');
  if (!weight) return printedValue('未印分值，按印刷得分');
  const text = textsFor(e, item, rule);

  if (rule.method === 'budget-execution') {
    const annual = annualRateIn(text);
    const months = monthsAtSchedule(text);
    if (annual && months) {
      const checks = [...Array.from({ length: months.to - months.from + 1 }, () => HUNDRED), annual];
      const r = budgetExecutionScore(checks, weight);
      return finish(out, r.score, `${months.from}–${months.to}月达到序时进度按100%计，加全年执行率${formatExactish(annual)}%：平均执行率 = (${months.to - months.from + 1} × 100% + ${formatExactish(annual)}%) ÷ ${checks.length} = ${formatExactish(r.mean, 5)}%；得分 = ${formatExactish(weight)} × ${formatExactish(r.mean, 5)}% = ${formatExactish(r.score, 6)}`);
    }
    const avg = averageRateIn(text);
    const rate = avg ?? annual;
    if (rate) {
      const score = ratDiv(ratMul(weight, ratMin(rate, HUNDRED)), HUNDRED);
      return finish(out, score, `${avg ? '按文字所述平均执行率' : '未说明各月序时进度，按全年执行率'}${formatExactish(rate)}%：得分 = ${formatExactish(weight)} × ${formatExactish(rate)}% = ${formatExactish(score, 6)}`);
    }
    return printedValue('未找到执行率，按印刷得分');
  }

  if (rule.method === 'rate') {
    const rate = annualRateIn(text);
    if (!rate) return printedValue('未找到支出进度，按印刷得分');
    const score = ratDiv(ratMul(weight, ratMax(ZERO, ratMin(rate, HUNDRED))), HUNDRED);
    return finish(out, score, `得分 = ${formatExactish(weight)} × ${formatExactish(rate)}% = ${formatExactish(score, 6)}`);
  }

  // indicators: equal weights, each recomputed; the printed score enters the total, the recomputation the range.
  const { list, how } = indicatorsFor(e, rule, rules);
  if (list.length === 0) return printedValue('未读到所属指标，按印刷得分');
  const share = ratDiv(weight, rat(BigInt(list.length)));
  const ONE = { text: '1', value: 1, decimals: 0 };
  const scores = list.map((i) => scoreIndicator({ ...i, weight: ONE, score: undefined }, undefined));
  const range = scores.reduce<ScoreRange>((acc, s) => rangeAdd(acc, s.recomputed ?? exact(rat(1n))), exact(ZERO));
  const scaled = { lo: ratMul(range.lo, share), hi: ratMul(range.hi, share) };
  const unmet = scores.filter((s) => s.met === false);
  const value = printed ?? scaled.hi;
  let reason = `${list.length}个指标等权（每个${formatExactish(share, 4)}分，${how}），按指标重算${formatRange(scaled, 3)}`;
  if (unmet.length > 0) reason += `；未达成：${unmet.map((s) => `${s.indicator.name}（${s.reason}）`).join('；')}`;
  if (printed && !inRange(printed, scaled)) reason += `；印刷得分${formatExactish(printed)}不在重算区间内`;
  return { ...out, value, range: scaled, consistent: printed ? inRange(printed, scaled) : undefined, indicators: scores, reason };
}

function finish(out: DepartmentItemScore, score: Rational, reason: string): DepartmentItemScore {
  const printed = out.printed;
  // Printed with fewer decimals (4.999 for 4.99915 …): consistent when it is the value rounded or truncated.
  const consistent = printed ? agrees(printed, score) : undefined;
  return { ...out, value: score, range: exact(score), consistent, reason: consistent === false ? `${reason}；印刷得分${formatExactish(printed!)}不符` : reason };
}

function agrees(printed: Rational, value: Rational): boolean {
  const decimals = decimalsOf(printed);
  return ratCmp(roundScore(value, decimals), printed) === 0 || ratCmp(truncateScore(value, decimals), printed) === 0;
}

/** The decimals a printed rational needs (4.999 → 3). */
function decimalsOf(r: Rational): number {
  let d = 0;
  let den = r.den;
  while (den % 10n === 0n || den % 2n === 0n || den % 5n === 0n) {
    if (den === 1n) break;
    den = den % 10n === 0n ? den / 10n : den % 2n === 0n ? den / 2n : den / 5n;
    d++;
  }
  return Math.min(d, 12);
}

function truncateScore(r: Rational, decimals: number): Rational {
  const t = truncate(r, decimals);
  return rat(BigInt(t.units), 10n ** BigInt(t.scale));
}

function ruleFor(dimRule: DepartmentDimensionRule | undefined, item: DimensionItem): DepartmentItemRule | undefined {
  return dimRule?.items?.find((r) => new RegExp(r.match).test(item.name));
}

function scoreDimension(e: DepartmentEvaluation, d: Dimension, scheme: ScoringScheme): DepartmentDimensionScore {
  const dimRule = scheme.dimensions?.find((r) => new RegExp(r.match).test(d.name));
  const weight = figureRat(d.weight) ?? (dimRule ? ratOfDecimal(dimRule.weight) : undefined);
  const printed = figureRat(d.score);
  const items = d.items.map((i) => scoreItem(e, i, ruleFor(dimRule, i), dimRule?.items ?? []));
  const out: DepartmentDimensionScore = { name: d.name, weight, printed, items, reason: '' };
  const scored = items.filter((i) => i.value);
  if (scored.length === 0) return { ...out, value: printed, range: printed ? exact(printed) : undefined, reason: printed ? '未列明细，按印刷得分' : '未印得分' };
  const allWeighted = scored.every((i) => i.weight);
  const itemWeights = scored.reduce((a, i) => ratAdd(a, i.weight ?? ZERO), ZERO);
  // Only the items that lost points may be listed (管理效率: 合同签订时效 2/3, 合同备案 0/1): the dimension is its
  // weight less their deductions; when the items cover the weight, the same formula is their sum.
  if (weight && allWeighted && ratCmp(itemWeights, weight) <= 0) {
    const lo = scored.reduce((a, i) => ratSub(a, ratSub(i.weight!, i.range!.lo)), weight);
    const hi = scored.reduce((a, i) => ratSub(a, ratSub(i.weight!, i.range!.hi)), weight);
    const value = scored.reduce((a, i) => ratSub(a, ratSub(i.weight!, i.value!)), weight);
    const deductions = scored.filter((i) => ratCmp(i.value!, i.weight!) < 0).map((i) => `${i.name}扣${formatExactish(ratSub(i.weight!, i.value!), 5)}`);
    return { ...out, value, range: { lo, hi }, reason: `满分${formatExactish(weight)}${deductions.length ? '，' + deductions.join('，') : '，无扣分'} = ${formatExactish(value, 5)}` };
  }
  const value = scored.reduce((a, i) => ratAdd(a, i.value!), ZERO);
  const range = scored.reduce<ScoreRange>((a, i) => rangeAdd(a, i.range!), exact(ZERO));
  return { ...out, value, range, reason: `各项得分之和 = ${formatExactish(value, 5)}` };
}

export function scoreDepartment(e: DepartmentEvaluation, scheme: ScoringScheme): DepartmentScore {
  const dimensions = e.dimensions.map((d) => scoreDimension(e, d, scheme));
  if (dimensions.length === 0 || dimensions.some((d) => !d.value)) return { dimensions };
  const value = dimensions.reduce((a, d) => ratAdd(a, d.value!), ZERO);
  const total = dimensions.reduce<ScoreRange>((a, d) => rangeAdd(a, d.range!), exact(ZERO));
  return { dimensions, value, total: isExact(total) ? exact(value) : total };
}
