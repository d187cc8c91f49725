import { edited, lineOf, narrativeReport, narrativeWith, narrativeWithout } from '../../../../test/support/narrative.js';
import { edit } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './c-r4.js';

const THREE = '六、2024年度财政拨款“三公”经费支出决算情况说明';

ruleTester(rule, {
  valid: [
    { name: 'all counts and the reasons', report: () => narrativeReport() },
    {
      // The generator's wording when the supplement lacks the counts (src/render/narrative/): present, unfilled (C-R10).
      name: 'generated with markers in place of every count',
      report: () =>
        narrativeReport(
          edited(
            ['团组0个、累计0人次', '团组【待填写：出国（境）团组数】个、累计【待填写：出国（境）人次】人次'],
            ['公务用车购置数0辆', '公务用车购置数【待填写：公务用车购置数】辆'],
            ['公务用车保有量为1辆', '公务用车保有量为【待填写：公务用车保有量】辆'],
            ['来访团组0个，来访外宾0人次；发生国内接待5次，接待人数共40人', '来访团组【待填写：外事接待批次】个，来访外宾【待填写：外事接待人次】人次；发生国内公务接待【待填写：国内公务接待批次】批次，接待【待填写：国内公务接待人次】人次'],
            ['主要原因是严格控制公务用车运行维护费。', '主要原因是【待填写：“三公”经费比上年增减变动原因】。'],
          ),
        ),
    },
    {
      name: 'Sichuan wording with spaces (团组0个，出国（境）0人; 共有公务用车 1 辆; 16 批次，245 人次)',
      report: () =>
        narrativeWith(
          /1\. 因公出国[\s\S]*?(?=七、)/,
          '1. 全年安排因公出国（境）团组0个，出国（境）0人。\n\n2. 全年按规定更新购置公务用车 0 辆。截至 2024 年 12 月底，本部门共有公务用车 1 辆。\n\n3. 国内公务接待 16 批次，245 人次，共计支出 0.60 万元。外事接待 0 批次，0 人。\n\n',
        ),
    },
  ],
  invalid: [
    {
      name: 'a marker stands only for the detail it names (团组 unfilled, 国内接待 missing)',
      report: () =>
        narrativeReport(
          edited(['团组0个、累计0人次', '团组【待填写：出国（境）团组数】个、累计【待填写：出国（境）人次】人次'], ['发生国内接待5次，接待人数共40人', '发生国内接待若干']),
        ),
      findings: [{ messageId: 'missing', status: 'fail', severity: 'error', location: { span: { line: lineOf(THREE) } }, expected: '国内公务接待批次和人数' }],
    },
    {
      name: 'no 团组 count and no 国内接待 count',
      report: () => narrativeReport(edited(['全年使用财政拨款安排出国（境）团组0个、累计0人次。', ''], ['发生国内接待5次，接待人数共40人', '发生国内接待若干'])),
      findings: [
        { messageId: 'missing', status: 'fail', severity: 'error', location: { span: { line: lineOf(THREE) } }, expected: '因公出国（境）团组数和人数' },
        { messageId: 'missing', status: 'fail', severity: 'error', location: { span: { line: lineOf(THREE) } }, expected: '国内公务接待批次和人数' },
      ],
    },
    {
      name: 'no reasons for the change',
      report: () => narrativeWith('主要原因是严格控制公务用车运行维护费。', ''),
      findings: [{ messageId: 'missing', severity: 'error', expected: '支出增减变化（与预算、上年相比）的原因' }],
    },
    {
      name: 'no 三公 section (C-R3 reports it)',
      report: () => narrativeWithout(THREE),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
    {
      name: 'not a 决算',
      report: () => edit(narrativeReport(), (r) => (r.kind = 'performance-evaluation')),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});
