/**
 * The narrative sum rules N-R7 (enumerations), N-R8 (一般公共预算 by 类 and 项), N-R9 (三公) and N-R11 (政府采购)
 * on the five seeds, finding by finding, against rules.md §2.4 and §7: exactly the findings listed there and
 * nothing else. A second part changes one number of a seed's own text to show that the seeds pass because the
 * rules read their sums, not because they look at nothing. Skipped with a visible message when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { rule as nR11 } from '../src/check/rules/narrative/n-r11.js';
import { rule as nR7 } from '../src/check/rules/narrative/n-r7.js';
import { rule as nR8 } from '../src/check/rules/narrative/n-r8.js';
import { rule as nR9 } from '../src/check/rules/narrative/n-r9.js';
import { extract, extractFile } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Report } from '../src/model/report.js';
import { narrativeKey as key } from './support/findings.js';
import { HAVE_SEEDS, SEEDS_DIR, seed, seedReport } from './support/seeds.js';

const RULES = [nR7, nR8, nR9, nR11];

/** rules.md §2.4 (N-R7, N-R8, N-R9, N-R11) and §7, one line per finding. */
const EXPECTED: Record<string, string[]> = {
  '000': [
    // ROUND N-R7 in rules.md, reported by N-R11 (the 政府采购 sum is N-R11's): 2.74 + 0 + 149.86 = 152.60 vs 152.61.
    'N-R11 info round round @427',
    // N-R9 PASS: 三公 amounts = T09 (N-R1 compares the linked ones), 保有量 2 = 车辆 2 (line 433).
  ],
  '001': [
    // E N-R7 (§7): `共34个项目绩效自评` (line 601) but 31 quoted names; 项目二十三/二十四/二十五 are not in the list.
    'N-R7 error fail count @601',
    // ROUND N-R7: 项目十三, 12 sub-budgets sum to 298.37 vs `实际下达298.38万元` (line 989).
    'N-R7 info round round @989',
    // ROUND N-R7 in rules.md, reported by N-R11: 248.32 + 190.02 + 8,746.08 = 9,184.42 vs 9,184.43 (line 583).
    'N-R11 info round round @583',
    // N-R9 PASS: 保有量 11 = 车辆 11.
  ],
  // N-R7 PASS: 119.58 = 94.55 + 25.03 (亿元, line 85). A self-evaluation report: no 类/项, no 三公, no 政府采购.
  '002': [],
  // N-R8 PASS (类 389.81 / 16.51 / 23.88 = T05 rows, every class stated); N-R9 PASS (0 = 0); N-R11 PASS (1.73 = 1.73 + 0 + 0).
  '003': [],
  '004': [
    // ROUND N-R7: the 15 项 items (lines 147–175) sum to 3,030.41 vs `一般公共预算支出决算数为 3030.4 万元` (line 145).
    // N-R8 PASS, reported once: each 类 of line 137 equals the sum of its 项 (社会保障和就业 2832.4 ~ 2,832.41 like an
    // amount its cell); the 0.01 of the total is N-R7's ROUND above, not an N-R8 error.
    // N-R7 PASS: 16 receptions = 3.03 (line 210); 631.85 + 924.91 + 207.83 = 1,764.59 (line 473).
    // N-R9 PASS: 3.03 = 0 + 0 + 3.03, 0 = 0 + 0, 公务用车 0 = 车辆 0. N-R11 PASS: 0 = 0 + 0 + 0.
    'N-R7 info round round @145',
  ],
};

const report = seedReport;

describe.skipIf(!HAVE_SEEDS)(`narrative sum rules on the seeds (${SEEDS_DIR})`, () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`seed ${id}: exactly the findings of rules.md §2.4 / §7`, async () => {
      const { findings } = checkReport(await report(id), { rules: RULES });
      expect(findings.map(key).sort()).toEqual([...expected].sort());
    });
  }

  it('the findings carry what a clerk needs: expected, actual and a Chinese message', async () => {
    const of = async (id: string, rule: string) => checkReport(await report(id), { rules: RULES }).findings.filter((f) => f.ruleId === rule);
    const [count, project13] = await of('001', 'N-R7');
    expect(count).toMatchObject({ expected: 34, actual: 31 });
    expect(count!.message).toContain('“无人机应用技术重点专业”、“中等职业学校免学费”、“清远市技师学院校园设施改造扩建工程专项债券”');
    expect(project13).toMatchObject({ expected: 298.37, actual: 298.38, difference: 0.01, tolerance: 0.065 });
    expect((await of('000', 'N-R11'))[0]).toMatchObject({ expected: 152.6, actual: 152.61, difference: 0.01, tolerance: 0.02 });
    expect((await of('004', 'N-R7'))[0]).toMatchObject({ expected: 3030.41, actual: 3030.4, difference: -0.01, tolerance: 0.08 });
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

/** The failures of the seed with some words changed that the seed itself does not have. */
async function found(id: string, ...pairs: [from: string | RegExp, to: string][]): Promise<string[]> {
  const before = new Set(checkReport(await report(id), { rules: RULES }).findings.map(key));
  return checkReport(changed(id, ...pairs), { rules: RULES })
    .findings.filter((f) => f.status === 'fail')
    .map(key)
    .filter((k) => !before.has(k));
}

describe.skipIf(!HAVE_SEEDS)('the seeds pass because their sums are read', () => {
  it('N-R7: seed 004’s receptions and 资金合计, seed 002’s 整体收支规模', async () => {
    expect(await found('004', ['就餐费 0.2 万元。', '就餐费 0.3 万元。'])).toEqual(['N-R7 error fail sum @210']);
    expect(await found('004', ['资金合计 1764.59 万元', '资金合计 1765.59 万元'])).toEqual(['N-R7 error fail short @473']);
    expect(await found('002', ['转移支付资金25.03亿元', '转移支付资金26.03亿元'])).toEqual(['N-R7 error fail sum @85']);
  });

  it('N-R8: seed 004’s 类 against its 项 (no table), seed 003’s classes against T05', async () => {
    // One wrong class breaks two sums: the classes against the stated total (N-R7) and the class against its 项
    // (N-R8) — together they say which number is wrong.
    expect(await found('004', ['社会保障和就业支出 2832.4 万元', '社会保障和就业支出 2852.4 万元'])).toEqual(['N-R7 error fail sum @137', 'N-R8 error fail sumOfItems @137']);
    // 卫生健康 (T05 210, 16.51) left out of the structure (line 436) and of the 具体情况 (line 444).
    expect(await found('003', ['卫生健康支出(类)16.51万元，占比3.84%；', ''], ['卫生健康支出165141.73，完成年初预算的100%；', ''])).toEqual(['N-R8 error fail missingClass @434']);
  });

  it('N-R9: vehicles of seeds 000 / 001 / 003, the decomposition of seed 004', async () => {
    expect(await found('000', ['公务用车保有量为2辆', '公务用车保有量为3辆'])).toEqual(['N-R9 error fail vehicles @415']);
    expect(await found('001', ['公务用车保有量为11辆', '公务用车保有量为12辆'])).toEqual(['N-R9 error fail vehicles @571']);
    expect(await found('003', ['本部门（单位）共有车辆0辆', '本部门（单位）共有车辆1辆'])).toEqual(['N-R9 warning fail vehiclesFewer @482']);
    expect(await found('004', ['公务接待费支出决算3.03万元，占100%', '公务接待费支出决算3.30万元，占100%'])).toEqual(['N-R9 error fail composition @190']);
    // No table 09: an item that spent nothing cannot have completed 2% of its budget.
    expect(await found('004', ['因公出国（境）经费支出0万元，完成预算0%', '因公出国（境）经费支出0万元，完成预算2%'])).toEqual(['N-R9 error fail spentNothing @198']);
  });

  it('N-R11: seed 000’s 政府采购 parts, seed 004’s 小微 within 中小企业', async () => {
    expect(await found('000', ['政府采购支出总额152.61万元', '政府采购支出总额162.61万元'])).toEqual(['N-R11 error fail sum @427']);
    // The categories' 中小企业 shares give back 27.07: 2.74 × 100% + 0 × 0% + 149.86 × 16.2% ≈ 27.02 (26.94–27.09).
    expect(await found('000', ['占服务支出金额的16.2%', '占服务支出金额的18.2%'])).toEqual(['N-R11 error fail categories @429']);
    expect(await found('001', ['服务采购授予中小企业合同金额占服务支出金额的100%', '服务采购授予中小企业合同金额占服务支出金额的107%'])).toEqual([
      'N-R11 error fail categoryOver @583',
      'N-R11 error fail categories @583',
    ]);
    expect(await found('004', ['授予小微企业合同金额 0 万元', '授予小微企业合同金额 5 万元'])).toEqual(['N-R11 error fail exceeds @262']);
  });
});

it.skipIf(HAVE_SEEDS)('seed folder is absent: narrative sum seed tests were skipped', () => {
  console.warn(`[seeds-narrative-sums] 未找到 ${SEEDS_DIR}，情况说明合计类规则的种子文档测试已跳过`);
});
