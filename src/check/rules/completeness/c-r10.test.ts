import { FULL_NARRATIVE, lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { edit } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './c-r10.js';

const CHANGE = '比上年增加16.00万元，主要原因是档案数字化业务量增加。';
const THREE = '比上年决算数减少0.50万元。主要原因是严格控制公务用车运行维护费。';

ruleTester(rule, {
  valid: [
    { name: 'every reason written', report: () => narrativeReport() },
    { name: 'the word 待填写 without the marker brackets is text', report: () => narrativeWith(CHANGE, '比上年增加16.00万元，主要原因是待填写的申请增加。') },
  ],
  invalid: [
    {
      name: 'not a 决算 (a performance evaluation): not applicable, like the other completeness rules',
      report: () => edit(narrativeWith(CHANGE, '比上年增加16.00万元，主要原因是【待填写：本年收入增减变动原因】。'), (r) => (r.kind = 'performance-evaluation')),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
    {
      name: 'one marker',
      report: () => narrativeWith(CHANGE, '比上年增加16.00万元，主要原因是【待填写：本年收入增减变动原因】。'),
      findings: [
        { messageId: 'unfilled', severity: 'warning', status: 'fail', expected: '本年收入增减变动原因', location: { span: { line: lineOf('示例市档案数字化服务中心2024年度收入总计') } } },
      ],
    },
    {
      name: 'two markers in two sections, a bare one and a half-width one',
      report: () =>
        narrativeReport(
          FULL_NARRATIVE.replace(CHANGE, '比上年增加16.00万元，主要原因是【待填写】。').replace(THREE, '比上年决算数减少0.50万元。主要原因是[待填写: “三公”经费增减变动原因]。'),
        ),
      findings: [
        { messageId: 'unfilled', expected: '待填写内容', location: { span: { line: lineOf('示例市档案数字化服务中心2024年度收入总计') } } },
        { messageId: 'unfilled', expected: '“三公”经费增减变动原因', location: { span: { line: lineOf('2024年度“三公”经费财政拨款支出决算3.00万元') } } },
      ],
    },
  ],
});
