/**
 * Evaluations told in prose and in reports (issue #8 items 1–2): seed 001's 34 project paragraphs and
 * its 部门整体 statement, seed 000's one stated project, seed 002's Guangzhou department report
 * (dimensions, items, indicator tables, counts) and seed 004's attached 绩效评价报告.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DepartmentEvaluation, Evaluation, ProjectEvaluation } from '../src/model/evaluation.js';
import { HAVE_SEEDS, seedReport } from './support/seeds.js';

const projects = (es: Evaluation[] | undefined) => (es ?? []).filter((e): e is ProjectEvaluation => e.kind === 'project');
const departments = (es: Evaluation[] | undefined) => (es ?? []).filter((e): e is DepartmentEvaluation => e.kind === 'department');

describe.skipIf(!HAVE_SEEDS)('seed 001: 34 project evaluations in prose and the 部门整体 statement', () => {
  it('reads one prose evaluation per project with its stated score and grade', async () => {
    const r = await seedReport('001');
    const ps = projects(r.evaluations).filter((e) => e.form === 'prose');
    expect(ps).toHaveLength(34);
    expect(ps[0]!.name).toBe('广清纺织服装产业转移园相关企业第1及第2批次招用工培训补贴');
    expect(ps[33]!.name).toBe('就业创业服务经费');
    const results = ps.map((e) => `${e.total?.value ?? ''}${e.grade ?? ''}`);
    expect(results).toEqual([
      '100优秀', '100优秀', '100优秀', '85良', '100优秀', '100优秀', '100优', '100优秀', '100优秀', '100优',
      '100优', '100优', '90优秀', '100优秀', '100优', '75中', '100优秀', '100优秀', '100优秀', '100优秀',
      '100优秀', '100优秀', '优', '100优', '91优', '100优', '100优', '100优', '98优秀', '95优',
      '96优秀', '92.5优秀', '99优秀', '98优秀',
    ]);
    // Each stated result points at its sentence in the source.
    const source = readFileSync(r.source.path, 'utf8');
    for (const e of ps) for (const s of e.stated) expect(source.slice(s.place.span!.start, s.place.span!.end)).toBe(s.text);
    expect(ps[3]!.stated[0]!.text).toBe('自评等级为“良”，分数为85分。');
    expect(ps[3]!.stated[0]!.place.line).toBe(731);
  });

  it('reads the execution statements of the projects (budget, executed, rate)', async () => {
    const ps = projects((await seedReport('001')).evaluations).filter((e) => e.form === 'prose');
    const four = ps[3]!.statements.map((s) => [s.measure, s.value.text]);
    expect(four).toEqual([['budget', '400万元'], ['executed', '260.12万元'], ['rate', '65.03%']]);
    expect(ps[15]!.statements.map((s) => [s.measure, s.value.value])).toEqual([['rate', 48.86]]);
    const thirteen = ps[12]!.statements.map((s) => [s.measure, s.value.value]);
    expect(thirteen.slice(0, 4)).toEqual([['budget', 298.38], ['budget', 298.38], ['executed', 246.02], ['rate', 82.45]]);
    expect(ps.filter((e) => e.statements.some((s) => s.measure === 'rate')).length).toBeGreaterThanOrEqual(28);
  });

  it('reads the 部门整体 statement: budget, execution, 148.37% and 100分 优', async () => {
    const [d] = departments((await seedReport('001')).evaluations);
    expect(d?.form).toBe('prose');
    expect(d!.name).toBe('部门整体支出');
    expect(d!.statements.map((s) => [s.measure, s.value.text, s.value.value])).toEqual([
      ['budget', '28,962.58万元', 28962.58],
      ['executed', '42971.67万元', 42971.67],
      ['rate', '148.37%', 148.37],
    ]);
    expect([d!.total?.value, d!.grade]).toEqual([100, '优']);
  });
});

describe.skipIf(!HAVE_SEEDS)('seed 000: says 4 projects were evaluated, states one', () => {
  it('reads the 单位整体 statement and the one project it states', async () => {
    const es = (await seedReport('000')).evaluations ?? [];
    expect(es.map((e) => [e.kind, e.form, e.name])).toEqual([
      ['department', 'prose', '单位整体支出'],
      ['project', 'prose', '市人社事务中心劳鉴及维稳工作经费'],
    ]);
    expect(es[0]!.grade).toBe('优');
    expect(es[1]!.statements.map((s) => [s.measure, s.value.text])).toEqual([['budget', '287.12万元'], ['executed', '287.11万元'], ['rate', '100%']]);
  });
});

describe.skipIf(!HAVE_SEEDS)('seed 002: a Guangzhou department self-evaluation report', () => {
  it('reads the total, the grade, the scheme and the two dimensions with their items', async () => {
    const ds = departments((await seedReport('002')).evaluations);
    expect(ds).toHaveLength(1);
    const d = ds[0]!;
    expect([d.form, d.total?.text, d.total?.value, d.total?.decimals, d.grade, d.scheme]).toEqual(['report', '97.998 分', 97.998, 3, '优', 'guangzhou-department']);
    expect(d.dimensions.map((x) => [x.name, x.weight?.value, x.score?.text])).toEqual([
      ['管理效率', 50, '48.000分'],
      ['履职效能', 50, '49.998分'],
    ]);
    const performance = d.dimensions.find((x) => x.name === '履职效能')!;
    expect(performance.items.map((i) => [i.name, i.weight?.value, i.score?.value])).toEqual([
      ['预算执行情况', 5, 4.99915],
      ['部门整体绩效完成情况', undefined, 20],
      ['专项资金支出情况', 5, 4.999],
      ['专项资金绩效完成情况', 20, 20],
    ]);
    expect(performance.items[0]!.basis).toMatch(/一般公共预算执行率为 99\.83%.*99\.983%/);
    const management = d.dimensions.find((x) => x.name === '管理效率')!;
    expect([...new Set(management.items.map((i) => i.group))]).toEqual(['预算编制', '预算执行', '信息公开', '绩效管理', '采购管理', '资产管理', '运行成本']);
    const scored = management.items.filter((i) => i.score).map((i) => [i.name, i.score!.value, i.weight!.value]);
    expect(scored).toContainEqual(['合同备案时效性', 0, 1]);
  });

  it('reads the indicator tables with targets and actuals, and the counts the text states', async () => {
    const d = departments((await seedReport('002')).evaluations)[0]!;
    const whole = d.indicators.filter((i) => /部门整体/.test(i.table ?? ''));
    const special = d.indicators.filter((i) => /专项资金/.test(i.table ?? ''));
    expect([whole.length, special.length]).toEqual([32, 22]);
    expect(whole.filter((i) => i.level1 === '产出指标').length).toBe(23);
    expect(special.filter((i) => i.level1 === '产出指标').length).toBe(15);
    const talent = whole.find((i) => /创新领军人才/.test(i.name))!;
    expect(talent.target).toMatch(/约 20 人/);
    expect(talent.actual).toMatch(/13 人/);
    const scholarship = whole.find((i) => i.name === '技工学校中职奖学金人数')!;
    expect([scholarship.target, scholarship.actual]).toEqual(['指标解释：拨付技工学校二年级及以上学生奖学金；预期实现值：165 名。', '169 名']);
    expect(whole.find((i) => i.name === '帮扶就业困难人员再就业人数')!.target).toMatch(/4\.2 万人。$/);
    expect(d.counts.map((c) => [c.what, c.value.value])).toEqual([
      ['绩效指标', 32], ['产出指标', 23], ['数量指标', 18], ['质量指标', 3], ['时效指标', 2], ['效益指标', 9],
      ['经济效益指标', 1], ['社会效益指标', 5], ['可持续发展指标', 1], ['满意度指标', 2], ['专项资金产出指标', 15], ['专项资金效益指标', 7],
    ]);
  });
});

describe.skipIf(!HAVE_SEEDS)('seed 004: attached 绩效评价报告', () => {
  it('reads the department report (91.4 分, no grade word) and the project reports (100 分 良好; 100 分)', async () => {
    const es = (await seedReport('004')).evaluations ?? [];
    expect(es.map((e) => [e.kind, e.form, e.name, e.total?.value, e.grade])).toEqual([
      ['department', 'report', '攀枝花市仁和区人力资源和社会保障局部门预算', 91.4, undefined],
      ['project', 'report', '就业创业补助资金', 100, '良好'],
      ['project', 'report', '社保公共服务能力建设资金', 100, undefined],
    ]);
    expect(es[1]!.stated.map((s) => s.text)).toEqual(['2023 年就业创业补助资金专项预算项目绩效自评总体结论为良好。', '项目实施情况较好，资金使用效益较高，基本达到了预期目标，综合自评得分 100 分。']);
    // The report's own 评价结论 states the score (自评得分91.4分), with no grade word.
    expect([es[0]!.stated[0]!.place.line, es[0]!.stated[0]!.score?.text]).toEqual([445, '91.4分']);
  });

  it('keeps every report JSON-serialisable', async () => {
    for (const id of ['000', '001', '002', '004']) {
      const es = (await seedReport(id)).evaluations;
      expect(JSON.parse(JSON.stringify(es))).toEqual(es);
    }
  });
});
