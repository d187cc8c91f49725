import { describe, expect, it } from 'vitest';
import { edited, exampleHead, lineOf, narrativeReport } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './n-r8.js';

/** The example's 类 amounts as table 05 prints them (the shared narrative has 428 / 18 for 201 / 221). */
const CLASSES: [string, string][] = [
  ['一般公共服务支出（类）428.00万元，占84.3%', '一般公共服务支出（类）426.00万元，占83.9%'],
  ['住房保障支出（类）18.00万元，占3.5%', '住房保障支出（类）20.00万元，占3.9%'],
];

/** Every 项 of table 05, as a Sichuan 具体情况 lists them. */
const ITEMS = [
  '1. 一般公共服务支出（类）档案事务（款）档案馆（项）：支出决算为128.00万元，完成年初预算的100%。',
  '2. 一般公共服务支出（类）档案事务（款）事业运行（项）：支出决算为298.00万元，完成年初预算的100%。',
  '3. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为33.00万元，完成年初预算的100%。',
  '4. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）：支出决算为17.00万元，完成年初预算的100%。',
  '5. 卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）：支出决算为12.00万元，完成年初预算的100%。',
  '6. 住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为20.00万元，完成年初预算的100%。',
].join('\n\n');
const ALL_ITEMS: [RegExp, string] = [/1\. 一般公共服务支出（类）档案事务（款）档案馆（项）[\s\S]*?(?=\n\n（三）)/, ITEMS];

/** The example without its tables (seed 004 prints none): cover and 概况 only. */
const headWithoutTables = () => {
  const head = exampleHead();
  return head.slice(0, head.indexOf('表1'));
};
const withoutTables = (...pairs: [string | RegExp, string][]) => () => narrativeReport(edited(...CLASSES, ALL_ITEMS, ...pairs), headWithoutTables());
const lineIn = (needle: string, ...pairs: [string | RegExp, string][]) => {
  const narrative = edited(...CLASSES, ALL_ITEMS, ...pairs);
  const head = headWithoutTables();
  const doc = head + narrative;
  return doc.slice(0, doc.indexOf(needle, head.length)).split('\n').length;
};

const STRUCTURE = '一般公共服务支出（类）428.00万元';

ruleTester(rule, {
  valid: [
    // The shared narrative's 428 / 18 / 34 differ from table 05, but those statements are linked to their
    // rows: N-R1 reports them, N-R8 does not report them again.
    { name: 'the complete example: every 类 / 项 statement linked to its row (N-R1’s)', report: () => narrativeReport() },
    { name: 'the example with the table’s 类 amounts', report: () => narrativeReport(edited(...CLASSES)) },
    { name: 'no table 05 (seed 004): each 类 equals the sum of its 项', report: withoutTables() },
    {
      name: 'no table 05: a 1-decimal class (50.0) equals its items like an amount its cell',
      report: withoutTables(['社会保障和就业支出（类）50.00万元', '社会保障和就业支出（类）50.0万元']),
    },
    {
      name: 'no table 05, a partial 项 list (not adding up to 508): a class larger than its listed 项 is no error',
      report: () => narrativeReport(edited(...CLASSES), headWithoutTables()),
    },
  ],
  invalid: [
    {
      name: 'the class breakdown leaves out a class table 05 spends on',
      report: () => narrativeReport(edited(...CLASSES, ['；住房保障支出（类）20.00万元，占3.9%', ''])),
      findings: [
        {
          messageId: 'missingClass',
          status: 'fail',
          severity: 'error',
          expected: 20,
          location: { table: '05', row: '221', column: '1', span: { line: lineOf(STRUCTURE) } },
        },
      ],
    },
    {
      name: 'a class table 05 does not have',
      report: () => narrativeReport(edited(...CLASSES, ['住房保障支出（类）20.00万元，占3.9%', '住房保障支出（类）20.00万元，占3.9%；农林水支出（类）5.00万元，占1.0%'])),
      findings: [{ messageId: 'notInTable', status: 'fail', severity: 'error', actual: 5, location: { span: { line: lineOf(STRUCTURE) } } }],
    },
    {
      name: 'no table 05: a class that is not the sum of its 项',
      report: withoutTables(['社会保障和就业支出（类）50.00万元', '社会保障和就业支出（类）52.00万元']),
      findings: [
        {
          messageId: 'sumOfItems',
          status: 'fail',
          severity: 'error',
          expected: 50,
          actual: 52,
          difference: 2,
          location: { span: { line: lineIn('社会保障和就业支出（类）52.00万元', ['社会保障和就业支出（类）50.00万元', '社会保障和就业支出（类）52.00万元']) } },
        },
      ],
    },
    {
      name: 'no table 05: 0.01 over two 项 is 尾数误差 (envelope 0.005 × 3)',
      report: withoutTables(['社会保障和就业支出（类）50.00万元', '社会保障和就业支出（类）50.01万元']),
      findings: [{ messageId: 'sumOfItemsRound', status: 'round', severity: 'info', expected: 50, actual: 50.01 }],
    },
    {
      name: 'no table 05, a partial 项 list: a class smaller than its listed 项 is still an error',
      report: () => narrativeReport(edited(...CLASSES, ['社会保障和就业支出（类）50.00万元', '社会保障和就业支出（类）30.00万元']), headWithoutTables()),
      findings: [{ messageId: 'sumOfItems', status: 'fail', expected: 34, actual: 30 }],
    },
  ],
});

describe('N-R8 reads the rebuilt table 05 when recognition provides it', () => {
  it('a document without tables has Report.reconstructed 05 or the 项 statements', () => {
    const r = withoutTables()();
    expect(r.tables.find((t) => t.id === '05')).toBeUndefined();
    const items = (r.facts ?? []).filter((f) => /^2\d{6}$/.test(f.subject) && f.measure === 'amount');
    expect(items.map((f) => f.subject)).toEqual(['2012604', '2012650', '2080505', '2080506', '2101102', '2210201']);
  });
});
