import type { Rule } from '../../types.js';
import { T09_BLOCKS, t09HasData } from './rows.js';

/** T09-R2: 公务用车购置及运行维护费 小计 = 购置费 + 运行维护费, for 预算数 and 决算数. */
export const rule: Rule = {
  meta: {
    id: 'T09-R2',
    title: '财政拨款“三公”经费支出决算表 公务用车购置及运行维护费小计等于购置费与运行维护费之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['09'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '栏3 = 栏4 + 栏5（预算数）；栏9 = 栏10 + 栏11（决算数）：公务用车购置及运行维护费小计 = 公务用车购置费 + 公务用车运行维护费，容差 env(2)',
    messages: {
      mismatch:
        '财政拨款“三公”经费支出决算表 {{block}}公务用车购置及运行维护费小计 {{actual}} ≠ 公务用车购置费与公务用车运行维护费之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('09') || !t09HasData(ctx)) return;
    for (const b of T09_BLOCKS) {
      ctx.sum({
        messageId: 'mismatch',
        total: { table: '09', row: 'main', column: b.cars },
        terms: [b.carPurchase, b.carRunning].map((column) => ({ table: '09', row: 'main', column })),
        termsLabel: '购置费与运行维护费之和',
        data: { block: b.name },
        related: ['T09-R1'],
      });
    }
  },
};
