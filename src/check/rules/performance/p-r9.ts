import { halfUnitAt, ratAdd, ratCmp, ratMul, ratSub, type Rational } from '../../narrative/interval.js';
import { baseUnit, scoreDepartment, scoreIndicator, type IndicatorValue } from '../../performance/index.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, figureAmount, figureRat, label, locate, num, schemeFor, show } from './shared.js';

/** Target and completion of a quantitative indicator in one unit, and whether it was met; undefined when not comparable. */
function comparison(target: IndicatorValue, actual: IndicatorValue): { target: Rational; actual: Rational; met: boolean } | undefined {
  if (target.kind !== 'number' || actual.kind !== 'number') return undefined;
  const t = baseUnit(target.unit);
  const a = baseUnit(actual.unit);
  if (t.base !== a.base && t.base !== '' && a.base !== '') return undefined;
  const tv = ratMul(target.value, t.scale);
  const av = ratMul(actual.value, a.scale);
  const reverse = target.op === '<=' || target.op === '<';
  return { target: tv, actual: av, met: reverse ? ratCmp(av, tv) <= 0 : ratCmp(av, tv) >= 0 };
}

/**
 * P-R9: a quantitative indicator that missed its target scores at most 分值 × 完成值/目标值 (reverse
 * indicators: 目标值/完成值), not full marks (财预〔2020〕10号; scoring by src/check/performance). In a
 * project table the indicator's own 得分 is judged; in a department self-evaluation the indicators carry
 * no score of their own, so an unmet one is reported when the item that rates the department's own
 * indicators (部门整体绩效完成 …) got full marks. A warning: the evaluator may have reasons not shown.
 */
export const rule: Rule = {
  meta: {
    id: 'P-R9',
    title: '未完成的定量指标不得满分',
    severity: 'warning',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.5, §5.1, §5.3 [SRC 3, 4, 8; SEED]',
    doc: '定量指标达到目标值得满分；未达到的按 分值 × 实际完成值 ÷ 目标值 计分（反向指标：目标值 ÷ 实际完成值）。部门整体自评中有未完成的定量指标时，“部门整体绩效完成”项不应得满分。',
    messages: {
      score: '{{where}}指标“{{name}}”目标{{target}}、实际完成{{actual}}，未达到目标值，得分最多应为{{expected}}分，表中为{{score}}分。请核对得分或说明理由',
      department: '{{where}}指标“{{name}}”目标{{target}}、实际完成{{actual}}，未达到目标值，但“{{item}}”得满分{{score}}分。未完成的指标应按完成比例扣分，请核对',
    },
  },
  check(ctx) {
    for (const e of evaluationsOf(ctx)) {
      const scheme = schemeFor(e);
      // The item rating the department's own indicators, when it got full marks (its 分值 from the scheme when not printed).
      const model = e.kind === 'department' && scheme.kind === 'department' ? scoreDepartment(e, scheme) : undefined;
      const full =
        e.kind === 'department'
          ? e.dimensions
              .flatMap((d, k) => d.items.map((it, j) => ({ it, weight: figureRat(it.weight) ?? model?.dimensions[k]?.items[j]?.weight })))
              .find(({ it, weight }) => /绩效/.test(it.name) && !/专项/.test(it.name) && it.score && weight && ratCmp(figureRat(it.score)!, weight) === 0)?.it
          : undefined;
      for (const i of e.indicators) {
        const group = i.table; // Indicator.table (K), when set
        if (e.kind === 'department' && group && /专项/.test(group)) continue;
        const s = scoreIndicator(i, scheme);
        const c = comparison(s.target, s.actual);
        if (s.target.kind !== 'number' || s.actual.kind !== 'number' || !c || c.met) continue;
        const data = { where: label(e), name: i.name, target: `${s.target.op === '≈' ? '约' : ''}${show(s.target.value)}${s.target.unit}`, actual: `${show(s.actual.value)}${s.actual.unit}` };
        const score = figureRat(i.score);
        if (s.weight && score && s.recomputed) {
          const printed = figureAmount(i.score)!;
          if (ratCmp(score, ratAdd(s.recomputed.hi, halfUnitAt(printed.scale))) <= 0) continue;
          ctx.flag({ messageId: 'score', location: locate(e, i.place), expected: num(s.recomputed.hi, 2), actual: num(score, 2), difference: num(ratSub(score, s.recomputed.hi), 2), data: { ...data, expected: show(s.recomputed.hi, 2), score: show(score) } });
        } else if (!score && full) {
          ctx.flag({ messageId: 'department', location: locate(e, i.place), expected: num(c.target, 2), actual: num(c.actual, 2), difference: num(ratSub(c.actual, c.target), 2), data: { ...data, item: full.name, score: show(figureRat(full.score)!) } });
        }
      }
    }
  },
};
