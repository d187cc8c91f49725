/**
 * The performance rules P-R1 … P-R13 on the five seeds, finding by finding, against rules.md §2.5, §5
 * and §7: exactly the findings listed there (rule, severity, status, evaluation and line), and nothing
 * else — not_applicable aside. Seed 001's aggregate 99.95% is N-R6's and is not reported again here.
 * Skipped with a visible message when ../shared is absent.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { PERFORMANCE_RULES } from '../src/check/rules/performance/index.js';
import type { Finding } from '../src/model/finding.js';
import { exampleReport } from './support/reports.js';
import { readFileSync } from 'node:fs';
import { HAVE_SEEDS, SEEDS_DIR, seed, seedReport } from './support/seeds.js';

const key = (f: Finding) => `${f.ruleId} ${f.severity} ${f.status} ${f.messageId} ${f.location.evaluation ?? '-'}@${f.location.span?.line ?? '-'}`;

/** rules.md §7 (and §5.2–5.4), one line per finding. */
const EXPECTED: Record<string, string[]> = {
  // Two evaluations in prose (the unit and its 4-project statement), nothing wrong.
  '000': [],
  '001': [
    // W P-R2: 部门整体 `全年预算数28,962.58万元 … 执行数42971.67万元，完成预算的148.37%` (line 603). The 34 project
    // scores/grades all fit the bands (P-R8 PASS); `99.95%` (line 609) and 项目三 `99.01%` are N-R6's.
    'P-R2 warning fail over E1@603',
  ],
  '002': [
    // W P-R9: 创新领军人才 13 人 against `约 20 人` (indicator row, line 150) while 部门整体绩效完成 is 20/20.
    // P-R12 PASS (48 + 49.998 = 97.998 优), P-R13 PASS (32 = 23 + 9 …).
    'P-R9 warning fail department E1@150',
  ],
  '003': [
    // E P-R3: 自评表 1 全年预算数 29.099 = 执行数 (funds line 536), text `预算下达42万元 … 69%` → 86.93 良.
    'P-R3 error fail backfilled E1@536',
    // E P-R3: 自评表 3 全年预算数 57.466 = 执行数 (line 607), text `预算下达100万元 … 57.5%` → 90.75.
    'P-R3 error fail backfilled E3@607',
    // E P-R5: 结余 printed 0; 42 − 29.099 = 12.901 and 100 − 57.466 = 42.534 on the narrative budgets.
    'P-R5 error fail backfilled E1@536',
    'P-R5 error fail backfilled E3@607',
    // E P-R11: `预算执行率为69%` (line 557) and `57.5%` (line 623) against the tables' 100%.
    'P-R11 error fail rate E1@557',
    'P-R11 error fail rate E3@623',
    // I P-R11: 自评表 2 `预算执行率为99.92%` (line 591) against 100% (54.96 of 55: immaterial).
    'P-R11 info fail rateMinor E2@591',
    // W P-R10: 时效 `档案用品采购` and `工伤鉴定完成` completed early (`提前指标且…`) but scored 0/2.5.
    'P-R10 warning fail tier E1@548',
    'P-R10 warning fail tier E1@550',
  ],
  '004': [
    // E P-R8: 就业创业补助资金 (report from line 457) `…总体结论为良好 … 综合自评得分 100 分` (line 529): 100 ⇒ 优.
    // 部门整体 91.4 has no grade word.
    'P-R8 error fail grade E2@529',
  ],
};

const findings = async (id: string) =>
  checkReport(await seedReport(id), { rules: PERFORMANCE_RULES }).findings.filter((f) => f.status !== 'not_applicable' && f.status !== 'insufficient_data');

describe.skipIf(!HAVE_SEEDS)(`P-R1 … P-R13 on the seeds (${SEEDS_DIR})`, () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`seed ${id}: exactly the performance findings of rules.md §7`, async () => {
      expect((await findings(id)).map(key).sort()).toEqual([...expected].sort());
    });
  }

  it('seed 003: the numbers a clerk needs — recomputed rate, score, total, grade and 结余', async () => {
    const of = async (rule: string) => (await findings('003')).filter((f) => f.ruleId === rule);
    const p3 = await of('P-R3');
    expect(p3.map((f) => `${f.expected}/${f.actual}/${f.difference}`)).toEqual(['42/29.099/-12.901', '100/57.466/-42.534']);
    expect(p3[0]!.message).toMatch(/执行率为69\.28%，执行率得分应为6\.93分，总分86\.93分、等级“良”（自评表为90分、“优”）/);
    expect(p3[1]!.message).toMatch(/执行率为57\.47%，执行率得分应为5\.75分，总分90\.75分、等级“优”（自评表为95分、“优”）/);
    expect((await of('P-R5')).map((f) => `${f.expected}/${f.actual}`)).toEqual(['12.901/0', '42.534/0']);
    expect((await of('P-R11')).map((f) => `${f.severity} ${f.actual}→${f.expected}`)).toEqual(['error 69→100', 'error 57.5→100', 'info 99.92→100']);
    expect((await of('P-R10')).map((f) => f.message)).toEqual([expect.stringContaining('档案用品采购'), expect.stringContaining('工伤鉴定完成')]);
  });

  it('every finding points at the printed words: a span on its line (a 自评表 row, a sentence, a number)', async () => {
    for (const id of Object.keys(EXPECTED)) {
      const text = readFileSync(seed(id).path, 'utf8');
      const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
      for (const f of await findings(id)) {
        const span = f.location.span!;
        expect(span.end, `${id} ${key(f)}`).toBeGreaterThan(span.start);
        expect(lineOf(span.start), `${id} ${key(f)}`).toBe(span.line);
        expect(text.slice(span.start, span.end)).not.toContain('\n');
      }
    }
  });

  it('seeds 001, 002, 004: rate, indicator and grade as printed', async () => {
    expect((await findings('001'))[0]).toMatchObject({ expected: 100, actual: 148.37, message: expect.stringContaining('148.37%') });
    expect((await findings('002'))[0]).toMatchObject({ expected: 20, actual: 13, message: expect.stringMatching(/创新领军人才.*约20人.*13人.*部门整体绩效完成情况/) });
    expect((await findings('004'))[0]).toMatchObject({ expected: '优', actual: '良好', message: expect.stringContaining('就业创业补助资金') });
  });
});

describe('P-R1 … P-R13 on the shipped example', () => {
  it('find nothing in a consistent document', () => {
    const found = checkReport(exampleReport(), { rules: PERFORMANCE_RULES }).findings.filter((f) => f.status !== 'not_applicable');
    expect(found.map(key)).toEqual([]);
  });
});
