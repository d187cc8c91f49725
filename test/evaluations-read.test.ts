/**
 * Reading the performance self-evaluations into `Report.evaluations` (issue #8 items 1–2):
 * seed 003's three 项目支出绩效自评表 (Shanxi layout, shifted and merged columns) cell by cell as
 * printed, the national layout of 财预〔2020〕10号 (rules.md §5.1) as an HTML grid with merged
 * cells, and a table whose columns are printed in another order.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { Figure, Indicator, ProjectEvaluation } from '../src/model/evaluation.js';
import type { Report } from '../src/model/report.js';
import { HAVE_SEEDS, seedReport } from './support/seeds.js';

const text = (f: Figure | undefined) => f?.text;
const row = (i: Indicator) => [i.level1, i.level2, i.name, i.initialTarget ?? '', i.target ?? '', i.actual ?? '', text(i.weight) ?? '', text(i.score) ?? ''];

function projects(r: Report): ProjectEvaluation[] {
  return (r.evaluations ?? []).filter((e): e is ProjectEvaluation => e.kind === 'project');
}

describe.skipIf(!HAVE_SEEDS)('seed 003: three 项目支出绩效自评表 (Shanxi layout)', () => {
  it('reads three table evaluations with names, departments, units, totals and grades', async () => {
    const r = await seedReport('003');
    const ps = projects(r).filter((e) => e.form === 'table');
    expect(ps.map((e) => e.name)).toEqual(['劳动能力鉴定和干部人事档案管理工作经费', '晋城市人力资源和社会保障局机房设备整体托管经费', '信息系统运行维护费']);
    expect(ps.map((e) => e.id)).toEqual(['E1', 'E2', 'E3']);
    expect(ps.map((e) => [e.total?.value, e.grade])).toEqual([[90, '优'], [95, '优'], [95, '优']]);
    expect(ps.map((e) => e.year)).toEqual([2023, 2023, 2023]);
    expect(ps[0]!.department).toEqual({ name: '晋城市人力资源和社会保障', code: '144' });
    expect(ps[0]!.unit).toEqual({ name: '晋城市人力资源和社会保障综合服务中心', code: '144001' });
    expect(ps[2]!.unit).toEqual({ name: '晋城市人力资源和社会保障综合服务中心', code: '144004' });
    // The place points at the grid the table was read from.
    expect(ps.map((e) => e.place.line)).toEqual([532, 574, 603]);
    expect(r.grids?.[ps[1]!.place.grid!]?.line).toBe(574);
  });

  it('reads the funds block: total line (label in the header, after a colon, or lost) and the source line', async () => {
    const ps = projects(await seedReport('003'));
    const funds = ps.map((e) =>
      e.funds.map((f) => [f.source, f.total, text(f.declared), text(f.initialBudget), text(f.annualBudget), text(f.executed), text(f.balance), text(f.rate), text(f.score)]),
    );
    expect(funds[0]).toEqual([
      ['资金总额', true, '42', '42', '29.099', '29.099', '0', '100', '10'],
      ['市县区财政经费', false, '42', '42', '29.099', '29.099', '0', '100.00', '10.00'],
    ]);
    expect(funds[1]).toEqual([
      ['资金总额', true, '55', '55', '54.96', '54.96', '0', '100', '10'],
      ['市县区财政资金', false, '55', '55', '54.96', '54.96', '0', '100.00', '10.00'],
    ]);
    expect(funds[2]).toEqual([
      ['资金总额', true, '100', '100', '57.466', '57.466', '0', '100', '10'],
      ['市辖区财政资金', false, '100', '100', '57.466', '57.466', '0', '100.00', '10.00'],
    ]);
    const total = ps[0]!.funds[0]!;
    expect(total.executed).toEqual({ text: '29.099', value: 29.099, decimals: 3, unit: '万元' });
    expect(total.rate).toEqual({ text: '100', value: 100, decimals: 0, unit: '%' });
    expect(ps[0]!.funds[1]!.rate).toMatchObject({ value: 100, decimals: 2 });
  });

  it('reads table 1 indicator rows cell by cell, with shifted rows and 一级/二级 carried down', async () => {
    const [t1] = projects(await seedReport('003'));
    expect(t1!.indicators.map(row)).toEqual([
      ['产出指标', '数量指标', '工伤鉴定次数', '≥24次', '≥24次', '≥24次', '5', '5'],
      ['产出指标', '数量指标', '工伤认定次数', '≥12次', '≥12次', '≥12次', '5', '5'],
      ['产出指标', '数量指标', '保存、整理档案', '≥3000份', '≥3000份', '≥3200份', '5', '5'],
      ['产出指标', '数量指标', '聘请专业鉴定人', '≥8名', '≥8名', '≥23名', '5', '5'],
      ['产出指标', '质量指标', '工伤鉴定准确率', '≥95%', '≥95%', '≥95%', '5', '5'],
      ['产出指标', '质量指标', '档案保存完好率', '=100%', '=100%', '=100%', '5', '5'],
      ['产出指标', '时效指标', '工伤鉴定专家库', '每月', '每月', '完成预期指标', '2.5', '2.5'],
      ['产出指标', '时效指标', '档案用品采购', '年初', '年初', '提前指标且', '2.5', '0'],
      ['产出指标', '时效指标', '档案归档时效性', '及时', '及时', '完成预期指标', '2.5', '2.5'],
      ['产出指标', '时效指标', '工伤鉴定完成', '2023年11月', '2023年11月', '提前指标且', '2.5', '0'],
      ['产出指标', '成本指标', '成本指标', '未填报', '未填报', '完成预期指标', '10', '5'],
      ['效益指标', '社会效益指标', '保障工伤鉴定人', '保障', '保障', '完成预期指标', '10', '10'],
      ['效益指标', '社会效益指标', '保障档案完整', '保障', '保障', '完成预期指标', '20', '20'],
      ['满意度指标', '服务对象满意度指标', '工伤认定人员', '≥95%', '≥95%', '≥95%', '5', '5'],
      ['满意度指标', '服务对象满意度指标', '档案查阅人员', '≥95%', '≥95%', '≥95%', '5', '5'],
    ]);
    // Table 1 never prints 产出指标: it is told from the 二级 and marked so.
    expect(t1!.indicators[0]!.level1Inferred).toBe(true);
    expect(t1!.indicators[11]!.level1Inferred).toBeUndefined();
    expect(t1!.indicators[9]!.deviation).toBe('未充分考虑现实情况，工伤鉴定全年根据实际情况开展');
    expect(t1!.indicators[10]!.deviation).toBe('年初未预算成本指标');
    expect(t1!.indicators[9]!.place.line).toBe(550);
  });

  it('reads tables 2 and 3 indicator rows cell by cell', async () => {
    const [, t2, t3] = projects(await seedReport('003'));
    expect(t2!.indicators.map(row)).toEqual([
      ['产出指标', '数量指标', '机房设备系统', '≥12次', '≥12次', '≥12次', '20', '20'],
      ['产出指标', '质量指标', '系统正常运行率', '≥95%', '≥95%', '≥95%', '10', '10'],
      ['产出指标', '时效指标', '业务人员提出', '每月', '每月', '达成预期指标', '5', '5'],
      ['产出指标', '时效指标', '系统维护及时', '及时', '及时', '达成预期指标', '5', '5'],
      ['产出指标', '成本指标', '成本指标', '', '未填报', '达成预期指标', '10', '5'],
      ['效益指标', '社会效益指标', '职工工作效率', '提升', '提升', '达成预期指标', '30', '30'],
      ['满意度指标', '服务对象满意度', '业务经办机构', '≥95%', '≥95%', '≥95%', '10', '10'],
    ]);
    expect(t3!.indicators.map(row)).toEqual([
      ['产出指标', '数量指标', '网络安全设备', '≥1次', '≥1次', '≥1次', '5', '5'],
      ['产出指标', '数量指标', '软件维护次数', '=12次', '=12次', '=12次', '5', '5'],
      ['产出指标', '数量指标', '网络安全演练', '=1次', '=1次', '=1次', '10', '10'],
      ['产出指标', '质量指标', '软件系统故障率', '≤5%', '≤5%', '≤5%', '5', '5'],
      ['产出指标', '质量指标', '网络安全演练', '=100%', '=100%', '=100%', '5', '5'],
      ['产出指标', '时效指标', '网络安全演练', '12月', '12月', '达成预期指标', '5', '5'],
      ['产出指标', '时效指标', '故障处理时间', '24小时内', '24小时内', '达成预期指标', '5', '5'],
      ['产出指标', '成本指标', '成本指标', '', '未填报', '达成预期指标', '10', '5'],
      ['效益指标', '社会效益', '工作效率提升', '提升', '提升', '达成预期指标', '30', '30'],
      ['满意度指标', '服务对象满意度', '业务经办机构', '≥95%', '≥95%', '≥96%', '10', '10'],
    ]);
  });

  it('reads goals, the 项目绩效分析 texts and the statements they make, with spans into the source', async () => {
    const r = await seedReport('003');
    const ps = projects(r);
    expect(ps.map((e) => e.goals.length)).toEqual([1, 1, 1]);
    expect(ps[0]!.goals[0]!.planned).toMatch(/^完成工伤鉴定24次/);
    expect(ps[0]!.goals[0]!.achieved).toMatch(/^一、工伤鉴定工作完成情况/);
    expect(ps.map((e) => e.analysis.map((a) => a.heading))).toEqual([
      ['项目实施和预算执行情况', '产出情况', '效益情况', '满意度情况', '主要经验做法', '项目管理中存在的问题及原因分析', '下一步改进措施及管理建议'],
      ['项目实施的预算执行情况及分析', '产出情况及分析', '效益情况及分析', '满意度情况及分析', '主要经验做法', '项目管理中存在的主要问题及原因分析', '下一步改进措施及管理建议'],
      ['项目实施和预算执行情况', '产出情况', '效益情况', '满意度情况', '主要经验做法', '项目管理中存在的问题及原因分析', '下一步改进措施及管理建议'],
    ]);
    const statements = ps.map((e) => e.statements.map((s) => [s.measure, s.value.text, s.value.value]));
    expect(statements).toEqual([
      [['budget', '42万元', 42], ['executed', '29.099万元', 29.099], ['rate', '69%', 69]],
      [['budget', '55万元', 55], ['executed', '54.96万元', 54.96], ['rate', '99.92%', 99.92]],
      [['budget', '100万元', 100], ['executed', '57.5万元', 57.5], ['rate', '57.5%', 57.5]],
    ]);
    const source = (await import('node:fs')).readFileSync(r.source.path, 'utf8');
    for (const s of ps.flatMap((e) => e.statements)) {
      expect(source.slice(s.value.span!.start, s.value.span!.end)).toBe(s.value.text);
      expect(source.slice(s.place.span!.start, s.place.span!.end)).toBe(s.text);
    }
    expect(ps[0]!.statements[2]!.place.line).toBe(557);
  });

  it('stays JSON-serialisable', async () => {
    const r = await seedReport('003');
    expect(JSON.parse(JSON.stringify(r.evaluations))).toEqual(r.evaluations);
  });
});

/** The national 自评表 of 财预〔2020〕10号 附件 (rules.md §5.1), as an HTML page with merged cells. */
const NATIONAL = `<!doctype html><html><head><meta charset="utf-8"><title>某局2023年度项目支出绩效自评表</title></head><body>
<h1>某局2023年度部门决算</h1>
<p>项目支出绩效自评表</p>
<p>（2023年度）</p>
<table border="1">
<tr><td colspan="2">项目名称</td><td colspan="6">城乡居民就业服务补助</td></tr>
<tr><td colspan="2">主管部门</td><td colspan="2">某市人力资源和社会保障局</td><td colspan="2">实施单位</td><td colspan="2">某市就业服务中心</td></tr>
<tr><td rowspan="5" colspan="2">项目资金（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td>年度资金总额</td><td>120.00</td><td>150.00</td><td>141.30</td><td>10</td><td>94.20%</td><td>9.42</td></tr>
<tr><td>其中：当年财政拨款</td><td>120.00</td><td>130.00</td><td>121.30</td><td>—</td><td>93.31%</td><td>—</td></tr>
<tr><td>上年结转资金</td><td></td><td>20.00</td><td>20.00</td><td>—</td><td>100.00%</td><td>—</td></tr>
<tr><td>其他资金</td><td></td><td></td><td></td><td>—</td><td></td><td>—</td></tr>
<tr><td rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="4">实际完成情况</td></tr>
<tr><td colspan="4">全年培训城乡劳动者2000人次，就业率不低于80%。</td><td colspan="4">全年培训2150人次，就业率82%。</td></tr>
<tr><td rowspan="7">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
<tr><td rowspan="3">产出指标(50分)</td><td>数量指标</td><td>培训人次</td><td>≥2000人次</td><td>2150人次</td><td>20</td><td>20</td><td></td></tr>
<tr><td>质量指标</td><td>培训后就业率</td><td>≥80%</td><td>82%</td><td>20</td><td>20</td><td></td></tr>
<tr><td>时效指标</td><td>补贴发放及时率</td><td>100%</td><td>95%</td><td>10</td><td>9.5</td><td>个别材料不全延迟发放</td></tr>
<tr><td rowspan="2">效益指标(30分)</td><td>社会效益指标</td><td>就业困难人员帮扶</td><td>有效提升</td><td>有效提升</td><td>20</td><td>20</td><td></td></tr>
<tr><td>可持续影响指标</td><td>服务机制</td><td>长期</td><td>长期</td><td>10</td><td>10</td><td></td></tr>
<tr><td>满意度指标(10分)</td><td>服务对象满意度指标</td><td>参训人员满意度</td><td>≥90%</td><td>93%</td><td>10</td><td>10</td><td></td></tr>
<tr><td colspan="6">总分</td><td>100</td><td>98.92</td><td></td></tr>
</table>
</body></html>`;

describe('national layout (财预〔2020〕10号 附件)', () => {
  const r = extract(NATIONAL, { path: '自评表.html', requireDocument: false });
  const [e] = projects(r);

  it('reads the funds block by its header labels: 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金', () => {
    expect(e?.name).toBe('城乡居民就业服务补助');
    expect(e!.department).toEqual({ name: '某市人力资源和社会保障局' });
    expect(e!.unit).toEqual({ name: '某市就业服务中心' });
    expect(e!.funds.map((f) => [f.source, f.total, text(f.initialBudget), text(f.annualBudget), text(f.executed), text(f.weight), text(f.rate), text(f.score)])).toEqual([
      ['年度资金总额', true, '120.00', '150.00', '141.30', '10', '94.20%', '9.42'],
      ['其中：当年财政拨款', false, '120.00', '130.00', '121.30', '—', '93.31%', '—'],
      ['上年结转资金', false, undefined, '20.00', '20.00', '—', '100.00%', '—'],
    ]);
    expect(e!.funds[0]!.rate).toEqual({ text: '94.20%', value: 94.2, decimals: 2, unit: '%' });
    expect(e!.funds[1]!.weight?.value).toBeNull();
  });

  it('reads the single target column, the 一级 weights in their labels and the total', () => {
    expect(e!.indicators.map((i) => [i.level1, text(i.level1Weight), i.level2, i.name, i.initialTarget, i.target, i.actual, text(i.weight), text(i.score)])).toEqual([
      ['产出指标', '50', '数量指标', '培训人次', undefined, '≥2000人次', '2150人次', '20', '20'],
      ['产出指标', '50', '质量指标', '培训后就业率', undefined, '≥80%', '82%', '20', '20'],
      ['产出指标', '50', '时效指标', '补贴发放及时率', undefined, '100%', '95%', '10', '9.5'],
      ['效益指标', '30', '社会效益指标', '就业困难人员帮扶', undefined, '有效提升', '有效提升', '20', '20'],
      ['效益指标', '30', '可持续影响指标', '服务机制', undefined, '长期', '长期', '10', '10'],
      ['满意度指标', '10', '服务对象满意度指标', '参训人员满意度', undefined, '≥90%', '93%', '10', '10'],
    ]);
    expect(e!.indicators[2]!.deviation).toBe('个别材料不全延迟发放');
    expect(e!.total).toEqual({ text: '98.92', value: 98.92, decimals: 2, unit: '分' });
    expect(e!.goals).toHaveLength(1);
    expect(e!.goals[0]!.achieved).toBe('全年培训2150人次，就业率82%。');
  });
});

/** A tab-separated 自评表 whose columns are printed in another order (分值 first, 实际完成值 before the target). */
const REORDERED = [
  '某单位2024年度项目支出绩效自评表',
  '',
  '项目名称\t\t社区养老服务补贴',
  '主管部门\t\t某区民政局\t\t实施单位\t某区养老服务指导中心',
  '项目资金（万元）\t资金来源\t执行率\t得分\t全年执行数\t全年预算数\t年初预算数\t分值',
  '\t资金总额\t80.00%\t8\t40.00\t50.00\t60.00\t10',
  '\t财政拨款\t80.00%\t\t40.00\t50.00\t60.00\t',
  '绩效指标\t一级指标\t二级指标\t三级指标\t分值\t得分\t实际完成值\t年度指标值\t偏差原因分析及改进措施',
  '\t产出指标\t数量指标\t服务老人人数\t30\t27\t900人\t1000人\t部分老人迁出',
  '\t\t时效指标\t补贴按月发放\t20\t20\t按月\t按月\t',
  '\t效益指标\t社会效益指标\t老人生活质量\t30\t30\t提高\t提高\t',
  '\t满意度指标\t服务对象满意度指标\t老人满意度\t10\t9\t88%\t≥90%\t',
  '总分\t\t\t\t\t\t\t94\t良',
].join('\n');

describe('a 自评表 with its columns in another order', () => {
  const r = extract(REORDERED, { path: '自评表.txt', requireDocument: false });
  const [e] = projects(r);

  it('maps the funds and indicator columns by their header labels', () => {
    expect(e?.name).toBe('社区养老服务补贴');
    expect(e!.funds.map((f) => [f.source, f.total, text(f.initialBudget), text(f.annualBudget), text(f.executed), text(f.rate), text(f.weight), text(f.score)])).toEqual([
      ['资金总额', true, '60.00', '50.00', '40.00', '80.00%', '10', '8'],
      ['财政拨款', false, '60.00', '50.00', '40.00', '80.00%', undefined, undefined],
    ]);
    expect(e!.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, text(i.weight), text(i.score), i.deviation])).toEqual([
      ['产出指标', '数量指标', '服务老人人数', '1000人', '900人', '30', '27', '部分老人迁出'],
      ['产出指标', '时效指标', '补贴按月发放', '按月', '按月', '20', '20', undefined],
      ['效益指标', '社会效益指标', '老人生活质量', '提高', '提高', '30', '30', undefined],
      ['满意度指标', '服务对象满意度指标', '老人满意度', '≥90%', '88%', '10', '9', undefined],
    ]);
    expect([e!.total?.value, e!.grade, e!.year]).toEqual([94, '良', 2024]);
  });
});
