import type { EvaluationPlace } from '../../../model/evaluation.js';
import { ratCmp, ratSub, type Rational } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, executionRate, figureRat, HUNDRED, label, locate, num, show, statementsOf } from './shared.js';

/**
 * P-R2: an execution rate above 100% means the "budget" it was computed on is not the adjusted 全年预算数
 * (a 追加 not reflected). One warning per evaluation: the first rate above 100% — a printed rate of the
 * funds block, the rate recomputed from its amounts, or a rate its text states.
 */
export const rule: Rule = {
  meta: {
    id: 'P-R2',
    title: '预算执行率超过100%',
    severity: 'warning',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.5, §5.4 [SEED]',
    doc: '执行率 > 100% 说明所用“预算数”不是调整后的全年预算数（追加预算未计入），需核对或说明。',
    messages: {
      over: '{{where}}预算执行率为{{rate}}%，超过100%：执行数大于所用的预算数，所用预算数可能不是调整后的全年预算数（追加预算未计入）。请按调整后的全年预算数计算执行率，或说明原因',
    },
  },
  check(ctx) {
    for (const e of evaluationsOf(ctx)) {
      const candidates: { rate: Rational; place: EvaluationPlace }[] = [];
      for (const line of e.funds) {
        const printed = figureRat(line.rate);
        const budget = figureRat(line.annualBudget);
        const executed = figureRat(line.executed);
        const rate = printed ?? (budget && executed ? executionRate(executed, budget) : undefined);
        if (rate) candidates.push({ rate, place: line.place });
      }
      for (const s of statementsOf(e, 'rate')) candidates.push({ rate: figureRat(s.value)!, place: s.place });
      const over = candidates.find((c) => ratCmp(c.rate, HUNDRED) > 0);
      if (!over) continue;
      ctx.flag({
        messageId: 'over',
        location: locate(e, over.place),
        expected: 100,
        actual: num(over.rate, 2),
        difference: num(ratSub(over.rate, HUNDRED), 2),
        data: { where: label(e), rate: show(over.rate, 2) },
      });
    }
  },
};
