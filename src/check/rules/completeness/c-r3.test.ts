import { lineOf, narrativeReport, narrativeWithout } from '../../../../test/support/narrative.js';
import { edit, exampleReport } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './c-r3.js';

/** The first version of the shipped example: three short sections and a 名词解释. */
const SHORT = `第三部分：示例市档案数字化服务中心2024年度单位决算情况说明

一、2024年度收入支出决算总体情况说明

示例市档案数字化服务中心2024年度收入总计536.00万元，支出总计536.00万元。其中本年收入516.00万元，本年支出512.00万元，年末结转和结余24.00万元。

二、2024年度一般公共预算财政拨款支出决算情况说明

2024年度一般公共预算财政拨款支出508.00万元，占本年支出合计的99.2%。其中：基本支出380.00万元，项目支出128.00万元。

三、2024年度财政拨款“三公”经费支出决算情况说明

2024年度“三公”经费财政拨款支出决算3.00万元，完成全年预算的75.0%。其中：公务用车运行维护费2.40万元，公务接待费0.60万元。

第四部分：名词解释

一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款。
`;

/** Guangdong's 情况说明: no 一般公共预算 structure / 项 detail / 基本支出 section. */
const GD = () => narrativeWithout('三、2024年度一般公共预算财政拨款支出决算情况说明');

ruleTester(rule, {
  valid: [
    { name: 'every section of the checklist', report: () => narrativeReport() },
    { name: 'the Guangdong template without 结构, 项 detail and 基本支出', report: GD },
    { name: 'a Shanxi report with all of them', report: () => edit(narrativeReport(), (r) => (r.template = 'sx')) },
  ],
  invalid: [
    {
      name: 'the same text under the Shanxi template lacks three sections',
      report: () => edit(GD(), (r) => (r.template = 'sx')),
      findings: [
        { messageId: 'missing', status: 'fail', severity: 'warning', expected: '一般公共预算财政拨款支出决算结构情况（按类及占比）', location: { span: { line: lineOf('第三部分：示例市档案数字化服务中心2024年度单位决算情况说明') } } },
        { messageId: 'missing', severity: 'warning', expected: '一般公共预算财政拨款支出决算具体情况（到项）' },
        { messageId: 'missing', severity: 'warning', expected: '一般公共预算财政拨款基本支出决算情况（人员经费、公用经费）' },
      ],
    },
    {
      name: 'no 政府采购 section',
      report: () => narrativeWithout('（二）政府采购支出情况说明'),
      findings: [{ messageId: 'missing', severity: 'warning', expected: '政府采购支出情况' }],
    },
    {
      name: 'a short narrative: totals, 一般公共预算 and 三公 only',
      report: () => narrativeReport(SHORT),
      findings: ['收入决算情况', '支出决算情况', '财政拨款收入支出决算总体情况', '政府性基金预算财政拨款收支决算情况', '国有资本经营预算财政拨款支出决算情况', '机关运行经费支出情况', '政府采购支出情况', '国有资产占用情况', '预算绩效情况'].map(
        (expected) => ({ messageId: 'missing', severity: 'warning' as const, expected }),
      ),
    },
    {
      name: 'no narrative read',
      report: () => edit(exampleReport(), (r) => (r.sections = [])),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
    {
      name: 'not a 决算',
      report: () => edit(narrativeReport(), (r) => (r.kind = 'performance-evaluation')),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});

