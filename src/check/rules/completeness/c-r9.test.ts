import { describe, expect, it } from 'vitest';
import { exampleHead, FULL_NARRATIVE, narrativeReport } from '../../../../test/support/narrative.js';
import { edit, exampleReport } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import type { DateMention, Report } from '../../../model/report.js';
import { rule } from './c-r9.js';

const published: DateMention = { date: '2024-09-25', text: '公开时间：2024年9月25日', span: { start: 10, end: 25, line: 3 } };
const approved = (date: string): DateMention => ({ date, text: `${date} 批复`, span: { start: 900, end: 920, line: 40 } });
const dated = (disclosure: Report['disclosure']) => edit(exampleReport(), (r) => (r.disclosure = disclosure));

/** Seed 004's cover: 公开时间 printed under the title, before the contents. */
const withPublished = (extra = '') =>
  narrativeReport(FULL_NARRATIVE.replace('示例市档案数字化服务中心2024年度收入总计', `${extra}示例市档案数字化服务中心2024年度收入总计`), exampleHead().replace('目 录', '公开时间：2025 年 9 月 25 日\n\n目 录'));

ruleTester(rule, {
  valid: [
    { name: 'published 15 days after the 批复', report: () => dated({ published, approved: approved('2024-09-10') }) },
    { name: 'exactly 20 days', report: () => dated({ published, approved: approved('2024-09-05') }) },
    { name: 'both dates read from the text', report: () => withPublished('本单位2024年度决算经区财政局于2025年9月10日批复。') },
  ],
  invalid: [
    {
      name: '21 days after the 批复',
      report: () => dated({ published, approved: approved('2024-09-04') }),
      findings: [{ messageId: 'late', status: 'fail', severity: 'info', location: { span: { line: 3 } }, expected: 20, actual: 21 }],
    },
    {
      name: 'seed 004: 公开时间 printed, no 批复 date',
      report: () => withPublished(),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data', severity: 'info', location: { span: { line: 5 } } }],
    },
    {
      name: 'neither date printed',
      report: exampleReport,
      findings: [{ messageId: 'not_applicable', status: 'not_applicable', severity: 'info' }],
    },
    {
      name: 'not a 决算',
      report: () => edit(dated({ published }), (r) => (r.kind = 'performance-evaluation')),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});

describe('disclosure dates read by recognise', () => {
  it('reads the labelled 公开时间 and a date bound to 批复, with their lines', () => {
    const r = withPublished('本单位2024年度决算经区财政局于2025年9月10日批复。');
    expect(r.disclosure).toMatchObject({
      published: { date: '2025-09-25', text: '公开时间：2025 年 9 月 25 日', span: { line: 5 } },
      approved: { date: '2025-09-10', text: expect.stringContaining('2025年9月10日') },
    });
  });

  it('reads no date from text that merely mentions 公开 or 批复', () => {
    const r = narrativeReport(FULL_NARRATIVE.replace('本单位为非参公事业单位', '本单位于2024年10月16日公开了2024年部门预算，支出符合部门预算批复的用途。本单位为非参公事业单位'));
    expect(r.disclosure).toBeUndefined();
  });
});
