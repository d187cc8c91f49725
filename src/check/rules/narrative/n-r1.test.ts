import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthetic } from '../../../../test/support/reports.js';
import { edited, exampleHead, lineOf, narrativeReport } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { extract } from '../../../index.js';
import { renderText } from '../../../render/text.js';
import { rule } from './n-r1.js';

/**
 * The shipped narrative quotes seven amounts that its tables do not print (基本支出 380 vs 382, 项目支出 128
 * vs 130, 一般公共服务 428 vs 426, 住房保障 18 vs 20, 2080505 34 vs 33, 人员经费 330 vs 340, 公用经费 50 vs
 * 40); these edits make it restate every linked cell correctly, the starting point of the cases below.
 */
const FIXES: [string, string][] = [
  ['基本支出380.00万元，项目支出128.00万元。', '基本支出382.00万元，项目支出130.00万元。'],
  ['一般公共服务支出（类）428.00万元', '一般公共服务支出（类）426.00万元'],
  ['住房保障支出（类）18.00万元', '住房保障支出（类）20.00万元'],
  ['基本养老保险缴费支出（项）：支出决算为34.00万元', '基本养老保险缴费支出（项）：支出决算为33.00万元'],
  ['人员经费330.00万元', '人员经费340.00万元'],
  ['公用经费50.00万元', '公用经费40.00万元'],
];
const correct = (...more: [string | RegExp, string][]) => edited(...FIXES, ...more);
const report = (...more: [string | RegExp, string][]) => narrativeReport(correct(...more));
const line = (needle: string, ...more: [string | RegExp, string][]) => lineOf(needle, correct(...more));

/** The example with table 03's 基本支出 / 项目支出 printed with cents (381.96 / 130.04): for the 1-decimal cases. */
function withCents(...more: [string | RegExp, string][]) {
  const head = exampleHead().replace('\t合计\t512.00\t382.00\t130.00', '\t合计\t512.00\t381.96\t130.04');
  if (head === exampleHead()) throw new Error('示例表3合计行已改变');
  return narrativeReport(correct(['基本支出382.00万元，项目支出130.00万元。', '基本支出382.0万元，项目支出130.0万元。'], ...more), head);
}

/** A Shanxi synthetic document (table 10 prints 车辆数合计 3) with one sentence about vehicles. */
function sxWithVehicles(count: string) {
  const text = renderText(synthetic(1, 'sx'), { template: 'sx' });
  return extract(`${text}\n截至2024年12月31日，本单位共有车辆${count}辆。\n`, { path: 'sx.txt' });
}

const BASIC = '基本支出382.00万元';

/** The shipped example, whose §三 (一般公共预算财政拨款支出) says `其中：基本支出380.00万元` — table 05's, not table 03's 382.00. */
const EXAMPLE = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'examples', '示例单位2024年度单位决算.txt'), 'utf8');
const example = (from = '', to = '') => extract(from ? EXAMPLE.replace(from, to) : EXAMPLE, { path: 'example.txt' });
const exampleLine = (needle: string) => EXAMPLE.slice(0, EXAMPLE.indexOf(needle)).split('\n').length;

ruleTester(rule, {
  valid: [
    { name: 'every linked amount restates its cell', report: () => report() },
    {
      name: 'trailing zeros dropped (382 / 130.0 for 382.00 / 130.00), 元 converted (3,400,000.00元 → 340.00)',
      report: () => report([BASIC + '，项目支出130.00万元', '基本支出382万元，项目支出130.0万元'], ['人员经费340.00万元', '人员经费3,400,000.00元']),
    },
    {
      name: '元 rounded half up to 万元 (399,950元 → 40.00), a 元 number printed without unit (003: 卫生健康支出165141.73)',
      report: () => report(['公用经费40.00万元', '公用经费399,950元'], ['卫生健康支出（类）12.00万元', '卫生健康支出（类）120000.00']),
    },
    { name: 'a 1-decimal narrative within ±0.05 of the cell (382.0 for 381.96, 130.0 for 130.04)', report: () => withCents() },
    { name: 'a Shanxi vehicle count restating table 10 (3 = 3)', report: () => sxWithVehicles('3') },
    { name: 'the shipped example: 基本支出 in the 一般公共预算财政拨款 section is table 05’s (380.00), not table 03’s (382.00)', report: () => example() },
  ],
  invalid: [
    {
      name: 'the shipped narrative: seven amounts its tables do not print',
      report: () => narrativeReport(),
      findings: [
        { messageId: 'mismatch', status: 'fail', severity: 'error', expected: 382, actual: 380, difference: -2, location: { table: '03', row: 'total', column: '2', span: { line: lineOf('其中本年支出512.00万元') } } },
        { messageId: 'mismatch', status: 'fail', expected: 130, actual: 128, location: { table: '03', row: 'total', column: '3' } },
        { messageId: 'mismatch', status: 'fail', expected: 426, actual: 428, difference: 2, location: { table: '05', row: '201', column: '1' } },
        { messageId: 'mismatch', status: 'fail', expected: 20, actual: 18, location: { table: '05', row: '221', column: '1' } },
        { messageId: 'mismatch', status: 'fail', expected: 33, actual: 34, location: { table: '05', row: '2080505', column: '1', span: { line: lineOf('基本养老保险缴费支出（项）') } } },
        { messageId: 'mismatch', status: 'fail', expected: 340, actual: 330, location: { table: '06', row: 'personnel_total', column: 'amount' } },
        { messageId: 'mismatch', status: 'fail', expected: 40, actual: 50, location: { table: '06', row: 'public_total', column: 'amount' } },
      ],
    },
    {
      name: '0.01 off: 尾数误差 (info)',
      report: () => report([BASIC, '基本支出382.01万元']),
      findings: [{ messageId: 'mismatch', status: 'round', severity: 'info', expected: 382, actual: 382.01, difference: 0.01, location: { span: { line: line('其中本年支出512.00万元') } } }],
    },
    {
      name: '1 decimal: 130.2 for 130.04 is an error, 381.9 for 381.96 尾数误差 (beyond ±0.05 by 0.01)',
      report: () => withCents(['基本支出382.0万元，项目支出130.0万元。', '基本支出381.9万元，项目支出130.2万元。']),
      findings: [
        { messageId: 'mismatch', status: 'fail', severity: 'error', expected: 130.04, actual: 130.2, difference: 0.16, location: { table: '03', column: '3' } },
        { messageId: 'mismatch', status: 'round', severity: 'info', expected: 381.96, actual: 381.9, difference: -0.06, location: { table: '03', column: '2' } },
      ],
    },
    {
      name: '元: 300,000元 is 30.00 for 40.00 (error); 3,399,940元 rounds to 339.99 for 340.00 (info)',
      report: () => report(['人员经费340.00万元', '人员经费3,399,940元'], ['公用经费40.00万元', '公用经费300,000元']),
      findings: [
        { messageId: 'mismatch', status: 'fail', expected: 40, actual: 300000, difference: -10, location: { table: '06', row: 'public_total' } },
        { messageId: 'mismatch', status: 'round', expected: 340, actual: 3399940, difference: -0.01, location: { table: '06', row: 'personnel_total' } },
      ],
    },
    {
      name: 'in the 一般公共预算财政拨款 section, 基本支出 381.00 is compared with table 05 (380.00)',
      report: () => example('其中：基本支出380.00万元', '其中：基本支出381.00万元'),
      findings: [{ messageId: 'mismatch', status: 'fail', expected: 380, actual: 381, location: { table: '05', row: 'total', column: '2', span: { line: exampleLine('其中：基本支出380.00万元') } } }],
    },
    {
      name: 'a vehicle count that is not table 10’s (4 vs 3)',
      report: () => sxWithVehicles('4'),
      findings: [{ messageId: 'count', status: 'fail', severity: 'error', expected: 3, actual: 4, location: { table: '10', row: 'L7' } }],
    },
  ],
});
