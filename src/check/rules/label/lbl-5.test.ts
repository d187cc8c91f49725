import { FULL_NARRATIVE, lineOf, narrativeReport } from '../../../../test/support/narrative.js';
import { edit, exampleReport } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './lbl-5.js';

const PERFORMANCE = /（四）预算绩效情况说明[\s\S]*?(?=第四部分)/;

function withProjects(list: string[], headings: string[]): string {
  const text = [
    '（四）预算绩效情况说明',
    `本单位开展了${list.map((n) => `“${n}”`).join('、').replace(/、(“[^、]*”)$/, '和$1')}共${list.length}个项目绩效自评。`,
    ...headings.flatMap((h, i) => [`项目${'一二三四五'[i]}、${h}`, '自评等级为优，分数为95分。']),
    '',
  ].join('\n\n');
  return FULL_NARRATIVE.replace(PERFORMANCE, text + '\n');
}

const LIST = ['档案数字化加工经费', '数字档案长期保存专项经费', '档案利用“一站式”服务经费'];
const VARIANT = ['档案数字化加工经费：', '数字档案长期存储专项经费：', '档案利用“一站式”服务经费：'];

ruleTester(rule, {
  valid: [
    { name: 'no project named twice', report: () => narrativeReport() },
    { name: 'list and headings agree', report: () => narrativeReport(withProjects(LIST, LIST.map((n) => `${n}：`))) },
    {
      name: 'a heading broken by a page break, a half-width colon',
      report: () => narrativeReport(withProjects(LIST, ['档案数字化加工经费:', '数字档案长期保存专\n\n项经费：', '档案利用“一站式”服务经费：'])),
    },
    { name: 'headings only', report: () => narrativeReport(withProjects(['甲'], LIST)) },
  ],
  invalid: [
    {
      name: 'two characters differ (seed 001: 培训 in the list, 考试 in the heading)',
      report: () => narrativeReport(withProjects(LIST, VARIANT)),
      findings: [
        {
          messageId: 'variant',
          status: 'fail',
          severity: 'info',
          location: { span: { line: lineOf('项目二、数字档案长期存储', withProjects(LIST, VARIANT)) } },
          expected: '数字档案长期保存专项经费',
          actual: '数字档案长期存储专项经费',
        },
      ],
    },
    {
      name: 'the differing heading broken by a page break',
      report: () => narrativeReport(withProjects(LIST, ['档案数字化加工经费：', '数字档案长期存储专\n\n项经费：', '档案利用“一站式”服务经费：'])),
      findings: [{ messageId: 'variant', severity: 'info', expected: '数字档案长期保存专项经费', actual: '数字档案长期存储专项经费' }],
    },
    {
      name: 'a name far from every heading is another project, not a variant',
      report: () => narrativeReport(withProjects(LIST, ['档案数字化加工经费：', '数字档案长期存储专项经费：', '档案馆安防设备维护费：'])),
      findings: [{ messageId: 'variant', severity: 'info', actual: '数字档案长期存储专项经费' }],
    },
    {
      name: 'no narrative read',
      report: () => edit(exampleReport(), (r) => (r.sections = [])),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});
