/**
 * The textual narrative rules N-R10 (机关运行经费), N-R12 (no contradiction), N-R13 (units), N-R14
 * (period and document-type words) and N-R15 (money covered by the self-evaluation) on the five
 * seeds, finding by finding, against rules.md §2.4 and §7: exactly the findings listed there, and
 * nothing else (seed 002's two findings are read from its grids, Report.grids). A second part
 * changes the seeds' own words to show that the seeds pass because the rules read what they check.
 * Skipped with a visible message when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { rule as nR10 } from '../src/check/rules/narrative/n-r10.js';
import { rule as nR12 } from '../src/check/rules/narrative/n-r12.js';
import { rule as nR13 } from '../src/check/rules/narrative/n-r13.js';
import { rule as nR14 } from '../src/check/rules/narrative/n-r14.js';
import { rule as nR15 } from '../src/check/rules/narrative/n-r15.js';
import { extract, extractFile } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Report } from '../src/model/report.js';
import { tableKey as key } from './support/findings.js';
import { HAVE_SEEDS, SEEDS_DIR, seed, seedReport } from './support/seeds.js';

const RULES = [nR10, nR12, nR13, nR14, nR15];

/** rules.md §2.4 / §7, one line per finding. */
const EXPECTED: Record<string, string[]> = {
  // N-R10 PASS: 机关运行经费 0 with `非参公事业单位` (line 423). N-R15 PASS: 492.15 = 100% of T05 项目支出 492.15
  // (line 437); 整体 2,169.36 = T05 合计 (line 441). No unit missing, no contradiction.
  '000': [],
  // N-R10 PASS: 329.83 ≤ T06 公用经费合计 983.49 (line 579). N-R15 PASS: 4,813.42 ≤ T05 项目支出 19,860.65 (24.24%) and
  // 7,969.83 ≤ T07 项目支出 8,628.85 (92.36%) (line 591); 整体 34,342.82 = T05 合计, 8,628.85 = T07 小计 (line 595).
  '001': [],
  '002': [
    // E N-R12: `设定的各项绩效目标指标均已实现` (line 117) while the indicator table says 创新领军人才 13 人 against
    // `约 20 人` (line 150; §5.3 item 1).
    'N-R12 error fail unmet_target @117',
    // E N-R14: `2023 年 10 月 16 日公开本部门及所属单位 2022 年部门预算` (管理效率 table, line 246) should be 决算 (§5.3 item 3).
    'N-R14 error fail kind_period @246',
  ],
  '003': [
    // E N-R13: `卫生健康支出165141.73，` and `住房保障支出238847.93，` have no unit (line 444; the cells say 元).
    'N-R13 error fail missing_unit @444',
    'N-R13 error fail missing_unit @444',
    // E N-R15: `涉及二级项目3个，资金139.8万元` for all projects, T05 项目支出 is 141.53 (line 504; §5.2).
    // N-R10 PASS: `本部门无机关运行经费` (line 490).
    'N-R15 error fail mismatch @504',
  ],
  '004': [
    // E N-R12: 体检经费 5.75 + 能力建设资金 19.87 万元 `结转至次年支付` (line 429) vs `2023年度决算报表结转结余0万元` (line 387).
    'N-R12 error fail carry_over @429',
    // W N-R12: `2023 年度采购中均面向中小企业采购` (line 417) vs `政府采购支出总额 0 万元` (line 262).
    'N-R12 warning fail procurement @417',
    // E N-R13: `一般公共预算收入 2819.38 元` (line 383): 3037.9 = 2819.38 + 7.5 + 211.02 only in 万元.
    'N-R13 error fail wrong_unit @383',
    // I N-R13: `924.91 万元人` (line 473), a typo.
    'N-R13 info fail typo @473',
    // N-R10 PASS: 80.35 = the narrative's 公用经费 80.35 (lines 258, 183).
  ],
};

const report = seedReport;

const findingsOf = (r: Report) => checkReport(r, { rules: RULES }).findings;

describe.skipIf(!HAVE_SEEDS)(`N-R10, N-R12 … N-R15 on the seeds (${SEEDS_DIR})`, () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`seed ${id}: exactly the findings of rules.md §2.4 / §7`, async () => {
      expect(findingsOf(await report(id)).map(key).sort()).toEqual([...expected].sort());
    });
  }

  it('the findings carry what a clerk needs: expected, actual and a Chinese message', async () => {
    const of = async (id: string, rule: string) => findingsOf(await report(id)).filter((f) => f.ruleId === rule);
    expect((await of('003', 'N-R13')).map((f) => `${f.actual}→${f.expected}`)).toEqual(['165141.73→165141.73元', '238847.93→238847.93元']);
    // §5.2: 139.8 matches neither 197 (年初预算) nor 141.525 (执行) of the three 自评表, nor T05 项目支出 141.53.
    expect((await of('003', 'N-R15'))[0]).toMatchObject({ expected: 141.53, actual: 139.8, difference: -1.73, message: expect.stringMatching(/139\.8万元.*141\.53万元.*。所附3张项目支出绩效自评表年初预算数合计197万元、全年执行数合计141\.525万元/) });
    const n12 = await of('004', 'N-R12');
    expect(n12[0]).toMatchObject({ messageId: 'carry_over', expected: 0, actual: 25.62, message: expect.stringContaining('体检经费5.75万元') });
    expect(n12[1]?.message).toContain('政府采购支出总额0万元');
    expect((await of('004', 'N-R13')).map((f) => `${f.messageId} ${f.actual}→${f.expected}`)).toEqual(['wrong_unit 2819.38元→2819.38万元', 'typo 924.91万元人→924.91万元']);
    expect((await of('002', 'N-R12'))[0]).toMatchObject({ expected: '约20人', actual: '13人', message: expect.stringContaining('创新领军人才') });
    expect((await of('002', 'N-R14'))[0]).toMatchObject({ expected: '2022年部门决算', actual: '2022年部门预算' });
  });
});

/** A seed's text with some words changed, read again. */
function changed(id: string, ...pairs: [from: string | RegExp, to: string][]): Report {
  let text = readFileSync(seed(id).path, 'utf8');
  for (const [from, to] of pairs) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`seed ${id}: ${String(from)} not found`);
    text = next;
  }
  return extract(text, { path: seed(id).file });
}

const failing = (r: Report, rule: string) =>
  checkReport(r, { rules: RULES.filter((x) => x.meta.id === rule) })
    .findings.filter((f) => f.status === 'fail')
    .map((f) => `${f.messageId} ${String(f.actual)}`);

describe.skipIf(!HAVE_SEEDS)('the seeds pass because the statements are read', () => {
  it('N-R10: 001 above 公用经费合计; 000 non-参公 with an amount; 004 above its stated 公用经费', () => {
    expect(failing(changed('001', ['机关运行经费支出329.83万元', '机关运行经费支出1329.83万元']), 'N-R10')).toEqual(['exceeds 1329.83']);
    expect(failing(changed('000', ['机关运行经费支出0万元', '机关运行经费支出5万元']), 'N-R10')).toEqual(['outside_nonzero 5']);
    expect(failing(changed('004', ['机关运行经费支出 80.35 万元', '机关运行经费支出 90.35 万元']), 'N-R10')).toEqual(['exceeds 90.35']);
  });

  it('N-R15: 000 and 001 with a covered amount that no longer matches', () => {
    expect(failing(changed('000', ['共涉及资金492.15万元', '共涉及资金482.15万元']), 'N-R15')).toEqual(['mismatch 482.15']);
    expect(failing(changed('001', ['共涉及资金4813.42万元', '共涉及资金24813.42万元']), 'N-R15')).toEqual(['exceeds 24813.42']);
    expect(failing(changed('001', ['涉及一般公共预算支出34,342.82万元', '涉及一般公共预算支出34,342.00万元']), 'N-R15')).toEqual(['mismatch 34342']);
  });

  it('N-R12, N-R13, N-R14, N-R15: the seeds\' errors corrected in their own text', () => {
    expect(failing(changed('002', ['人数约 20 人', '人数约 13 人']), 'N-R12')).toEqual([]);
    expect(failing(changed('002', ['2022 年部门预算', '2022 年部门决算']), 'N-R14')).toEqual([]);
    expect(failing(changed('003', ['卫生健康支出165141.73，', '卫生健康支出165141.73元，'], ['住房保障支出238847.93，', '住房保障支出238847.93元，']), 'N-R13')).toEqual([]);
    expect(failing(changed('003', ['涉及二级项目3个，资金139.8万元，其中一般公共预算项目支出139.8万元', '涉及二级项目3个，资金141.53万元，其中一般公共预算项目支出141.53万元']), 'N-R15')).toEqual([]);
  });

  it('N-R12: 004 without its statements of a zero closing balance and a zero procurement total', () => {
    const r = changed('004', ['2023 年度决算报表结转结余 0 万元。', '2023 年度决算报表如实反映结转结余。'], ['年末没有财政结余资金，', ''], ['政府采购支出总额 0 万元', '政府采购支出总额 5 万元']);
    expect(failing(r, 'N-R12')).toEqual([]);
  });
});
