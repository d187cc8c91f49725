import type { Rule } from '../../types.js';
import { equalMessage } from './shared.js';

/** X-R10: 一般公共预算财政拨款支出决算表 合计 = 财政拨款总表 本年支出合计 一般公共预算栏. */
export const rule: Rule = {
  meta: {
    id: 'X-R10',
    title: '一般公共预算支出表合计与财政拨款总表一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['05', '04'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T05[合计, 栏1 本年支出合计] = T04[本年支出合计, 栏3 一般公共预算财政拨款]，容差 0.01',
    messages: {
      mismatch: equalMessage('请核对两表的一般公共预算财政拨款支出；逐类对照（X-R11）可找出差在哪一类。'),
    },
  },
  check(ctx) {
    if (!ctx.need('05', '04')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: { table: '05', row: 'total', column: '1' },
      expected: { table: '04', row: 'exp.total', column: '3' },
      related: ['X-R11'],
    });
  },
};
