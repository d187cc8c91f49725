import type { Rule } from '../../types.js';
import { hierarchyFoot, SUM_MESSAGE } from '../shared.js';

/** T07-R3: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every column of 政府性基金预算财政拨款收入支出决算表. */
export const rule: Rule = {
  meta: {
    id: 'T07-R3',
    title: '政府性基金预算财政拨款收入支出决算表 合计、类、款等于其下级科目之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['07'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '合计 = Σ类；类 = Σ其款；款 = Σ其项（栏1–6 每一栏），容差 env(下级科目数)',
    messages: { hierarchy: SUM_MESSAGE },
  },
  check(ctx) {
    if (!ctx.need('07')) return;
    hierarchyFoot(ctx, '07', ['1', '2', '3', '4', '5', '6']);
  },
};
