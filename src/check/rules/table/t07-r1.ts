import type { Rule } from '../../types.js';
import { crossFoot, SUM_MESSAGE } from '../shared.js';

/** T07-R1: every row of 政府性基金预算财政拨款收入支出决算表, 本年支出小计 = 基本支出 + 项目支出. */
export const rule: Rule = {
  meta: {
    id: 'T07-R1',
    title: '政府性基金预算财政拨款收入支出决算表 各行本年支出小计等于基本支出与项目支出之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['07'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '每行 栏3 本年支出小计 = 栏4 基本支出 + 栏5 项目支出，容差 env(2)',
    messages: { mismatch: SUM_MESSAGE },
  },
  check(ctx) {
    if (!ctx.need('07')) return;
    crossFoot(ctx, '07', '3', ['4', '5'], '基本支出与项目支出之和');
  },
};
