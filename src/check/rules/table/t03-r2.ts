import type { Rule } from '../../types.js';
import { hierarchyFoot, SUM_MESSAGE } from '../shared.js';

/** T03-R2: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every column of 支出决算表. */
export const rule: Rule = {
  meta: {
    id: 'T03-R2',
    title: '支出决算表 合计、类、款等于其下级科目之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['03'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '合计 = Σ类；类 = Σ其款；款 = Σ其项（栏1–6 每一栏），容差 env(下级科目数)',
    messages: { hierarchy: SUM_MESSAGE },
  },
  check(ctx) {
    if (!ctx.need('03')) return;
    hierarchyFoot(ctx, '03', ['1', '2', '3', '4', '5', '6']);
  },
};
