import type { Rule } from '../../types.js';

/** T01-R6: roll-forward of balances in 收入支出决算总表 (follows from T01-R2 + T01-R4 + T01-R5). */
export const rule: Rule = {
  meta: {
    id: 'T01-R6',
    title: '收入支出决算总表 年末结转和结余等于年初结转和结余加本年收支差额',
    severity: 'error',
    category: 'accuracy',
    tables: ['01'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '年末结转和结余 = 年初结转和结余 + 本年收入合计 + 使用非财政拨款结余 − 本年支出合计 − 结余分配，容差 env(5)',
    messages: {
      mismatch:
        '收入支出决算总表 支出方“年末结转和结余” {{actual}} ≠ 年初结转和结余 + 本年收入合计 + 使用非财政拨款结余 − 本年支出合计 − 结余分配 = {{expected}}（无法判断是哪一项有误，请结合 T01-R2、T01-R4、T01-R5 的结果核对），相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('01')) return;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '01', row: 'exp.closing', column: '2' },
      terms: [
        { table: '01', row: 'inc.opening', column: '1' },
        { table: '01', row: 'inc.total', column: '1' },
        { table: '01', row: 'inc.use_nonfiscal_balance', column: '1' },
      ],
      minus: [
        { table: '01', row: 'exp.total', column: '2' },
        { table: '01', row: 'exp.surplus_distribution', column: '2' },
      ],
      termsLabel: '年初结转和结余加本年收支差额',
      related: ['T01-R2', 'T01-R4', 'T01-R5'],
    });
  },
};
