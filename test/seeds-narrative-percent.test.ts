/**
 * The percentage rules of the narrative, N-R3 (year-on-year rates), N-R4 (direction words, zero base),
 * N-R5 (shares) and N-R6 (completion / execution rates), on the five seeds, finding by finding, against
 * rules.md §2.4, §3 and §7: exactly the findings listed there, and nothing else. A percentage the rules
 * cannot pair with its amounts is skipped, not reported. A second part shows that the seeds' PASS
 * verdicts are judgements, not silence: the same sentences with one figure changed are caught.
 * Skipped with a visible message when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { rule as nR3 } from '../src/check/rules/narrative/n-r3.js';
import { rule as nR4 } from '../src/check/rules/narrative/n-r4.js';
import { rule as nR5 } from '../src/check/rules/narrative/n-r5.js';
import { rule as nR6 } from '../src/check/rules/narrative/n-r6.js';
import { extract, extractFile } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Report } from '../src/model/report.js';
import { narrativeKey as key } from './support/findings.js';
import { HAVE_SEEDS, SEEDS_DIR, seed, seedReport } from './support/seeds.js';

const RULES = [nR3, nR4, nR5, nR6];

/** rules.md §2.4 / §3 / §7, one line per finding. */
const EXPECTED: Record<string, string[]> = {
  '000': [
    // N-R3 ROUND (§2.4, §3): 三公 −0.22 on 2.67, `下降7.7%` (point 7.61%, interval 7.44–7.79).
    'N-R3 info round round @403',
    // N-R5 ROUND (§2.4, §3): 三公 shares `97.3%` / `2.7%` (points 97.38% / 2.62%, intervals 97.01–97.75 and 2.43–2.81).
    'N-R5 info round round @411',
    'N-R5 info round round @411',
    // N-R4 PASS (`--（基数为0，不可比）`); N-R6 PASS (三公 100%); shares 17.7%, 94.5% PASS.
  ],
  '001': [
    // N-R3 ROUND (§2.4): 政府性基金 `6,407.7%` (point 6,407.92%), stated in §一 (line 513) and again in §二 (line 549).
    'N-R3 info round round @513',
    'N-R3 info round round @549',
    // N-R3 ROUND (§2.4, §3): 三公 +3.86 on 21.12, `22.3%` (point 22.36%).
    'N-R3 info round round @559',
    // N-R6 ROUND (§3, §7 ROUND-level): 公务接待费 5.59 / 6.83, `81.9%` (point 81.84%).
    'N-R6 info round round @559',
    // N-R6 FAIL (§2.4, §7): `34个项目 … 全年预算数12,813.42万元，执行数12,783.25万元，完成预算的99.95%`, true 99.76%.
    'N-R6 error fail completion @609',
    // N-R6 FAIL (§2.4, §7): 项目三 `92.4万元，已支出91.5万元 … 支出率99.01%`, true 99.03%.
    'N-R6 error fail completion @693',
    // N-R6 I (§2.4, §3 truncation): 项目十三(2) 8.27 / 9 = 91.889%, printed `91.88%`.
    'N-R6 info round round @993',
    // N-R4 PASS (`--（基数为0，不可比）`); N-R5 PASS (73.5/26.5, 24.24%, 92.36%); N-R6 PASS 94.5%, 148.37% (P-R2's business).
  ],
  // A performance evaluation: no percentage the rules can pair.
  '002': [],
  '003': [
    // N-R4 FAIL (§2.4, §7 ×5 in the 三公 section): `全年预算0万元，支出决算0万元，完成全年预算的0%` (line 466) and the
    // four items under that zero budget, each `完成全年预算的0%` (lines 468–474).
    'N-R4 error fail zero_completion @466',
    'N-R4 error fail zero_completion @468',
    'N-R4 error fail zero_completion @470',
    'N-R4 error fail zero_completion @472',
    'N-R4 error fail zero_completion @474',
    // N-R3 PASS (11.72%, 13.76%); N-R5 PASS (67.10/32.90, 90.61/3.84/5.55); N-R6 PASS 88.53%.
    // N-R6 I (§2.4, §7): 自评表 2 `预算下达55万元, 实际支出54.96万元, 预算执行率为99.92%` (99.927%, truncated), a cell of
    // the appended 自评表 read through Report.grids.
    'N-R6 info round round @591',
  ],
  '004': [
    // N-R5 FAIL (§2.4, §7): `一般公共预算财政拨款支出 3,030.4 万元，占本年支出合计的98.9%`, true 99.75%.
    'N-R5 error fail share @131',
    // N-R5 FAIL (§2.4, §3, §7): 卫生健康 59.25 / 3,030.4 = 1.955% → 2.0%, printed 1.9% (the four shares forced to 100.0).
    'N-R5 error fail forced @137',
    // N-R5 PASS 99.7/0.3, 37.4/62.6, 93.5, 1.5, 3.1; N-R3 PASS 50.5%, 50.2%, 13.5%, 2.7%.
  ],
};

const report = seedReport;

describe.skipIf(!HAVE_SEEDS)(`percentage rules N-R3 … N-R6 on the seeds (${SEEDS_DIR})`, () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`seed ${id}: exactly the findings of rules.md §2.4 / §3 / §7`, async () => {
      const { findings } = checkReport(await report(id), { rules: RULES });
      const got = findings.map(key);
      expect(got.sort()).toEqual([...expected].sort());
    });
  }

  it('the findings carry the stated and the recomputed values', async () => {
    const [r001, r004] = await Promise.all(['001', '004'].map(report));
    const reports = new Map([['001', r001!], ['004', r004!]]);
    const byLine = (id: string, line: number, rule: string) =>
      checkReport(reports.get(id)!, { rules: RULES }).findings.filter((f) => f.ruleId === rule && f.location.span?.line === line);
    expect(byLine('001', 609, 'N-R6')[0]).toMatchObject({ expected: 99.76, actual: 99.95 });
    expect(byLine('001', 693, 'N-R6')[0]).toMatchObject({ expected: 99.03, actual: 99.01 });
    expect(byLine('004', 131, 'N-R5')[0]).toMatchObject({ expected: 99.8, actual: 98.9 });
    expect(byLine('004', 131, 'N-R5')[0]!.message).toContain('99.75%');
    expect(byLine('004', 137, 'N-R5')[0]).toMatchObject({ expected: 2, actual: 1.9 });
  });

  /** The seed's own text with one figure changed: the PASS verdicts of rules.md are computed ones. */
  const MUTATIONS: { id: string; from: string; to: string; finding: string }[] = [
    // 000 一般公共预算财政拨款收入 +94.16 on 2,169.36: 4.54% → `4.5%` PASS; `4.7%` is caught.
    { id: '000', from: '比上年决算数增加94.16万元，增长4.5%。', to: '比上年决算数增加94.16万元，增长4.7%。', finding: 'N-R3 error fail rate @357' },
    // 000 中小企业 27.07 / 152.61 = 17.74% → `17.7%` PASS; `18.7%` is caught.
    { id: '000', from: '占政府采购支出总额的17.7%', to: '占政府采购支出总额的18.7%', finding: 'N-R5 error fail share @427' },
    // 001 三公 21.12 / 22.36 = 94.45% → `94.5%` PASS; `95.5%` is caught.
    { id: '001', from: '完成全年预算22.36万元的94.5%', to: '完成全年预算22.36万元的95.5%', finding: 'N-R6 error fail completion @559' },
    // 001 三公 +3.86 with 增长22.3%: the direction words must agree.
    { id: '001', from: '增加3.86万元，增长22.3%', to: '增加3.86万元，下降22.3%', finding: 'N-R4 error fail conflict @559' },
    // 003 88.53% = 430.21 / 485.94 PASS; `98.53%` is caught.
    { id: '003', from: '完成年初预算的88.53%', to: '完成年初预算的98.53%', finding: 'N-R6 error fail completion @442' },
    // 003 基本支出 288.68 / 430.21 = 67.10% PASS; `68.10%` is caught (and the shares then sum to 101.00%).
    { id: '003', from: '占比67.10%', to: '占比68.10%', finding: 'N-R5 error fail share @408' },
    // 004 三公 +0.36 on 3.03 → 13.48% → `13.5%` PASS; `15.5%` is caught.
    { id: '004', from: '较上年增加0.36万元，增长13.5%', to: '较上年增加0.36万元，增长15.5%', finding: 'N-R3 error fail rate @190' },
  ];
  for (const m of MUTATIONS) {
    it(`seed ${m.id} with ${m.to}: ${m.finding}`, () => {
      const path = seed(m.id).path;
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(m.from);
      const r = extract(text.replace(m.from, m.to), { path });
      expect(checkReport(r, { rules: RULES }).findings.map(key)).toContain(m.finding);
    });
  }
});
