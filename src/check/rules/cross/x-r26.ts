import { SC_STATE_CAPITAL, SC_STATE_CAPITAL_KEYS } from '../../../model/sc-tables.js';
import type { Rule } from '../../types.js';
import { cellOrZero, equalMessage } from './shared.js';

/**
 * X-R26: 国有资本经营预算财政拨款收入支出决算表 合计 本年支出 = table 08 合计 (栏1). A Sichuan table (rules.md §1.13);
 * its layout is [KNOW], so the rule reads only the 合计 cell named in model/sc-tables.ts. Not
 * applicable when either table is absent (every non-Sichuan document). A table printed empty
 * (本表无数据) counts as 0.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R26',
    title: '国有资本经营预算财政拨款收入支出决算表本年支出与国有资本经营预算财政拨款支出决算表一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['sc-state-capital', '08'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §1.13 [KNOW]（四川 13 张表的附加表）',
    doc: '国有资本经营预算财政拨款收入支出决算表[合计, 本年支出 小计] = T08[合计, 栏1 本年支出 小计]，容差 0.01',
    messages: {
      mismatch: equalMessage('两表的本年支出都是国有资本经营预算财政拨款支出，应是同一个数；请核对两表的填列。'),
    },
  },
  check(ctx) {
    if (!ctx.need('sc-state-capital', '08')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: cellOrZero(ctx, { table: SC_STATE_CAPITAL, row: 'total', column: SC_STATE_CAPITAL_KEYS.spending }),
      expected: cellOrZero(ctx, { table: '08', row: 'total', column: '1' }),
    });
  },
};
