/**
 * The within-table rules (rules.md §2.1, T01-R1 … T10-R3) on the three seeds with tables (000, 001,
 * 003), finding by finding against the results column of rules.md: no error or warning on any seed,
 * every ROUND difference (尾数误差) present as an info finding at its cell with its difference, and
 * the counts "n PASS + m ROUND" where rules.md gives them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport, RULES } from '../src/check/index.js';
import { extractFile } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Report } from '../src/model/report.js';
import { HAVE_SEEDS, SEEDS_DIR, seed } from './support/seeds.js';

const TABLE_RULES = RULES.filter((r) => /^T\d{2}-R\d+$/.test(r.meta.id));

/** [rule, table/row/column, actual (printed total), expected (sum of the printed terms), difference]. */
type Round = [string, string, number, number, number];

/**
 * The ROUND results of rules.md §2.1, one line per finding. Where rules.md quotes a pair of amounts it
 * is the same pair here (e.g. T01-R1 on 003: 430.21 vs 430.22); the cells it counts without naming
 * them ("52 PASS + 4 ROUND") are listed from the seed text.
 */
const ROUND: Record<'000' | '001' | '003', Round[]> = {
  '000': [
    ['T01-R2', '01/inc.grand_total/1', 2234.06, 2234.07, -0.01],
    ['T01-R3', '01/exp.total/2', 2169.36, 2169.35, 0.01],
    ['T01-R4', '01/exp.grand_total/2', 2234.06, 2234.07, -0.01],
    ['T02-R2', '02/total/1', 2169.36, 2169.35, 0.01],
    ['T02-R2', '02/total/2', 2169.36, 2169.35, 0.01],
    ['T02-R2', '02/22102/1', 449.96, 449.97, -0.01],
    ['T02-R2', '02/22102/2', 449.96, 449.97, -0.01],
    ['T03-R1', '03/total/1', 2169.36, 2169.35, 0.01],
    ['T03-R2', '03/total/1', 2169.36, 2169.35, 0.01],
    ['T03-R2', '03/22102/1', 449.96, 449.97, -0.01],
    ['T03-R2', '03/22102/2', 449.96, 449.97, -0.01],
    ['T04-R5', '04/exp.total/2', 2169.36, 2169.35, 0.01],
    ['T04-R5', '04/exp.total/3', 2169.36, 2169.35, 0.01],
    ['T05-R1', '05/total/1', 2169.36, 2169.35, 0.01],
    ['T05-R2', '05/total/1', 2169.36, 2169.35, 0.01],
    ['T05-R2', '05/22102/1', 449.96, 449.97, -0.01],
    ['T05-R2', '05/22102/2', 449.96, 449.97, -0.01],
    ['T06-R1', '06/301/amount', 1493.88, 1493.9, -0.02], // −0.02 over 13 款
    ['T06-R1', '06/302/amount', 96.1, 96.11, -0.01],
  ],
  '001': [
    ['T01-R3', '01/exp.total/2', 48572.62, 48572.63, -0.01],
    ['T01-R4', '01/exp.grand_total/2', 51193.49, 51193.48, 0.01],
    ['T01-R6', '01/exp.closing/2', 782.38, 782.39, -0.01],
    ['T02-R1', '02/229/1', 8713.01, 8713, 0.01],
    ['T02-R2', '02/total/1', 50435.21, 50435.22, -0.01],
    ['T02-R2', '02/208/1', 14105.11, 14105.12, -0.01],
    ['T02-R2', '02/208/2', 14103.55, 14103.56, -0.01],
    ['T02-R2', '02/20805/1', 1206.76, 1206.75, 0.01],
    ['T02-R2', '02/20805/2', 1206.76, 1206.75, 0.01],
    ['T02-R2', '02/21011/1', 207.13, 207.14, -0.01],
    ['T02-R2', '02/21011/2', 207.13, 207.14, -0.01],
    ['T02-R2', '02/229/1', 8713.01, 8713, 0.01],
    ['T03-R1', '03/20801/1', 9954.16, 9954.17, -0.01],
    ['T03-R1', '03/20808/1', 62.74, 62.73, 0.01],
    ['T03-R1', '03/2080801/1', 62.74, 62.73, 0.01],
    ['T03-R2', '03/total/1', 48572.62, 48572.63, -0.01],
    ['T03-R2', '03/total/2', 19280.17, 19280.18, -0.01],
    ['T03-R2', '03/20801/1', 9954.16, 9954.17, -0.01],
    ['T03-R2', '03/20805/1', 1206.76, 1206.75, 0.01],
    ['T03-R2', '03/20805/2', 1206.76, 1206.75, 0.01],
    ['T03-R2', '03/21011/1', 207.13, 207.14, -0.01],
    ['T03-R2', '03/21011/2', 207.13, 207.14, -0.01],
    ['T05-R1', '05/20808/1', 62.74, 62.73, 0.01],
    ['T05-R1', '05/2080801/1', 62.74, 62.73, 0.01],
    ['T05-R2', '05/208/1', 14103.55, 14103.56, -0.01],
    ['T05-R2', '05/20805/1', 1206.76, 1206.75, 0.01],
    ['T05-R2', '05/20805/2', 1206.76, 1206.75, 0.01],
    ['T05-R2', '05/21011/1', 207.13, 207.14, -0.01],
    ['T05-R2', '05/21011/2', 207.13, 207.14, -0.01],
    ['T06-R1', '06/302/amount', 960.47, 960.5, -0.03], // −0.03 over 27 款
    ['T06-R2', '06/personnel_total/amount', 13498.68, 13498.67, 0.01],
  ],
  '003': [
    ['T01-R1', '01/inc.total/1', 430.21, 430.22, -0.01],
    ['T01-R3', '01/exp.total/2', 430.21, 430.2, 0.01],
    ['T01-R4', '01/exp.grand_total/2', 516.85, 516.86, -0.01],
    ['T01-R6', '01/exp.closing/2', 86.65, 86.64, 0.01],
    ['T02-R1', '02/total/1', 430.21, 430.22, -0.01],
    ['T02-R1', '02/208/1', 389.81, 389.82, -0.01],
    ['T02-R1', '02/2080110/1', 220.55, 220.56, -0.01],
    ['T02-R2', '02/total/1', 430.21, 430.2, 0.01],
    ['T02-R2', '02/total/2', 430.21, 430.2, 0.01],
    ['T02-R2', '02/208/2', 389.81, 389.8, 0.01],
    ['T02-R2', '02/20801/2', 362.07, 362.08, -0.01],
    ['T02-R2', '02/21011/1', 16.51, 16.52, -0.01],
    ['T02-R2', '02/21011/2', 16.51, 16.52, -0.01],
    ['T03-R1', '03/20801/1', 362.07, 362.08, -0.01],
    ['T03-R2', '03/total/1', 430.21, 430.2, 0.01],
    ['T03-R2', '03/total/2', 288.68, 288.67, 0.01],
    ['T03-R2', '03/208/1', 389.81, 389.8, 0.01],
    ['T03-R2', '03/20801/1', 362.07, 362.08, -0.01],
    ['T03-R2', '03/21011/1', 16.51, 16.52, -0.01],
    ['T03-R2', '03/21011/2', 16.51, 16.52, -0.01],
    // rules.md quotes one pair (430.21 vs 430.20); the 合计 and 一般公共预算 columns both print it.
    ['T04-R5', '04/exp.total/2', 430.21, 430.2, 0.01],
    ['T04-R5', '04/exp.total/3', 430.21, 430.2, 0.01],
    ['T05-R1', '05/20801/1', 362.07, 362.08, -0.01],
    ['T05-R2', '05/total/1', 430.21, 430.2, 0.01],
    ['T05-R2', '05/total/2', 288.68, 288.67, 0.01],
    ['T05-R2', '05/208/1', 389.81, 389.8, 0.01],
    ['T05-R2', '05/20801/1', 362.07, 362.08, -0.01],
    ['T05-R2', '05/21011/1', 16.51, 16.52, -0.01],
    ['T05-R2', '05/21011/2', 16.51, 16.52, -0.01],
    ['T06-R1', '06/301/amount', 262.49, 262.48, 0.01],
  ],
};

/** Rules that do not apply: 000 and 001 have no table 10; 003 prints an empty 三公 table. */
const NOT_APPLICABLE: Record<'000' | '001' | '003', string[]> = {
  '000': ['T10-R1', 'T10-R2', 'T10-R3'],
  '001': ['T10-R1', 'T10-R2', 'T10-R3'],
  '003': ['T09-R1', 'T09-R2', 'T09-R3'],
};

/** rules.md's "n PASS + m ROUND" (or "PASS (n rows)") as [pass, round]. */
const COUNTS: Record<'000' | '001' | '003', Record<string, [number, number]>> = {
  '000': { 'T02-R1': [15, 0], 'T02-R2': [52, 4], 'T03-R1': [14, 1], 'T04-R4': [29, 0], 'T05-R1': [14, 1] },
  '001': { 'T02-R1': [55, 1], 'T02-R2': [181, 8], 'T03-R1': [53, 3], 'T04-R4': [29, 0], 'T05-R1': [44, 2], 'T07-R1': [9, 0] },
  '003': { 'T02-R1': [11, 3], 'T02-R2': [50, 6], 'T03-R1': [13, 1], 'T04-R4': [29, 0], 'T05-R1': [13, 1] },
};

/** How many comparisons a rule makes on a report, counted from the table's shape. */
function comparisons(report: Report, ruleId: string): number {
  const table = (id: string) => report.tables.find((t) => t.id === id)!;
  switch (ruleId) {
    case 'T02-R1':
    case 'T03-R1':
    case 'T05-R1':
    case 'T07-R1':
      return table(ruleId === 'T02-R1' ? '02' : ruleId === 'T03-R1' ? '03' : ruleId === 'T05-R1' ? '05' : '07').rows.length;
    case 'T02-R2': {
      const t = table('02');
      const codes = t.rows.map((r) => r.code).filter((c): c is string => c !== undefined);
      const parents = t.rows.filter((r) =>
        r.key === 'total' ? codes.some((c) => c.length === 3) : r.code !== undefined && codes.some((c) => c.length === r.code!.length + 2 && c.startsWith(r.code!)),
      );
      return parents.length * t.columns.length;
    }
    case 'T04-R4':
      return table('04').rows.filter((r) => r.key.startsWith('exp.')).length;
    default:
      throw new Error(`no count for ${ruleId}`);
  }
}

const where = (f: Finding) => `${f.location.table}/${f.location.row}/${f.location.column}`;

describe.skipIf(!HAVE_SEEDS)(`table rules on the seeds (${SEEDS_DIR})`, () => {
  const reports = new Map<string, Report>();
  const findings = new Map<string, Finding[]>();
  beforeAll(async () => {
    for (const id of ['000', '001', '003'] as const) {
      const report = await extractFile(seed(id).path);
      reports.set(id, report);
      findings.set(id, checkReport(report, { rules: TABLE_RULES }).findings);
    }
  });

  it('all 36 table rules of rules.md §2.1 run', () => {
    expect(TABLE_RULES.map((r) => r.meta.id)).toHaveLength(36);
  });

  for (const id of ['000', '001', '003'] as const) {
    describe(`seed ${id}`, () => {
      it('no error and no warning: the seeds are consistent within each table', () => {
        const failed = findings.get(id)!.filter((f) => f.status === 'fail' || f.severity !== 'info');
        expect(failed.map((f) => `${f.ruleId} ${where(f)}: ${f.message}`)).toEqual([]);
      });

      it('every ROUND of rules.md, and nothing else, as an info finding at its cell', () => {
        const round = findings.get(id)!.filter((f) => f.status === 'round');
        const got = round.map((f): Round => [f.ruleId, where(f), f.actual as number, f.expected as number, f.difference!]);
        const key = (r: Round) => `${r[0]} ${r[1]}`;
        expect([...got].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...ROUND[id]].sort((a, b) => key(a).localeCompare(key(b))));
        for (const f of round) {
          expect(f.severity).toBe('info');
          expect(Math.abs(f.difference!)).toBeLessThanOrEqual(f.tolerance!);
          expect(f.message).toContain('尾数误差');
        }
      });

      it('rules whose tables are absent or printed empty say not_applicable; nothing lacks data', () => {
        const status = findings.get(id)!.filter((f) => f.status === 'not_applicable' || f.status === 'insufficient_data');
        expect(status.map((f) => `${f.ruleId} ${f.status}`).sort()).toEqual(NOT_APPLICABLE[id].map((r) => `${r} not_applicable`).sort());
      });

      it('the counts "n PASS + m ROUND" of rules.md', () => {
        for (const [ruleId, [pass, round]] of Object.entries(COUNTS[id])) {
          const rounds = findings.get(id)!.filter((f) => f.ruleId === ruleId && f.status === 'round').length;
          expect({ ruleId, checks: comparisons(reports.get(id)!, ruleId), round: rounds }).toEqual({ ruleId, checks: pass + round, round });
        }
      });
    });
  }

  it('T06-R1 skips the —— lines of seed 003 (309 and 311 groups) and T06-R4 accepts them', () => {
    const t06 = reports.get('003')!.tables.find((t) => t.id === '06')!;
    const dashed = t06.rows.filter((r) => r.dashes?.includes('amount')).map((r) => r.code!.slice(0, 3));
    expect(new Set(dashed)).toEqual(new Set(['309', '311']));
    expect(findings.get('003')!.filter((f) => f.ruleId === 'T06-R4' || (f.ruleId === 'T06-R1' && /^3(09|11)/.test(f.location.row ?? '')))).toEqual([]);
  });
});

it.skipIf(HAVE_SEEDS)('seed folder is absent: table rules on the seeds were skipped', () => {
  console.warn(`[seeds-table-rules] 未找到 ${SEEDS_DIR}，种子文档的表内规则核对已跳过`);
});
