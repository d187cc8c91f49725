import type { Rule } from '../../types.js';
import { cellOrZero, equalMessage } from './shared.js';

/** X-R16: 国有资本经营预算财政拨款支出决算表 合计 = 财政拨款总表 本年支出合计 国有资本经营预算栏. */
export const rule: Rule = {
  meta: {
    id: 'X-R16',
    title: '国有资本经营预算支出表与财政拨款总表一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['08', '04'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T08[合计, 栏1 本年支出合计] = T04[本年支出合计, 栏5 国有资本经营预算财政拨款]，容差 0.01',
    messages: {
      mismatch: equalMessage('两表反映的是同一笔国有资本经营预算财政拨款支出：请核对两表的填列。'),
    },
  },
  check(ctx) {
    if (!ctx.need('08', '04')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: cellOrZero(ctx, { table: '08', row: 'total', column: '1' }),
      expected: { table: '04', row: 'exp.total', column: '5' },
    });
  },
};
