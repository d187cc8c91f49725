/**
 * Scores as JSON: the one shape `juesuan score --format json` prints and `GET /api/reports/:id/scores`
 * answers with. Exact rationals become plain JSON numbers for transport only; the totals also come as
 * text at the scheme's decimals (`86.93`), which is what a reader compares with the printed total.
 * The types carry no imports so the web app can use them as they are.
 */
import type { Report } from '../../model/report.js';
import { ratToNumber, type Rational } from '../narrative/interval.js';
import { formatScore, scoreEvaluation, type EvaluationScore, type ExecutionLine, type ScoreRange } from './engine.js';
import { SCHEMES, getScheme } from './schemes.js';
import type { EvaluationScoreJson, ExecutionLineJson, RangeJson } from './json-types.js';

export type * from './json-types.js';

/** Every evaluation of a report scored (the scheme given, else each evaluation's own). */
export function scoreReport(report: Report, scheme?: string): EvaluationScore[] {
  return (report.evaluations ?? []).map((e) => scoreEvaluation(e, scheme));
}

/** The scheme ids, and a Chinese message for one that is not among them (undefined when known or absent). */
export const SCHEME_IDS: readonly string[] = SCHEMES.map((s) => s.id);
export function unknownSchemeMessage(id: string | undefined): string | undefined {
  if (id === undefined || getScheme(id)) return undefined;
  return `不支持的评分方案“${id}”（可选 ${SCHEME_IDS.join('、')}）`;
}

const num = (r: Rational | undefined): number | null => (r ? ratToNumber(r) : null);
const rangeJson = (r: ScoreRange | undefined): RangeJson | null => (r ? { lo: ratToNumber(r.lo), hi: ratToNumber(r.hi) } : null);
const execJson = (x: ExecutionLine | undefined): ExecutionLineJson | null =>
  x
    ? {
        source: x.source,
        budget: num(x.budget),
        executed: num(x.executed),
        rate: num(x.rate),
        printed_rate: num(x.printedRate),
        stated_rate: num(x.statedRate),
        weight: num(x.weight),
        score: num(x.score),
        printed_score: num(x.printedScore),
        balance: num(x.balance),
        printed_balance: num(x.printedBalance),
        reason: x.reason,
      }
    : null;

/** One evaluation's score as JSON. */
export function scoreToJson(s: EvaluationScore): EvaluationScoreJson {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    form: s.form,
    scheme: s.scheme.id,
    printed: { total: num(s.printedTotal), grade: s.printedGrade ?? null, grade_normalised: s.printedGradeNormal ?? null, grade_of_total: s.gradeOfPrinted ?? null },
    stated: s.stated.map((st) => ({ score: num(st.score), grade: st.grade ?? null, band: st.band ?? null, text: st.text })),
    recomputed: s.total ? { total: ratToNumber(s.total.value), total_text: formatScore(s.total.value, s.scheme.decimals), grade: s.total.grade } : null,
    recomputed_stated: s.totalAlternative ? { total: ratToNumber(s.totalAlternative.value), total_text: formatScore(s.totalAlternative.value, s.scheme.decimals), grade: s.totalAlternative.grade } : null,
    by_indicators: s.byIndicators ? { ...rangeJson(s.byIndicators.range)!, grades: s.byIndicators.grades } : null,
    execution: execJson(s.execution),
    execution_stated: execJson(s.alternative),
    indicators: s.indicators.map((i) => ({
      level1: i.indicator.level1,
      level2: i.indicator.level2,
      name: i.indicator.name,
      group: i.group,
      target: i.indicator.target ?? i.indicator.initialTarget ?? null,
      actual: i.indicator.actual ?? null,
      weight: num(i.weight),
      printed: num(i.printed),
      recomputed: rangeJson(i.recomputed),
      met: i.met ?? null,
      reverse: i.reverse,
      consistent: i.consistent ?? null,
      reason: i.reason,
    })),
    department: s.department
      ? {
          total: num(s.department.value),
          dimensions: s.department.dimensions.map((d) => ({
            name: d.name,
            weight: num(d.weight),
            printed: num(d.printed),
            recomputed: num(d.value),
            range: rangeJson(d.range),
            reason: d.reason,
            items: d.items.map((i) => ({ name: i.name, weight: num(i.weight), printed: num(i.printed), recomputed: num(i.value), range: rangeJson(i.range), consistent: i.consistent ?? null, reason: i.reason })),
          })),
        }
      : null,
    notes: s.notes,
  };
}

export const scoresToJsonData = (scores: readonly EvaluationScore[]): EvaluationScoreJson[] => scores.map(scoreToJson);
