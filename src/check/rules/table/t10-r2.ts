import type { Rule } from '../../types.js';
import { t10Row, t10VehicleRows } from './rows.js';

/** T10-R2 (Shanxi 公开10表): 车辆数合计 = the vehicle types (rows 8–15), whole vehicles, exactly. */
export const rule: Rule = {
  meta: {
    id: 'T10-R2',
    title: '部门决算公开相关信息统计表 车辆数合计等于各类用车之和',
    severity: 'error',
    category: 'accuracy',
    tables: ['10'],
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.1 [SEED]',
    doc: '国有资产占用情况：行7 车辆数合计(辆) = Σ 行8–15 各类用车（整数，精确相等；空白为 0）',
    messages: {
      mismatch: '部门决算公开相关信息统计表 车辆数合计 {{actual}} 辆 ≠ 各类用车（{{n}} 类）之和 {{expected}} 辆，相差 {{absDifference}} 辆',
      notInteger: '部门决算公开相关信息统计表 “{{name}}” 填为 {{actual}}，车辆数应为整数（辆）',
    },
  },
  check(ctx) {
    if (!ctx.need('10')) return;
    const table = ctx.table('10')!;
    const total = t10Row(table, 'vehicleTotal');
    const parts = t10VehicleRows(table);
    if (!total || parts.length === 0) {
      ctx.insufficient('部门决算公开相关信息统计表未能读到车辆数合计及各类用车行，无法核对', { table: '10' });
      return;
    }
    const count = (key: string, name: string, value: number | null | undefined): number | undefined => {
      const v = value ?? 0;
      if (Number.isInteger(v)) return v;
      ctx.flag({ messageId: 'notInteger', location: { table: '10', row: key, column: 'amount' }, expected: null, actual: v, data: { name, actual: String(v) } });
      return undefined;
    };
    const totalCount = count(total.key, total.name, total.cells['amount']);
    const partCounts = parts.map((p) => count(p.key, p.name, p.cells['amount']));
    if (totalCount === undefined || partCounts.some((c) => c === undefined)) return;
    const sum = (partCounts as number[]).reduce((s, c) => s + c, 0);
    if (sum === totalCount) return;
    const diff = totalCount - sum;
    ctx.flag({
      messageId: 'mismatch',
      location: { table: '10', row: total.key, column: 'amount' },
      expected: sum,
      actual: totalCount,
      differenceUnits: diff * ctx.scale,
      data: { actual: totalCount, expected: sum, n: parts.length, absDifference: Math.abs(diff) },
    });
  },
};
