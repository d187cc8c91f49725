/**
 * The label rules LBL-1 … LBL-5 and the completeness rules C-R1 … C-R9 on the five seeds, finding by
 * finding, against rules.md §2.3, §2.6 and §7: exactly the findings listed there (plus the status
 * findings — not applicable, insufficient data — that say what could not be judged), and nothing
 * else. A second part removes, from the seeds' own text, the details the completeness rules look
 * for, to show that the seeds pass because the rules find the details, not because they look at
 * nothing. Skipped with a visible message when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { COMPLETENESS_RULES } from '../src/check/rules/completeness/index.js';
import { LABEL_RULES } from '../src/check/rules/label/index.js';
import { extract, extractFile } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Report } from '../src/model/report.js';
import { tableKey as key } from './support/findings.js';
import { HAVE_SEEDS, SEEDS_DIR, seed, seedReport } from './support/seeds.js';

const RULES = [...LABEL_RULES, ...COMPLETENESS_RULES];
const C_IDS = COMPLETENESS_RULES.map((r) => r.meta.id);

const na = (ids: string[]) => ids.map((id) => `${id} info not_applicable not_applicable -`);

/** rules.md §2.3 / §2.6 / §7, one line per finding. */
const EXPECTED: Record<string, string[]> = {
  // W C-R7: says 4个项目绩效自评, reports 1 (the 劳鉴及维稳工作经费 paragraph). C-R9: no dates printed.
  '000': ['C-R7 warning fail count @443', ...na(['C-R9'])],
  '001': [
    // E LBL-1 (X-R13): 2080110 劳动关系的维权 in T05; 2299999 其他支出 passes (in the catalogue as printed).
    'LBL-1 error fail name 05/2080110',
    // I LBL-5: list 技能人员职业资格培训和等级认定专项经费 (line 599) vs heading 项目二十二 …考试… (line 1327).
    'LBL-5 info fail variant @1327',
    ...na(['C-R9']),
  ],
  // A performance evaluation: no tables, and the 决算 completeness rules do not apply.
  '002': na(['LBL-1', 'LBL-2', 'LBL-3', ...C_IDS]),
  '003': [
    // W LBL-2 (X-R19): T04 rows 46 and 50 without 等.
    'LBL-2 warning fail label 04/exp.215',
    'LBL-2 warning fail label 04/exp.220',
    // W LBL-3: 30901 and 31001 房屋建筑物构建; 30999 其他资本性支出.
    'LBL-3 warning fail name 06/30901',
    'LBL-3 warning fail name 06/30999',
    'LBL-3 warning fail name 06/31001',
    ...na(['C-R9']),
  ],
  '004': [
    // E C-R1: 13 附表 listed (第五部分 附表, line 603), no table body in the text.
    'C-R1 error fail no_tables @603',
    // W LBL-4: 巩固脱贫衔接乡村振兴（款）其他巩固脱贫衔接乡村振兴支出（项）, line 173 (and 311 in the 名词解释).
    'LBL-4 warning fail name @173',
    'LBL-4 warning fail name @173',
    ...na(['LBL-1', 'LBL-2', 'LBL-3']),
    'C-R2 info not_applicable not_applicable -',
    // I C-R9: 公开时间：2024 年 9 月 25 日 (line 7), no 批复 date to count from.
    'C-R9 info insufficient_data insufficient_data @7',
  ],
};

const report = seedReport;

describe.skipIf(!HAVE_SEEDS)(`label and completeness rules on the seeds (${SEEDS_DIR})`, () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`seed ${id}: exactly the findings of rules.md §2.3 / §2.6 / §7`, async () => {
      const { findings } = checkReport(await report(id), { rules: RULES });
      expect(findings.map(key).sort()).toEqual([...expected].sort());
    });
  }

  it('the findings carry what a clerk needs: expected, actual and a Chinese message', async () => {
    const byId = async (id: string, rule: string) => checkReport(await report(id), { rules: RULES }).findings.filter((f) => f.ruleId === rule && f.status === 'fail');
    expect(await byId('001', 'LBL-1')).toEqual([expect.objectContaining({ expected: '劳动关系和维权', actual: '劳动关系的维权', message: expect.stringContaining('劳动关系的维权') })]);
    expect((await byId('001', 'LBL-5'))[0]).toMatchObject({ expected: '技能人员职业资格培训和等级认定专项经费', actual: '技能人员职业资格考试和等级认定专项经费' });
    expect((await byId('003', 'LBL-3')).map((f) => `${f.location.row} ${f.actual}→${f.expected}`)).toEqual([
      '30901 房屋建筑物构建→房屋建筑物购建',
      '30999 其他资本性支出→其他基本建设支出',
      '31001 房屋建筑物构建→房屋建筑物购建',
    ]);
    expect((await byId('004', 'LBL-4')).map((f) => `${f.actual}→${f.expected}`)).toEqual([
      '巩固脱贫衔接乡村振兴→巩固脱贫攻坚成果衔接乡村振兴',
      '其他巩固脱贫衔接乡村振兴支出→其他巩固脱贫攻坚成果衔接乡村振兴支出',
    ]);
    expect((await byId('000', 'C-R7'))[0]).toMatchObject({ expected: 4, actual: 1 });
    expect((await byId('004', 'C-R1'))[0]).toMatchObject({ expected: 13, actual: 0 });
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
    .map((f) => String(f.expected));

describe.skipIf(!HAVE_SEEDS)('the seeds pass because the details are found', () => {
  it('C-R4: seed 000 without its 团组 count or its 公务用车保有量', () => {
    expect(failing(changed('000', ['全年使用财政拨款安排出国（境）团组0个、累计0人次。', '']), 'C-R4')).toEqual(['因公出国（境）团组数和人数']);
    expect(failing(changed('000', ['公务用车保有量为2辆', '公务用车若干']), 'C-R4')).toEqual(['公务用车保有量']);
  });

  it('C-R5 and C-R6: seed 000 without its equipment count, seed 003 without its 小微 share', () => {
    expect(failing(changed('000', ['；单位价值100万元以上设备（不含车辆）0台（套）', '']), 'C-R5')).toEqual(['单价100万元（含）以上设备数量']);
    // Seed 003 also prints the count in 公开10表 (row 17), which counts for Shanxi.
    expect(failing(changed('003', ['；单价100万元（含）以上设备（不含车辆）0台（套）', '']), 'C-R5')).toEqual([]);
    expect(failing(changed('003', ['其中：授予小微企业合同金额0万元，占政府采购支出总额的0%。', '']), 'C-R6')).toEqual(['授予小微企业合同金额及占比']);
  });

  it('C-R3: seed 004 (Sichuan) without its 基本支出 paragraph (seeds 000/001, Guangdong, have none and pass)', () => {
    expect(failing(changed('004', [/## 六、一般公共预算财政拨款基本支出决算情况说明[\s\S]*?(?=## 七、)/, '']), 'C-R3')).toEqual(['一般公共预算财政拨款基本支出决算情况（人员经费、公用经费）']);
  });

  it('C-R7: seed 001 counts its 34 项目 headings; one fewer is a warning', () => {
    expect(failing(changed('001', ['项目三十四、就业创业服务经费：', '就业创业服务经费：']), 'C-R7')).toEqual(['34']);
  });

  it('C-R2: seed 003 without its 本年度无此项支出 for 政府性基金', () => {
    expect(failing(changed('003', [/七、政府性基金预算财政拨款收支决算情况说明\s*本年度无此项支出。/, '七、政府性基金预算财政拨款收支决算情况说明\n\n见上。']), 'C-R2')).toEqual(['本年度无此项支出']);
  });
});

it.skipIf(HAVE_SEEDS)('seed folder is absent: label and completeness seed tests were skipped', () => {
  console.warn(`[seeds-label-completeness] 未找到 ${SEEDS_DIR}，标签与完整性规则的种子文档测试已跳过`);
});
