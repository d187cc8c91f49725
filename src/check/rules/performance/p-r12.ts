import type { EvaluationPlace } from '../../../model/evaluation.js';
import { halfUnitAt, ratAbs, ratCmp, ratSub, type Rational } from '../../narrative/interval.js';
import { scoreDepartment } from '../../performance/index.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, figureAmount, figureRat, label, locate, num, schemeFor, show, totalPlace } from './shared.js';

/**
 * P-R12: the arithmetic of a department model (seed 002, Guangzhou: 管理效率 50 + 履职效能 50; 履职效能
 * = 预算执行 5 + 部门整体绩效 20 + 专项资金支出 5 + 专项资金绩效 20; 预算执行 = 5 × mean of the monthly
 * 序时进度 checks and the annual rate), recomputed by src/check/performance (scoreDepartment). Each printed
 * item, dimension and total must equal its recomputed value at its printed decimals; no score above its 分值.
 */
export const rule: Rule = {
  meta: {
    id: 'P-R12',
    title: '部门整体绩效自评得分计算正确',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.5, §5.3 [SEED]',
    doc: '部门整体自评按本地评分模型计算：总分 = 各维度得分之和，维度得分 = 各项得分之和（或满分减扣分），预算执行得分 = 分值 × 各次执行进度检查的平均值；得分不超过分值。',
    messages: {
      score: '{{where}}“{{name}}”得分填列为{{actual}}分，按评分规则计算应为{{expected}}分（{{reason}}）。请核对',
      over: '{{where}}“{{name}}”得分{{actual}}分，超过分值{{weight}}分',
    },
  },
  check(ctx) {
    for (const e of evaluationsOf(ctx)) {
      if (e.kind !== 'department') continue;
      const scheme = schemeFor(e);
      if (scheme.kind !== 'department') continue;
      const scored = scoreDepartment(e, scheme);
      const judge = (name: string, printedText: string | undefined, printed: Rational | undefined, value: Rational | undefined, weight: Rational | undefined, reason: string, place: EvaluationPlace) => {
        if (!printed) return;
        if (weight && ratCmp(printed, weight) > 0) {
          ctx.flag({ messageId: 'over', location: locate(e, place), expected: num(weight, 5), actual: num(printed, 5), difference: num(ratSub(printed, weight), 5), data: { where: label(e), name, actual: show(printed, 5), weight: show(weight, 5) } });
          return;
        }
        if (!value) return;
        const decimals = figureAmount({ text: printedText ?? '', value: 0, decimals: 0 })?.scale ?? 3;
        if (ratCmp(ratAbs(ratSub(printed, value)), halfUnitAt(decimals)) <= 0) return;
        ctx.flag({ messageId: 'score', location: locate(e, place), expected: num(value, 5), actual: num(printed, 5), difference: num(ratSub(printed, value), 5), data: { where: label(e), name, actual: printedText ?? show(printed, 5), expected: show(value, 5), reason } });
      };
      e.dimensions.forEach((d, k) => {
        const sd = scored.dimensions[k];
        for (const [j, it] of d.items.entries()) {
          const si = sd?.items[j];
          judge(it.name, it.score?.text, figureRat(it.score), si?.value, figureRat(it.weight), si?.reason ?? '', it.place ?? e.place);
        }
        judge(d.name, d.score?.text, figureRat(d.score), sd?.value, figureRat(d.weight), sd?.reason ?? '', d.items[0]?.place ?? e.place);
      });
      if (scored.value) judge('总分', e.total?.text, figureRat(e.total), scored.value, undefined, '各维度得分之和', totalPlace(e));
    }
  },
};
