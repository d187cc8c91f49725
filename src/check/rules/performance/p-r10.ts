import { ratCmp, ratSub } from '../../narrative/interval.js';
import { scoreIndicator } from '../../performance/index.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, figureRat, label, locate, num, schemeFor, show } from './shared.js';

/**
 * P-R10: a qualitative indicator (a target in words: 及时, 保障, 每月, 2023年11月 …) scores 80–100% of
 * its 分值 when achieved (完成/达成, or 提前 — ahead of time), 60–80% when partly achieved, 0–60% when not
 * (财预〔2020〕10号; tiers from the scheme in src/check/performance). Indicators without a target
 * (未填报) are not judged: half marks for a missing target is local practice (rules.md §5.2). A warning:
 * the evaluator's 偏差原因 may explain a deduction.
 */
export const rule: Rule = {
  meta: {
    id: 'P-R10',
    title: '定性指标得分与完成程度相符',
    severity: 'warning',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.5, §5.1, §5.2 [SRC 3, 4; SEED]',
    doc: '定性指标：达成年度指标（含提前完成）得分值的80%–100%，部分达成并具有一定效果得60%–80%，未达成且效果较差得0–60%；年初未设目标值（未填报）的不核对。',
    messages: {
      tier: '{{where}}定性指标“{{name}}”目标“{{target}}”，实际完成“{{actual}}”，按规定应得{{lo}}–{{hi}}分（分值{{weight}}分），表中得{{score}}分。请核对得分或说明扣分理由',
    },
  },
  check(ctx) {
    for (const e of evaluationsOf(ctx)) {
      const scheme = schemeFor(e);
      for (const i of e.indicators) {
        const s = scoreIndicator(i, scheme);
        if (s.target.kind !== 'word' || s.consistent !== false || !s.recomputed || !s.weight || s.overWeight) continue;
        const score = figureRat(i.score)!;
        const expected = ratCmp(score, s.recomputed.lo) < 0 ? s.recomputed.lo : s.recomputed.hi;
        ctx.flag({
          messageId: 'tier',
          location: locate(e, i.place),
          expected: num(expected, 2),
          actual: num(score, 2),
          difference: num(ratSub(score, expected), 2),
          data: { where: label(e), name: i.name, target: s.target.text, actual: (i.actual ?? '').trim(), lo: show(s.recomputed.lo), hi: show(s.recomputed.hi), weight: show(s.weight), score: show(score) },
        });
      }
    }
  },
};
