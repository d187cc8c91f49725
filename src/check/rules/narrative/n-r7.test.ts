import { describe, expect, it } from 'vitest';
import { edited, lineOf, narrativeReport } from '../../../../test/support/narrative.js';
import { ruleTester, runRule } from '../../../../test/support/rule-tester.js';
import { quotedNamesBefore, rule, unlisted } from './n-r7.js';

/** The 绩效 paragraph about the first project; the cases put their enumerations after it. */
const PROJECT = '档案数字化加工项目绩效自评情况：项目全年预算数为80.00万元，执行数为80.00万元，完成预算的100%，评价等级为优。';

/** The complete narrative with `text` as new paragraphs after the first project's. */
const after = (text: string) => edited([PROJECT, `${PROJECT}\n\n${text}`]);
const doc = (text: string) => () => narrativeReport(after(text));
const at = (needle: string, text: string) => ({ span: { line: lineOf(needle, after(text)) } });

const CLOSING = '档案数字化加工项目年初预算50.00万元，年中追加30.00万元，资金合计80.00万元。';
const LISTED = '档案数字化加工项目资金80.00万元，具体支出情况如下：\n\n（1）扫描加工45.00万元，已支出45.00万元；\n\n（2）数据著录35.00万元，已支出35.00万元。';
const PARTIAL = '档案数字化加工项目资金80.00万元，其中：扫描加工45.00万元，数据著录30.00万元。';
const NAMED = '本单位对“档案数字化加工”和“数字档案保存”共2个项目开展绩效自评。';

ruleTester(rule, {
  valid: [
    { name: 'the complete example (its sums restate table cells or belong to N-R9 / N-R11)', report: () => narrativeReport() },
    { name: 'a closing 合计 that adds up', report: doc(CLOSING) },
    {
      // A sentence wrapped over printed lines is one statement: its amounts are summed together.
      name: 'a closing 合计 that adds up, its sentence wrapped over three printed lines',
      report: doc('档案数字化加工项目年初预算\n50.00万元，年中追加30.00万元，资金\n合计80.00万元。'),
    },
    { name: 'a numbered list 如下 that adds up (已支出 are details of the items)', report: doc(LISTED) },
    { name: 'a 其中 list that names only the main parts (45 + 30 < 80)', report: doc(PARTIAL) },
    { name: 'a count that matches the quoted names', report: doc(NAMED) },
    {
      // 其中 after two totals side by side details both (收入 and 支出 parts, and the balance): no one total.
      name: 'a 其中 sentence after 收入总计 and 支出总计 side by side is not summed against the first',
      report: doc('档案数字化加工项目资金收入总计80.00万元，支出总计78.00万元。其中财政资金收入60.00万元，财政资金支出58.00万元，年末结余2.00万元。'),
    },
    {
      name: 'a part whose unit is misprinted (50.00元 for 万元) is N-R13’s, not a wrong sum',
      report: doc(CLOSING.replace('50.00万元', '50.00元')),
    },
    {
      name: 'the 政府采购 decomposition is N-R11’s',
      report: () => narrativeReport(edited(['政府采购服务支出15.00万元', '政府采购服务支出16.00万元'])),
    },
  ],
  invalid: [
    {
      name: 'closing 合计 larger than its parts',
      report: doc(CLOSING.replace('资金合计80.00万元', '资金合计85.00万元')),
      findings: [{ messageId: 'short', status: 'fail', severity: 'error', expected: 80, actual: 85, difference: 5, location: at('资金合计85.00', CLOSING.replace('资金合计80.00万元', '资金合计85.00万元')) }],
    },
    {
      name: 'closing 合计 smaller than its parts',
      report: doc(CLOSING.replace('资金合计80.00万元', '资金合计75.00万元')),
      findings: [{ messageId: 'sum', status: 'fail', severity: 'error', expected: 80, actual: 75, difference: -5 }],
    },
    {
      name: 'a difference inside the envelope 0.005 × (2 + 1) is 尾数误差',
      report: doc(CLOSING.replace('资金合计80.00万元', '资金合计80.01万元')),
      findings: [{ messageId: 'round', status: 'round', severity: 'info', expected: 80, actual: 80.01, difference: 0.01 }],
    },
    {
      name: 'a numbered list declared whole (如下) that falls short',
      report: doc(LISTED.replace('数据著录35.00万元', '数据著录34.00万元')),
      findings: [{ messageId: 'short', status: 'fail', expected: 79, actual: 80, location: at('档案数字化加工项目资金80.00万元', LISTED) }],
    },
    {
      name: 'a 其中 list whose parts exceed the total',
      report: doc(PARTIAL.replace('数据著录30.00万元', '数据著录40.00万元')),
      findings: [{ messageId: 'sum', status: 'fail', expected: 85, actual: 80 }],
    },
    {
      // One total in the sentence before, its 已支出 a detail: the 其中 sentence details that total.
      name: 'a 其中 sentence after one total (and its 已支出) whose parts exceed it',
      report: doc('档案数字化加工项目资金总计80.00万元，已支出78.00万元。其中扫描加工60.00万元，数据著录30.00万元。'),
      findings: [{ messageId: 'sum', status: 'fail', expected: 90, actual: 80 }],
    },
    {
      name: 'seed 001: 共N个项目 with fewer quoted names, the missing project named from the 项目一… headings',
      report: doc(
        '本单位对“档案数字化加工”和“数字档案保存”共3个项目开展绩效自评。\n\n项目一、档案数字化加工：已完成。\n\n项目二、数字档案保存：已完成。\n\n项目三、档案安全保障：已完成。',
      ),
      findings: [{ messageId: 'count', status: 'fail', severity: 'error', expected: 3, actual: 2, location: at('共3个项目', '共3个项目') }],
    },
  ],
});

describe('N-R7 helpers', () => {
  it('reads quoted names back from the count, quotes inside names included', () => {
    const text = '开展了“广清纺织”、“清远市“一针一线”纺织服装技能人才培养工作经费”和“就业创业服务经费”共3个项目';
    expect(quotedNamesBefore(text, text.indexOf('共'))).toEqual(['广清纺织', '清远市“一针一线”纺织服装技能人才培养工作经费', '就业创业服务经费']);
  });

  it('names the described projects the list leaves out, a misprinted name still matching', () => {
    const listed = ['技能人员职业资格培训和等级认定专项经费', '清远市工商技工学校中等职业学校免学费'];
    const described = ['技能人员职业资格考试和等级认定专项经费', '清远市工商技工学校中等职业学校免学费', '中等职业学校免学费'];
    expect(unlisted(listed, described)).toEqual(['中等职业学校免学费']);
  });

  it('the count message says which project is missing', () => {
    const text = '本单位对“档案数字化加工”和“数字档案保存”共3个项目开展绩效自评。\n\n项目一、档案数字化加工：已完成。\n\n项目二、数字档案保存：已完成。\n\n项目三、档案安全保障：已完成。';
    const [finding] = runRule(rule, narrativeReport(after(text)));
    expect(finding?.message).toContain('列举中缺少“档案安全保障”');
    expect(finding?.message).toContain('共3个项目');
  });
});
