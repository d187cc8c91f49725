import { checkRate, formatRational, priorOf, ratOfAmount } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { factView, intervalText, isStatedPercent, pairRate, printQuantity, quantityOfFact, subjectLabel } from './percent-pairs.js';
import { amountOf, flagPercent } from './shared.js';

const BASIS_WORD: Record<string, string> = { prior: '上年数', budget: '年初预算数', adjusted_budget: '预算数' };
const DIRECTION_WORD = { increase: '增加', decrease: '减少', flat: '持平' } as const;

/**
 * N-R3: a year-on-year (or against-budget) rate stated with its change and current amount:
 * rate = change / (current − change), checked against the interval of rules.md §3 (±0.005 on the
 * printed current and change, widened by half a unit of the stated precision). A rate inside the
 * interval but not the rounded point value is info (000 三公 `下降7.7%` for 7.61%). The direction
 * word is N-R4's business: the magnitude is compared. A zero base (prior = 0) is N-R4's too.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R3',
    title: '情况说明增减变动率与变动额相符',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'interval' },
    source: 'rules.md §2.4, §3 [SEED]',
    doc: '情况说明中的增减变动率按“变动额 ÷（本年数 − 变动额）”复算：本年数和变动额各按±0.005万元取值区间，再放宽所列百分比最后一位的半个单位；在区间内但不是四舍五入值的为尾数误差（提示）。',
    messages: {
      rate: '情况说明称{{subject}}{{changeWord}}{{change}}万元、{{rateWord}}{{stated}}；按本年{{current}}万元、{{basisWord}}{{prior}}万元计算应为{{point}}（按金额尾数误差可在{{interval}}之间），所列比率不符{{truncated}}',
      round: '情况说明称{{subject}}{{changeWord}}{{change}}万元、{{rateWord}}{{stated}}；按本年{{current}}万元、{{basisWord}}{{prior}}万元计算为{{point}}（按金额尾数误差可在{{interval}}之间），所列比率属尾数误差{{truncated}}',
    },
  },
  check(ctx) {
    const view = factView(ctx.report);
    for (const rate of view.facts) {
      if (rate.measure !== 'rate' || !isStatedPercent(rate)) continue;
      const { change, current } = pairRate(view, rate);
      if (!change || !current || change.value === null) continue;
      const cur = quantityOfFact(current);
      const chg = quantityOfFact(change);
      if (!cur || !chg) continue;
      const signed = change.direction === 'decrease' ? { ...chg.amount, units: -chg.amount.units } : chg.amount;
      const check = checkRate(amountOf(rate)!, cur.amount, signed);
      const prior = priorOf(cur.amount, signed);
      flagPercent(ctx, rate, check, {
        messageId: 'rate',
        roundMessageId: 'round',
        data: {
          subject: subjectLabel(rate.subject, change.phrase ?? current.phrase) || rate.subject,
          changeWord: DIRECTION_WORD[change.direction ?? 'increase'],
          change: printQuantity(chg.amount),
          rateWord: rate.direction === 'decrease' ? '下降' : '增长',
          current: printQuantity(cur.amount),
          basisWord: BASIS_WORD[rate.basis] ?? '上年数',
          prior: formatRational(ratOfAmount(prior), Math.min(prior.scale, 2)),
          interval: intervalText(check),
        },
      });
    }
  },
};
