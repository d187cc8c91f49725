import type { Rule } from '../../types.js';
import { cellOrZero, equalMessage } from './shared.js';

/** 政府性基金 table 07 合计 columns against table 04 (its 政府性基金 income, balances and column 4). */
const PAIRS: { column: string; t04: { row: string; column: string } }[] = [
  { column: '2', t04: { row: 'inc.gov_fund', column: '1' } },
  { column: '1', t04: { row: 'inc.opening.gov_fund', column: '1' } },
  { column: '3', t04: { row: 'exp.total', column: '4' } },
  { column: '6', t04: { row: 'exp.closing', column: '4' } },
];

/** X-R15: 政府性基金预算财政拨款收入支出决算表 合计 = 财政拨款总表 政府性基金 figures. */
export const rule: Rule = {
  meta: {
    id: 'X-R15',
    title: '政府性基金收支表与财政拨款总表一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['07', '04'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T07[合计, 栏2 本年收入] = T04[政府性基金预算财政拨款]；T07[合计, 栏1 年初结转和结余] = T04[年初结转 政府性基金预算财政拨款]；T07[合计, 栏3 本年支出小计] = T04[本年支出合计, 栏4]；T07[合计, 栏6 年末结转和结余] = T04[年末结转和结余, 栏4]，容差 0.01',
    messages: {
      mismatch: equalMessage('两表反映的是同一笔政府性基金预算财政拨款：请核对两表的填列。'),
    },
  },
  check(ctx) {
    if (!ctx.need('07', '04')) return;
    for (const { column, t04 } of PAIRS) {
      ctx.equal({
        messageId: 'mismatch',
        actual: cellOrZero(ctx, { table: '07', row: 'total', column }),
        expected: { table: '04', ...t04 },
      });
    }
  },
};
