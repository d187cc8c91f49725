/** Narrative facts, on sentences written in the genre's wording (fictional numbers). */
import { describe, expect, it } from 'vitest';
import type { FunctionalCode } from '../../catalog/index.js';
import type { Fact, Row, Section, Table } from '../../model/report.js';
import { extractFacts } from './facts.js';
import { reconstructTables } from './reconstruct.js';

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
      ['国内公务接待批次', 'count', 5, '批次'],
      ['国内公务接待人次', 'count', 42, '人次'],
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

  it('gives one fact per quantity when a phrase names two (收、支总计均为 / 各增加)', () => {
    const facts = extractFacts(
      section('2024 年度收、支总计均为 812.5 万元。与 2023 年相比，收、支总计各增加 20.25 万元，增长 2.6%。', '2024 年财政拨款收、支总计均为 800 万元。与 2023 年相比，财政拨款收、支总计各减少 5.1 万元，下降 0.6%。'),
      [],
      '万元',
    );
    expect(facts.map((f) => [f.subject, f.basis, f.measure, f.value])).toEqual([
      ['收入总计', 'current', 'amount', 812.5],
      ['支出总计', 'current', 'amount', 812.5],
      ['收入总计', 'prior', 'change', 20.25],
      ['支出总计', 'prior', 'change', 20.25],
      ['收入总计', 'prior', 'rate', 2.6],
      ['支出总计', 'prior', 'rate', 2.6],
      ['财政拨款收入总计', 'current', 'amount', 800],
      ['财政拨款支出总计', 'current', 'amount', 800],
      ['财政拨款收入总计', 'prior', 'change', 5.1],
      ['财政拨款支出总计', 'prior', 'change', 5.1],
      ['财政拨款收入总计', 'prior', 'rate', 0.6],
      ['财政拨款支出总计', 'prior', 'rate', 0.6],
    ]);
    expect(facts[0]!.span).toEqual(facts[1]!.span); // both read from the same printed number
  });

  const CATALOG: FunctionalCode[] = [
    { code: '208', name: '社会保障和就业支出', level: '类', parent: '' },
    { code: '20801', name: '人力资源和社会保障管理事务', level: '款', parent: '208' },
    { code: '2080101', name: '行政运行', level: '项', parent: '20801' },
    { code: '2080199', name: '其他人力资源和社会保障管理事务支出', level: '项', parent: '20801' },
    { code: '213', name: '农林水支出', level: '类', parent: '' },
    { code: '21305', name: '巩固脱贫攻坚成果衔接乡村振兴', level: '款', parent: '213' },
    { code: '2130599', name: '其他巩固脱贫攻坚成果衔接乡村振兴支出', level: '项', parent: '21305' },
  ];
  const CLASSES = new Map([
    ['社会保障和就业支出', '208'],
    ['农林水支出', '213'],
  ]);

  it('reads a 项 statement under its printed label: the code from the catalogue, the completion on the same subject', () => {
    const facts = extractFacts(
      section(
        '2024 年一般公共预算支出决算数为 120.3 万元，完成预算 100%。其中：',
        '1. 社会保障和就业（类）人力资源和社会保障管理事务（款）行政运行（项）：支出决算为 100.1 万元，完成预算 100%。',
        '2. 农林水支出（类）巩固脱贫衔接乡村振兴（款）其他巩固脱贫衔接乡村振兴支出（项）：支出决算为 20.2 万元，完成调整预算 100%。',
        '3. 社会保障和就业（类）未知事务（款）某某支出（项）：支出决算为 0.5 万元，完成年初预算的 50%。',
      ),
      [],
      '万元',
      { catalog: CATALOG },
      CLASSES,
    );
    expect(facts.map((f) => [f.subject, f.basis, f.measure, f.value])).toEqual([
      ['一般公共预算财政拨款支出', 'current', 'amount', 120.3],
      ['一般公共预算财政拨款支出', 'adjusted_budget', 'completion', 100],
      ['2080101', 'current', 'amount', 100.1],
      ['2080101', 'adjusted_budget', 'completion', 100],
      // a shortened name (攻坚成果 left out) is still the catalogue's entry
      ['2130599', 'current', 'amount', 20.2],
      ['2130599', 'adjusted_budget', 'completion', 100],
      // an item the catalogue does not know keeps its printed label
      ['社会保障和就业（类）未知事务（款）某某支出（项）', 'current', 'amount', 0.5],
      ['社会保障和就业（类）未知事务（款）某某支出（项）', 'budget', 'completion', 50],
    ]);
    expect(facts[2]!.phrase).toBe('社会保障和就业（类）人力资源和社会保障管理事务（款）行政运行（项）');
    expect(facts[2]!.link).toBeUndefined(); // no table 05 printed
  });

  it('links a 项 statement to the table 05 row of that name when the table is printed', () => {
    const t05 = table('05', [
      { key: 'total', name: '合计', cells: { '1': 300 } },
      { key: '2080505', code: '2080505', name: '机关事业单位基本养老保险缴费支出', cells: { '1': 300 } },
    ]);
    const facts = extractFacts(section('1. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为 300 万元，完成年初预算的 100%。'), [t05], '万元');
    expect(facts[0]).toMatchObject({ subject: '2080505', link: { table: '05', row: '2080505', column: '1' } });
    expect(facts[1]).toMatchObject({ subject: '2080505', measure: 'completion', basis: 'budget' });
  });

  it('rebuilds table 05 from the 项 statements when the document prints no table 05', () => {
    const facts = extractFacts(
      section(
        '2024 年一般公共预算支出决算数为 120.3 万元，完成预算 100%。其中：',
        '1. 社会保障和就业（类）人力资源和社会保障管理事务（款）行政运行（项）：支出决算为 100.1 万元，完成预算 100%。',
        '2. 社会保障和就业（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项）：支出决算为 0.15 万元，完成预算 100%。',
        '3. 农林水支出（类）巩固脱贫衔接乡村振兴（款）其他巩固脱贫衔接乡村振兴支出（项）：支出决算为 20.2 万元，完成预算 100%。',
      ),
      [],
      '万元',
      { catalog: CATALOG },
      CLASSES,
    );
    const [t] = reconstructTables(facts, [], { moneyUnit: '万元', catalog: CATALOG });
    expect(t!.rebuilt?.from).toBe('narrative');
    expect(t!.rows.map((r) => [r.key, r.name, r.cells['1'], r.source?.line])).toEqual([
      ['total', '合计', 120.3, 1],
      ['208', '社会保障和就业支出', 100.25, 2],
      ['20801', '人力资源和社会保障管理事务', 100.25, 2],
      ['2080101', '行政运行', 100.1, 2],
      ['2080199', '其他人力资源和社会保障管理事务支出', 0.15, 3],
      ['213', '农林水支出', 20.2, 4],
      ['21305', '巩固脱贫攻坚成果衔接乡村振兴', 20.2, 4],
      ['2130599', '其他巩固脱贫衔接乡村振兴支出', 20.2, 4],
    ]);
    expect(t!.decimals).toBe(2);
    // Printed table 05: nothing is rebuilt.
    expect(reconstructTables(facts, TABLES, { moneyUnit: '万元', catalog: CATALOG })).toEqual([]);
  });

  it('puts the budget, the actual and the execution rate of a project on one subject', () => {
    const facts = extractFacts(
      section(
        '示例人才补贴金额共50.5万元，已支出50万元，结余0.5万元，支出率为99.01%。',
        '示例培训经费年初预算30万元，年中调减10万元，实际到位20万元，已支出19.5万元，支出率为97.5%。',
        '示例专项资金下达市技工学校12000元。已支出示例专项资金12000元，支出率为100%。',
        '该专项到位金额0.8万元，支出金额0.4万元，支出率50%。',
      ),
      [],
      '万元',
    );
    const rows = facts.map((f) => [f.subject, f.basis, f.measure, f.value]);
    expect(rows).toEqual([
      ['示例人才补贴', 'adjusted_budget', 'amount', 50.5],
      ['示例人才补贴', 'current', 'amount', 50],
      ['示例人才补贴结余', 'current', 'amount', 0.5],
      ['示例人才补贴', 'adjusted_budget', 'completion', 99.01],
      ['示例培训经费', 'budget', 'amount', 30],
      ['年中调减', 'current', 'amount', 10],
      ['示例培训经费', 'adjusted_budget', 'amount', 20],
      ['示例培训经费', 'current', 'amount', 19.5],
      ['示例培训经费', 'adjusted_budget', 'completion', 97.5],
      // the budget is in the sentence before
      ['示例专项', 'adjusted_budget', 'amount', 12000],
      ['示例专项', 'current', 'amount', 12000],
      ['示例专项', 'adjusted_budget', 'completion', 100],
      ['该专项到位金额', 'adjusted_budget', 'amount', 0.8],
      ['该专项到位金额', 'current', 'amount', 0.4],
      ['该专项到位金额', 'adjusted_budget', 'completion', 50],
    ]);
  });

  it('takes the topic before a colon as the subject of 全年预算数 … 执行数 … 完成预算的', () => {
    const facts = extractFacts(
      section('部门整体支出绩效自评情况：全年预算数1,200.5万元，执行数1200万元，完成预算的99.96%。', '12个项目绩效自评情况：项目全年预算数为300万元，执行数为290万元，完成预算的96.67%。'),
      [],
      '万元',
    );
    expect(facts.filter((f) => f.measure !== 'count').map((f) => [f.subject, f.basis, f.measure, f.value])).toEqual([
      ['部门整体支出', 'adjusted_budget', 'amount', 1200.5],
      ['部门整体支出', 'current', 'amount', 1200],
      ['部门整体支出', 'adjusted_budget', 'completion', 99.96],
      ['12个项目', 'adjusted_budget', 'amount', 300],
      ['12个项目', 'current', 'amount', 290],
      ['12个项目', 'adjusted_budget', 'completion', 96.67],
    ]);
  });

  it('reads 三公 amounts with a zero budget and the completion stated of it', () => {
    const facts = extractFacts(section('2024年度“三公”经费财政拨款支出全年预算0万元，支出决算0万元，完成全年预算的0%，与上年“三公”经费财政拨款支出决算相同。'), [], '万元');
    expect(facts.map((f) => [f.subject, f.basis, f.measure, f.value, f.direction ?? ''])).toEqual([
      ['三公经费', 'adjusted_budget', 'amount', 0, ''],
      ['三公经费', 'current', 'amount', 0, ''],
      ['三公经费', 'adjusted_budget', 'completion', 0, ''],
      ['三公经费', 'prior', 'change', null, 'flat'],
    ]);
  });

  it('gives a share the subject of its whole: printed, the total an enumeration begins with, or the section of …中', () => {
    const facts = extractFacts(
      section(
        '2024 年本年支出合计 500 万元，其中：基本支出 300.5 万元，占总支出的 60.1%；项目支出 199.5 万元，占 39.9%。',
        '2024 年一般公共预算财政拨款支出 450 万元，占本年支出合计的 90%。',
        '2024年度“三公”经费财政拨款支出决算中，公务用车购置及运行维护费支出2.6万元，占96.3%；公务接待费支出0.1万元，占3.7%。',
        '2024年度收入合计430万元，其中：',
        '财政拨款收入430万元，占比100.00%；',
        '授予中小企业合同金额8.5万元，占政府采购支出总额的42.5%。货物采购授予中小企业合同金额占货物支出金额的100%，很满意占比53.45%。',
      ),
      [],
      '万元',
    );
    expect(pick(facts, 'share').map((f) => [f.subject, f.value, f.base ?? '', f.baseSubject ?? ''])).toEqual([
      ['基本支出', 60.1, '总支出', '支出总计'],
      ['项目支出', 39.9, '', '本年支出合计'],
      ['一般公共预算财政拨款支出', 90, '本年支出合计', '本年支出合计'],
      ['公务用车购置及运行维护费', 96.3, '', '三公经费'],
      ['公务接待费', 3.7, '', '三公经费'],
      ['财政拨款收入合计', 100, '', '本年收入合计'],
      ['授予中小企业合同金额', 42.5, '政府采购支出总额', '政府采购支出总额'],
      ['货物采购授予中小企业合同金额', 100, '货物支出金额', '政府采购货物支出'],
      ['很满意', 53.45, '', ''],
    ]);
  });

  it('names reception, trip and vehicle counts by what they count', () => {
    const facts = extractFacts(
      section(
        '1. 因公出国（境）费支出0万元。全年使用财政拨款安排出国（境）团组0个、累计0人次。',
        '2. 公务用车购置费支出0万元，全年按规定更新购置公务用车0辆。截至 2024 年 12 月底，本部门共有公务用车 2 辆。',
        '3. 公务接待费支出0.3万元，共接待2批次，20人次。国内公务接待 2 批次，20 人次，共计支出 0.3 万元。外事接待支出 0 万元，外事接待 0 批次，0 人。',
        '发生国内接待1次，接待人数共10人；共接待国外、境外来访团组0个，来访外宾0人次。',
      ),
      [],
      '万元',
    );
    expect(pick(facts, 'count').map((f) => [f.subject, f.value, f.unit])).toEqual([
      ['因公出国（境）团组数', 0, '个'],
      ['因公出国（境）人次', 0, '人次'],
      ['公务用车购置数', 0, '辆'],
      ['公务用车保有量', 2, '辆'],
      ['公务接待批次', 2, '批次'],
      ['公务接待人次', 20, '人次'],
      ['国内公务接待批次', 2, '批次'],
      ['国内公务接待人次', 20, '人次'],
      ['外事接待批次', 0, '批次'],
      ['外事接待人次', 0, '人'],
      ['国内公务接待批次', 1, '次'],
      ['国内公务接待人次', 10, '人'],
      ['外事接待批次', 0, '个'],
      ['外事接待人次', 0, '人次'],
    ]);
    // 共计支出 0.3 万元 restates the 国内公务接待 amount; 外事接待支出 is its own subject
    expect(pick(facts, 'amount').map((f) => f.subject)).toEqual(['因公出国（境）费', '公务用车购置费', '公务接待费', '公务接待费', '外事接待费']);
  });

  it('reads counts in 万, scores in 分, LaTeX percentages, and skips outline numbers', () => {
    const facts = extractFacts(
      section('全市城镇新增就业33.01万人，线上阅读量 3 万余次，自评得分为 91.4 分。', '（4）服务对象满意度 $\\geq 93.31\\%$ ，达成目标；', '2.1产出指标完成情况：计划完成档案10000份。', '1.1示例孵化基地63.56万元，支出率为100%。'),
      [],
      '万元',
    );
    expect(facts.map((f) => [f.measure, f.value, f.unit])).toEqual([
      ['count', 33.01, '万人'],
      ['count', 3, '万次'],
      ['count', 91.4, '分'],
      ['share', 93.31, '%'],
      ['count', 10000, '份'],
      ['amount', 63.56, '万元'],
      ['completion', 100, '%'],
    ]);
    expect(facts[5]!.subject).toBe('示例孵化基地');
  });

  it('removes the entity from the front of a phrase and reads 率 stated for the year as a share', () => {
    const facts = extractFacts(
      section('2024 年，示例市某某局机关运行经费支出 80.35 万元，比 2023 年减少 2.23 万元，下降 2.7%。', '年内完成省厅下达的仲裁结案率达到95.00%、调解成功率达到75.00%指标任务。'),
      [],
      '万元',
      { entity: '示例市某某局' },
    );
    expect(facts.map((f) => [f.subject, f.measure, f.value])).toEqual([
      ['机关运行经费', 'amount', 80.35],
      ['机关运行经费', 'change', 2.23],
      ['机关运行经费', 'rate', 2.7],
      ['年内完成省厅下达的仲裁结案率', 'share', 95],
      ['调解成功率', 'share', 75],
    ]);
  });

  it('keeps an amount printed without unit, linked to the cell it names', () => {
    const t05 = table('05', [{ key: '210', code: '210', name: '卫生健康支出', cells: { '1': 16.51 } }]);
    const facts = extractFacts(section('其中：卫生健康支出165141.73，完成年初预算的100%；'), [t05], '万元');
    expect(facts[0]).toMatchObject({ subject: '210', measure: 'amount', value: 165141.73, unit: '', decimals: 2, link: { table: '05', row: '210', column: '1' } });
  });

  it('reads the national wording: a label sentence, then 年初预算为 … 支出决算为 … 完成年初预算的 …', () => {
    const facts = extractFacts(
      section(
        '1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）。年初预算为50.00万元，支出决算为48.00万元，完成年初预算的96%。决算数小于年初预算数的主要原因是人员减少。',
        '2.社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项）',
        '年初预算为10万元，支出决算为12万元，完成年初预算的120%。',
      ),
      [],
      '万元',
      { catalog: CATALOG },
      CLASSES,
    );
    expect(facts.map((f) => [f.subject, f.basis, f.measure, f.value])).toEqual([
      ['2080101', 'budget', 'amount', 50],
      ['2080101', 'current', 'amount', 48],
      ['2080101', 'budget', 'completion', 96],
      ['2080199', 'budget', 'amount', 10],
      ['2080199', 'current', 'amount', 12],
      ['2080199', 'budget', 'completion', 120],
    ]);
  });

  it('reads 收入总计和支出总计均为 as two totals, and the 50万元 通用设备 count', () => {
    const facts = extractFacts(section('2024年度收入总计和支出总计均为300万元。单价50万元以上通用设备2台（套），单价100万元以上专用设备0台（套）。'), [], '万元');
    expect(facts.map((f) => [f.subject, f.measure, f.value])).toEqual([
      ['收入总计', 'amount', 300],
      ['支出总计', 'amount', 300],
      ['单价50万元以上通用设备', 'count', 2],
      ['单价100万元以上专用设备', 'count', 0],
    ]);
  });

  it('links the balances of T01 (年初/年末结转和结余 …) and, after a 财政拨款 total, those of T04', () => {
    const tables = [
      table('01', [
        { key: 'inc.total', name: '本年收入合计', cells: { '1': 300 } },
        { key: 'inc.use_nonfiscal_balance', name: '使用非财政拨款结余', cells: { '1': 5 } },
        { key: 'inc.opening', name: '年初结转和结余', cells: { '1': 20 } },
        { key: 'exp.total', name: '本年支出合计', cells: { '2': 290 } },
        { key: 'exp.surplus_distribution', name: '结余分配', cells: { '2': 3 } },
        { key: 'exp.closing', name: '年末结转和结余', cells: { '2': 32 } },
      ]),
      table('04', [
        { key: 'inc.total', name: '本年收入合计', cells: { '1': 250 } },
        { key: 'inc.opening', name: '年初财政拨款结转和结余', cells: { '1': 10 } },
        { key: 'exp.total', name: '本年支出合计', cells: { '2': 255 } },
        { key: 'exp.closing', name: '年末财政拨款结转和结余', cells: { '2': 5 } },
      ]),
    ];
    const facts = extractFacts(
      section(
        '2024年度收入总计325万元，支出总计325万元。其中本年收入合计300万元，使用非财政拨款结余5万元，年初结转和结余20万元；本年支出合计290万元，结余分配3万元，年末结转和结余32万元。',
        '2024年度财政拨款收入合计250万元，年初结转和结余10万元；财政拨款支出合计255万元，年末结转和结余5万元。',
      ),
      tables,
      '万元',
    );
    expect(facts.filter((f) => f.measure === 'amount').map((f) => [f.subject, f.value, f.link ? `${f.link.table}/${f.link.row}/${f.link.column}` : null])).toEqual([
      ['收入总计', 325, null],
      ['支出总计', 325, null],
      ['本年收入合计', 300, '01/inc.total/1'],
      ['使用非财政拨款结余', 5, '01/inc.use_nonfiscal_balance/1'],
      ['年初结转和结余', 20, '01/inc.opening/1'],
      ['本年支出合计', 290, '01/exp.total/2'],
      ['结余分配', 3, '01/exp.surplus_distribution/2'],
      ['年末结转和结余', 32, '01/exp.closing/2'],
      ['财政拨款收入合计', 250, '04/inc.total/1'],
      ['年初财政拨款结转和结余', 10, '04/inc.opening/1'],
      ['财政拨款支出合计', 255, '04/exp.total/2'],
      ['年末财政拨款结转和结余', 5, '04/exp.closing/2'],
    ]);
  });
});
