import type { Rule } from '../../types.js';
import { cellOrZero } from './shared.js';

/** Basic-spending lines of table 06 and the 三公 决算 column of table 09 that contains them. */
const PAIRS: { line: string; column: string; item: string }[] = [
  { line: '30217', column: '12', item: '公务接待费' },
  { line: '30231', column: '11', item: '公务用车运行维护费' },
  { line: '30212', column: '8', item: '因公出国（境）费' },
  { line: '31013', column: '10', item: '公务用车购置费' },
];

/**
 * X-R18: a 三公 line of 基本支出 (table 06) cannot exceed the 三公 决算 of table 09, which also holds
 * the project spending and 政府性基金 parts. When table 09 is printed empty (本表无数据) its amounts
 * are 0, so these table 06 lines must be 0. A table 06 line that is not printed counts as 0.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R18',
    title: '基本支出中的“三公”经费不超过“三公”经费决算数',
    severity: 'warning',
    category: 'accuracy',
    tables: ['06', '09'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]（三公经费还包括项目支出和政府性基金安排的部分，故只要求“不大于”）',
    doc: 'T06[30217 公务接待费] ≤ T09[栏12]；T06[30231 公务用车运行维护费] ≤ T09[栏11]；T06[30212 因公出国（境）费用] ≤ T09[栏8]；T06[31013 公务用车购置] ≤ T09[栏10]；T09 无数据时这些行应为 0，容差 0.01',
    messages: {
      exceeds:
        '{{where}} 为 {{actual}} {{unit}}，大于{{other}} {{expected}} {{unit}}，多出 {{absDifference}} {{unit}}{{toleranceNote}}' +
        '基本支出中的{{item}}是“三公”经费{{item}}决算数的一部分：请核对“三公”经费支出决算表，或说明该笔支出为何未计入“三公”经费。',
    },
  },
  check(ctx) {
    if (!ctx.need('06', '09')) return;
    for (const { line, column, item } of PAIRS) {
      ctx.atMost({
        messageId: 'exceeds',
        actual: cellOrZero(ctx, { table: '06', row: line, column: 'amount' }),
        expected: cellOrZero(ctx, { table: '09', row: 'main', column }),
        data: { item },
        related: ['T09-R1'],
      });
    }
  },
};
