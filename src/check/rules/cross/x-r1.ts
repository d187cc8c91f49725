import type { Rule } from '../../types.js';

/** X-R1: 收入决算表 合计 = 收入支出决算总表 本年收入合计. */
export const rule: Rule = {
  meta: {
    id: 'X-R1',
    title: '收入决算表合计与总表本年收入合计一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['02', '01'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T02[合计, 栏1] = T01[本年收入合计]，容差 0.01',
    messages: { mismatch: '{{where}} {{actual}} ≠ {{other}} {{expected}}，相差 {{absDifference}} {{unit}}' },
  },
  check(ctx) {
    if (!ctx.need('02', '01')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: { table: '02', row: 'total', column: '1' },
      expected: { table: '01', row: 'inc.total', column: '1' },
    });
  },
};
