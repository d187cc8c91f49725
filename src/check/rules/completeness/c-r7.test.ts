import { edited, lineOf, narrativeReport, narrativeWith, narrativeWithout } from '../../../../test/support/narrative.js';
import { edit } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './c-r7.js';

const PERFORMANCE = '（四）预算绩效情况说明';
const CLAIM = '本单位组织对2024年度2个项目开展绩效自评';

ruleTester(rule, {
  valid: [
    { name: 'coverage, results, and both projects reported', report: () => narrativeReport() },
    {
      // The generator's wording when the supplement lists no projects (src/render/narrative/): present, unfilled (C-R10).
      name: 'generated with a marker in place of the coverage and the results',
      report: () => narrativeWith(/本单位组织对2024年度2个项目开展绩效自评[\s\S]*?(?=第四部分)/, '根据预算绩效管理要求，本单位组织对2024年度项目支出开展绩效自评。【待填写：绩效自评范围（项目个数、涉及资金）和自评结果】\n\n'),
    },
    {
      name: 'Shanxi: 涉及二级项目2个, results in appended 自评表',
      report: () =>
        narrativeReport(
          edited(
            [/本单位组织对2024年度2个项目开展绩效自评[\s\S]*?(?=第四部分)/, '组织对2024年初预算安排的所有项目全面开展了绩效自评，涉及二级项目2个，自评等级均为“优”，自评表见附件。\n\n'],
            [/$/, '\n第五部分：附件\n\n档案数字化加工经费项目支出绩效自评表\n\n数字档案保存经费项目支出绩效自评表\n'],
          ),
        ),
    },
  ],
  invalid: [
    {
      name: 'a marker for the grade only: the coverage is still missing',
      report: () => narrativeWith(/本单位组织对2024年度2个项目开展绩效自评[\s\S]*?(?=第四部分)/, '本单位组织对2024年度项目支出开展绩效自评，评价等级为【待填写：评价等级】。\n\n'),
      findings: [{ messageId: 'coverage', status: 'fail', severity: 'warning', location: { span: { line: lineOf(PERFORMANCE) } } }],
    },
    {
      name: 'seed 000: says 4 projects, reports 2',
      report: () => narrativeWith(CLAIM, '本单位组织对2024年度4个项目开展绩效自评'),
      findings: [{ messageId: 'count', status: 'fail', severity: 'warning', location: { span: { line: lineOf('本单位组织对2024年度') } }, expected: 4, actual: 2 }],
    },
    {
      name: 'no results',
      report: () => narrativeReport(edited(['完成预算的100%，评价等级为优。', '完成预算的100%。'], ['完成预算的100%，评价等级为优。', '完成预算的100%。'])),
      findings: [{ messageId: 'results', severity: 'warning', location: { span: { line: lineOf(PERFORMANCE) } } }],
    },
    {
      name: 'no 绩效 section',
      report: () => narrativeWithout(PERFORMANCE),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
    {
      name: 'seed 002: a performance evaluation is not a 决算',
      report: () => edit(narrativeReport(), (r) => (r.kind = 'performance-evaluation')),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});
