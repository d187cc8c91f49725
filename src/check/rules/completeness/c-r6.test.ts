import { edited, lineOf, narrativeReport, narrativeWith, narrativeWithout } from '../../../../test/support/narrative.js';
import { edit, synthetic } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './c-r6.js';

const PROCUREMENT = '（二）政府采购支出情况说明';

ruleTester(rule, {
  valid: [
    { name: '货物/工程/服务 and the 中小企业/小微 shares', report: () => narrativeReport() },
    { name: 'no procurement this year', report: () => narrativeWith(/2024年度本单位政府采购支出总额[^\n]*/, '本单位本年度无政府采购支出。') },
    {
      name: 'generated with markers in place of the amounts (present, unfilled: C-R10)',
      report: () =>
        narrativeWith(
          /2024年度本单位政府采购支出总额[^\n]*/,
          '2024年度本单位政府采购支出总额【待填写：政府采购支出总额】，其中：政府采购货物支出【待填写：货物采购金额】、政府采购工程支出【待填写：工程采购金额】、政府采购服务支出【待填写：服务采购金额】。授予中小企业合同金额【待填写：授予中小企业合同金额】，其中：授予小微企业合同金额【待填写：授予小微企业合同金额】。',
        ),
    },
  ],
  invalid: [
    {
      name: 'markers for the split, but nothing about 中小企业 and 小微',
      report: () =>
        narrativeWith(
          /2024年度本单位政府采购支出总额[^\n]*/,
          '2024年度本单位政府采购支出总额20.00万元，其中：政府采购货物支出【待填写：货物采购金额】、政府采购工程支出【待填写：工程采购金额】、政府采购服务支出【待填写：服务采购金额】。',
        ),
      findings: [
        { messageId: 'missing', status: 'fail', severity: 'error', location: { span: { line: lineOf(PROCUREMENT) } }, expected: '授予中小企业合同金额及占比' },
        { messageId: 'missing', status: 'fail', severity: 'error', location: { span: { line: lineOf(PROCUREMENT) } }, expected: '授予小微企业合同金额及占比' },
      ],
    },
    {
      name: 'no 小微 share, no 工程',
      report: () => narrativeReport(edited(['、政府采购工程支出0万元', ''], ['，其中：授予小微企业合同金额12.00万元，占授予中小企业合同金额的60%', ''])),
      findings: [
        { messageId: 'missing', status: 'fail', severity: 'error', location: { span: { line: lineOf(PROCUREMENT) } }, expected: '政府采购工程支出' },
        { messageId: 'missing', status: 'fail', severity: 'error', location: { span: { line: lineOf(PROCUREMENT) } }, expected: '授予小微企业合同金额及占比' },
      ],
    },
    {
      name: 'no 政府采购 section',
      report: () => narrativeWithout(PROCUREMENT),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
    {
      // A Shanxi workbook of the tables alone: 公开10表 gives 货物/工程/服务, the 中小企业 shares are text only.
      name: 'Shanxi tables without any narrative read: the 中小企业 shares cannot be looked for',
      report: () => synthetic(5, 'sx'),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
    {
      name: 'Shanxi with a narrative but no 政府采购 section: 公开10表 gives the split, the shares are missing',
      report: () => edit(synthetic(5, 'sx'), (r) => (r.sections = narrativeWithout(PROCUREMENT).sections)),
      findings: [
        { messageId: 'missing', status: 'fail', severity: 'error', expected: '授予中小企业合同金额及占比' },
        { messageId: 'missing', status: 'fail', severity: 'error', expected: '授予小微企业合同金额及占比' },
      ],
    },
    {
      name: 'not a 决算',
      report: () => edit(narrativeReport(), (r) => (r.kind = 'performance-evaluation')),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});
