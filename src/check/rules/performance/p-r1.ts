import { checkCompletion, ratOfAmount, ratSub } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, figureAmount, label, locate, num, show } from './shared.js';

/**
 * P-R1: the printed 执行率 of every line of a funds block equals 全年执行数 / 全年预算数, recomputed with
 * the rounding intervals of rules.md §3 (each amount ±half its printed unit, the rate ±half its own).
 * Rates told in prose (a project paragraph of the 情况说明) are N-R6's and are not checked again here.
 */
export const rule: Rule = {
  meta: {
    id: 'P-R1',
    title: '绩效自评表执行率等于全年执行数除以全年预算数',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'interval' },
    source: 'rules.md §2.5, §5.1 [SRC 6; SEED]',
    doc: '执行率 = 全年执行数 ÷ 全年预算数（全年预算数：年初预算未调整取预算编制数，有调整取调整后预算数）；按所印金额和百分比的小数位区间复算，尾数差异为提示。',
    messages: {
      mismatch: '{{where}}“{{source}}”执行率填列为{{stated}}%，按全年执行数{{executed}}万元 ÷ 全年预算数{{budget}}万元复算应为{{point}}%。请核对执行率或预算、执行数',
      round: '{{where}}“{{source}}”执行率填列为{{stated}}%，按全年执行数{{executed}}万元 ÷ 全年预算数{{budget}}万元复算为{{point}}%，差异属尾数（四舍五入或截尾）',
    },
  },
  check(ctx) {
    for (const e of evaluationsOf(ctx)) {
      if (e.form === 'prose') continue;
      for (const line of e.funds) {
        const stated = figureAmount(line.rate);
        const budget = figureAmount(line.annualBudget);
        const executed = figureAmount(line.executed);
        if (!stated || !budget || !executed || budget.units === 0) continue;
        const c = checkCompletion(stated, executed, budget);
        if (c.verdict === 'pass' || c.verdict === 'zero-base' || !c.point) continue;
        const fail = c.verdict === 'fail';
        const point = c.point;
        ctx.flag({
          messageId: fail ? 'mismatch' : 'round',
          status: fail ? 'fail' : 'round',
          location: locate(e, line.place),
          expected: num(point, Math.max(2, c.decimals)),
          actual: line.rate!.value,
          difference: num(ratSub(ratOfAmount(stated), point), Math.max(2, c.decimals)),
          data: { where: label(e), source: line.source, stated: line.rate!.text.replace(/[%％]/, ''), executed: line.executed!.text, budget: line.annualBudget!.text, point: show(point, Math.max(2, c.decimals)) },
        });
      }
    }
  },
};
