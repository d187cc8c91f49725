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
import { executionRate as scoreRate, executionScore as schemeScore, NATIONAL, type ScoringScheme } from '../../performance/index.js';
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

/**
 * Where the evaluation's total score is printed: its figure's span, on the line of the statement or
 * row it was read from (the figure's own span does not carry its line); the evaluation's place else.
 */
export function totalPlace(e: Evaluation): EvaluationPlace {
  const span = e.total?.span;
  if (!span) return e.place;
  const from = e.stated.find((s) => s.score === e.total || (s.score?.span && s.score.span.start === span.start));
  return { line: span.line ?? from?.place.line ?? e.place.line, span: { ...span, line: span.line ?? from?.place.line ?? e.place.line } };
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

export { gradeOf, normaliseGrade, schemeFor, type Grade } from '../../performance/index.js';

/** 执行率 in percent; undefined on a zero budget. */
export function executionRate(executed: Rational, budget: Rational): Rational | undefined {
  return scoreRate(executed, budget);
}

/** The execution score under the scheme (national default: 分值 × min(执行率, 100%), rules.md §5.1). */
export function executionScore(ratePercent: Rational, weight: Rational, scheme: ScoringScheme = NATIONAL): Rational {
  return schemeScore(ratePercent, scheme, weight);
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

