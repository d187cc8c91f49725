import type { Fact } from '../../../model/report.js';
import { checkCompletion } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { factView, intervalText, isStatedPercent, pairCompletion, printQuantity, quantityOfFact, subjectLabel } from './percent-pairs.js';
import { amountOf, flagPercent } from './shared.js';

/**
 * N-R6: a completion or execution rate (完成预算的 x%, 支出率 x%, 预算执行率 x%) = actual / budget,
 * with both amounts from its sentence (全年预算数 12,813.42万元，执行数 12,783.25万元，完成预算的 99.95%;
 * 完成全年预算 2.67万元的 100%; 92.4万元，已支出 91.5万元，结余 0.9万元，支出率 99.01%) or, for a 三公
 * item, the T09 预算 column. Checked by interval (rules.md §3); a truncated value (91.88% for 91.889%)
 * and a value inside the interval are info. A zero budget is N-R4's business. A rate whose actual or
 * budget the sentence does not give (完成年初预算的 100%) is not judged.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R6',
    title: '情况说明预算完成率（执行率）与金额相符',
    severity: 'error',
    category: 'accuracy',
    tables: ['09'],
    tolerance: { kind: 'interval' },
    source: 'rules.md §2.4, §3, §7 [SEED]',
    doc: '情况说明中的预算完成率、支出率、执行率按“执行数 ÷ 预算数”复算，两个金额取自同一句（或“三公”经费表的预算数栏），各按±0.005万元取值区间，再放宽所列百分比最后一位的半个单位；截尾或在区间内的为提示。',
    messages: {
      completion: '情况说明所列{{subject}}完成率（执行率）{{stated}}；按执行数{{actual}}万元 ÷ 预算数{{budget}}万元{{budgetSource}}计算应为{{point}}（按金额尾数误差可在{{interval}}之间），所列比率不符{{truncated}}',
      round: '情况说明所列{{subject}}完成率（执行率）{{stated}}；按执行数{{actual}}万元 ÷ 预算数{{budget}}万元{{budgetSource}}计算为{{point}}（按金额尾数误差可在{{interval}}之间），所列比率属尾数误差{{truncated}}',
    },
  },
  check(ctx) {
    const view = factView(ctx.report);
    for (const f of view.facts) {
      if (f.measure !== 'completion' || !isStatedPercent(f)) continue;
      const { actual, budget, budgetFrom } = pairCompletion(view, ctx, f);
      if (!actual || !budget) continue;
      const act = quantityOfFact(actual)!;
      const check = checkCompletion(amountOf(f)!, act.amount, budget.amount);
      flagPercent(ctx, f, check, {
        messageId: 'completion',
        roundMessageId: 'round',
        ...(budget.cell ? { cell: budget.cell } : {}),
        data: {
          subject: subjectLabel(actual.subject, actual.phrase) || subjectLabel(f.subject) || nameOf(budget.fact),
          actual: printQuantity(act.amount),
          budget: printQuantity(budget.amount),
          budgetSource: budgetFrom === 'table' && budget.source ? `（取自${budget.source}）` : '',
          interval: intervalText(check),
        },
      });
    }
  },
};

/** The name of the funds a budget amount is stated for (首届…技能大赛承办费92.4万元), when short enough for a message. */
function nameOf(f: Fact | undefined): string {
  const name = f ? (f.phrase ?? f.subject) : '';
  return name.length >= 2 && name.length <= 40 && !/^(?:项目|该项目|预算|全年预算数?)$/.test(name) ? name : '';
}
