import type { Rule } from '../../types.js';
import { crossFoot, SUM_MESSAGE } from '../shared.js';

/** T05-R1: every row of 一般公共预算财政拨款支出决算表, 本年支出合计 = 基本支出 + 项目支出. */
export const rule: Rule = {
  meta: {
    id: 'T05-R1',
    title: '一般公共预算财政拨款支出决算表 各行本年支出合计等于基本支出与项目支出之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['05'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '每行 栏1 本年支出合计（小计）= 栏2 基本支出 + 栏3 项目支出，容差 env(2)',
    messages: { mismatch: SUM_MESSAGE },
  },
  check(ctx) {
    if (!ctx.need('05')) return;
    crossFoot(ctx, '05', '1', ['2', '3'], '基本支出与项目支出之和');
  },
};
