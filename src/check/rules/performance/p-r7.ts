import { halfUnitAt, rat, ratAbs, ratAdd, ratCmp, ratSub } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, figureAmount, figureRat, label, locate, num, projects, show, totalLine, totalPlace } from './shared.js';

/**
 * P-R7: 总分 = 执行率得分 + Σ 指标得分, and no 得分 exceeds its 分值. The total is judged when every
 * indicator prints a 得分 and the execution score is printed (or the indicators alone carry 100 分值);
 * a difference within half a unit of the total's printed decimals is rounding (info).
 */
export const rule: Rule = {
  meta: {
    id: 'P-R7',
    title: '总分等于各项得分之和，得分不超过分值',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.5, §5.1 [SEED]',
    doc: '总分 = 预算执行率得分 + Σ 绩效指标得分；每项得分 ≤ 分值。',
    messages: {
      total: '{{where}}总分填列为{{actual}}分，执行率得分{{execution}}分与{{count}}项指标得分{{indicators}}分之和为{{expected}}分。请核对总分',
      round: '{{where}}总分{{actual}}分与各项得分之和{{expected}}分相差{{difference}}分，属四舍五入差异',
      over: '{{where}}“{{name}}”得分{{score}}分，超过分值{{weight}}分。得分不能超过分值，请核对',
    },
  },
  check(ctx) {
    for (const e of projects(evaluationsOf(ctx))) {
      const line = totalLine(e);
      const items = [...e.indicators.map((i) => ({ name: i.name || i.level2, weight: i.weight, score: i.score, place: i.place })), ...(line?.score ? [{ name: '预算执行率', weight: line.weight ?? undefined, score: line.score, place: line.place }] : [])];
      for (const it of items) {
        const w = it.name === '预算执行率' ? (figureRat(it.weight) ?? rat(10n)) : figureRat(it.weight);
        const s = figureRat(it.score);
        if (!w || !s || ratCmp(s, w) <= 0) continue;
        ctx.flag({ messageId: 'over', location: locate(e, it.place), expected: num(w, 2), actual: num(s, 2), difference: num(ratSub(s, w), 2), data: { where: label(e), name: it.name, score: show(s), weight: show(w) } });
      }
      const total = figureAmount(e.total);
      if (!total || e.indicators.length === 0 || e.indicators.some((i) => figureRat(i.score) === undefined)) continue;
      const indicators = e.indicators.reduce((s, i) => ratAdd(s, figureRat(i.score)!), rat(0n));
      const execution = figureRat(line?.score);
      const weights = e.indicators.reduce((s, i) => ratAdd(s, figureRat(i.weight) ?? rat(0n)), rat(0n));
      if (!execution && ratCmp(weights, rat(100n)) !== 0) continue;
      const expected = execution ? ratAdd(execution, indicators) : indicators;
      const actual = figureRat(e.total)!;
      const diff = ratSub(actual, expected);
      if (diff.num === 0n) continue;
      const round = ratCmp(ratAbs(diff), halfUnitAt(total.scale)) <= 0;
      ctx.flag({
        messageId: round ? 'round' : 'total',
        status: round ? 'round' : 'fail',
        location: locate(e, totalPlace(e)),
        expected: num(expected),
        actual: num(actual),
        difference: num(diff),
        data: { where: label(e), actual: e.total!.text, execution: execution ? show(execution) : '0', count: e.indicators.length, indicators: show(indicators), expected: show(expected, 3), difference: show(ratAbs(diff), 3) },
      });
    }
  },
};
