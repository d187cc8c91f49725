import { halfUnitAt, rat, ratAbs, ratAdd, ratCmp, ratSub } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { backFill, evaluationsOf, figureAmount, figureRat, label, locate, num, show, totalLine } from './shared.js';

/**
 * P-R5: 资金结(转)余 = 全年预算数 − 全年执行数 on every funds line (rounding: half a unit of each of the
 * three printed figures is info). When the budget was back-filled to the execution (P-R3), the 结余 of
 * the 资金总额 line is judged on the budget the text states: seed 003 prints 0 where 42 − 29.099 =
 * 12.901 was left unspent.
 */
export const rule: Rule = {
  meta: {
    id: 'P-R5',
    title: '资金结(转)余等于全年预算数减全年执行数',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.5, §5.2 [SEED]',
    doc: '资金结(转)余 = 全年预算数 − 全年执行数；全年预算数按执行数倒填（P-R3）时，按绩效分析所述预算数计算结余。',
    messages: {
      balance: '{{where}}“{{source}}”资金结(转)余填列为{{actual}}万元，全年预算数{{budget}}万元 − 全年执行数{{executed}}万元 = {{expected}}万元。请核对结余',
      round: '{{where}}“{{source}}”资金结(转)余填列为{{actual}}万元，全年预算数{{budget}}万元 − 全年执行数{{executed}}万元 = {{expected}}万元，差异属尾数误差',
      backfilled:
        '{{where}}资金结(转)余填列为{{actual}}万元，但绩效分析写明预算{{budget}}万元、执行{{executed}}万元，实际结余为{{expected}}万元（全年预算数按执行数倒填，见 P-R3）。请如实填列结余',
    },
  },
  check(ctx) {
    for (const e of evaluationsOf(ctx)) {
      const bf = e.kind === 'project' ? backFill(e) : undefined;
      const total = e.kind === 'project' ? totalLine(e) : undefined;
      for (const line of e.funds) {
        const printed = figureAmount(line.balance);
        const budget = figureAmount(line.annualBudget);
        const executed = figureAmount(line.executed);
        if (!printed || !budget || !executed) continue;
        const actual = figureRat(line.balance)!;
        if (bf?.material && line === total) {
          const expected = ratSub(bf.budget, bf.executed);
          if (ratCmp(ratAbs(ratSub(actual, expected)), halfUnitAt(3)) <= 0) continue;
          ctx.flag({
            messageId: 'backfilled',
            location: locate(e, line.place),
            expected: num(expected),
            actual: num(actual),
            difference: num(ratSub(actual, expected)),
            data: { where: label(e), actual: line.balance!.text, budget: show(bf.budget, 3), executed: show(bf.executed, 3), expected: show(expected, 3) },
          });
          continue;
        }
        const expected = ratSub(figureRat(line.annualBudget)!, figureRat(line.executed)!);
        const diff = ratSub(actual, expected);
        if (diff.num === 0n) continue;
        // Half a printed unit for each of the three figures (rules.md §3 envelope).
        const tol = [printed, budget, executed].map((a) => halfUnitAt(a.scale)).reduce(ratAdd, rat(0n));
        const round = ratCmp(ratAbs(diff), tol) <= 0;
        ctx.flag({
          messageId: round ? 'round' : 'balance',
          status: round ? 'round' : 'fail',
          location: locate(e, line.place),
          expected: num(expected),
          actual: num(actual),
          difference: num(diff),
          data: { where: label(e), source: line.source, actual: line.balance!.text, budget: line.annualBudget!.text, executed: line.executed!.text, expected: show(expected, 3) },
        });
      }
    }
  },
};
