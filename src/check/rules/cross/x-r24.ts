import { SC_DETAIL_KEYS, SC_GPB_DETAIL } from '../../../model/sc-tables.js';
import type { Rule } from '../../types.js';
import { cellOrZero, equalMessage } from './shared.js';

/**
 * X-R24: 一般公共预算财政拨款支出决算明细表 合计 = table 05 合计 (栏1). A Sichuan table (rules.md §1.13);
 * its layout is [KNOW], so the rule reads only the 合计 cell named in model/sc-tables.ts. Not
 * applicable when either table is absent (every non-Sichuan document). A table printed empty
 * (本表无数据) counts as 0.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R24',
    title: '一般公共预算财政拨款支出决算明细表合计与一般公共预算财政拨款支出决算表一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['sc-gpb-detail', '05'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §1.13 [KNOW]（四川 13 张表的附加表）',
    doc: '一般公共预算财政拨款支出决算明细表[合计, 栏1 合计] = T05[合计, 栏1 本年支出合计]，容差 0.01',
    messages: {
      mismatch: equalMessage('两表都是一般公共预算财政拨款的本年支出，合计应是同一个数；请核对明细表与支出决算表的填列。'),
    },
  },
  check(ctx) {
    if (!ctx.need('sc-gpb-detail', '05')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: cellOrZero(ctx, { table: SC_GPB_DETAIL, row: 'total', column: SC_DETAIL_KEYS.total }),
      expected: cellOrZero(ctx, { table: '05', row: 'total', column: '1' }),
    });
  },
};
