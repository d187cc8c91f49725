import { edited, exampleHead, lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { edit } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './n-r10.js';

/** The example's 机关运行经费 paragraph (a non-参公 事业单位 that states no amount). */
const OUTSIDE = '本单位为非参公事业单位，不在机关运行经费统计范围内。';
/** The example's 公用经费合计 in table 06 is 40.00; its 基本支出 paragraph says 公用经费50.00万元. */
const stated = (amount: string) => `2024年度本单位机关运行经费支出${amount}万元，比上年减少1.00万元，主要原因是压减办公费。`;

/** The example without its tables (a document such as seed 004): cover, contents and 概况 only. */
function withoutTables(narrative: string) {
  const head = exampleHead();
  return narrativeReport(narrative, head.slice(0, head.indexOf('\n表1\n')));
}

ruleTester(rule, {
  valid: [
    { name: 'seed 000: a non-参公 事业单位 outside the statistics', report: () => narrativeReport() },
    { name: 'seed 000: 0 with the reason', report: () => narrativeWith(OUTSIDE, `2024年度本单位机关运行经费支出0万元。${OUTSIDE}`) },
    { name: 'seed 001: below 公用经费合计 (subordinate 事业单位 excluded)', report: () => narrativeWith(OUTSIDE, stated('32.50')) },
    { name: 'a pure administrative unit: equal to 公用经费合计', report: () => narrativeWith(OUTSIDE, stated('40.00')) },
    { name: 'seed 003: 本部门无机关运行经费', report: () => narrativeWith(OUTSIDE, '本部门无机关运行经费。') },
    { name: 'seed 004: no tables, equal to the stated 公用经费', report: () => withoutTables(edited([OUTSIDE, stated('50.00')])) },
    { name: 'within 0.01 of 公用经费合计', report: () => narrativeWith(OUTSIDE, stated('40.01')) },
    { name: 'a 2024 budget document is not judged', report: () => edit(narrativeWith(OUTSIDE, stated('90.00')), (r) => (r.kind = 'budget')) },
  ],
  invalid: [
    {
      name: 'more than 公用经费合计 of table 06',
      report: () => narrativeWith(OUTSIDE, stated('45.00')),
      findings: [{ messageId: 'exceeds', status: 'fail', severity: 'warning', location: { span: { line: lineOf('机关运行经费支出45.00万元', edited([OUTSIDE, stated('45.00')])) } }, expected: 40, actual: 45, difference: 5 }],
    },
    {
      name: 'no tables: more than the 公用经费 the narrative states',
      report: () => withoutTables(edited([OUTSIDE, stated('60.35')])),
      findings: [{ messageId: 'exceeds', severity: 'warning', expected: 50, actual: 60.35 }],
    },
    {
      name: 'a non-参公 事业单位 with an amount',
      report: () => narrativeWith(OUTSIDE, `${OUTSIDE}2024年度机关运行经费支出3.20万元。`),
      findings: [{ messageId: 'outside_nonzero', severity: 'warning', expected: 0, actual: 3.2 }],
    },
    {
      name: '0 without a reason while the unit has 公用经费',
      report: () => narrativeWith(OUTSIDE, '2024年度本单位机关运行经费支出0万元。'),
      findings: [{ messageId: 'zero_unexplained', severity: 'warning', actual: 0 }],
    },
  ],
});
