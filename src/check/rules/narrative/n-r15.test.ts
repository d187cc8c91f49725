import { edited, exampleHead, lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { edit } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import type { Report } from '../../../model/report.js';
import { rule } from './n-r15.js';

/** The example's coverage statement; its table 05 prints 项目支出 128.00 and 合计 508.00. */
const COVERAGE = '本单位组织对2024年度2个项目开展绩效自评，涉及资金128.00万元，占项目支出总额的100%。';
const GD = (gpb: string) =>
  `组织对2024年度一般公共预算项目支出开展绩效自评，其中一级项目1个，二级项目2个，共涉及资金${gpb}万元，占一般公共预算项目支出总额的100%；组织对2024年度0个政府性基金预算项目开展绩效自评，共涉及资金0万元，占政府性基金预算项目支出总额的0%。`;
const WHOLE = (gpb: string) => `组织单位整体支出绩效自评，涉及一般公共预算支出${gpb}万元，政府性基金预算支出0万元，国有资本经营预算支出0万元。`;
const SX = (amount: string) => `根据预算绩效管理要求，一是组织对2024年初预算安排的所有项目资金全面开展了绩效自评，涉及二级项目2个，资金${amount}万元，其中一般公共预算项目支出${amount}万元。自评结果为：两个项目自评等级为“优”，二是组织对2个项目开展了部门评价，涉及资金${amount}万元。`;

/** Two appended 自评表 (SX layout, as Report.grids carries them): 年初预算 80 + 50, 全年执行数 80 + 46.8. */
function withSelfEvaluationTables(report: Report): Report {
  const table = (line: number, budget: string, executed: string) => ({
    line,
    span: { start: 0, end: 0, line },
    rows: [
      ['项目资金预算安排及执行进度(万元)', '资金总额', '年初预算数', '全年预算数', '全年执行数', '资金结(转)余', '执行率', '得分'],
      ['', '', '目标申报数', '预算编制数', '', '', '', ''],
      ['', '', budget, budget, executed, executed, '0', '100', '10'],
    ].map((cells, i) => ({ cells, span: { start: 0, end: 0, line: line + i }, line: line + i })),
  });
  return edit(report, (r) => (r.grids = [table(900, '80', '80'), table(910, '50', '46.8')]));
}

/** The same two 自评表 as Report.evaluations carries them (no grids): 年初预算 80 + 50, 全年执行数 80 + 46.8. */
function withEvaluations(report: Report): Report {
  const project = (id: string, line: number, budget: string, executed: string) => {
    const f = (text: string) => ({ text, value: Number(text), decimals: text.split('.')[1]?.length ?? 0, unit: '万元' });
    return {
      kind: 'project' as const,
      id,
      name: `项目${id}`,
      form: 'table' as const,
      stated: [],
      statements: [],
      analysis: [],
      place: { line },
      funds: [{ source: '资金总额', total: true, initialBudget: f(budget), annualBudget: f(executed), executed: f(executed), place: { line: line + 2 } }],
      goals: [],
      indicators: [],
    };
  };
  return edit(report, (r) => {
    r.grids = [];
    r.evaluations = [project('E1', 900, '80', '80'), project('E2', 910, '50', '46.8')];
  });
}

ruleTester(rule, {
  valid: [
    { name: '100% of 项目支出 (example)', report: () => narrativeReport() },
    { name: 'seed 000: 一般公共预算 100%, 政府性基金 0 and 0%', report: () => narrativeWith(COVERAGE, GD('128.00')) },
    { name: 'seeds 000/001: the unit as a whole', report: () => narrativeWith(COVERAGE, `${COVERAGE}${WHOLE('508.00')}`) },
    { name: 'seed 001: a part of 项目支出', report: () => narrativeWith(COVERAGE, '本单位组织对2024年度1个项目开展绩效自评，涉及资金80.00万元，占项目支出总额的62.5%。') },
    { name: 'a 1-decimal amount within half its unit', report: () => narrativeWith(COVERAGE, SX('128')) },
    { name: 'all projects: the 全年执行数 of the appended 自评表', report: () => withSelfEvaluationTables(narrativeWith(COVERAGE, SX('126.8'))) },
    { name: 'all projects: the 年初预算数 of the appended 自评表', report: () => withSelfEvaluationTables(narrativeWith(COVERAGE, SX('130'))) },
    { name: 'all projects: the 全年执行数 of the evaluations read from the 自评表', report: () => withEvaluations(narrativeWith(COVERAGE, SX('126.8'))) },
    { name: 'all projects: the 年初预算数 of the evaluations read from the 自评表', report: () => withEvaluations(narrativeWith(COVERAGE, SX('130'))) },
    {
      name: 'no tables: nothing to compare with',
      report: () => {
        const head = exampleHead();
        return narrativeReport(edited([COVERAGE, SX('126.8')]), head.slice(0, head.indexOf('\n表1\n')));
      },
    },
  ],
  invalid: [
    {
      name: 'seed 003: neither table 05 nor the appended 自评表',
      report: () => withSelfEvaluationTables(narrativeWith(COVERAGE, SX('126.9'))),
      findings: [{ messageId: 'mismatch', severity: 'error', expected: 128, actual: 126.9 }],
    },
    {
      name: 'seed 003: neither table 05 nor the evaluations read from the 自评表',
      report: () => withEvaluations(narrativeWith(COVERAGE, SX('126.9'))),
      findings: [{ messageId: 'mismatch', severity: 'error', expected: 128, actual: 126.9 }],
    },
    {
      name: 'seed 003: all projects, 资金 not the 项目支出 of table 05',
      report: () => narrativeWith(COVERAGE, SX('126.8')),
      findings: [{ messageId: 'mismatch', status: 'fail', severity: 'error', expected: 128, actual: 126.8, difference: -1.2, location: { span: { line: lineOf('根据预算绩效管理要求', edited([COVERAGE, SX('126.8')])) } } }],
    },
    {
      name: '100% of 一般公共预算项目支出, off by 0.01: rounding',
      report: () => narrativeWith(COVERAGE, GD('128.01')),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', expected: 128, actual: 128.01 }],
    },
    {
      name: 'a part larger than the whole 项目支出',
      report: () => narrativeWith(COVERAGE, '本单位组织对2024年度2个项目开展绩效自评，涉及资金150.00万元，占项目支出总额的85%。'),
      findings: [{ messageId: 'exceeds', status: 'fail', severity: 'error', expected: 128, actual: 150, difference: 22 }],
    },
    {
      name: 'the unit as a whole: 一般公共预算支出 not table 05 合计',
      report: () => narrativeWith(COVERAGE, `${COVERAGE}${WHOLE('518.00')}`),
      findings: [{ messageId: 'mismatch', severity: 'error', expected: 508, actual: 518 }],
    },
  ],
});
