import type { Rule } from '../../types.js';
import { crossFoot, hierarchyFoot, SUM_MESSAGE } from '../shared.js';

/** T08-R1: 国有资本经营预算财政拨款支出决算表 — rows cross-foot (小计 = 基本 + 项目) and the hierarchy foots. */
export const rule: Rule = {
  meta: {
    id: 'T08-R1',
    title: '国有资本经营预算财政拨款支出决算表 各行小计等于基本支出与项目支出之和，合计、类、款等于其下级科目之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['08'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '每行 栏1 本年支出小计（合计）= 栏2 基本支出 + 栏3 项目支出，容差 env(2)；合计 = Σ类，类 = Σ其款，款 = Σ其项（栏1–3），容差 env(下级科目数)',
    messages: { mismatch: SUM_MESSAGE, hierarchy: SUM_MESSAGE },
  },
  check(ctx) {
    if (!ctx.need('08')) return;
    crossFoot(ctx, '08', '1', ['2', '3'], '基本支出与项目支出之和');
    hierarchyFoot(ctx, '08', ['1', '2', '3']);
  },
};
