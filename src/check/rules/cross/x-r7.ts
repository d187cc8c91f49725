import type { Rule } from '../../types.js';
import { equalMessage } from './shared.js';

/** X-R7: the three fiscal income rows of 财政拨款收入支出决算总表 = those of 收入支出决算总表. */
export const rule: Rule = {
  meta: {
    id: 'X-R7',
    title: '财政拨款总表各项财政拨款收入与总表一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['04', '01'],
    crossTable: true,
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T04[一般公共预算财政拨款, 政府性基金预算财政拨款, 国有资本经营预算财政拨款] = T01[同名三项收入]，两处印的是同一个数，不留容差',
    messages: {
      mismatch: equalMessage('两表的这一项财政拨款收入是同一个数，应完全相同：请核对填列。'),
    },
  },
  check(ctx) {
    if (!ctx.need('04', '01')) return;
    for (const row of ['inc.gpb', 'inc.gov_fund', 'inc.state_capital']) {
      ctx.equal({
        messageId: 'mismatch',
        actual: { table: '04', row, column: '1' },
        expected: { table: '01', row, column: '1' },
        related: ['X-R2', 'X-R6'],
      });
    }
  },
};
