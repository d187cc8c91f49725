import { rat, ratAdd, ratCmp, type Rational } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, figureRat, label, locate, projects, show, totalLine } from './shared.js';

/** The 一级 groups of 财预〔2020〕10号 and their default weights; 成本指标 counts with 产出 (the seeds do). */
const GROUPS: { name: string; re: RegExp; weight: bigint }[] = [
  { name: '产出指标', re: /产出|成本/, weight: 50n },
  { name: '效益指标', re: /效益|效果/, weight: 30n },
  { name: '满意度指标', re: /满意/, weight: 10n },
];

/**
 * P-R6: 产出 50 + 效益 30 + 满意度 10 + 预算执行率 10 = 100 (rules.md §5.1, "原则上"; adjustable with a
 * reason, hence a warning). Judged on project evaluations whose indicators all print a 分值 and whose
 * 一级指标 are all recognised; the execution weight is the 资金总额 line's 分值, 10 when not printed.
 */
export const rule: Rule = {
  meta: {
    id: 'P-R6',
    title: '一级指标权重符合产出50、效益30、满意度10、执行率10',
    severity: 'warning',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.5, §5.1 [SRC 3, 4, 6, 7]',
    doc: '原则上产出指标（含成本指标）50分、效益指标30分、服务对象满意度指标10分、预算执行率10分，合计100分；特殊情况调整须说明理由。',
    messages: {
      weights: '{{where}}分值为产出{{output}}分、效益{{effect}}分、满意度{{satisfaction}}分、预算执行率{{execution}}分，与原则上的50、30、10、10分不同。请核对分值设置，确需调整的应说明理由',
    },
  },
  check(ctx) {
    for (const e of projects(evaluationsOf(ctx))) {
      if (e.indicators.length === 0 || e.indicators.some((i) => figureRat(i.weight) === undefined)) continue;
      const sums: Rational[] = GROUPS.map(() => rat(0n));
      let unknown = false;
      for (const i of e.indicators) {
        const g = GROUPS.findIndex((x) => x.re.test(i.level1 || i.level2));
        if (g < 0) unknown = true;
        else sums[g] = ratAdd(sums[g]!, figureRat(i.weight)!);
      }
      if (unknown) continue;
      const execution = figureRat(totalLine(e)?.weight) ?? rat(10n);
      const ok = GROUPS.every((g, k) => ratCmp(sums[k]!, rat(g.weight)) === 0) && ratCmp(execution, rat(10n)) === 0;
      if (ok) continue;
      const actual = [...sums, execution].map((r) => show(r)).join('/');
      ctx.flag({
        messageId: 'weights',
        location: locate(e),
        expected: '50/30/10/10',
        actual,
        difference: null,
        data: { where: label(e), output: show(sums[0]!), effect: show(sums[1]!), satisfaction: show(sums[2]!), execution: show(execution) },
      });
    }
  },
};
