import { FULL_NARRATIVE, lineOf, narrativeReport } from '../../../../test/support/narrative.js';
import { edit, exampleReport } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './lbl-4.js';

const KNOWN = '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）';
const SHORTENED = '农林水支出（类）巩固脱贫衔接乡村振兴（款）其他巩固脱贫衔接乡村振兴支出（项）';
const withItem = (item: string, narrative = FULL_NARRATIVE) => narrative.replace(KNOWN, item);

ruleTester(rule, {
  valid: [
    // 档案事务（款）档案馆（项） is not in the incomplete catalogue: it cannot be judged.
    { name: 'catalogue names, and a name the incomplete catalogue does not know', report: () => narrativeReport() },
    { name: 'the class without its 支出, half-width brackets', report: () => narrativeReport(withItem('社会保障和就业(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)')) },
    { name: 'only 类 and 款', report: () => narrativeReport(withItem('卫生健康（类）行政事业单位医疗（款）')) },
    { name: 'a report without items in the narrative', report: exampleReport },
  ],
  invalid: [
    {
      name: 'seed 004: a shortened 款 and 项 name',
      report: () => narrativeReport(withItem(SHORTENED)),
      findings: [
        { messageId: 'name', status: 'fail', severity: 'warning', location: { span: { line: lineOf(SHORTENED, withItem(SHORTENED)) } }, expected: '巩固脱贫攻坚成果衔接乡村振兴', actual: '巩固脱贫衔接乡村振兴' },
        { messageId: 'name', status: 'fail', severity: 'warning', location: { span: { line: lineOf(SHORTENED, withItem(SHORTENED)) } }, expected: '其他巩固脱贫攻坚成果衔接乡村振兴支出', actual: '其他巩固脱贫衔接乡村振兴支出' },
      ],
    },
    {
      name: 'a misprinted 项 repeated in the glossary is reported once',
      report: () => {
        const wrong = '社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险费支出（项）';
        return narrativeReport(withItem(wrong) + `\n四、${wrong}：反映机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。\n`);
      },
      findings: [{ messageId: 'name', severity: 'warning', expected: '机关事业单位基本养老保险缴费支出', actual: '机关事业单位基本养老保险费支出' }],
    },
    {
      name: 'a misprinted class',
      report: () => narrativeReport(withItem('社会保障和就叶支出（类）行政事业单位养老支出（款）')),
      findings: [{ messageId: 'name', severity: 'warning', expected: '社会保障和就业支出', actual: '社会保障和就叶支出' }],
    },
    {
      name: 'no narrative read',
      report: () => edit(exampleReport(), (r) => (r.sections = [])),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});
