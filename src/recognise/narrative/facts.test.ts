/** Narrative facts, on sentences written in the genre's wording (fictional numbers). */
import { describe, expect, it } from 'vitest';
import type { Fact, Row, Section, Table } from '../../model/report.js';
import { extractFacts } from './facts.js';

function section(...paragraphs: string[]): Section[] {
  let at = 0;
  const ps = paragraphs.map((text, i) => {
    const p = { text, span: { start: at, end: at + text.length, line: i + 1 } };
    at += text.length + 1;
    return p;
  });
  return [{ number: '一', title: '情况说明', level: 2, paragraphs: ps, children: [], span: { start: 0, end: at, line: 1 } }];
}

function table(id: string, rows: { key: string; name: string; code?: string; cells: Record<string, number | null> }[]): Table {
  return {
    id,
    title: id,
    empty: false,
    columns: [],
    rows: rows as Row[],
    decimals: 2,
    source: { line: 1, endLine: 1 },
    recognition: { columnsBy: 'labels', parts: 1, headerRowsDropped: 0, unmatchedRows: [], confidence: 1, badCells: 0 },
  };
}

const TABLES = [
  table('01', [
    { key: 'inc.gpb', name: '一般公共预算财政拨款收入', cells: { '1': 1234.56 } },
    { key: 'inc.total', name: '本年收入合计', cells: { '1': 1300 } },
  ]),
  table('03', [{ key: 'total', name: '合计', cells: { '1': 1300, '2': 800.1, '3': 499.9 } }]),
  table('05', [
    { key: 'total', name: '合计', cells: { '1': 900, '2': 800, '3': 100 } },
    { key: '208', code: '208', name: '社会保障和就业支出', cells: { '1': 700 } },
    { key: '20805', code: '20805', name: '行政事业单位养老支出', cells: { '1': 300 } },
    { key: '2080505', code: '2080505', name: '机关事业单位基本养老保险缴费支出', cells: { '1': 300 } },
  ]),
  table('06', [
    { key: 'personnel_total', name: '人员经费合计', cells: { amount: 600 } },
    { key: '30101', code: '30101', name: '基本工资', cells: { amount: 200 } },
  ]),
  table('09', [{ key: 'main', name: '', cells: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), 1])) }]),
];

const pick = (facts: Fact[], measure: string) => facts.filter((f) => f.measure === measure);

describe('extractFacts', () => {
  it('reads an amount, its change and its rate, with one subject', () => {
    const facts = extractFacts(section('1. 一般公共预算财政拨款收入1,234.56万元，比上年决算数增加94.1万元，增长8.2%。'), TABLES, '万元');
    expect(facts.map((f) => [f.subject, f.basis, f.measure, f.value, f.unit, f.decimals])).toEqual([
      ['一般公共预算财政拨款收入', 'current', 'amount', 1234.56, '万元', 2],
      ['一般公共预算财政拨款收入', 'prior', 'change', 94.1, '万元', 1],
      ['一般公共预算财政拨款收入', 'prior', 'rate', 8.2, '%', 1],
    ]);
    expect(facts[0]!.link).toEqual({ table: '01', row: 'inc.gpb', column: '1' });
    expect(facts[1]!.link).toBeUndefined(); // only current-year amounts restate a cell
    expect(facts[0]!.text).toBe('1,234.56万元');
    expect(facts[0]!.span).toMatchObject({ start: 15, end: 25, line: 1 });
  });

  it('keeps decreases positive with direction, and reads the budget basis', () => {
    const facts = extractFacts(section('一般公共预算财政拨款支出900万元，比年初预算数减少12.5万元，下降1.4%。'), TABLES, '万元');
    const change = pick(facts, 'change')[0]!;
    expect(change).toMatchObject({ value: 12.5, direction: 'decrease', basis: 'budget', subject: '一般公共预算财政拨款支出' });
    expect(pick(facts, 'rate')[0]).toMatchObject({ value: 1.4, direction: 'decrease', basis: 'budget' });
    expect(facts[0]!.link).toEqual({ table: '05', row: 'total', column: '1' });
  });

  it('reads 持平 and 不可比 as facts with no value', () => {
    const facts = extractFacts(section('2. 政府性基金预算财政拨款收入0万元，比上年决算数增加0万元，增长--（基数为0，不可比）；主要变动情况：与上年决算数持平。'), TABLES, '万元');
    expect(facts.map((f) => [f.measure, f.value, f.direction ?? '', f.notComparable ?? false])).toEqual([
      ['amount', 0, '', false],
      ['change', 0, 'increase', false],
      ['rate', null, 'increase', true],
      ['change', null, 'flat', false],
    ]);
    expect(facts.every((f) => f.subject === '政府性基金预算财政拨款收入')).toBe(true);
  });

  it('reads 三公 completion and budget amounts', () => {
    const facts = extractFacts(section('本单位2024年度“三公”经费财政拨款支出决算为3.2万元，完成全年预算4万元的80%，比上年决算数减少0.5万元，下降13.5%。'), TABLES, '万元');
    expect(facts.map((f) => [f.subject, f.basis, f.measure, f.value])).toEqual([
      ['三公经费', 'current', 'amount', 3.2],
      ['三公经费', 'adjusted_budget', 'amount', 4],
      ['三公经费', 'adjusted_budget', 'completion', 80],
      ['三公经费', 'prior', 'change', 0.5],
      ['三公经费', 'prior', 'rate', 13.5],
    ]);
    expect(facts[0]!.link).toEqual({ table: '09', row: 'main', column: '7' });
    expect(facts[1]!.link).toBeUndefined();
  });

  it('reads shares with their base', () => {
    const facts = extractFacts(section('授予中小企业合同金额8.5万元，占政府采购支出总额的42.5%。', '基本支出800.1万元，占比61.55%；项目支出499.9万元，占比38.45%。'), TABLES, '万元');
    const shares = pick(facts, 'share');
    expect(shares.map((f) => [f.subject, f.value, f.base ?? ''])).toEqual([
      ['授予中小企业合同金额', 42.5, '政府采购支出总额'],
      ['基本支出', 61.55, ''],
      ['项目支出', 38.45, ''],
    ]);
    expect(pick(facts, 'amount').find((f) => f.subject === '项目支出')!.link).toEqual({ table: '03', row: 'total', column: '3' });
  });

  it('links class and item amounts to table 05 rows by name', () => {
    const facts = extractFacts(
      section('社会保障和就业支出(类)700万元，占比77.8%；', '社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）300万元。'),
      TABLES,
      '万元',
    );
    const amounts = pick(facts, 'amount');
    expect(amounts.map((f) => [f.subject, f.link?.row])).toEqual([
      ['208', '208'],
      ['2080505', '2080505'],
    ]);
  });

  it('links economic items in 元 to table 06 and keeps amounts printed without a unit', () => {
    const facts = extractFacts(section('人员经费600万元，主要包括基本工资2000000元、津贴补贴15.5；'), TABLES, '万元');
    expect(facts.map((f) => [f.subject, f.unit, f.value, f.link?.table ?? ''])).toEqual([
      ['人员经费', '万元', 600, '06'],
      ['30101', '元', 2000000, '06'],
      ['津贴补贴', '', 15.5, ''],
    ]);
  });

  it('reads counts and skips years, dates, ordinals and thresholds', () => {
    const facts = extractFacts(
      section('截至2024年12月31日，本单位共有车辆3辆，其中，其他用车3辆；单位价值100万元以上设备（不含车辆）1台（套）。', '发生国内接待5批次，共接待42人次。'),
      TABLES,
      '万元',
    );
    expect(facts.map((f) => [f.subject, f.measure, f.value, f.unit])).toEqual([
      ['车辆数', 'count', 3, '辆'],
      ['其他用车', 'count', 3, '辆'],
      ['单价100万元以上设备', 'count', 1, '台（套）'],
      ['发生国内接待', 'count', 5, '批次'],
      ['接待', 'count', 42, '人次'],
    ]);
  });

  it('reads a subject whose change is stated in its own clause (与上年相比，X减少…)', () => {
    const facts = extractFacts(section('2024年度收入总计600万元，支出总计600万元。与上年相比，收入总计减少20万元，下降3.2%，支出总计减少20万元，下降3.2%。'), TABLES, '万元');
    expect(facts.map((f) => [f.subject, f.measure, f.basis])).toEqual([
      ['收入总计', 'amount', 'current'],
      ['支出总计', 'amount', 'current'],
      ['收入总计', 'change', 'prior'],
      ['收入总计', 'rate', 'prior'],
      ['支出总计', 'change', 'prior'],
      ['支出总计', 'rate', 'prior'],
    ]);
  });

  it('relates facts about the same quantity', () => {
    const facts = extractFacts(section('基本支出800.1万元，比上年决算数增加1万元。', '其中基本支出800.1万元。'), TABLES, '万元');
    const amounts = pick(facts, 'amount');
    expect(amounts).toHaveLength(2);
    expect(amounts[0]!.related).toEqual([amounts[1]!.id]);
    expect(amounts[1]!.related).toEqual([amounts[0]!.id]);
  });

  it('continues a clause cut by a line break between paragraphs', () => {
    const facts = extractFacts(section('一般公共预算财政拨款支出减少68.6万元，下降', '13.76%。'), TABLES, '万元');
    expect(pick(facts, 'rate')[0]).toMatchObject({ subject: '一般公共预算财政拨款支出', value: 13.76, direction: 'decrease' });
  });
});
