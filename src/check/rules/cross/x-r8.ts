import type { Rule } from '../../types.js';
import { atMostMessage } from './shared.js';

/** X-R8: the fiscal balances of table 04 are part of the balances of table 01. */
export const rule: Rule = {
  meta: {
    id: 'X-R8',
    title: '财政拨款结转结余不超过总表结转结余',
    severity: 'error',
    category: 'accuracy',
    tables: ['04', '01'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T04[年初财政拨款结转和结余] ≤ T01[年初结转和结余]；T04[年末财政拨款结转和结余, 栏2] ≤ T01[年末结转和结余]，容差 0.01',
    messages: {
      exceeds: atMostMessage('财政拨款结转结余只是全部结转结余的一部分：请核对两表的结转结余。'),
    },
  },
  check(ctx) {
    if (!ctx.need('04', '01')) return;
    ctx.atMost({
      messageId: 'exceeds',
      actual: { table: '04', row: 'inc.opening', column: '1' },
      expected: { table: '01', row: 'inc.opening', column: '1' },
    });
    ctx.atMost({
      messageId: 'exceeds',
      actual: { table: '04', row: 'exp.closing', column: '2' },
      expected: { table: '01', row: 'exp.closing', column: '2' },
    });
  },
};
