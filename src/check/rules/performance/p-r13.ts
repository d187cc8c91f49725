import type { DepartmentEvaluation, Indicator } from '../../../model/evaluation.js';
import type { Rule } from '../../types.js';
import { evaluationsOf, figureRat, label, locate, num } from './shared.js';

/** What a stated count counts: the indicators of a level, of a kind, or all of them. */
const KINDS: [RegExp, (i: Indicator) => boolean][] = [
  [/产出/, (i) => /产出/.test(i.level1)],
  [/效益/, (i) => /效益/.test(i.level1)],
  [/满意/, (i) => /满意/.test(i.level1) || /满意/.test(i.level2)],
  [/成本/, (i) => /成本/.test(i.level1) || /成本/.test(i.level2)],
  [/数量/, (i) => /数量/.test(i.level2)],
  [/质量/, (i) => /质量/.test(i.level2)],
  [/时效/, (i) => /时效/.test(i.level2)],
  [/经济效益/, (i) => /经济/.test(i.level2)],
  [/社会效益/, (i) => /社会/.test(i.level2)],
  [/生态效益/, (i) => /生态/.test(i.level2)],
  [/可持续/, (i) => /可持续/.test(i.level2)],
];

/** The indicators a count speaks of: the department's own or the 专项资金's (Indicator.table), then by kind (most specific word). */
function counted(e: DepartmentEvaluation, what: string): Indicator[] | undefined {
  const groupOf = (i: Indicator) => i.table ?? '';
  const special = /专项/.test(what);
  const pool = e.indicators.filter((i) => (special ? /专项/.test(groupOf(i)) : !/专项/.test(groupOf(i))));
  if (special && pool.length === 0) return undefined;
  const kinds = KINDS.filter(([re]) => re.test(what));
  if (kinds.length === 0) return /指标/.test(what) ? pool : undefined;
  const [, keep] = kinds[kinds.length - 1]!;
  return pool.filter(keep);
}

/**
 * P-R13: the indicator counts the text states (`32个绩效指标`, `其中产出指标23个`, `数量指标18个`) equal the
 * rows of the indicator tables. Integer counts must match exactly (rules.md §3).
 */
export const rule: Rule = {
  meta: {
    id: 'P-R13',
    title: '文中所述绩效指标个数与指标表一致',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.5, §5.3 [SEED]',
    doc: '自评报告文字所述的绩效指标个数（总数、各级各类指标数）须等于指标表中的行数。',
    messages: {
      count: '{{where}}文中称“{{text}}”（{{what}}{{stated}}个），但指标表中列出{{actual}}个。请核对指标个数',
    },
  },
  check(ctx) {
    for (const e of evaluationsOf(ctx)) {
      if (e.kind !== 'department' || e.indicators.length === 0 || e.counts.length === 0) continue;
      // Two pools (the department's own indicators and a 专项资金's) that the reading did not tell apart: no count can be judged.
      const pools = e.dimensions.some((d) => d.items.some((it) => /专项/.test(it.name)));
      if (pools && !e.indicators.some((i) => i.table)) {
        ctx.insufficient(`${label(e)}的指标表未区分部门整体指标与专项资金指标，暂不核对指标个数`, locate(e));
        continue;
      }
      for (const c of e.counts) {
        const stated = figureRat(c.value);
        const rows = counted(e, c.what);
        if (!stated || !rows || stated.den !== 1n) continue;
        if (BigInt(rows.length) === stated.num) continue;
        ctx.flag({
          messageId: 'count',
          location: locate(e, c.place),
          expected: rows.length,
          actual: num(stated, 0),
          difference: num(stated, 0) - rows.length,
          data: { where: label(e), text: c.text, what: c.what, stated: c.value.text, actual: rows.length },
        });
      }
    }
  },
};
