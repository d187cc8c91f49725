import type { EvaluationPlace } from '../../../model/evaluation.js';
import { halfUnitAt, rat, ratAbs, ratCmp, ratSub } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, executionRate, figureAmount, figureRat, label, locate, MATERIAL_POINTS, normaliseGrade, num, show, statementsOf, totalLine } from './shared.js';

/**
 * P-R11: what the evaluation's text (项目绩效分析, 情况说明) states about its rate, score and grade equals
 * its table: the 执行率 of the 资金总额 line, the 总分 and the 等级. Equal means within half a unit of the
 * coarser of the two printed precisions. A rate that differs by less than one percentage point is
 * immaterial (info: seed 003 table 2, 99.92% for 100%); more is an error (69% and 57.5% for 100%).
 */
export const rule: Rule = {
  meta: {
    id: 'P-R11',
    title: '绩效分析所述执行率、得分、等级与自评表一致',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'absolute', value: 1 },
    source: 'rules.md §2.5, §5.2 [SEED]',
    doc: '项目绩效分析和情况说明中的预算执行率、自评得分、自评等级须与自评表一致；执行率相差不足1个百分点为提示。',
    messages: {
      rate: '{{where}}绩效分析称“{{text}}”，执行率{{stated}}%，但自评表执行率为{{table}}%（相差{{difference}}个百分点）。请核对自评表的全年预算数和执行率',
      rateMinor: '{{where}}绩效分析称“{{text}}”，执行率{{stated}}%，自评表执行率为{{table}}%（相差{{difference}}个百分点，差异较小）',
      score: '{{where}}文中所述得分{{stated}}分，与自评表总分{{table}}分不一致。请核对',
      grade: '{{where}}文中所述等级“{{stated}}”，与自评表等级“{{table}}”不一致。请核对',
    },
  },
  check(ctx) {
    for (const e of evaluationsOf(ctx)) {
      if (e.form === 'prose') continue; // the text is the only source: nothing to compare with
      const line = e.kind === 'project' ? totalLine(e) : e.funds.find((f) => f.total) ?? e.funds[0];
      const tableRate = figureAmount(line?.rate);
      const notSame = (place: EvaluationPlace, fig?: { span?: { start: number } }) => !(fig?.span && place.span && fig.span.start === place.span.start);
      if (tableRate && line) {
        for (const s of statementsOf(e, 'rate')) {
          if (!notSame(s.place, line.rate)) continue;
          const stated = figureAmount(s.value)!;
          // The table's rate as recomputed from its amounts when it prints them (a printed `100` is exact then).
          const exact = executionRate(figureRat(line.executed) ?? rat(0n), figureRat(line.annualBudget) ?? rat(0n));
          const diff = ratSub(figureRat(s.value)!, exact ?? figureRat(line.rate)!);
          if (ratCmp(ratAbs(diff), halfUnitAt(exact ? stated.scale : Math.min(stated.scale, tableRate.scale))) <= 0) continue;
          const minor = ratCmp(ratAbs(diff), MATERIAL_POINTS) < 0;
          ctx.flag({
            messageId: minor ? 'rateMinor' : 'rate',
            ...(minor ? { severity: 'info' as const } : {}),
            location: locate(e, s.place),
            expected: line.rate!.value,
            actual: s.value.value,
            difference: num(diff, 3),
            data: { where: label(e), text: s.text, stated: s.value.text.replace(/[%％]/, ''), table: line.rate!.text.replace(/[%％]/, ''), difference: show(ratAbs(diff), 3) },
          });
        }
      }
      const total = figureAmount(e.total);
      if (total) {
        // A score of a part (管理效率部分得分48分) is not the total: skip statements naming a dimension or 其中/部分.
        const parts = e.kind === 'department' ? e.dimensions.map((d) => d.name) : [];
        const whole = (text: string) => !/其中|部分|单项|该项|此项|本项/.test(text) && !parts.some((p) => text.includes(p));
        const scores = [
          ...statementsOf(e, 'score').filter((s) => whole(s.text)).map((s) => ({ value: s.value, place: s.place })),
          ...e.stated.filter((s) => s.score && whole(s.text)).map((s) => ({ value: s.score!, place: s.place })),
        ];
        for (const s of scores) {
          if (!notSame(s.place, e.total)) continue;
          const v = figureAmount(s.value);
          if (!v) continue;
          const diff = ratSub(figureRat(s.value)!, figureRat(e.total)!);
          if (ratCmp(ratAbs(diff), halfUnitAt(Math.min(v.scale, total.scale))) <= 0) continue;
          ctx.flag({ messageId: 'score', location: locate(e, s.place), expected: e.total!.value, actual: s.value.value, difference: num(diff, 3), data: { where: label(e), stated: s.value.text.replace(/分$/, ''), table: e.total!.text } });
          break;
        }
      }
      const grade = normaliseGrade(e.grade);
      if (grade) {
        for (const s of e.stated) {
          const g = normaliseGrade(s.grade);
          if (!g || g === grade) continue;
          ctx.flag({ messageId: 'grade', location: locate(e, s.place), expected: e.grade!, actual: s.grade!, difference: null, data: { where: label(e), stated: s.grade!, table: e.grade! } });
          break;
        }
      }
    }
  },
};
