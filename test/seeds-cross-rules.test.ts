/**
 * The cross-table rules X-R1 … X-R26 on the seeds, finding by finding, against rules.md §2.2 and §7:
 * exactly the errors and warnings listed there, the rounding-level differences as info, and nothing
 * else. Skipped with a visible message when ../shared is absent.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { CROSS_RULES } from '../src/check/rules/cross/index.js';
import { extractFile } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import { HAVE_SEEDS, SEEDS_DIR, seed } from './support/seeds.js';

const X_IDS = CROSS_RULES.map((r) => r.meta.id);
/** Rules on Sichuan's extra tables (rules.md §1.13): not applicable to the Guangdong and Shanxi seeds. */
const SICHUAN_IDS = ['X-R23', 'X-R24', 'X-R25', 'X-R26'];

type Expected = Pick<Finding, 'ruleId' | 'severity' | 'status' | 'location' | 'expected' | 'actual' | 'difference'>;

const f = (ruleId: string, severity: Finding['severity'], status: Finding['status'], location: Finding['location'], expected: Finding['expected'], actual: Finding['actual'], difference: number | null): Expected => ({
  ruleId,
  severity,
  status,
  location,
  expected,
  actual,
  difference,
});

/** rules.md §2.2 (column "seeds 000 / 001 / 003") and §7, one line per finding. */
const EXPECTED: Record<string, Expected[]> = {
  // W X-R20: 30108 114.86 vs 2080505 0.10; 30109 57.43 vs 2080506 0.05.
  '000': [
    f('X-R20', 'warning', 'fail', { table: '05', row: '2080505', column: '2' }, 114.86, 0.1, -114.76),
    f('X-R20', 'warning', 'fail', { table: '05', row: '2080506', column: '2' }, 57.43, 0.05, -57.38),
  ],
  '001': [
    // E X-R13: 2080110 劳动关系的维权 in T05, 劳动关系和维权 in T02/T03.
    f('X-R13', 'error', 'fail', { table: '05', row: '2080110' }, '劳动关系和维权', '劳动关系的维权', null),
    // W X-R20: 2080505 458.02 vs 30108 1,869.02; 2080506 229.01 vs 229.53; 2210201 524.22 vs 30113 933.42; 21011 207.13 vs 210.57.
    f('X-R20', 'warning', 'fail', { table: '05', row: '2080505', column: '2' }, 1869.02, 458.02, -1411),
    f('X-R20', 'warning', 'fail', { table: '05', row: '2080506', column: '2' }, 229.53, 229.01, -0.52),
    f('X-R20', 'warning', 'fail', { table: '05', row: '2210201', column: '2' }, 933.42, 524.22, -409.2),
    f('X-R20', 'warning', 'fail', { table: '05', row: '21011', column: '2' }, 210.57, 207.13, -3.44),
  ],
  '003': [
    // W X-R19: T04 rows 46 and 50 without 等.
    f('X-R19', 'warning', 'fail', { table: '04', row: 'exp.215' }, '资源勘探工业信息等支出', '资源勘探工业信息支出', null),
    f('X-R19', 'warning', 'fail', { table: '04', row: 'exp.220' }, '自然资源海洋气象等支出', '自然资源海洋气象支出', null),
    // W X-R20: 职业年金 30109 2.02 with no 2080506 row (placed at the table 06 line).
    f('X-R20', 'warning', 'fail', { table: '06', row: '30109', column: 'amount' }, 2.02, 0, -2.02),
    // ROUND (rules.md says "others exact"; the seed prints 21011 16.51 against 30110 11.30 + 30111 5.22 = 16.52).
    f('X-R20', 'info', 'round', { table: '05', row: '21011', column: '2' }, 16.52, 16.51, -0.01),
  ],
};

const key = (x: Expected) => `${x.ruleId} ${x.location.table}/${x.location.row}/${x.location.column ?? ''} ${x.status}`;
const pick = (x: Finding): Expected => f(x.ruleId, x.severity, x.status, x.location, x.expected, x.actual, x.difference);

describe.skipIf(!HAVE_SEEDS)(`cross-table rules on the seeds (${SEEDS_DIR})`, () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`seed ${id}: exactly the findings of rules.md §2.2 / §7`, async () => {
      const report = await extractFile(seed(id).path);
      const { findings } = checkReport(report, { only: X_IDS });
      // Every X rule could judge (all tables present and read whole), except the Sichuan rules
      // X-R23 … X-R26, whose tables these templates do not print.
      const unjudged = findings.filter((x) => x.status === 'not_applicable' || x.status === 'insufficient_data');
      expect(unjudged.map((x) => `${x.ruleId}: ${x.status}`)).toEqual(SICHUAN_IDS.map((r) => `${r}: not_applicable`));
      const got = findings.filter((x) => !unjudged.includes(x)).map(pick).sort((a, b) => key(a).localeCompare(key(b)));
      const want = [...expected].sort((a, b) => key(a).localeCompare(key(b)));
      expect(got, findings.map((x) => `${x.ruleId} ${x.severity} ${x.message}`).join('\n')).toEqual(want);
      // The messages read as a clerk's note: Chinese, with both amounts.
      for (const x of findings.filter((y) => typeof y.expected === 'number')) {
        expect(x.message).toMatch(/万元/);
      }
    });
  }

  it('X-R22 really compared the headers: every table of 000, 001 and 003 prints the entity (and 003 the year)', async () => {
    for (const id of ['000', '001', '003']) {
      const report = await extractFile(seed(id).path);
      for (const t of report.tables) {
        expect(t.header?.entity, `${id} table ${t.id}`).toBe(report.entity);
        expect(t.header?.unit, `${id} table ${t.id}`).toBe('万元');
        if (id === '003') expect(t.header?.year, `${id} table ${t.id}`).toBe(2023);
        else expect(t.header?.year, `${id} table ${t.id}`).toBeUndefined();
      }
    }
  });

  it('seeds 002 and 004 print no table bodies: every X rule is not applicable', async () => {
    for (const id of ['002', '004']) {
      const report = await extractFile(seed(id).path);
      const { findings } = checkReport(report, { only: X_IDS });
      expect(findings.map((x) => x.status)).toEqual(X_IDS.map(() => 'not_applicable'));
    }
  });
});

it.skipIf(HAVE_SEEDS)('seed folder is absent: cross-table seed tests were skipped', () => {
  console.warn(`[seeds-cross-rules] 未找到 ${SEEDS_DIR}，跨表规则的种子文档测试已跳过`);
});
