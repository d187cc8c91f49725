import { edited, FULL_NARRATIVE, lineOf, narrativeReport } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { extract } from '../../../index.js';
import type { Grid, Report } from '../../../model/report.js';
import { rule } from './n-r2.js';

type Pair = [string | RegExp, string];

/** The narrative alone, without tables (as seed 004): nothing is linked to a cell, facts meet only each other. */
const HEAD = '示例市档案数字化服务中心2024年度单位决算\n\n';
const bare = (...pairs: Pair[]) => narrativeReport(pairs.length ? edited(...pairs) : FULL_NARRATIVE, HEAD);
const bareLine = (needle: string, ...pairs: Pair[]) => lineOf(needle, edited(...pairs)) - (lineOf('第三部分') - 3);

/** The example with tables and its narrative edited. */
const full = (...pairs: Pair[]) => narrativeReport(edited(...pairs));
const fullLine = (needle: string, ...pairs: Pair[]) => lineOf(needle, edited(...pairs));

// 1. Restatements: the 三公 change stated a second time.
const SANGONG = '主要原因是严格控制公务用车运行维护费。';
const sangong = (again: string): Pair => [SANGONG, `${SANGONG}与上年相比，“三公”经费支出${again}。`];

// Counts must be equal exactly: the 公务用车保有量 of the 三公 section stated again with the assets.
const ASSETS = '单位价值100万元以上设备（不含车辆）0台（套）。';
const cars = (n: string): Pair => [ASSETS, `${ASSETS}其中公务用车保有量为${n}辆。`];

// 2. Part and whole: 收入总计 and 财政拨款收入总计 (table 04: 525.00) with their changes against last year.
const TOTAL: Pair = ['主要原因是档案数字化业务量增加。', '主要原因是档案数字化业务量增加。与上年相比，收入总计增加20.00万元。'];
const fiscal = (change: string): Pair => ['2024年度财政拨款收入合计510.00万元。', `2024年度财政拨款收入总计525.00万元，比上年增加${change}万元。2024年度财政拨款收入合计510.00万元。`];
const BASIC_FISCAL = '一般公共预算财政拨款基本支出380.00万元';

// 3. A breakdown whose part is stated elsewhere (001: 免学费 3117.0475（中央和省级1892.3975，市级1224.56） vs 1224.65).
const breakdown = (city: string): Pair => [
  '档案数字化加工项目绩效自评情况：',
  `档案数字化加工资金80.00万元（省级资金30.00万元，市级资金${city}万元）。下达的档案数字化加工市级资金50.00万元已全部支出。\n\n档案数字化加工项目绩效自评情况：`,
];

// 4. A performance self-evaluation with its indicator table (002).
function evaluation(listed: { talents: string; trained: string }): Report {
  const text = `示例市人力资源和社会保障局2023年度部门整体支出绩效自评报告

一、绩效自评情况

（一）部门整体绩效完成情况

产出指标共设置3个，均已实现年度目标。其中：数量指标2个，分别为全年培训人数 ${listed.trained}以上、对已入选的创新领军人才发放资助经费人数 ${listed.talents}。质量指标1个，为培训合格率 90%以上。

2023 年全年部门整体绩效产出指标完成情况表

分类\t指标项\t指标内容及年度预期实现值\t2023 年完成情况
数量指标\t全年培训人数\t指标解释：全年培训人数。预期实现值：全年培训人数 1.2 万人。\t1.5 万人
\t对已入选的创新领军人才发放资助经费人数\t指标解释：发放资助经费人数，预期实现值：发放资助经费人数约\t13 人

\t20 人。\t
质量指标\t培训合格率\t指标解释：培训合格人数/培训人数。预期实现值：90%。\t96%

二、存在的主要问题

无。
`;
  const report = extract(text, { path: 'evaluation.txt' });
  // The grids the recogniser keeps (Report.grids), rebuilt here from the tab-separated lines when it does not yet.
  if (!report.grids) report.grids = gridsOfText(text);
  return report;
}

function gridsOfText(text: string): Grid[] {
  const grids: Grid[] = [];
  let offset = 0;
  text.split('\n').forEach((l, i) => {
    const span = { start: offset, end: offset + l.length, line: i + 1 };
    offset += l.length + 1;
    if (!l.includes('\t')) return;
    const row = { cells: l.split('\t'), span, line: i + 1 };
    const last = grids[grids.length - 1];
    if (last && row.line - last.rows[last.rows.length - 1]!.line <= 2) last.rows.push(row);
    else grids.push({ line: row.line, span, rows: [row] });
  });
  return grids;
}

ruleTester(rule, {
  valid: [
    { name: 'the narrative without tables: 一般公共预算财政拨款基本支出 380.00 ≤ 基本支出 380.00', report: () => bare() },
    { name: 'the narrative with tables', report: () => full() },
    { name: 'a change restated without trailing zeros (减少0.5万元 = 减少0.50万元)', report: () => full(sangong('减少0.5万元')) },
    { name: 'a count restated (公务用车保有量 1辆 = 1辆)', report: () => full(cars('1')) },
    { name: 'last year: fiscal 525.00 − 10.00 = 515.00 ≤ total 536.00 − 20.00 = 516.00', report: () => full(TOTAL, fiscal('10.00')) },
    { name: 'a breakdown that adds up (30.00 + 50.00 = 80.00)', report: () => full(breakdown('50.00')) },
    { name: 'indicator targets as in the table (1.2万人 = 1.2 万人; 约20人 = 20人)', report: () => evaluation({ trained: '1.2 万人', talents: '20 人' }) },
  ],
  invalid: [
    {
      name: 'a change restated with another value (0.60 vs 0.50)',
      report: () => full(sangong('减少0.60万元')),
      findings: [{ messageId: 'restated', status: 'fail', severity: 'error', expected: -0.5, actual: -0.6, location: { span: { line: fullLine('“三公”经费财政拨款支出决算3.00万元') } } }],
    },
    {
      name: 'a change restated 0.01 off: 尾数误差',
      report: () => full(sangong('减少0.51万元')),
      findings: [{ messageId: 'restated', status: 'round', severity: 'info', expected: -0.5, actual: -0.51 }],
    },
    {
      name: 'a change restated with the opposite direction (增加 vs 减少)',
      report: () => full(sangong('增加0.50万元')),
      findings: [{ messageId: 'restated', status: 'fail', severity: 'error', expected: -0.5, actual: 0.5 }],
    },
    {
      name: 'a count restated with another value (2辆 vs 1辆): counts must be equal exactly',
      report: () => full(cars('2')),
      findings: [{ messageId: 'restated', status: 'fail', severity: 'error', expected: 1, actual: 2, location: { span: { line: fullLine('其中公务用车保有量为2辆', cars('2')) } } }],
    },
    {
      name: 'seed 004: 基本支出 1,135.67 vs its fiscal part 1,135.68 — the part exceeds the whole by 0.01 (info)',
      report: () => bare([BASIC_FISCAL, '一般公共预算财政拨款基本支出380.01万元']),
      findings: [{ messageId: 'part_exceeds', status: 'round', severity: 'info', expected: 380, actual: 380.01, location: { span: { line: bareLine('一般公共预算财政拨款基本支出380.01万元', [BASIC_FISCAL, '一般公共预算财政拨款基本支出380.01万元']) } } }],
    },
    {
      name: 'the fiscal 基本支出 1.00 above the 基本支出: an error',
      report: () => bare([BASIC_FISCAL, '一般公共预算财政拨款基本支出381.00万元']),
      findings: [{ messageId: 'part_exceeds', status: 'fail', severity: 'error', expected: 380, actual: 381 }],
    },
    {
      name: 'seed 004: last year’s fiscal total (525.00 − 8.00 = 517.00) above last year’s total (516.00)',
      report: () => full(TOTAL, fiscal('8.00')),
      findings: [{ messageId: 'prior_exceeds', status: 'fail', severity: 'error', actual: 8, location: { span: { line: fullLine('财政拨款收入总计525.00万元', TOTAL, fiscal('8.00')) } } }],
    },
    {
      name: 'last year’s fiscal total 0.01 above last year’s total: 尾数误差',
      report: () => full(TOTAL, fiscal('8.99')),
      findings: [{ messageId: 'prior_exceeds', status: 'round', severity: 'info' }],
    },
    {
      name: 'seed 001: 市级资金 52.00 in the breakdown of 80.00, 50.00 elsewhere (the value that makes it add up)',
      report: () => full(breakdown('52.00')),
      findings: [{ messageId: 'component', status: 'fail', severity: 'error', expected: 50, actual: 52, location: { span: { line: fullLine('档案数字化加工资金80.00万元', breakdown('52.00')) } } }],
    },
    {
      name: 'seed 002: the text gives the achieved value (13人) as the target (约20人), and 1.5万人 for 1.2 万人',
      report: () => evaluation({ trained: '1.5 万人', talents: '13 人' }),
      findings: [
        { messageId: 'target', status: 'fail', severity: 'error', expected: '1.2万人', actual: '1.5万人以上', location: { span: { line: 7 } } },
        { messageId: 'target', status: 'fail', severity: 'error', expected: '约20人', actual: '13人', location: { span: { line: 7 } } },
      ],
    },
  ],
});
