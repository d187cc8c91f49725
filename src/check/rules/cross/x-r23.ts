import { SC_DETAIL_KEYS, SC_FISCAL_DETAIL } from '../../../model/sc-tables.js';
import type { Rule } from '../../types.js';
import { cellOrZero, equalMessage } from './shared.js';

/**
 * X-R23: 财政拨款支出决算明细表 合计 = table 04 本年支出合计 (栏2 合计, row 59). A Sichuan table (rules.md §1.13);
 * its layout is [KNOW], so the rule reads only the 合计 cell named in model/sc-tables.ts. Not
 * applicable when either table is absent (every non-Sichuan document). A table printed empty
 * (本表无数据) counts as 0.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R23',
    title: '财政拨款支出决算明细表合计与财政拨款收支总表本年支出合计一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['sc-fiscal-detail', '04'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §1.13 [KNOW]（四川 13 张表的附加表）',
    doc: '财政拨款支出决算明细表[合计, 栏1 合计] = T04[本年支出合计, 栏2 合计]，容差 0.01',
    messages: {
      mismatch: equalMessage('明细表按经济分类拆分的是全部财政拨款支出，合计应等于财政拨款收入支出决算总表的本年支出合计；请核对明细表是否漏列了政府性基金或国有资本经营预算的支出。'),
    },
  },
  check(ctx) {
    if (!ctx.need('sc-fiscal-detail', '04')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: cellOrZero(ctx, { table: SC_FISCAL_DETAIL, row: 'total', column: SC_DETAIL_KEYS.total }),
      expected: cellOrZero(ctx, { table: '04', row: 'exp.total', column: '2' }),
    });
  },
};
