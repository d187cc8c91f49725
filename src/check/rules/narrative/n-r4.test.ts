import { lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './n-r4.js';

const INCOME = '其中本年收入516.00万元，比上年增加16.00万元';
const SANGONG = '2024年度“三公”经费财政拨款支出决算3.00万元，完成全年预算4.00万元的75.0%';
/** Seed 003's wording: a zero 三公 budget with a completion rate, for the whole and an item under it. */
const ZERO_SANGONG = '2024年度“三公”经费财政拨款支出全年预算0万元，支出决算0万元，完成全年预算的0%。其中：因公出国（境）费支出0万元，完成全年预算的0%';

ruleTester(rule, {
  valid: [
    { name: 'the complete example', report: () => narrativeReport() },
    { name: '增加16.00万元，增长3.2%', report: () => narrativeWith(INCOME, `${INCOME}，增长3.2%`) },
    {
      name: 'seeds 000/001: 增加0万元，增长--（基数为0，不可比） on a zero prior',
      report: () => narrativeWith('政府性基金预算财政拨款收入0万元；', '政府性基金预算财政拨款收入0万元，比上年决算数增加0万元，增长--（基数为0，不可比）；'),
    },
    {
      name: 'seed 000: 完成预算0万元的--%（基数为0，不可比）',
      report: () => narrativeWith('1. 因公出国（境）费支出0万元。', '1. 因公出国（境）费支出决算为0万元，完成预算0万元的--%（基数为0，不可比）。'),
    },
    { name: 'the prior-year amount stated: 516.00 against 500.00, 增加16.00万元', report: () => narrativeWith(INCOME, '其中本年收入516.00万元，上年决算数500.00万元，比上年增加16.00万元') },
    { name: 'a completion whose budget is not stated is not judged here', report: () => narrativeWith(SANGONG, '2024年度“三公”经费财政拨款支出决算3.00万元，完成全年预算的75.0%') },
  ],
  invalid: [
    {
      name: 'seed 003: 全年预算0万元，支出决算0万元，完成全年预算的0%, and the item under the zero budget',
      report: () => narrativeWith(SANGONG, ZERO_SANGONG),
      findings: [
        { messageId: 'zero_completion', status: 'fail', severity: 'error', expected: '--', actual: '0%', location: { span: { line: lineOf(SANGONG) } } },
        { messageId: 'zero_completion', status: 'fail', severity: 'error', expected: '--', actual: '0%', location: { span: { line: lineOf(SANGONG) } } },
      ],
    },
    {
      name: 'a 三公 item whose T09 预算 cell is 0: 因公出国（境）费 完成预算的0%',
      report: () => narrativeWith('1. 因公出国（境）费支出0万元。', '1. 因公出国（境）费支出0万元，完成预算的0%。'),
      findings: [{ messageId: 'zero_completion', status: 'fail', severity: 'error', location: { span: { line: lineOf('1. 因公出国（境）费支出0万元') } } }],
    },
    {
      name: 'a rate on a zero prior: 增加516.00万元 on 516.00, 增长100%',
      report: () => narrativeWith(INCOME, '其中本年收入516.00万元，比上年增加516.00万元，增长100%'),
      findings: [{ messageId: 'zero_rate', status: 'fail', severity: 'error', expected: '--', actual: '100%' }],
    },
    {
      name: '不可比 although the prior (500.00) is not 0 → warning',
      report: () => narrativeWith(INCOME, `${INCOME}，增长--（不可比）`),
      findings: [{ messageId: 'comparable_rate', status: 'fail', severity: 'warning' }],
    },
    {
      name: '完成全年预算4.00万元的--（不可比） although the budget is not 0 → warning',
      report: () => narrativeWith(SANGONG, '2024年度“三公”经费财政拨款支出决算3.00万元，完成全年预算4.00万元的--（不可比）'),
      findings: [{ messageId: 'comparable_completion', status: 'fail', severity: 'warning', location: { span: { line: lineOf(SANGONG) } } }],
    },
    {
      name: '增加16.00万元 but 下降3.2%',
      report: () => narrativeWith(INCOME, `${INCOME}，下降3.2%`),
      findings: [{ messageId: 'conflict', status: 'fail', severity: 'error', actual: '3.2%', location: { span: { line: lineOf('其中本年收入516.00万元') } } }],
    },
    {
      name: 'the prior-year amount stated: 516.00 against 520.00, yet 增加',
      report: () => narrativeWith(INCOME, '其中本年收入516.00万元，上年决算数520.00万元，比上年增加16.00万元'),
      findings: [{ messageId: 'sign', status: 'fail', severity: 'error', expected: '减少', actual: '增加', location: { span: { line: lineOf('其中本年收入516.00万元') } } }],
    },
    {
      name: '与上年持平 but 增长3.2%',
      report: () => narrativeWith(INCOME, '其中本年收入516.00万元，与上年持平，增长3.2%'),
      findings: [{ messageId: 'flat', status: 'fail', severity: 'error', expected: 0, actual: '3.2%' }],
    },
  ],
});
