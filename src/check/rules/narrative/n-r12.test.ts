import { edited, exampleHead, lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { edit } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import type { Report } from '../../../model/report.js';
import { rule } from './n-r12.js';

/** The example's table 01 prints 年末结转和结余 24.00. */
const PERFORMANCE = '数字档案保存项目绩效自评情况：项目全年预算数为48.00万元，执行数为48.00万元，完成预算的100%，评价等级为优。';
const carry = (amounts: string) => `${PERFORMANCE}年中追加项目${amounts}结转至次年支付。`;
const PROCUREMENT =
  '2024年度本单位政府采购支出总额20.00万元，其中：政府采购货物支出5.00万元、政府采购工程支出0万元、政府采购服务支出15.00万元。授予中小企业合同金额20.00万元，占政府采购支出总额的100%，其中：授予小微企业合同金额12.00万元，占授予中小企业合同金额的60%。';
const NO_PROCUREMENT = '2024年度本单位政府采购支出总额0万元，其中：政府采购货物支出0万元、政府采购工程支出0万元、政府采购服务支出0万元。';
const CLAIM = '本单位2024年度设定的各项绩效指标均已实现。';

/** The example without its tables (a document such as seed 004): cover, contents and 概况 only. */
function withoutTables(narrative: string): Report {
  const head = exampleHead();
  return narrativeReport(narrative, head.slice(0, head.indexOf('\n表1\n')));
}

/** An indicator table, as Report.grids carries the grids that are not standard tables. */
function withIndicators(report: Report, rows: string[][]): Report {
  return edit(report, (r) => {
    r.grids = [
      {
        line: 900,
        span: { start: 0, end: 0, line: 900 },
        rows: [['分类', '指标项', '指标内容及年度预期实现值', '2024年完成情况'], ...rows].map((cells, i) => ({ cells, span: { start: 0, end: 0, line: 900 + i }, line: 900 + i })),
      },
    ];
  });
}
const ROW_MET = ['数量指标', '档案数字化加工量', '指标解释：全年数字化加工档案数量；预期实现值：120万页。', '完成135万页'];
const ROW_ABOUT = ['数量指标', '数字档案保存', '预期实现值：约 50 万件。', '48 万件'];
const ROW_CEILING = ['服务对象满意度', '有效投诉数量', '预期实现值：不超过10次。', '已完成，2024年实际投诉次数为0次'];
const ROW_SHORT = ['', '档案查阅服务人次', '预期实现值：约 20 人次。', '', '完成13人次。'];

ruleTester(rule, {
  valid: [
    { name: 'the example: no claim contradicts the tables', report: () => narrativeReport() },
    { name: 'a carry-over within 年末结转和结余 24.00', report: () => narrativeWith(PERFORMANCE, carry('经费5.00万元')) },
    { name: 'money carried into the year is no carry-over to the next', report: () => narrativeWith(PERFORMANCE, `${PERFORMANCE}此项资金为2023年度省级资金，结转到2024年度使用。`) },
    { name: 'procurement claimed with a procurement total above 0', report: () => narrativeWith(PERFORMANCE, `${PERFORMANCE}本单位在2024年度采购中均面向中小企业采购。`) },
    { name: 'all indicators met (约 allows 10%, a ceiling is not exceeded)', report: () => withIndicators(narrativeWith(PERFORMANCE, `${PERFORMANCE}${CLAIM}`), [ROW_MET, ROW_ABOUT, ROW_CEILING]) },
    { name: 'an indicator short without any claim that all were met', report: () => withIndicators(narrativeReport(), [ROW_SHORT]) },
  ],
  invalid: [
    {
      name: 'more carried over than 年末结转和结余 of table 01',
      report: () => narrativeWith(PERFORMANCE, carry('体检经费10.75万元、能力建设资金19.87万元')),
      findings: [{ messageId: 'carry_over_exceeds', status: 'fail', severity: 'error', expected: 24, actual: 30.62, location: { span: { line: lineOf('年中追加项目', edited([PERFORMANCE, carry('x')])) } } }],
    },
    {
      name: 'seed 004: no tables, the narrative says 结转结余0万元',
      report: () => withoutTables(edited([PERFORMANCE, `${carry('体检经费5.75万元、能力建设资金19.87万元')}2024年度决算报表结转结余0万元。`])),
      findings: [{ messageId: 'carry_over', severity: 'error', expected: 0, actual: 25.62 }],
    },
    {
      name: 'seed 004: no tables, 年末没有财政结余资金',
      report: () => withoutTables(edited([PERFORMANCE, `${carry('经费5.75万元')}年末没有财政结余资金，预算控制较好。`])),
      findings: [{ messageId: 'carry_over', severity: 'error', expected: 0, actual: 5.75 }],
    },
    {
      name: 'seed 004: procurement claimed, procurement total 0',
      report: () => narrativeReport(edited([PROCUREMENT, NO_PROCUREMENT], [PERFORMANCE, `${PERFORMANCE}本单位在2024年度采购中均面向中小企业采购，支持中小企业发展。`])),
      findings: [{ messageId: 'procurement', status: 'fail', severity: 'warning', expected: 0 }],
    },
    {
      name: 'seed 002: all indicators said to be met, one short of its target',
      report: () => withIndicators(narrativeWith(PERFORMANCE, `${PERFORMANCE}${CLAIM}`), [ROW_MET, ROW_SHORT, ROW_CEILING]),
      findings: [{ messageId: 'unmet_target', severity: 'error', expected: '约20人次', actual: '13人次', location: { span: { line: lineOf('数字档案保存项目绩效自评情况', edited([PERFORMANCE, `${PERFORMANCE}${CLAIM}`])) } } }],
    },
  ],
});
