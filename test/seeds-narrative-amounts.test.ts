/**
 * N-R1 (every amount quoted equals its cell) and N-R2 (one quantity stated twice must agree) on the five
 * seeds, finding by finding, against rules.md §2.4 and §7: exactly the findings listed there and nothing
 * else. A second part changes single amounts in the seeds' own text, to show that the seeds pass N-R1
 * because the amounts are compared, not because nothing is. Skipped with a visible message when
 * ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { rule as nR1 } from '../src/check/rules/narrative/n-r1.js';
import { rule as nR2 } from '../src/check/rules/narrative/n-r2.js';
import { extract } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { narrativeKey as key } from './support/findings.js';
import { HAVE_SEEDS, SEEDS_DIR, seed, seedReport } from './support/seeds.js';

const RULES = [nR1, nR2];

/** rules.md §2.4 / §7, one line per finding. */
const EXPECTED: Record<string, string[]> = {
  // N-R1 PASS (every linked amount equals its cell: 1,677.2 = 1,677.20, 2.6 = 2.60); N-R2 nothing.
  '000': [],
  '001': [
    // E N-R2: 项目二十五 `免学费3117.0475万元（中央和省级1892.3975万元，市级1224.56万元）` (line 1482): the 市级 part
    // is 1,224.65 in 项目二十四 (lines 1408, 1422); 1,892.3975 + 1,224.56 = 3,116.9575 ≠ 3,117.0475, diff 0.09.
    'N-R2 error fail component @1482',
  ],
  '002': [
    // E N-R2: 创新领军人才 target `13 人` in the text (line 131) vs `约 20 人` in the indicator table (line 150).
    'N-R2 error fail target @131',
    // E N-R2: 技工学校中职奖学金人数 target `169 名` in the text (line 133) vs `165 名` in the table (line 160).
    'N-R2 error fail target @133',
  ],
  // N-R1 PASS, 元 amounts included (人员经费 items 790728元 → 79.07 …; 3898065.04元 → 389.81; 165141.73 without unit → 16.51).
  '003': [],
  '004': [
    // E N-R2: §四 财政拨款收、支总计 3037.9, +1019.8 (line 122) vs §一 收、支总计 3037.9, +1019.89 (line 101):
    // last year's fiscal total 2,018.10 would exceed last year's total 2,018.01.
    'N-R2 error fail prior_exceeds @122',
    // I N-R2: 基本支出 1,135.67 (§三 line 115 and 附件 line 385) vs 一般公共预算财政拨款基本支出 1,135.68 (§六 line 179).
    'N-R2 info round part_exceeds @179',
  ],
};

const report = seedReport;

const findings = async (id: string) => checkReport(await report(id), { rules: RULES }).findings;

describe.skipIf(!HAVE_SEEDS)(`N-R1 and N-R2 on the seeds (${SEEDS_DIR})`, () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`seed ${id}: exactly the findings of rules.md §2.4 / §7`, async () => {
      expect((await findings(id)).map(key).sort()).toEqual([...expected].sort());
    });
  }

  it('seed 002: the two target findings, read from its indicator grids (Report.grids)', async () => {
    const r = await report('002');
    expect(r.grids?.length).toBeGreaterThan(0);
    const found = checkReport(r, { rules: RULES }).findings;
    expect(found.map(key)).toEqual(EXPECTED['002']);
    expect(found.map((f) => `${f.actual}→${f.expected}`)).toEqual(['13人→约20人', '169名→165名']);
    expect(found[0]!.message).toContain('对已入选的创新领军人才进行中期评估并发放第二期资助经费人数');
    expect(found[0]!.message).toContain('实际完成值');
  });

  it('the findings carry what a clerk needs: values, lines and a Chinese message', async () => {
    const [component] = (await findings('001')).filter((f) => f.messageId === 'component');
    expect(component).toMatchObject({ expected: 1224.65, actual: 1224.56 });
    expect(component!.message).toContain('第1408、1422行');
    expect(component!.message).toContain('3,116.9575万元');
    const four = await findings('004');
    expect(four.find((f) => f.messageId === 'prior_exceeds')!.message).toMatch(/2,018\.10万元.*2,018\.01万元.*0\.09万元/);
    expect(four.find((f) => f.messageId === 'part_exceeds')).toMatchObject({ expected: 1135.67, actual: 1135.68 });
    expect(four.find((f) => f.messageId === 'part_exceeds')!.message).toContain('第115、385行');
  });
});

/** A seed's text with some words changed, read again. */
function changed(id: string, ...pairs: [from: string, to: string][]): Report {
  let text = readFileSync(seed(id).path, 'utf8');
  for (const [from, to] of pairs) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`seed ${id}: ${from} not found`);
    text = next;
  }
  return extract(text, { path: seed(id).file });
}

const n1 = (r: Report) => checkReport(r, { rules: [nR1] }).findings.map((f) => `${f.status} ${f.location.table}/${f.location.row} ${f.actual}→${f.expected}`);

describe.skipIf(!HAVE_SEEDS)('N-R1: the seeds pass because their amounts are compared', () => {
  it('seed 000: 基本支出 1,677.3 for 1,677.20 is an error', () => {
    expect(n1(changed('000', ['基本支出1,677.2万元', '基本支出1,677.3万元']))).toEqual(['fail 03/total 1677.3→1677.2']);
  });

  it('seed 003: 元 amounts — 911,754元 rounds to 91.18 for 91.17 (info); 186,922.88元 is 18.69 for 17.69 (error)', () => {
    expect(n1(changed('003', ['绩效工资911654元', '绩效工资911754元'], ['办公费176922.88元', '办公费186922.88元']))).toEqual([
      'fail 06/30201 186922.88→17.69',
      'round 06/30107 911754→91.17',
    ]);
  });
});
