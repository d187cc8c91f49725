/**
 * The scoring engine on hand-built evaluations: every branch of the national scheme (rules.md §5.1) —
 * met / unmet / reverse quantitative indicators, the qualitative tiers, the capped and stepped
 * execution-rate score, the grade bands at their boundaries — and the Guangzhou 预算执行 mean.
 */
import { describe, expect, it } from 'vitest';
import type { Figure, Indicator, ProjectEvaluation } from '../src/model/evaluation.js';
import {
  NATIONAL,
  NATIONAL_STEPS,
  budgetExecutionScore,
  executionRate,
  executionScore,
  formatScore,
  gradeOf,
  level1Group,
  normaliseGrade,
  parseIndicatorValue,
  ratOfDecimal,
  scoreEvaluation,
  scoreIndicator,
} from '../src/check/performance/index.js';
import { ratEq, type Rational } from '../src/check/narrative/interval.js';

const place = { line: 1 };
function fig(text: string): Figure {
  const d = text.includes('.') ? text.split('.')[1]!.length : 0;
  return { text, value: Number(text), decimals: d };
}
const r = ratOfDecimal;
const eq = (a: Rational | undefined, b: string) => expect(a && formatScore(a, 6)).toBe(formatScore(r(b), 6));

function ind(level1: string, name: string, target: string, actual: string, weight: string, score?: string): Indicator {
  return { level1, level2: '', name, target, actual, weight: fig(weight), ...(score ? { score: fig(score) } : {}), place };
}

describe('indicator values', () => {
  it('reads the genre’s target and completion forms', () => {
    expect(parseIndicatorValue('≥24次')).toMatchObject({ kind: 'number', op: '>=', unit: '次' });
    expect(parseIndicatorValue('=100%')).toMatchObject({ kind: 'number', op: '=', unit: '%' });
    expect(parseIndicatorValue('约20人')).toMatchObject({ kind: 'number', op: '≈', unit: '人' });
    expect(parseIndicatorValue('28 万人以上')).toMatchObject({ kind: 'number', op: '>=', unit: '万人' });
    expect(parseIndicatorValue('不高于 5%')).toMatchObject({ kind: 'number', op: '<=', unit: '%' });
    expect(parseIndicatorValue('不超10次')).toMatchObject({ kind: 'number', op: '<=' });
    expect(parseIndicatorValue('24小时内')).toMatchObject({ kind: 'number', op: '<=', unit: '小时' });
    expect(parseIndicatorValue('96%或以上')).toMatchObject({ kind: 'number', op: '>=' });
    expect(parseIndicatorValue('指标解释：……预期实现值：发放第二期资助经费人数约 20 人。')).toMatchObject({ kind: 'number', op: '≈', unit: '人' });
    for (const w of ['及时', '每月', '年初', '2023年11月', '12月', '保障']) expect(parseIndicatorValue(w).kind, w).toBe('word');
    expect(parseIndicatorValue('未填报').kind).toBe('missing');
    expect(parseIndicatorValue('')).toMatchObject({ kind: 'missing' });
    expect(parseIndicatorValue('完成预期指标')).toMatchObject({ kind: 'achievement', tier: 'achieved' });
    expect(parseIndicatorValue('达成预期指标')).toMatchObject({ kind: 'achievement', tier: 'achieved' });
    expect(parseIndicatorValue('提前指标且')).toMatchObject({ kind: 'achievement', tier: 'early' });
    expect(parseIndicatorValue('部分完成')).toMatchObject({ kind: 'achievement', tier: 'partial' });
    expect(parseIndicatorValue('未完成')).toMatchObject({ kind: 'achievement', tier: 'unmet' });
    // A completion sentence: the number in the target's unit, not the year or the counts in brackets.
    const v = parseIndicatorValue('2.51%(城市困难免学费学生人数 450 人/城市户籍学生人数 17916 人)', { unit: '%' });
    expect(v.kind === 'number' && formatScore(v.value, 2)).toBe('2.51');
    const y = parseIndicatorValue('已完成，2023 年底城乡居保享受待遇人数 59.36 万人。', { unit: '万人' });
    expect(y.kind === 'number' && formatScore(y.value, 2)).toBe('59.36');
  });
});

describe('indicator scores (P-R9, P-R10)', () => {
  it('met quantitative indicator: full score; over-achievement noted', () => {
    const s = scoreIndicator(ind('产出指标', '聘请专业鉴定人', '≥8名', '≥23名', '5', '5'));
    expect(s.met).toBe(true);
    eq(s.recomputed?.lo, '5');
    eq(s.recomputed?.hi, '5');
    expect(s.consistent).toBe(true);
    expect(s.reason).toContain('指标值可能偏低');
  });

  it('unmet quantitative indicator: 分值 × 完成值/目标值, units scaled (万人 vs 人)', () => {
    const s = scoreIndicator(ind('产出指标', '创新领军人才', '约20人', '13 人', '20', '20'));
    expect(s.met).toBe(false);
    eq(s.recomputed?.lo, '13');
    expect(s.consistent).toBe(false);
    expect(s.reason).toContain('65.00%');
    const w = scoreIndicator(ind('产出指标', '新增就业', '28 万人以上', '210000人', '10'));
    eq(w.recomputed?.lo, '7.5');
  });

  it('reverse indicators: ≤ target met, else 分值 × 目标值/完成值', () => {
    const met = scoreIndicator(ind('产出指标', '软件系统故障率', '≤5%', '3%', '5', '5'));
    expect(met).toMatchObject({ met: true, reverse: true, consistent: true });
    const unmet = scoreIndicator(ind('产出指标', '软件系统故障率', '≤5%', '8%', '8', '8'));
    expect(unmet).toMatchObject({ met: false, reverse: true, consistent: false });
    eq(unmet.recomputed?.lo, '5');
    const zero = scoreIndicator(ind('效益指标', '因贫退学率', '≤2%', '0%(0人/67059人)', '4'));
    expect(zero.met).toBe(true);
  });

  it('qualitative tiers are intervals: 达成 80–100%, 部分达成 60–80%, 未达成 0–60%', () => {
    const a = scoreIndicator(ind('产出指标', '档案归档时效性', '及时', '完成预期指标', '2.5', '2.5'));
    eq(a.recomputed?.lo, '2');
    eq(a.recomputed?.hi, '2.5');
    expect(a.consistent).toBe(true);
    // Completed ahead of time yet scored 0 (seed 003 table 1, P-R10).
    const early = scoreIndicator(ind('产出指标', '档案用品采购', '年初', '提前指标且', '2.5', '0'));
    expect(early.consistent).toBe(false);
    const p = scoreIndicator(ind('效益指标', '工作效率', '提升', '部分达成', '10', '7'));
    eq(p.recomputed?.lo, '6');
    eq(p.recomputed?.hi, '8');
    expect(p.consistent).toBe(true);
    const u = scoreIndicator(ind('效益指标', '工作效率', '提升', '未达成', '10', '7'));
    eq(u.recomputed?.lo, '0');
    eq(u.recomputed?.hi, '6');
    expect(u.consistent).toBe(false);
  });

  it('a quantitative target with an achievement word: 达成 is met (full), 未完成 is a 0–60% range', () => {
    const a = scoreIndicator(ind('产出指标', '故障处理时间', '24小时内', '达成预期指标', '5', '5'));
    expect(a.met).toBe(true);
    eq(a.recomputed?.lo, '5');
    const u = scoreIndicator(ind('产出指标', '故障处理时间', '24小时内', '未完成', '5', '5'));
    eq(u.recomputed?.hi, '3');
  });

  it('a missing target is not recomputed; a score over its 分值 is flagged', () => {
    const m = scoreIndicator(ind('成本指标', '成本指标', '未填报', '完成预期指标', '10', '5'));
    expect(m.recomputed).toBeUndefined();
    expect(m.reason).toContain('未填报');
    const over = scoreIndicator(ind('产出指标', 'x', '≥1次', '≥1次', '5', '6'));
    expect(over.overWeight).toBe(true);
  });

  it('counts 成本指标 inside 产出 (2020 tables)', () => {
    expect(level1Group('成本指标')).toBe('产出指标');
    expect(level1Group('产出指标 (分值10)')).toBe('产出指标');
    expect(level1Group('满意度指标')).toBe('满意度指标');
  });
});

describe('execution rate (P-R1, P-R4)', () => {
  it('proportional and capped at the 分值', () => {
    const rate = executionRate(r('29.099'), r('42'))!;
    expect(formatScore(rate, 2)).toBe('69.28');
    expect(formatScore(executionScore(rate), 2)).toBe('6.93');
    eq(executionScore(r('148.37')), '10');
    eq(executionScore(r('0')), '0');
    expect(executionRate(r('5'), r('0'))).toBeUndefined();
  });

  it('steps as data: full at ≥95%, proportional below', () => {
    eq(executionScore(r('95'), NATIONAL_STEPS), '10');
    eq(executionScore(r('96.5'), NATIONAL_STEPS), '10');
    eq(executionScore(r('94.99'), NATIONAL_STEPS), '9.499');
    eq(executionScore(r('94.99'), NATIONAL), '9.499');
    eq(executionScore(r('96.5'), NATIONAL), '9.65');
  });

  it('Guangzhou 预算执行: 5 × mean of months 3–11 at 100% and the annual 99.83%', () => {
    const checks = [...Array.from({ length: 9 }, () => r('100')), r('99.83')];
    const m = budgetExecutionScore(checks, r('5'));
    eq(m.mean, '99.983');
    eq(m.score, '4.99915');
  });
});

describe('grades (P-R8)', () => {
  it('bands at their boundaries, on the score as printed', () => {
    expect(gradeOf(r('90'))).toBe('优');
    expect(gradeOf(r('89.99'))).toBe('良');
    expect(gradeOf(r('89.996'))).toBe('优'); // printed 90.00
    expect(gradeOf(r('80'))).toBe('良');
    expect(gradeOf(r('79.99'))).toBe('中');
    expect(gradeOf(r('60'))).toBe('中');
    expect(gradeOf(r('59.99'))).toBe('差');
    expect(gradeOf(r('0'))).toBe('差');
  });

  it('maps the genre’s grade words', () => {
    expect(normaliseGrade('优秀')).toBe('优');
    expect(normaliseGrade('良好')).toBe('良');
    expect(normaliseGrade('合格')).toBe('中');
    expect(normaliseGrade('不合格')).toBe('差');
    expect(normaliseGrade('较差')).toBe('差');
    expect(normaliseGrade('总体结论为良好')).toBe('良');
    expect(normaliseGrade('“优”')).toBe('优');
    expect(normaliseGrade('无')).toBeUndefined();
  });
});

describe('a whole project evaluation', () => {
  function evaluation(over: Partial<ProjectEvaluation> = {}): ProjectEvaluation {
    return {
      id: 'E1',
      name: '测试项目',
      kind: 'project',
      form: 'table',
      total: fig('90'),
      grade: '优',
      stated: [],
      statements: [],
      analysis: [],
      place,
      funds: [{ source: '资金总额', total: true, initialBudget: fig('100'), annualBudget: fig('100'), executed: fig('80'), balance: fig('20'), rate: fig('80'), weight: fig('10'), score: fig('8'), place }],
      goals: [],
      indicators: [
        ind('产出指标', '次数', '≥10次', '≥10次', '30', '30'),
        ind('产出指标', '及时', '及时', '完成预期指标', '10', '10'),
        ind('成本指标', '成本', '≤100万元', '80万元', '10', '10'),
        ind('效益指标', '效益', '提升', '达成预期指标', '30', '30'),
        ind('满意度指标', '满意度', '≥95%', '90%', '10', '4'),
      ],
      ...over,
    };
  }

  it('recomputes execution, sums the indicators, grades the total; printed total checked (P-R7)', () => {
    const s = scoreEvaluation(evaluation());
    eq(s.execution?.rate, '80');
    eq(s.execution?.score, '8');
    eq(s.total?.value, '92');
    expect(s.total?.grade).toBe('优');
    eq(s.printedSum, '92');
    expect(s.notes.some((n) => n.includes('不等于'))).toBe(true); // printed 90 ≠ 8 + 84
    expect(s.level1.map((l) => [l.group, formatScore(l.printedWeight, 0)])).toEqual([
      ['产出指标', '50'],
      ['效益指标', '30'],
      ['满意度指标', '10'],
    ]);
    // 满意度 90% of 95% → 10 × 90/95 = 9.47 (the printed 4 is outside); 及时 10 and 效益 30 may be 8 and 24:
    // 8 + 30 + [8, 10] + 10 + [24, 30] + 9.47.
    const byInd = s.byIndicators!.range;
    expect(s.indicators[4]!.consistent).toBe(false);
    expect(formatScore(byInd.lo, 2)).toBe('89.47');
    expect(s.byIndicators!.grades).toEqual(['优', '良']);
    expect(formatScore(byInd.hi, 2)).toBe('97.47');
  });

  it('uses the budget and rate the text states when they differ from the table (P-R3)', () => {
    const s = scoreEvaluation(
      evaluation({
        funds: [{ source: '资金总额', total: true, initialBudget: fig('42'), annualBudget: fig('29.099'), executed: fig('29.099'), balance: fig('0'), rate: fig('100'), weight: fig('10'), score: fig('10'), place }],
        total: fig('90'),
        indicators: [ind('产出指标', 'x', '≥1次', '≥1次', '80', '80')],
        statements: [
          { measure: 'budget', value: { ...fig('42'), unit: '万元' }, text: '预算下达42万元', place },
          { measure: 'executed', value: { ...fig('29.099'), unit: '万元' }, text: '实际执行29.099万元', place },
          { measure: 'rate', value: { ...fig('69'), unit: '%' }, text: '预算执行率为69%', place },
        ],
      }),
    );
    expect(formatScore(s.total!.value, 2)).toBe('90.00');
    expect(s.alternative?.source).toBe('statement');
    expect(formatScore(s.alternative!.rate!, 2)).toBe('69.28');
    expect(formatScore(s.totalAlternative!.value, 2)).toBe('86.93');
    expect(s.totalAlternative!.grade).toBe('良');
    expect(s.execution?.reason).toContain('倒填');
  });

  it('no alternative when the text agrees with the table', () => {
    const s = scoreEvaluation(
      evaluation({
        statements: [
          { measure: 'budget', value: { ...fig('100'), unit: '万元' }, text: '预算100万元', place },
          { measure: 'rate', value: { ...fig('80'), unit: '%' }, text: '执行率80%', place },
        ],
      }),
    );
    expect(s.alternative).toBeUndefined();
  });

  it('a prose evaluation: the stated score graded by the bands', () => {
    const s = scoreEvaluation(
      evaluation({ form: 'prose', funds: [], indicators: [], total: undefined, grade: undefined, stated: [{ score: fig('100'), grade: '良好', text: '总体结论为良好……综合自评得分100分', place }] }),
    );
    expect(s.stated[0]).toMatchObject({ gradeNormal: '良', band: '优' });
    expect(s.total).toBeUndefined();
  });

  it('the scheme can be chosen by id', () => {
    const s = scoreEvaluation(evaluation({ funds: [{ source: '资金总额', total: true, annualBudget: fig('100'), executed: fig('96'), weight: fig('10'), score: fig('10'), place }] }), 'national-steps');
    expect(s.scheme.id).toBe('national-steps');
    eq(s.execution?.score, '10');
    expect(ratEq(scoreEvaluation(evaluation(), NATIONAL).execution!.score!, r('8'))).toBe(true);
  });
});
