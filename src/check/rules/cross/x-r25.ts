import { SC_GPB_PROJECT } from '../../../model/sc-tables.js';
import type { Rule } from '../../types.js';
import { cellOrZero, equalMessage } from './shared.js';

/**
 * X-R25: 一般公共预算财政拨款项目支出决算表 合计 = table 05 合计 项目支出 (栏3). A Sichuan table (rules.md §1.13);
 * its layout is [KNOW], so the rule reads only the 合计 cell named in model/sc-tables.ts. Not
 * applicable when either table is absent (every non-Sichuan document). A table printed empty
 * (本表无数据) counts as 0.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R25',
    title: '一般公共预算财政拨款项目支出决算表合计与一般公共预算财政拨款支出决算表项目支出一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['sc-gpb-project', '05'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §1.13 [KNOW]（四川 13 张表的附加表）',
    doc: '一般公共预算财政拨款项目支出决算表[合计] = T05[合计, 栏3 项目支出]，容差 0.01',
    messages: {
      mismatch: equalMessage('项目支出决算表按经济分类列示的正是一般公共预算财政拨款的项目支出，合计应与支出决算表的项目支出合计相同；请核对两表的填列。'),
    },
  },
  check(ctx) {
    if (!ctx.need('sc-gpb-project', '05')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: cellOrZero(ctx, { table: SC_GPB_PROJECT, row: 'total', column: 'amount' }),
      expected: cellOrZero(ctx, { table: '05', row: 'total', column: '3' }),
    });
  },
};
