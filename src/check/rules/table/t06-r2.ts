import type { Rule } from '../../types.js';
import { T06_PERSONNEL_CLASSES } from './rows.js';

/** T06-R2: 人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助. */
export const rule: Rule = {
  meta: {
    id: 'T06-R2',
    title: '一般公共预算财政拨款基本支出决算明细表 人员经费合计等于工资福利支出与对个人和家庭的补助之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['06'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助，容差 env(2)',
    messages: {
      mismatch:
        '一般公共预算财政拨款基本支出决算明细表 人员经费合计 {{actual}} ≠ 301 工资福利支出与 303 对个人和家庭的补助之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('06')) return;
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '06', row: 'personnel_total', column: 'amount' },
      terms: T06_PERSONNEL_CLASSES.map((row) => ({ table: '06', row, column: 'amount' })),
      termsLabel: '工资福利支出与对个人和家庭的补助之和',
      related: ['T06-R1'],
    });
  },
};
