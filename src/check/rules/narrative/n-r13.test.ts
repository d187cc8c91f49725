import { edited, exampleHead, lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './n-r13.js';

const INCOME = '2024年度财政拨款收入合计510.00万元。其中：一般公共预算财政拨款收入510.00万元；政府性基金预算财政拨款收入0万元；国有资本经营预算财政拨款收入0万元。';
const STRUCTURE = '卫生健康支出（类）12.00万元，占2.4%；住房保障支出（类）18.00万元，占3.5%。';

/** The example without its tables (a document such as seed 004): cover, contents and 概况 only. */
function withoutTables(narrative: string) {
  const head = exampleHead();
  return narrativeReport(narrative, head.slice(0, head.indexOf('\n表1\n')));
}

ruleTester(rule, {
  valid: [
    { name: 'every amount in 万元', report: () => narrativeReport() },
    {
      name: 'seed 003: items in 元 under a total in 万元',
      report: () => narrativeWith('公用经费50.00万元，主要包括办公费、差旅费、维修（护）费。', '公用经费50.00万元，主要包括办公费176922.88元、差旅费1077.12元、维修（护）费600元。'),
    },
    {
      name: 'counts, percentages, dates and 人民币 are not amounts',
      report: () => narrativeWith('主要原因是档案数字化业务量增加。', '主要原因是档案数字化业务量增加，2024年全年接待群众1250人次，满意率98.5%，服务热线12345，奖励资金共计3万元人民币，项目编号2024001。'),
    },
    {
      name: 'seed 001: a number broken from its unit by a page break',
      report: () => narrativeWith('一、财政拨款收入：', '首届技能大赛承办费92.4\n\n万元，已支出91.5万元，结余0.9万元。\n\n一、财政拨款收入：'),
    },
  ],
  invalid: [
    {
      name: 'seed 003: amounts without unit, restating table 05 in 元',
      report: () => narrativeWith(STRUCTURE, '卫生健康支出（类）120000.00，占2.4%；住房保障支出（类）200000.00，占3.5%。'),
      findings: [
        { messageId: 'missing_unit', status: 'fail', severity: 'error', expected: '120000.00元', actual: '120000.00', location: { span: { line: lineOf('卫生健康支出（类）12.00万元') } } },
        { messageId: 'missing_unit', severity: 'error', expected: '200000.00元', actual: '200000.00' },
      ],
    },
    {
      name: 'seed 004: a part in 元 that only adds up to its 万元 total in 万元',
      report: () => withoutTables(edited([INCOME, '2024年度财政拨款收入合计510.00万元，其中一般公共预算财政拨款收入505.5元，国有资本经营预算财政拨款收入4.5万元。'])),
      findings: [{ messageId: 'wrong_unit', severity: 'error', expected: '505.5万元', actual: '505.5元' }],
    },
    {
      name: 'the same quantity printed elsewhere in 万元',
      report: () => narrativeWith('其中本年收入516.00万元，比上年增加16.00万元', '其中本年收入516.00万元，比上年增加16.00万元（本年一般公共预算财政拨款收入510.00元）'),
      findings: [{ messageId: 'wrong_unit', severity: 'error', expected: '510.00万元', actual: '510.00元' }],
    },
    {
      name: 'seed 004: a stray character after the unit',
      report: () => narrativeWith('公务用车运行维护费支出2.40万元', '公务用车运行维护费支出2.40万元人'),
      findings: [{ messageId: 'typo', status: 'fail', severity: 'info', expected: '2.40万元', actual: '2.40万元人' }],
    },
  ],
});
