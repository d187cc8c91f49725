import type { Rule } from '../../types.js';
import { crossFoot, SUM_MESSAGE } from '../shared.js';

/** T03-R1: every row of 支出决算表, 本年支出合计 = the five spending columns. */
export const rule: Rule = {
  meta: {
    id: 'T03-R1',
    title: '支出决算表 各行本年支出合计等于各列支出之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['03'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '每行 栏1 本年支出合计 = 栏2 基本支出 + 栏3 项目支出 + 栏4 上缴上级支出 + 栏5 经营支出 + 栏6 对附属单位补助支出，容差 env(5)',
    messages: { mismatch: SUM_MESSAGE },
  },
  check(ctx) {
    if (!ctx.need('03')) return;
    crossFoot(ctx, '03', '1', ['2', '3', '4', '5', '6'], '基本支出、项目支出等各列之和');
  },
};
