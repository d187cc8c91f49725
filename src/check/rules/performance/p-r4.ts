import { halfUnitAt, ratAbs, ratCmp, ratSub } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, executionRate, executionScore, figureAmount, figureRat, label, locate, num, show } from './shared.js';

/**
 * P-R4: the 执行率 score of a funds line is 分值 (10 when not printed) × min(执行率, 100%) — the national
 * proportional default (rules.md §5.1). The rate is recomputed from the line's amounts when they are
 * printed, else the printed rate is used; a score equal to either, at the score's printed decimals, passes.
 */
export const rule: Rule = {
  meta: {
    id: 'P-R4',
    title: '预算执行率得分等于分值乘执行率',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.5, §5.1 [KNOW; SRC 8]',
    doc: '执行率得分 = 分值（默认10分）× min(执行率, 100%)（全国通行的按比例计分；按档计分的地方可在配置中关闭本规则）。',
    messages: {
      score: '{{where}}“{{source}}”执行率{{rate}}%，执行率得分应为{{weight}} × {{rate}}% = {{expected}}分，表中为{{actual}}分。请核对执行率得分',
    },
  },
  check(ctx) {
    for (const e of evaluationsOf(ctx)) {
      for (const line of e.funds) {
        const printed = figureAmount(line.score);
        if (!printed) continue;
        const weight = figureRat(line.weight) ?? { num: 10n, den: 1n };
        const budget = figureRat(line.annualBudget);
        const executed = figureRat(line.executed);
        const rates = [budget && executed ? executionRate(executed, budget) : undefined, figureRat(line.rate)].filter((r) => r !== undefined);
        if (rates.length === 0) continue;
        const actual = figureRat(line.score)!;
        const half = halfUnitAt(printed.scale);
        const expectedOf = rates.map((r) => executionScore(r, weight));
        if (expectedOf.some((x) => ratCmp(ratAbs(ratSub(actual, x)), half) <= 0)) continue;
        const expected = expectedOf[0]!;
        ctx.flag({
          messageId: 'score',
          location: locate(e, line.place),
          expected: num(expected, 2),
          actual: line.score!.value,
          difference: num(ratSub(actual, expected), 2),
          data: { where: label(e), source: line.source, rate: show(rates[0]!, 2), weight: show(weight), expected: show(expected, 2), actual: line.score!.text },
        });
      }
    }
  },
};
