import { edited, lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './n-r5.js';

const CLASSES = '一般公共服务支出（类）428.00万元，占84.3%；社会保障和就业支出（类）50.00万元，占9.8%；卫生健康支出（类）12.00万元，占2.4%；住房保障支出（类）18.00万元，占3.5%。';
/** Seed 004's pattern: parts whose correctly rounded shares add up to 100.1, one share rounded down to force 100.0. */
const FORCED = '一般公共服务支出（类）428.25万元，占84.3%；社会保障和就业支出（类）50.05万元，占9.9%；卫生健康支出（类）11.95万元，占2.3%；住房保障支出（类）17.75万元，占3.5%。';
const SANGONG_SHARES = '2024年度“三公”经费财政拨款支出决算中，因公出国（境）费0万元，占0%；公务用车购置及运行维护费支出2.40万元，占80%；公务接待费支出0.60万元，占20%。\n\n1. 因公出国（境）费支出0万元。';
const SMALL = '授予小微企业合同金额12.00万元，占授予中小企业合同金额的60%';
const FUNDS = '涉及资金128.00万元，占项目支出总额的100%';

ruleTester(rule, {
  valid: [
    { name: 'the complete example: class shares of 508.00, 中小企业 100%, 小微 60%, 涉及资金 100%', report: () => narrativeReport() },
    { name: 'seed 000 pattern: 三公 shares of the 三公 total named before the enumeration', report: () => narrativeWith('1. 因公出国（境）费支出0万元。', SANGONG_SHARES) },
    {
      name: 'seed 004 pattern: 其中：A x万元，占 y%; the total stated before 其中',
      report: () => narrativeWith('其中本年支出512.00万元：基本支出380.00万元，项目支出128.00万元。', '其中本年支出512.00万元，其中：基本支出380.00万元，占74.2%；项目支出128.00万元，占25.0%。'),
    },
    { name: 'a share of a named whole, stated before: 占本年支出合计的99.2%', report: () => narrativeWith('一般公共预算财政拨款支出508.00万元，', '一般公共预算财政拨款支出508.00万元，占本年支出合计的99.2%，') },
    { name: 'a share of a zero total is not judged', report: () => narrativeWith(FUNDS, '涉及资金0万元，占政府性基金预算项目支出总额的0%') },
  ],
  invalid: [
    {
      name: 'seed 004: 占本年支出合计的98.9% for 99.22%',
      report: () => narrativeWith('一般公共预算财政拨款支出508.00万元，', '一般公共预算财政拨款支出508.00万元，占本年支出合计的98.9%，'),
      findings: [{ messageId: 'share', status: 'fail', severity: 'error', expected: 99.2, actual: 98.9, location: { span: { line: lineOf('2024年度财政拨款支出合计508.00万元') } } }],
    },
    {
      name: 'seed 004: 卫生健康 2.3% for 2.36% → 2.4%, forcing the four shares to 100.0',
      report: () => narrativeWith(CLASSES, FORCED),
      findings: [{ messageId: 'forced', status: 'fail', severity: 'error', expected: 2.4, actual: 2.3, location: { span: { line: lineOf('一般公共服务支出（类）428.00万元') } } }],
    },
    {
      name: 'one share off, the shares then sum to 101.0',
      report: () => narrativeWith('占84.3%', '占85.3%'),
      findings: [
        { messageId: 'share', status: 'fail', severity: 'error', expected: 84.3, actual: 85.3 },
        { messageId: 'sum', status: 'fail', severity: 'error', expected: 100, actual: 101 },
      ],
    },
    {
      name: 'seed 000: 三公 shares 80.2% / 19.8% for 80.00% / 20.00%, inside the intervals → info',
      report: () => narrativeWith('1. 因公出国（境）费支出0万元。', SANGONG_SHARES.replace('占80%', '占80.2%').replace('占20%', '占19.8%')),
      findings: [
        { messageId: 'round', status: 'round', severity: 'info', expected: 80, actual: 80.2 },
        { messageId: 'round', status: 'round', severity: 'info', expected: 20, actual: 19.8 },
      ],
    },
    {
      name: '占授予中小企业合同金额的61% for 60%',
      report: () => narrativeWith(SMALL, SMALL.replace('60%', '61%')),
      findings: [{ messageId: 'share', status: 'fail', expected: 60, actual: 61 }],
    },
    {
      name: 'the total from the table when the narrative does not state it: 一般公共预算项目支出总额 = T05 合计 项目支出',
      report: () => narrativeReport(edited([FUNDS, '涉及资金128.00万元，占一般公共预算项目支出总额的90%'])),
      findings: [{ messageId: 'share', status: 'fail', expected: 100, actual: 90 }],
    },
  ],
});
