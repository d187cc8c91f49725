/**
 * `juesuan score`: the scoring report of seed 003 (text and JSON), a document without evaluations,
 * a bad option, and the compiled bin's exit codes (npm test builds first).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scoreFile } from '../src/cli/score-command.js';
import { composeDocument } from '../src/render/document/compose.js';
import { renderMarkdown } from '../src/render/formats/markdown.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'juesuan.js');
const EXAMPLE = join(import.meta.dirname, '..', 'examples', '示例单位2024年度单位决算.txt');

async function juesuan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(!HAVE_SEEDS)('juesuan score on seed 003', () => {
  it('prints printed and recomputed totals and grades, the execution lines and every indicator', async () => {
    const out = await scoreFile(seed('003').path);
    expect(out).toContain('绩效自评 3 个');
    expect(out).toContain('重算（按文字所述预算/执行率）：总分 86.93，等级 良（等级不同）');
    expect(out).toContain('总分 94.99，等级 优');
    expect(out).toContain('总分 90.75，等级 优');
    expect(out).toContain('执行率 = 29.099 ÷ 42 = 69.28%');
    expect(out).toMatch(/✗ 产出指标 \| 时效指标 \| 档案用品采购 \| 目标 年初 \| 实际 提前指标且 \| 分值 2\.5 \| 印刷得分 0 \| 重算得分 2\.00–2\.50/);
    expect(out).toContain('一级指标分值：产出指标 50/50，效益指标 30/30，满意度指标 10/10');
    expect(out).toContain('汇总：3 个绩效自评；印刷等级与印刷总分不符 0 个；重算等级与印刷等级不同 1 个；印刷得分与重算不符的指标或评分项 2 个。');
  });

  it('--format json carries the same figures; --scheme picks the step scheme', async () => {
    const json = JSON.parse(await scoreFile(seed('003').path, { format: 'json' }));
    expect(json.evaluations.map((e: { recomputed_stated: { total_text: string; grade: string } }) => [e.recomputed_stated.total_text, e.recomputed_stated.grade])).toEqual([
      ['86.93', '良'],
      ['94.99', '优'],
      ['90.75', '优'],
    ]);
    expect(json.evaluations[0].indicators).toHaveLength(15);
    const steps = JSON.parse(await scoreFile(seed('003').path, { format: 'json', scheme: 'national-steps' }));
    expect(steps.evaluations.map((e: { scheme: string }) => e.scheme)).toEqual(['national-steps', 'national-steps', 'national-steps']);
    // 99.93% is above the 95% step: full 10, so table 2 keeps 95.
    expect(steps.evaluations[1].recomputed_stated.total_text).toBe('95.00');
    expect(steps.evaluations[0].recomputed_stated.total_text).toBe('86.93');
  });

  it('the compiled bin: exit 0 with the figures; exit 2 for a missing file or an unknown scheme', async () => {
    const ok = await juesuan('score', seed('003').path);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('86.93');
    const missing = await juesuan('score', join(import.meta.dirname, '不存在的文件.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^juesuan：/);
    const bad = await juesuan('score', seed('003').path, '--scheme', 'mars');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('不支持的评分方案');
  });
});

describe.skipIf(!HAVE_SEEDS)('juesuan score on seeds 001 and 004 (stated scores and grades)', () => {
  it('001: 34 project evaluations in prose and the department one, each printed grade within its score band', async () => {
    const out = await scoreFile(seed('001').path);
    const json = JSON.parse(await scoreFile(seed('001').path, { format: 'json' }));
    type E = { kind: string; form: string; printed: { total: number | null; grade: string | null; grade_normalised: string | null; grade_of_total: string | null } };
    const evaluations = json.evaluations as E[];
    expect(evaluations.filter((e) => e.kind === 'project' && e.form === 'prose')).toHaveLength(34);
    expect(out).toContain('绩效自评 35 个');
    // Every printed total has a grade, and the grade is the band of the total (优秀/优 ≥ 90, 良 80–90, 中 60–80).
    const scored = evaluations.filter((e) => e.printed.total !== null);
    expect(scored.length).toBeGreaterThanOrEqual(34);
    for (const e of scored) expect(e.printed.grade_normalised).toBe(e.printed.grade_of_total);
    expect(out).toContain('印刷：总分 85，等级 良');
    expect(out).toContain('印刷：总分 75，等级 中');
    expect(out).not.toContain('印刷等级不符');
    // The department's execution above its budget: 148.37% read as 超支, the score capped at the weight.
    const line = out.split('\n').find((l) => l.includes('148.37%'))!;
    expect(line).toContain('预算数 28,962.58万元，执行数 42,971.67万元，执行率 148.37%（文字 148.37%）');
    expect(line).toContain('超支 14,009.09万元（执行数大于预算数，执行率超过100%）');
    expect(line).toContain('执行率 = 42971.67 ÷ 28962.58 = 148.37%；得分 = 10 × 100%（执行率超过100%按100%计） = 10.00');
    expect(out).toContain('汇总：35 个绩效自评；印刷等级与印刷总分不符 0 个；');
  });

  it('004: 100 分 concluded 良好 is flagged against the band 优; 91.4 without a grade is told its band', async () => {
    const out = await scoreFile(seed('004').path);
    expect(out).toContain('【2】就业创业补助资金');
    expect(out).toContain('印刷：总分 100，等级 良好（✗ 按总分100应为优，印刷等级不符）');
    expect(out).toContain('印刷：总分 91.4，等级 —（未印等级，按总分应为优）');
    expect(out).toContain('汇总：3 个绩效自评；印刷等级与印刷总分不符 1 个；');
    const json = JSON.parse(await scoreFile(seed('004').path, { format: 'json' }));
    expect(json.evaluations[1].printed).toEqual({ total: 100, grade: '良好', grade_normalised: '良', grade_of_total: '优' });
  });

  it('002: the Guangzhou model from the document itself, the items stated full listed on one line', async () => {
    const out = await scoreFile(seed('002').path);
    expect(out).toContain('✓ 预算执行情况：分值 5 | 印刷得分 4.99915 | 重算得分 4.99915');
    expect(out).toContain('平均执行率 = (9 × 100% + 99.83%) ÷ 10 = 99.983%；得分 = 5 × 99.983% = 4.99915');
    expect(out).toContain('合计：48 + 49.99815 = 97.99815 → 97.998');
    expect(out).toMatch(/✓ 注明“得满分”、未印分值的21项：新增预算项目事前绩效评估、结转结余率、/);
    expect(out).not.toContain('未印得分');
  });
});

describe('juesuan score without tables of scores', () => {
  it('scores the prose statement of the shipped example (rate from its budget and execution)', async () => {
    const out = await scoreFile(EXAMPLE);
    expect(out).toContain('绩效自评 1 个');
    expect(out).toContain('执行率 = 128 ÷ 128 = 100.00%');
  });

  it('says so in Chinese for a document without evaluations (one our renderer generates)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-score-'));
    const md = join(dir, '生成.md');
    const report = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', '生成示例', 'gd', '本年报告.json'), 'utf8'));
    writeFileSync(md, renderMarkdown(composeDocument(report, {})));
    const out = await scoreFile(md);
    expect(out).toContain('未识别到绩效自评');
  });
});
