import type { Rule } from '../../types.js';
import { equalMessage } from './shared.js';

/** X-R4: 支出决算表 合计 = 总表 本年支出合计. */
export const rule: Rule = {
  meta: {
    id: 'X-R4',
    title: '支出决算表合计与总表本年支出合计一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['03', '01'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T03[合计, 栏1 本年支出合计] = T01[本年支出合计]，容差 0.01',
    messages: {
      mismatch: equalMessage('请核对两表的本年支出合计；逐类对照两表的支出（X-R5）可找出差在哪一类。'),
    },
  },
  check(ctx) {
    if (!ctx.need('03', '01')) return;
    ctx.equal({
      messageId: 'mismatch',
      actual: { table: '03', row: 'total', column: '1' },
      expected: { table: '01', row: 'exp.total', column: '2' },
      related: ['X-R5'],
    });
  },
};
