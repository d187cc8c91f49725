import type { Fact } from '../../../model/report.js';
import { priorOf, ratCmp, ratOfAmount, ratSub, rat } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { factView, isMoneyAmount, isStatedPercent, pairCompletion, pairRate, printQuantity, quantityOfFact, sentenceGap, subjectLabel, type FactView } from './percent-pairs.js';
import { amountOf, factLocation } from './shared.js';

const BASIS_WORD: Record<string, string> = { prior: '上年', budget: '年初预算', adjusted_budget: '预算' };

/**
 * N-R4: direction words and zero bases (rules.md §2.4).
 * - A percentage of a zero base cannot be computed: a rate whose prior (current − change) is 0 or a
 *   completion whose budget is 0 must read `--`, 不可比 or 基数为0 (003: 全年预算0万元，支出决算0万元，
 *   完成全年预算的0%, and the four 三公 items under that zero budget). Conversely `--`/不可比 where the
 *   base is not 0 withholds a computable percentage (warning).
 * - The words of one statement agree: 增加/增长 with a rate 增长, 减少/下降 with 下降; 持平 with no
 *   non-zero change or rate; and, where the narrative states the prior-year or budget amount itself,
 *   the word follows the sign of current − base. `增加0万元` with a zero base (000, 001: 比上年决算数
 *   增加0万元，增长--（基数为0，不可比）) is the template's wording and passes.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R4',
    title: '情况说明增减方向用语与基数为零的表述正确',
    severity: 'error',
    category: 'accuracy',
    tables: ['09'],
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.4, §7 [SEED]',
    doc: '“增加/增长”须对应正的变动，“减少/下降”对应负的变动，“持平”对应零变动；上年数或预算数为0时不得列示百分比，应写“--”“不可比”或“基数为0”。',
    messages: {
      zero_rate:
        '情况说明称{{subject}}{{rateWord}}{{stated}}，但按本年{{current}}万元、{{changeWord}}{{change}}万元，{{basisWord}}数为0，基数为0时不能计算增减率，应写“--”或“不可比”',
      zero_completion: '情况说明称{{subject}}“完成{{basisWord}}的{{stated}}”，但{{budgetWhat}}为0万元，基数为0时不能计算完成率，应写“--”或“不可比”',
      comparable_rate: '情况说明称{{subject}}增减率“{{stated}}”（不可比），但{{basisWord}}数为{{prior}}万元，不为0，应列示增减率',
      comparable_completion: '情况说明称{{subject}}完成率“{{stated}}”（不可比），但预算数为{{budget}}万元，不为0，应列示完成率',
      conflict: '情况说明称{{subject}}{{changeWord}}{{change}}，又称{{rateWord}}{{rate}}，增减方向矛盾',
      flat: '情况说明称{{subject}}与{{basisWord}}持平，但同一处列示{{what}}{{value}}，不为0',
      sign: '情况说明称{{subject}}比{{basisWord}}{{changeWord}}，但所列本年{{current}}万元{{relation}}{{basisWord}}{{base}}万元',
    },
  },
  check(ctx) {
    const view = factView(ctx.report);
    for (const f of view.facts) {
      if (f.measure === 'rate') checkRate(view, f);
      else if (f.measure === 'completion') checkCompletionBase(view, f);
      else if (f.measure === 'change') checkChange(view, f);
    }

    function checkRate(view: FactView, rate: Fact) {
      const { change, current } = pairRate(view, rate);
      if (!change) return;
      const subject = subjectLabel(rate.subject) || rate.subject;
      const basisWord = BASIS_WORD[rate.basis] ?? '上年';
      // Direction words of the change and the rate.
      if (change.value !== null && isStatedPercent(rate) && change.direction !== 'flat' && rate.direction !== 'flat' && change.direction !== rate.direction) {
        const c = amountOf(change)!;
        const r = amountOf(rate)!;
        if (c.units !== 0 && r.units !== 0) {
          ctx.flag({
            messageId: 'conflict',
            location: factLocation(rate),
            expected: null,
            actual: rate.text,
            data: { subject, changeWord: word(change), change: `${change.text}`, rateWord: rateWord(rate), rate: rate.text },
          });
        }
      }
      if (!current || change.value === null) return;
      const cur = quantityOfFact(current)!;
      const chg = quantityOfFact(change)!;
      const signed = change.direction === 'decrease' ? { ...chg.amount, units: -chg.amount.units } : chg.amount;
      const prior = priorOf(cur.amount, signed);
      const data = { subject, basisWord, current: printQuantity(cur.amount), changeWord: word(change), change: printQuantity(chg.amount) };
      if (isStatedPercent(rate) && prior.units === 0) {
        ctx.flag({ messageId: 'zero_rate', location: factLocation(rate), expected: '--', actual: rate.text, data: { ...data, rateWord: rateWord(rate), stated: rate.text } });
      } else if (rate.notComparable && prior.units !== 0) {
        ctx.flag({
          messageId: 'comparable_rate',
          severity: 'warning',
          location: factLocation(rate),
          expected: null,
          actual: rate.text,
          data: { ...data, stated: rate.text, prior: printQuantity(prior) },
        });
      }
    }

    function checkCompletionBase(view: FactView, f: Fact) {
      if (!isStatedPercent(f) && !f.notComparable) return;
      const { actual, budget, budgetFrom } = pairCompletion(view, ctx, f, { parentZero: true });
      if (!actual || !budget) return;
      const subject = subjectLabel(actual.subject, actual.phrase) || subjectLabel(f.subject);
      const basisWord = f.basis === 'budget' ? '年初预算' : '全年预算';
      if (isStatedPercent(f) && budget.amount.units === 0) {
        const budgetWhat =
          budgetFrom === 'parent'
            ? `其所属的${subjectLabel(budget.fact!.subject) || budget.fact!.subject}预算`
            : budgetFrom === 'table'
              ? `预算数（${budget.source ?? ''}）`
              : `预算数`;
        ctx.flag({ messageId: 'zero_completion', location: factLocation(f), expected: '--', actual: f.text, data: { subject, basisWord, stated: f.text, budgetWhat } });
      } else if (f.notComparable && budget.amount.units !== 0) {
        ctx.flag({
          messageId: 'comparable_completion',
          severity: 'warning',
          location: factLocation(f),
          expected: null,
          actual: f.text,
          data: { subject, stated: f.text, budget: printQuantity(budget.amount) },
        });
      }
    }

    function checkChange(view: FactView, change: Fact) {
      const subject = subjectLabel(change.subject, change.phrase) || change.subject;
      if (subject === '') return;
      const basisWord = BASIS_WORD[change.basis] ?? '上年';
      if (change.direction === 'flat') {
        // 持平 next to a non-zero change or rate of the same subject and basis, in the same sentence.
        for (const g of sameSentence(view, change)) {
          if (g === change || g.subject !== change.subject || g.basis !== change.basis) continue;
          if ((g.measure === 'change' || g.measure === 'rate') && g.value !== null && (amountOf(g)?.units ?? 0) !== 0) {
            ctx.flag({
              messageId: 'flat',
              location: factLocation(change),
              expected: 0,
              actual: g.text,
              data: { subject, basisWord, what: g.measure === 'rate' ? `${rateWord(g)}` : `${word(g)}`, value: g.text },
            });
            return;
          }
        }
        return;
      }
      if (change.value === null) return;
      // The narrative states the base itself (上年决算数 X万元 / 年初预算 X万元): the word follows current − base.
      const base = nearby(view, change, (g) => g.measure === 'amount' && g.subject === change.subject && baseOf(g.basis) === baseOf(change.basis) && g.basis !== 'current' && isMoneyAmount(g));
      const current = nearby(view, change, (g) => g.measure === 'amount' && g.subject === change.subject && g.basis === 'current' && isMoneyAmount(g));
      if (!base || !current) return;
      const diff = ratSub(ratOfAmount(quantityOfFact(current)!.amount), ratOfAmount(quantityOfFact(base)!.amount));
      const sign = ratCmp(diff, rat(0n));
      if (sign === 0) return; // 增加0万元 on equal amounts: the template's wording
      if ((sign > 0 && change.direction === 'decrease') || (sign < 0 && change.direction === 'increase')) {
        ctx.flag({
          messageId: 'sign',
          location: factLocation(change),
          expected: sign > 0 ? '增加' : '减少',
          actual: word(change),
          data: {
            subject,
            basisWord,
            changeWord: word(change),
            current: printQuantity(quantityOfFact(current)!.amount),
            relation: sign > 0 ? '高于' : '低于',
            base: printQuantity(quantityOfFact(base)!.amount),
          },
        });
      }
    }
  },
};

function word(f: Fact): string {
  return f.direction === 'decrease' ? '减少' : f.direction === 'flat' ? '持平' : '增加';
}

function rateWord(f: Fact): string {
  return f.direction === 'decrease' ? '下降' : '增长';
}

function baseOf(basis: string): string {
  return basis === 'adjusted_budget' ? 'budget' : basis;
}

function sameSentence(view: FactView, f: Fact): Fact[] {
  const i = view.at.get(f)!;
  const out: Fact[] = [];
  for (let j = i - 1; j >= 0 && sentenceGap(view, view.facts[j]!, f) === 0; j--) out.push(view.facts[j]!);
  for (let j = i + 1; j < view.facts.length && sentenceGap(view, f, view.facts[j]!) === 0; j++) out.push(view.facts[j]!);
  return out;
}

/** The nearest fact matching `test` in the change's sentence or the one before. */
function nearby(view: FactView, change: Fact, test: (g: Fact) => boolean): Fact | undefined {
  const i = view.at.get(change)!;
  for (let j = i - 1; j >= 0 && sentenceGap(view, view.facts[j]!, change) <= 1; j--) if (test(view.facts[j]!)) return view.facts[j];
  for (let j = i + 1; j < view.facts.length && sentenceGap(view, change, view.facts[j]!) === 0; j++) if (test(view.facts[j]!)) return view.facts[j];
  return undefined;
}
