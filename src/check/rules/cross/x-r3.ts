import type { Rule } from '../../types.js';
import { equalMessage } from './shared.js';

/** T02 合计 columns 3–7 against the income rows 4–8 of T01. */
const PAIRS: [string, string][] = [
  ['3', 'inc.superior'],
  ['4', 'inc.business'],
  ['5', 'inc.operating'],
  ['6', 'inc.affiliated'],
  ['7', 'inc.other'],
];

/** X-R3: 收入决算表 合计 上级补助 … 其他收入 = 总表 同名收入行. */
export const rule: Rule = {
  meta: {
    id: 'X-R3',
    title: '收入决算表各项非财政拨款收入与总表一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['02', '01'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]',
    doc: 'T02[合计, 栏3…7] = T01[上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入]（5 项），容差 0.01',
    messages: {
      mismatch: equalMessage('请核对两表该项收入的填列：同一收入在两表应是同一个数。'),
    },
  },
  check(ctx) {
    if (!ctx.need('02', '01')) return;
    for (const [column, row] of PAIRS) {
      ctx.equal({
        messageId: 'mismatch',
        actual: { table: '02', row: 'total', column },
        expected: { table: '01', row, column: '1' },
        related: ['X-R1'],
      });
    }
  },
};
