import type { Rule } from '../../types.js';
import { T09_BLOCKS, t09HasData } from './rows.js';

/** T09-R1: “三公”经费 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, for 预算数 and 决算数. */
export const rule: Rule = {
  meta: {
    id: 'T09-R1',
    title: '财政拨款“三公”经费支出决算表 合计等于三项经费之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['09'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '栏1 = 栏2 + 栏3 + 栏6（预算数）；栏7 = 栏8 + 栏9 + 栏12（决算数）：合计 = 因公出国（境）费 + 公务用车购置及运行维护费小计 + 公务接待费，容差 env(3)',
    messages: {
      mismatch:
        '财政拨款“三公”经费支出决算表 {{block}}合计 {{actual}} ≠ 因公出国（境）费、公务用车购置及运行维护费、公务接待费三项之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('09') || !t09HasData(ctx)) return;
    for (const b of T09_BLOCKS) {
      ctx.sum({
        messageId: 'mismatch',
        total: { table: '09', row: 'main', column: b.total },
        terms: [b.abroad, b.cars, b.reception].map((column) => ({ table: '09', row: 'main', column })),
        termsLabel: '三项经费之和',
        data: { block: b.name },
      });
    }
  },
};
