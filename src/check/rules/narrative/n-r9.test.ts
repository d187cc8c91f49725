import { describe, expect, it } from 'vitest';
import { edited, exampleHead, lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { kindOf, rule } from './n-r9.js';

const TOTAL = '2024年度“三公”经费财政拨款支出决算3.00万元，完成全年预算4.00万元的75.0%';
const KEPT = '公务用车保有量为1辆';
const HELD = '本单位共有车辆1辆，其中，其他用车1辆';

/** The example without its tables: the 三公 decomposition is checked in the narrative itself. */
const withoutTables = (...pairs: [string | RegExp, string][]) => () => {
  const head = exampleHead();
  return narrativeReport(edited(...pairs), head.slice(0, head.indexOf('表1')));
};
const lineWithoutTables = (needle: string, ...pairs: [string | RegExp, string][]) => {
  const head = exampleHead();
  const doc = head.slice(0, head.indexOf('表1')) + edited(...pairs);
  return doc.slice(0, doc.indexOf(needle)).split('\n').length;
};

ruleTester(rule, {
  valid: [
    { name: 'the complete example: 3.00 of 4.00, 保有量 1 = 车辆 1', report: () => narrativeReport() },
    {
      name: '完成全年预算的75.0% without a budget amount: 3.00 ÷ 4.00 from table 09',
      report: () => narrativeWith('完成全年预算4.00万元的75.0%', '完成全年预算的75.0%'),
    },
    { name: 'no table 09: 3.00 = 0 + 2.40 + 0.60 and 2.40 = 0 + 2.40 in the text', report: withoutTables() },
    {
      name: 'no table 09: spent nothing, completed 0%',
      report: withoutTables(['1. 因公出国（境）费支出0万元。', '1. 因公出国（境）费支出0万元，完成预算0%。']),
    },
  ],
  invalid: [
    {
      name: '完成预算 x% without a budget amount, against table 09',
      report: () => narrativeWith('完成全年预算4.00万元的75.0%', '完成全年预算的80.0%'),
      findings: [
        { messageId: 'completion', status: 'fail', severity: 'error', expected: 75, actual: 80, location: { table: '09', row: 'main', column: '7', span: { line: lineOf('“三公”经费财政拨款支出决算3.00万元') } } },
      ],
    },
    {
      name: 'a budget amount that is not table 09’s 预算数',
      report: () => narrativeWith('完成全年预算4.00万元的75.0%', '完成全年预算5.00万元的60.0%'),
      findings: [{ messageId: 'budget', status: 'fail', severity: 'error', expected: 4, actual: 5, difference: 1, location: { table: '09', row: 'main', column: '1' } }],
    },
    {
      name: '公务用车保有量 larger than the vehicles of the 国有资产 section',
      report: () => narrativeWith(KEPT, '公务用车保有量为2辆'),
      findings: [{ messageId: 'vehicles', status: 'fail', severity: 'error', expected: 1, actual: 2, location: { span: { line: lineOf(KEPT) } } }],
    },
    {
      name: '公务用车保有量 smaller than the vehicles (a 特种专业技术用车 outside 三公): a warning to explain',
      report: () => narrativeWith(HELD, '本单位共有车辆2辆，其中，其他用车1辆、特种专业技术用车1辆'),
      findings: [{ messageId: 'vehiclesFewer', status: 'fail', severity: 'warning', expected: 2, actual: 1 }],
    },
    {
      name: 'no table 09: the 三公 total is not the sum of its three items',
      report: withoutTables([TOTAL, TOTAL.replace('3.00万元', '3.10万元')]),
      findings: [
        {
          messageId: 'composition',
          status: 'fail',
          severity: 'error',
          expected: 3,
          actual: 3.1,
          difference: 0.1,
          location: { span: { line: lineWithoutTables('“三公”经费财政拨款支出决算3.10万元', [TOTAL, TOTAL.replace('3.00万元', '3.10万元')]) } },
        },
      ],
    },
    {
      name: 'no table 09: 0.01 off over three items is 尾数误差',
      report: withoutTables([TOTAL, TOTAL.replace('3.00万元', '3.01万元')]),
      findings: [{ messageId: 'compositionRound', status: 'round', severity: 'info', expected: 3, actual: 3.01 }],
    },
    {
      name: 'no table 09: 公务用车购置及运行维护费 is not 购置费 + 运行维护费',
      report: withoutTables(['公务用车运行维护费支出2.40万元', '公务用车运行维护费支出2.20万元']),
      findings: [{ messageId: 'composition', status: 'fail', expected: 2.2, actual: 2.4 }],
    },
    {
      name: 'no table 09: an item that spent nothing states a completion above 0%',
      report: withoutTables(['1. 因公出国（境）费支出0万元。', '1. 因公出国（境）费支出0万元，完成预算5%。']),
      findings: [{ messageId: 'spentNothing', status: 'fail', severity: 'error', expected: 0, actual: 5 }],
    },
  ],
});

describe('N-R9 names the 三公 items', () => {
  it('by subject, details excluded', () => {
    expect(['三公经费', '因公出国（境）经费支出', '公务用车购置及运行维护费', '公务用车购置费', '公务用车运行维护费', '公务接待费', '国内公务接待支出', '公务用车购置数'].map(kindOf)).toEqual([
      'total',
      'abroad',
      'vehicle',
      'purchase',
      'running',
      'reception',
      undefined,
      undefined,
    ]);
  });
});
