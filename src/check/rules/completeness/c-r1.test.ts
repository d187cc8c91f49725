import { extract } from '../../../index.js';
import { edit, exampleReport, synthetic, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './c-r1.js';

const SC_TABLES = [
  '收入支出决算总表',
  '收入决算表',
  '支出决算表',
  '财政拨款收入支出决算总表',
  '财政拨款支出决算明细表',
  '一般公共预算财政拨款支出决算表',
  '一般公共预算财政拨款支出决算明细表',
  '一般公共预算财政拨款基本支出决算表',
  '一般公共预算财政拨款项目支出决算表',
  '政府性基金预算财政拨款收入支出决算表',
  '国有资本经营预算财政拨款收入支出决算表',
  '国有资本经营预算财政拨款支出决算表',
  '财政拨款“三公”经费支出决算表',
];
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];

/** Seed 004's shape: a Sichuan 决算 that lists its 13 附表 and prints none. */
const LISTED_ONLY = [
  '2023年度示例区人力资源和社会保障局部门决算',
  '第一部分 部门概况',
  '一、部门职责',
  '负责全区就业和社会保障工作。',
  '第二部分 附表',
  ...SC_TABLES.map((t, i) => `${ORDINALS[i]}、${t}`),
].join('\n\n');

ruleTester(rule, {
  valid: [
    { name: 'the example: the 9 tables of the national template, in order', report: exampleReport },
    { name: 'a Shanxi report with table 10', report: () => synthetic(4, 'sx') },
    { name: 'table 06 under the title without 明细', report: () => edit(exampleReport(), (r) => (r.tables.find((t) => t.id === '06')!.title = '一般公共预算财政拨款基本支出决算表')) },
  ],
  invalid: [
    {
      name: 'a table of the set missing',
      report: () => withoutTable(exampleReport(), '06'),
      findings: [{ messageId: 'missing', status: 'fail', severity: 'error', location: { table: '06' }, expected: '一般公共预算财政拨款基本支出决算明细表' }],
    },
    {
      name: 'Shanxi without table 10',
      report: () => withoutTable(synthetic(4, 'sx'), '10'),
      findings: [{ messageId: 'missing', severity: 'error', location: { table: '10' } }],
    },
    {
      name: 'seed 004: 13 附表 listed, no table body',
      report: () => extract(LISTED_ONLY, { path: 'x.txt' }),
      findings: [{ messageId: 'no_tables', status: 'fail', severity: 'error', location: { span: { line: 9 } }, expected: 13, actual: 0 }],
    },
    {
      name: 'tables out of order',
      report: () =>
        edit(exampleReport(), (r) => {
          const [a, b] = [r.tables.find((t) => t.id === '07')!, r.tables.find((t) => t.id === '08')!];
          [a.source.line, b.source.line] = [b.source.line, a.source.line];
        }),
      findings: [{ messageId: 'order', severity: 'warning', expected: '01,02,03,04,05,06,07,08,09', actual: '01,02,03,04,05,06,08,07,09' }],
    },
    {
      name: 'an old title (三公 of the 一般公共预算 only, 2020–2021)',
      report: () => edit(exampleReport(), (r) => (r.tables.find((t) => t.id === '09')!.title = '一般公共预算财政拨款“三公”经费支出决算表')),
      findings: [{ messageId: 'title', severity: 'warning', location: { table: '09' }, expected: '财政拨款“三公”经费支出决算表' }],
    },
    {
      name: 'seed 002: a performance evaluation is not a 决算',
      report: () => edit(exampleReport(), (r) => (r.kind = 'performance-evaluation')),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable', severity: 'info' }],
    },
  ],
});
