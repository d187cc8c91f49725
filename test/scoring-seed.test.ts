/**
 * The scoring engine on the seeds (rules.md §5.2, §5.3): seed 003's three 项目支出绩效自评表 as the
 * evaluations reader recognises them, recomputed with the budgets and rates their own analysis text
 * states; seed 002's Guangzhou department model built from the seed's own sentences and indicator rows
 * (until the reader recognises department evaluations).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../src/index.js';
import type { DepartmentEvaluation, Figure, Indicator } from '../src/model/evaluation.js';
import { formatExactish, formatScore, scoreEvaluation } from '../src/check/performance/index.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';

const place = { line: 0 };
function fig(text: string): Figure {
  const d = text.includes('.') ? text.split('.')[1]!.length : 0;
  return { text, value: Number(text), decimals: d };
}

describe.skipIf(!HAVE_SEEDS)('seed 003: three project tables (rules.md §5.2)', () => {
  it('recomputes each total with the narrative budget and grades it', async () => {
    const report = await extractFile(seed('003').path);
    const scores = (report.evaluations ?? []).map((e) => scoreEvaluation(e));
    expect(scores.map((s) => s.name)).toEqual(['劳动能力鉴定和干部人事档案管理工作经费', '晋城市人力资源和社会保障局机房设备整体托管经费', '信息系统运行维护费']);
    // As printed: 10 + 80 = 90 优; 10 + 85 = 95 优 (×2), and the table's own rate recomputes to 100%.
    expect(scores.map((s) => formatScore(s.total!.value, 2))).toEqual(['90.00', '95.00', '95.00']);
    expect(scores.map((s) => s.printedGradeNormal)).toEqual(['优', '优', '优']);
    expect(scores.map((s) => s.notes)).toEqual([[], [], []]);
    // With the budgets the analysis text states (42 / 55 / 100 万元).
    expect(scores.map((s) => formatScore(s.alternative!.rate!, 2))).toEqual(['69.28', '99.93', '57.47']);
    expect(scores.map((s) => formatScore(s.alternative!.score!, 2))).toEqual(['6.93', '9.99', '5.75']);
    expect(scores.map((s) => formatExactish(s.alternative!.balance!))).toEqual(['12.901', '0.04', '42.534']);
    expect(scores.map((s) => formatScore(s.totalAlternative!.value, 2))).toEqual(['86.93', '94.99', '90.75']);
    expect(scores.map((s) => s.totalAlternative!.grade)).toEqual(['良', '优', '优']);
    // 全年预算数 set equal to the execution, below the 年初预算 (P-R3).
    for (const s of scores) expect(s.execution!.reason).toContain('倒填');
  });

  it('weights 产出 50 (成本 inside) / 效益 30 / 满意度 10, and the 时效 indicators completed early but scored 0', async () => {
    const report = await extractFile(seed('003').path);
    const scores = (report.evaluations ?? []).map((e) => scoreEvaluation(e));
    for (const s of scores) expect(s.level1.map((l) => [l.group, formatExactish(l.printedWeight)])).toEqual([['产出指标', '50'], ['效益指标', '30'], ['满意度指标', '10']]);
    const bad = scores.flatMap((s) => s.indicators.filter((i) => i.consistent === false).map((i) => `${s.id} ${i.indicator.name}`));
    expect(bad).toEqual(['E1 档案用品采购', 'E1 工伤鉴定完成']);
    // 成本指标 未填报 scored 5/10: not recomputable, reported as such.
    const cost = scores.flatMap((s) => s.indicators.filter((i) => i.group === '产出指标' && i.indicator.level2 === '成本指标'));
    expect(cost).toHaveLength(3);
    for (const c of cost) expect(c.recomputed).toBeUndefined();
  });
});

/** Seed 002's own text and indicator rows as a DepartmentEvaluation (what the reader is to produce). */
function seed002(): DepartmentEvaluation {
  const lines = readFileSync(seed('002').path, 'utf8').split('\n');
  const sentence = (re: RegExp) => lines.find((l) => re.test(l))!.trim();
  const indicators: Indicator[] = [];
  let level2 = '';
  lines.forEach((line, n) => {
    const cells = line.split('\t');
    if (!/预期实现/.test(line) || cells[0] === '分类' || cells.length < 3) return;
    const [l2, name, target, actual] = cells.length >= 4 ? cells : ['', ...cells];
    if (l2) level2 = l2;
    const level1 = n > 180 ? '效益指标' : '产出指标';
    indicators.push({ level1, level2, name: name!, target: target!, actual: actual!, place: { line: n + 1 } });
  });
  return {
    id: 'E1',
    name: '广州市人力资源和社会保障局部门整体支出绩效自评',
    kind: 'department',
    form: 'report',
    scheme: 'guangzhou-department',
    total: fig('97.998'),
    grade: '优',
    stated: [],
    statements: [],
    analysis: [],
    place,
    counts: [],
    funds: [],
    indicators,
    dimensions: [
      {
        name: '管理效率',
        weight: fig('50'),
        score: fig('48.000'),
        items: [
          { name: '采购合同签订时效性', weight: fig('3'), score: fig('2'), basis: sentence(/^\s*采购合同签订时效性/) },
          { name: '合同备案时效性', weight: fig('1'), score: fig('0'), basis: sentence(/^\s*合同备案时效性/) },
        ],
      },
      {
        name: '履职效能',
        weight: fig('50'),
        score: fig('49.998'),
        items: [
          { name: '预算执行情况', weight: fig('5'), score: fig('4.99915'), basis: sentence(/3-11 月均超过序时进度/) },
          { name: '部门整体绩效完成情况', weight: fig('20'), score: fig('20') },
          { name: '专项资金支出情况', weight: fig('5'), score: fig('4.999'), basis: sentence(/市本级支出进度为/) },
          { name: '专项资金绩效完成情况', weight: fig('20'), score: fig('20') },
        ],
      },
    ],
  };
}

describe.skipIf(!HAVE_SEEDS)('seed 002: the Guangzhou department model (rules.md §5.3, P-R12)', () => {
  it('recomputes 预算执行 4.99915, 履职效能 49.99815, 管理效率 48 and the total 97.998 优', () => {
    const s = scoreEvaluation(seed002());
    expect(s.scheme.id).toBe('guangzhou-department');
    const [mgmt, perf] = s.department!.dimensions;
    const budget = perf!.items.find((i) => i.name === '预算执行情况')!;
    expect(formatExactish(budget.value!)).toBe('4.99915');
    expect(budget.consistent).toBe(true);
    expect(budget.reason).toContain('99.983%');
    const special = perf!.items.find((i) => i.name === '专项资金支出情况')!;
    expect(formatExactish(special.value!)).toBe('4.999');
    expect(special.consistent).toBe(true);
    expect(formatExactish(perf!.value!)).toBe('49.99815');
    expect(formatExactish(mgmt!.value!)).toBe('48');
    expect(formatExactish(s.department!.value!)).toBe('97.99815');
    expect(formatScore(s.total!.value, 3)).toBe('97.998');
    expect(s.total!.grade).toBe('优');
  });

  it('finds the indicator scored full although unmet: 创新领军人才 13 of 约20 (P-R9)', () => {
    const s = scoreEvaluation(seed002());
    const item = s.department!.dimensions[1]!.items.find((i) => i.name === '部门整体绩效完成情况')!;
    const unmet = item.indicators!.filter((i) => i.met === false).map((i) => i.indicator.name);
    expect(unmet).toEqual(['对已入选的创新领军人才进行中期评估并发放第二期资助经费人数']);
    expect(item.consistent).toBe(false);
    // 20 less its equal share × (1 − 13/20): the printed 20 is above the recomputed range.
    const n = item.indicators!.length;
    const hi = 20 - (20 / n) * (1 - 13 / 20);
    expect(Number(formatScore(item.range!.hi, 4))).toBeCloseTo(hi, 4);
  });
});
