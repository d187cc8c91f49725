import type { Rule } from '../../types.js';
import { equalMessage } from './shared.js';

/** X-R6: 财政拨款收入支出决算总表 本年收入合计 = 收入决算表 合计 财政拨款收入. */
export const rule: Rule = {
  meta: {
    id: 'X-R6',
    title: '财政拨款总表本年收入与收入决算表财政拨款收入一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['04', '02'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T04[本年收入合计, 栏1] = T02[合计, 栏2 财政拨款收入]，容差 0.01',
    messages: {
      mismatch: equalMessage('无法仅凭两表判断哪一方有误：请对照收入支出决算总表的三项财政拨款收入（X-R2、X-R7）核对。'),
    },
  },
  check(ctx) {
    if (!ctx.need('04', '02')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: { table: '04', row: 'inc.total', column: '1' },
      expected: { table: '02', row: 'total', column: '2' },
      related: ['X-R2', 'X-R7'],
    });
  },
};
