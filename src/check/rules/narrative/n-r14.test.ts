import { edited, lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './n-r14.js';

const PERFORMANCE = '数字档案保存项目绩效自评情况：项目全年预算数为48.00万元，执行数为48.00万元，完成预算的100%，评价等级为优。';
const TITLE = '第三部分：示例市档案数字化服务中心2024年度单位决算情况说明';
const said = (sentence: string) => narrativeWith(PERFORMANCE, `${PERFORMANCE}${sentence}`);

ruleTester(rule, {
  valid: [
    { name: 'the example', report: () => narrativeReport() },
    { name: 'a budget published in its year, final accounts the year after', report: () => said('本单位已于2024年2月16日公开2024年部门预算，2024年8月20日公开本单位2023年部门决算。') },
    { name: 'seed 004: 预算编制说明 and 预算绩效 are no document kind', report: () => said('2025年3月随同2025年部门预算编制说明公开了2025年预算整体绩效目标，于2025年5月对2024年整体支出绩效进行了自评并公开。') },
  ],
  invalid: [
    {
      name: 'seed 002: a past year\'s 部门预算 published after the year',
      report: () => said('2024年10月16日公开本部门及所属单位2023年部门预算，公开时间均在规定时限内。'),
      findings: [
        {
          messageId: 'kind_period',
          status: 'fail',
          severity: 'error',
          expected: '2023年部门决算',
          actual: '2023年部门预算',
          location: { span: { line: lineOf('数字档案保存项目绩效自评情况', edited([PERFORMANCE, `${PERFORMANCE}x`])) } },
        },
      ],
    },
    {
      name: 'final accounts of a year not yet ended',
      report: () => said('2024年度部门决算已于2024年6月20日在门户网站公开。'),
      findings: [{ messageId: 'kind_period', severity: 'error', expected: '2024年部门预算', actual: '2024年部门决算' }],
    },
    {
      name: 'the document\'s own heading names the wrong kind',
      report: () => narrativeWith(TITLE, '第三部分：示例市档案数字化服务中心2024年度单位预算情况说明'),
      findings: [{ messageId: 'own_kind', severity: 'warning', expected: '第三部分：示例市档案数字化服务中心2024年度单位决算情况说明'.replace('第三部分：', ''), location: { span: { line: lineOf(TITLE) } } }],
    },
    {
      name: 'the document\'s own heading names another year',
      report: () => narrativeWith(TITLE, '第三部分：示例市档案数字化服务中心2023年度单位决算情况说明'),
      findings: [{ messageId: 'own_year', severity: 'warning', expected: 2024, actual: 2023 }],
    },
  ],
});
