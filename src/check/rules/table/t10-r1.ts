import type { Rule } from '../../types.js';
import { t10Row, type T10Meaning } from './rows.js';

const PARTS: T10Meaning[] = ['goods', 'works', 'services'];

/** T10-R1 (Shanxi 公开10表): 政府采购 合计 = 货物 + 工程 + 服务. */
export const rule: Rule = {
  meta: {
    id: 'T10-R1',
    title: '部门决算公开相关信息统计表 政府采购合计等于货物、工程、服务之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['10'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.1 [SEED]',
    doc: '政府采购情况：行1 合计 = 行2 货物 + 行3 工程 + 行4 服务（按栏目名称定位，找不到时按山西 2023 模板行次），容差 env(3)',
    messages: {
      mismatch:
        '部门决算公开相关信息统计表 政府采购“合计” {{actual}} ≠ 货物、工程、服务三项之和 {{expected}}，相差 {{absDifference}} {{unit}}',
    },
  },
  check(ctx) {
    if (!ctx.need('10')) return;
    const table = ctx.table('10')!;
    const total = t10Row(table, 'procurementTotal');
    const parts = PARTS.map((m) => t10Row(table, m));
    if (!total || parts.some((p) => !p)) {
      ctx.insufficient('部门决算公开相关信息统计表未能读到政府采购的合计、货物、工程、服务各行，无法核对', { table: '10' });
      return;
    }
    ctx.sum({
      messageId: 'mismatch',
      total: { table: '10', row: total.key, column: 'amount' },
      terms: parts.map((p) => ({ table: '10', row: p!.key, column: 'amount' })),
      termsLabel: '货物、工程、服务之和',
    });
  },
};
