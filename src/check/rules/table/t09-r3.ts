import type { Rule } from '../../types.js';
import { T09_BLOCKS, t09HasData } from './rows.js';

const [BUDGET, ACTUAL] = T09_BLOCKS;

/** The 决算 items compared with their 预算; a subtotal only when none of its parts is reported. */
const ITEMS: { name: string; key: 'abroad' | 'carPurchase' | 'carRunning' | 'reception' | 'cars' | 'total'; parts?: string[] }[] = [
  { name: '因公出国（境）费', key: 'abroad' },
  { name: '公务用车购置费', key: 'carPurchase' },
  { name: '公务用车运行维护费', key: 'carRunning' },
  { name: '公务接待费', key: 'reception' },
  { name: '公务用车购置及运行维护费小计', key: 'cars', parts: ['carPurchase', 'carRunning'] },
  { name: '“三公”经费合计', key: 'total', parts: ['abroad', 'carPurchase', 'carRunning', 'reception', 'cars'] },
];

/**
 * T09-R3: 决算数 may exceed 预算数 (prior-year funds spent this year), but an overrun must be
 * explained in the narrative. The narrative is not read here: every overrun is a warning asking for
 * the explanation.
 */
export const rule: Rule = {
  meta: {
    id: 'T09-R3',
    title: '财政拨款“三公”经费支出决算表 决算数超过预算数须说明原因',
    severity: 'warning',
    category: 'accuracy',
    tables: ['09'],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.1 [SEED]',
    doc: '栏7–12 决算数 ≤ 栏1–6 预算数不是硬性要求（使用上年结转资金时决算可超预算），但超出时应在情况说明中说明原因；逐项比较，小计、合计仅在其各项均未超出时提示',
    messages: {
      overrun:
        '财政拨款“三公”经费支出决算表 {{item}}决算数 {{actual}} 超过预算数 {{expected}}，超出 {{absDifference}} {{unit}}；决算数可以超过预算数（如使用上年结转资金），但应在情况说明中说明原因',
    },
  },
  check(ctx) {
    if (!ctx.need('09') || !t09HasData(ctx)) return;
    if (!ctx.row('09', 'main')) {
      ctx.insufficient(`${ctx.meta.title}：未能读取“三公”经费数据行，无法比较`, { table: '09' });
      return;
    }
    const reported = new Set<string>();
    for (const item of ITEMS) {
      const actual = ctx.units({ table: '09', row: 'main', column: ACTUAL![item.key] });
      const budget = ctx.units({ table: '09', row: 'main', column: BUDGET![item.key] });
      if (actual === undefined || budget === undefined) {
        ctx.insufficient(`${ctx.meta.title}：未能读取${item.name}的预算数或决算数，无法比较`, { table: '09', row: 'main', column: ACTUAL![item.key] });
        continue;
      }
      if (actual <= budget) continue;
      reported.add(item.key);
      if (item.parts?.some((p) => reported.has(p))) continue;
      const diff = actual - budget;
      ctx.flag({
        messageId: 'overrun',
        location: { table: '09', row: 'main', column: ACTUAL![item.key] },
        // Integer units divided by a power of ten give the JSON number as printed (22.36).
        expected: budget / ctx.scale,
        actual: actual / ctx.scale,
        differenceUnits: diff,
        data: { item: item.name, actual: ctx.money(actual), expected: ctx.money(budget), absDifference: ctx.money(diff) },
      });
    }
  },
};
