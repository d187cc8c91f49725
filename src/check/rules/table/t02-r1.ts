import type { Rule } from '../../types.js';
import { crossFoot, SUM_MESSAGE } from '../shared.js';

/** T02-R1: every row of 收入决算表, 本年收入合计 = the six income columns. */
export const rule: Rule = {
  meta: {
    id: 'T02-R1',
    title: '收入决算表 各行本年收入合计等于各列收入之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['02'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '每行 栏1 = 栏2 + … + 栏7，容差 env(6)',
    messages: { mismatch: SUM_MESSAGE },
  },
  check(ctx) {
    if (!ctx.need('02')) return;
    crossFoot(ctx, '02', '1', ['2', '3', '4', '5', '6', '7'], '各列之和');
  },
};
