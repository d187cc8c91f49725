import { ratAdd, ratSub } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { backFill, evaluationsOf, executionScore, figureRat, gradeOf, label, locate, num, projects, roundScore, show } from './shared.js';

/**
 * P-R3: 全年预算数 printed equal to 全年执行数 (so the table shows 100% and the full 执行率 score) while the
 * evaluation's own text states a larger budget or a lower rate: the budget was back-filled to the
 * execution. The finding recomputes the rate, the 执行率 score (分值 × rate), the total and the grade
 * with the stated budget. A difference under one percentage point is immaterial (rules.md §5.2 table 2:
 * 54.96 of 55) and left to P-R11 as info.
 */
export const rule: Rule = {
  meta: {
    id: 'P-R3',
    title: '全年预算数按执行数倒填',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'absolute', value: 1 },
    source: 'rules.md §2.5, §5.2 [SEED]',
    doc: '全年预算数 = 全年执行数（执行率100%、得满分），而自评表的绩效分析写明更大的预算数或更低的执行率：全年预算数被按执行数倒填。按所述预算复算执行率、执行率得分、总分和等级；差异不足1个百分点不报（见 P-R11）。',
    messages: {
      backfilled:
        '{{where}}全年预算数{{annual}}万元与全年执行数相同，执行率按100%计、得{{printedScore}}分；但绩效分析写明{{stated}}。全年预算数疑似按执行数倒填。按预算{{budget}}万元计，执行率为{{rate}}%，执行率得分应为{{score}}分，总分{{total}}分、等级“{{grade}}”（自评表为{{printedTotal}}分、“{{printedGrade}}”）。请按调整后的预算数填列全年预算数并重新评分',
    },
  },
  check(ctx) {
    for (const e of projects(evaluationsOf(ctx))) {
      const b = backFill(e);
      if (!b || !b.material) continue;
      const weight = figureRat(b.line.weight) ?? { num: 10n, den: 1n };
      const printedScore = figureRat(b.line.score) ?? weight;
      const score = roundScore(executionScore(b.rate, weight));
      const printedTotal = figureRat(e.total);
      const total = printedTotal ? ratAdd(ratSub(printedTotal, printedScore), score) : undefined;
      const stated = [b.budgetStatement?.text, b.rateStatement && b.rateStatement.text !== b.budgetStatement?.text ? b.rateStatement.text : undefined]
        .filter((t): t is string => t !== undefined)
        .map((t) => `“${t}”`)
        .join('、');
      ctx.flag({
        messageId: 'backfilled',
        location: locate(e, b.line.place),
        expected: num(b.budget),
        actual: num(b.annual),
        difference: num(ratSub(b.annual, b.budget)),
        data: {
          where: label(e),
          annual: show(b.annual, 3),
          printedScore: show(printedScore),
          stated: stated || `年初预算数${show(b.budget, 3)}万元`,
          budget: show(b.budget, 3),
          rate: show(b.rate, 2),
          score: show(score),
          total: total ? show(total) : '—',
          grade: total ? gradeOf(total) : '—',
          printedTotal: e.total?.text ?? '—',
          printedGrade: e.grade ?? '—',
        },
      });
    }
  },
};
