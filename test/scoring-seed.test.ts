/**
 * The scoring engine on the seeds (rules.md §5.2, §5.3): seed 003's three 项目支出绩效自评表 as the
 * evaluations reader recognises them, recomputed with the budgets and rates their own analysis text
 * states; seed 002's Guangzhou department model as the reader recognises it from the document.
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../src/index.js';
import type { DepartmentEvaluation } from '../src/model/evaluation.js';
import { formatExactish, formatScore, scoreEvaluation } from '../src/check/performance/index.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';

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

/** Seed 002's department self-evaluation as the reader recognises it from the document itself. */
async function seed002(): Promise<DepartmentEvaluation> {
  const report = await extractFile(seed('002').path);
  const found = (report.evaluations ?? []).filter((e): e is DepartmentEvaluation => e.kind === 'department');
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe.skipIf(!HAVE_SEEDS)('seed 002: what the reader gives the Guangzhou model', () => {
  it('reads the dimensions, the 预算执行 basis with its months and rate, and the two indicator tables', async () => {
    const e = await seed002();
    expect(e.scheme).toBe('guangzhou-department');
    expect(e.total?.value).toBe(97.998);
    expect(e.dimensions.map((d) => [d.name, d.weight?.value, d.score?.value, d.score?.decimals])).toEqual([
      ['管理效率', 50, 48, 3],
      ['履职效能', 50, 49.998, 3],
    ]);
    const budget = e.dimensions[1]!.items.find((i) => i.name === '预算执行情况')!;
    expect([budget.score?.value, budget.score?.decimals]).toEqual([4.99915, 5]);
    expect(budget.basis).toMatch(/3\s*-\s*11\s*月均超过序时进度/);
    expect(budget.basis).toContain('99.83%');
    const tables = new Map<string, number>();
    for (const i of e.indicators) tables.set(/专项/.test(i.table ?? '') ? '专项资金' : '部门整体', (tables.get(/专项/.test(i.table ?? '') ? '专项资金' : '部门整体') ?? 0) + 1);
    expect(Object.fromEntries(tables)).toEqual({ 部门整体: 32, 专项资金: 22 });
    for (const i of e.indicators) expect(i.table).toBeTruthy();
  });
});

describe.skipIf(!HAVE_SEEDS)('seed 002: the Guangzhou department model (rules.md §5.3, P-R12)', () => {
  it('recomputes 预算执行 4.99915, 履职效能 49.99815, 管理效率 48 and the total 97.998 优', async () => {
    const s = scoreEvaluation(await seed002());
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

  it('finds the indicator scored full although unmet: 创新领军人才 13 of 约20 (P-R9)', async () => {
    const s = scoreEvaluation(await seed002());
    const item = s.department!.dimensions[1]!.items.find((i) => i.name === '部门整体绩效完成情况')!;
    const unmet = item.indicators!.filter((i) => i.met === false).map((i) => i.indicator.name);
    expect(unmet).toEqual(['对已入选的创新领军人才进行中期评估并发放第二期资助经费人数']);
    expect(item.consistent).toBe(false);
    // 20 less its equal share × (1 − 13/20): the printed 20 is above the recomputed range.
    // 32 indicators of the department's own tables: 20 − 20/32 × (1 − 13/20) = 19.78125.
    expect(item.indicators).toHaveLength(32);
    expect(formatExactish(item.range!.hi)).toBe('19.78125');
  });
});
