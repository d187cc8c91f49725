import { describe, expect, it } from 'vitest';
import { parseAmount, type Amount } from '../../model/amount.js';
import type { MoneyUnit } from '../../model/report.js';
import {
  amountEquals,
  checkCompletion,
  checkPercent,
  checkRate,
  checkShare,
  checkShares,
  classifyPercent,
  compareAmounts,
  formatInterval,
  formatPercent,
  formatRational,
  intervalOfRate,
  intervalOfRatio,
  priorOf,
  rat,
  ratAdd,
  ratCmp,
  ratSub,
  ratOfAmount,
  ratToNumber,
  roundHalfUp,
  toWanyuan,
  truncate,
  zeroBase,
  zeroPrior,
  type Money,
  type Rational,
} from './interval.js';

const a = (text: string): Amount => {
  const v = parseAmount(text);
  if (!v) throw new Error(`not an amount: ${text}`);
  return v;
};
const m = (text: string, unit: MoneyUnit = '万元'): Money => ({ ...a(text), unit });
const pct = (r: Rational | null | undefined, d = 2) => (r == null ? null : formatRational(r, d));

describe('rationals and rounding', () => {
  it('normalises and compares exactly', () => {
    expect(rat(2n, 4n)).toEqual({ num: 1n, den: 2n });
    expect(rat(3, -6)).toEqual({ num: -1n, den: 2n });
    expect(ratCmp(ratOfAmount(a('1,677.2')), ratOfAmount(a('1677.20')))).toBe(0);
    expect(() => rat(1n, 0n)).toThrow();
  });
  it('rounds half away from zero and truncates toward zero', () => {
    expect(roundHalfUp(rat(1955n, 1000n), 1)).toEqual({ units: 20, scale: 1 });
    expect(roundHalfUp(rat(1945n, 1000n), 2)).toEqual({ units: 195, scale: 2 }); // 1.945 exact, floats give 1.94
    expect(roundHalfUp(rat(-1945n, 1000n), 2)).toEqual({ units: -195, scale: 2 });
    expect(roundHalfUp(rat(-1n, 1000n), 2)).toEqual({ units: 0, scale: 2 });
    expect(truncate(rat(91889n, 1000n), 2)).toEqual({ units: 9188, scale: 2 });
    expect(truncate(rat(-7612n, 1000n), 1)).toEqual({ units: -76, scale: 1 });
  });
  it('formats for messages', () => {
    expect(formatRational(rat(640792n, 100n), 2)).toBe('6,407.92');
    expect(formatPercent(ratOfAmount(a('7.6125')), 2)).toBe('7.61%');
    expect(formatInterval({ lo: rat(744n, 100n), hi: null })).toBe('7.44%–+∞');
    expect(ratToNumber(rat(1n, 4n))).toBe(0.25);
  });
});

describe('amountEquals (N-R1, N-R2, §3)', () => {
  it('drops trailing zeros', () => {
    expect(amountEquals(m('1,677.2'), m('1,677.20'))).toBe('equal');
    expect(amountEquals(m('2.6'), m('2.60'))).toBe('equal');
    expect(amountEquals(m('0'), m('0.00'))).toBe('equal');
    expect(amountEquals(m('51,193.49'), m('51193.49'))).toBe('equal');
  });
  it('1-decimal narrative vs 2-decimal table: |Δ| ≤ 0.05 equal, +0.01 round, more different', () => {
    expect(amountEquals(m('3,030.4'), m('3,030.41'))).toBe('equal');
    expect(amountEquals(m('1,677.2'), m('1,677.24'))).toBe('equal');
    expect(amountEquals(m('1,677.2'), m('1,677.25'))).toBe('equal'); // exactly on the edge
    expect(amountEquals(m('1,677.2'), m('1,677.15'))).toBe('equal');
    expect(amountEquals(m('1,677.2'), m('1,677.26'))).toBe('round');
    expect(amountEquals(m('1,677.2'), m('1,677.14'))).toBe('round');
    expect(amountEquals(m('1,677.2'), m('1,677.27'))).toBe('different');
    // 004 N-R2: change 1,019.8 vs 1,019.89 → FAIL
    expect(amountEquals(m('1,019.8'), m('1,019.89'))).toBe('different');
  });
  it('2-decimal values: exact equal, ±0.01 round, more different', () => {
    expect(amountEquals(m('1,135.67'), m('1,135.68'))).toBe('round'); // 004 基本支出 → I
    expect(amountEquals(m('1,135.69'), m('1,135.68'))).toBe('round');
    expect(amountEquals(m('1,224.56'), m('1,224.65'))).toBe('different'); // 001 市级免学费 → FAIL
    expect(amountEquals(m('12,783.25'), m('12,783.25'))).toBe('equal');
    expect(amountEquals(m('12,783.25'), m('12,783.27'))).toBe('different');
    expect(amountEquals(m('-0.22'), m('-0.22'))).toBe('equal');
    expect(amountEquals(m('0.22'), m('-0.22'))).toBe('different');
  });
  it('integer narrative amounts: |Δ| ≤ 0.5', () => {
    expect(amountEquals(m('9'), m('9.00'))).toBe('equal');
    expect(amountEquals(m('2,833'), m('2,832.61'))).toBe('equal');
    expect(amountEquals(m('2,833'), m('2,832.50'))).toBe('equal');
    expect(amountEquals(m('2,833'), m('2,832.49'))).toBe('round');
    expect(amountEquals(m('2,833'), m('2,832.48'))).toBe('different');
  });
  it('a more precise narrative value is equal when within half the cell unit', () => {
    expect(amountEquals(m('29.099'), m('29.10'))).toBe('equal');
    expect(amountEquals(m('141.525'), m('141.53'))).toBe('equal');
    expect(amountEquals(m('141.535'), m('141.53'))).toBe('equal');
    expect(amountEquals(m('141.536'), m('141.53'))).toBe('round');
    expect(amountEquals(m('139.8'), m('141.53'))).toBe('different'); // 003 N-R15
  });
  it('元 → 万元 by round_half_up(yuan/10000, 2) (003 N-R1)', () => {
    expect(amountEquals(m('3,898,065.04', '元'), m('389.81'))).toBe('equal');
    expect(amountEquals(m('2,626,651.42', '元'), m('262.67'))).toBe('equal');
    expect(amountEquals(m('260,149.38', '元'), m('26.01'))).toBe('equal');
    expect(amountEquals(m('165141.73', '元'), m('16.51'))).toBe('equal'); // 003 卫生健康
    expect(amountEquals(m('238847.93', '元'), m('23.88'))).toBe('equal'); // 003 住房保障
    expect(amountEquals(m('3,898,065.04', '元'), m('389.80'))).toBe('round');
    expect(amountEquals(m('3,898,065.04', '元'), m('389.82'))).toBe('round');
    expect(amountEquals(m('3,898,065.04', '元'), m('389.83'))).toBe('different');
    // the exact half rounds up only: 3,898,050 元 = 389.805 万元
    expect(amountEquals(m('3,898,050.00', '元'), m('389.81'))).toBe('equal');
    expect(amountEquals(m('3,898,050.00', '元'), m('389.80'))).toBe('round');
    expect(amountEquals(m('3,898,049.99', '元'), m('389.80'))).toBe('equal');
    // the other way round: a 万元 narrative value against a 元 cell
    expect(amountEquals(m('389.81'), m('3,898,065.04', '元'))).toBe('equal');
    expect(amountEquals(m('389.8'), m('3,898,065.04', '元'))).toBe('equal');
    // 004 N-R13: 2819.38 元 printed where 万元 was meant is not equal to 2,819.38 万元
    expect(amountEquals(m('2819.38', '元'), m('2,819.38'))).toBe('different');
    expect(amountEquals(m('1', '亿元'), m('10,000.00'))).toBe('equal');
  });
  it('reports delta, unit and precision', () => {
    const c = compareAmounts(m('3,898,065.04', '元'), m('389.81'));
    expect(c.unit).toBe('万元');
    expect(c.decimals).toBe(2);
    expect(formatRational(c.delta, 6)).toBe('-0.003496');
    expect(compareAmounts(m('5.00', '元'), m('5', '元')).unit).toBe('元');
  });
  it('toWanyuan converts like the 决算 system', () => {
    expect(toWanyuan(m('3,898,065.04', '元'))).toEqual({ units: 38981, scale: 2 });
    expect(toWanyuan(m('165141.73', '元'))).toEqual({ units: 1651, scale: 2 });
    expect(toWanyuan(m('50.00', '元'))).toEqual({ units: 1, scale: 2 }); // 0.005 → 0.01
    expect(toWanyuan(m('49.99', '元'))).toEqual({ units: 0, scale: 2 });
    expect(toWanyuan(m('1.5', '亿元'))).toEqual({ units: 1500000, scale: 2 });
  });
});

describe('intervals', () => {
  it('000 三公 −0.22 on 2.67: interval 7.44–7.79 (magnitude), point 7.61', () => {
    const iv = intervalOfRate(a('2.67'), a('-0.22'));
    expect(pct(iv.lo && { num: -iv.hi!.num * 100n, den: iv.hi!.den })).toBe('7.44');
    expect(pct(iv.hi && { num: -iv.lo!.num * 100n, den: iv.lo!.den })).toBe('7.79');
  });
  it('000 三公 share 2.6/2.67: 97.01–97.75', () => {
    const iv = intervalOfRatio(a('2.6'), a('2.67'));
    expect(pct(iv.lo && { num: iv.lo.num * 100n, den: iv.lo.den })).toBe('97.01');
    expect(pct(iv.hi && { num: iv.hi.num * 100n, den: iv.hi.den })).toBe('97.75');
    const iv2 = intervalOfRatio(a('0.07'), a('2.67'));
    expect(pct(iv2.lo && { num: iv2.lo.num * 100n, den: iv2.lo.den })).toBe('2.43');
    expect(pct(iv2.hi && { num: iv2.hi.num * 100n, den: iv2.hi.den })).toBe('2.81');
  });
  it('minScale widens or narrows the input uncertainty', () => {
    const iv = intervalOfRatio(a('2.6'), a('2.67'), { minScale: 1 }); // ±0.05 on 2.6, ±0.005 on 2.67
    expect(ratCmp(iv.lo!, rat(2550n, 2675n))).toBe(0);
  });
  it('a prior whose interval touches 0 leaves one side unbounded', () => {
    // current 0.13, change +0.12 → prior 0.01 ∈ [0, 0.02]
    const iv = intervalOfRate(a('0.13'), a('0.12'));
    expect(iv.hi).toBeNull();
    expect(ratCmp(iv.lo!, rat(115n, 20n))).toBe(0); // 0.115 / 0.02
    const down = intervalOfRate(a('-0.11'), a('-0.12')); // prior 0.01, change negative
    expect(down.lo).toBeNull();
    expect(down.hi).not.toBeNull();
    const zeroChange = intervalOfRate(a('0.01'), a('0.00'));
    expect(zeroChange).toEqual({ lo: null, hi: null });
  });
  it('priorOf and zero bases (N-R4)', () => {
    expect(priorOf(a('2.67'), a('-0.22'))).toEqual({ units: 289, scale: 2 });
    expect(priorOf(a('3,030.4'), a('1,012.39'))).toEqual({ units: 201801, scale: 2 });
    expect(zeroBase(a('0'))).toBe(true);
    expect(zeroBase(a('0.00'))).toBe(true);
    expect(zeroBase(a('0.01'))).toBe(false);
    expect(zeroPrior(a('0'), a('0'))).toBe(true);
    expect(zeroPrior(a('5.59'), a('5.59'))).toBe(true); // new this year
    expect(zeroPrior(a('5.59'), a('2.22'))).toBe(false);
  });
});

describe('checkRate (N-R3) — seed results', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // [seed/what, current, change, stated, verdict]
    ['000 三公 下降7.7%', '2.67', '-0.22', '7.7', 'round'],
    ['000 公务用车 增长4.8%', '2.6', '0.12', '4.8', 'pass'],
    ['000 公务接待 下降82.9%', '0.07', '-0.34', '82.9', 'pass'],
    ['000 一般公共预算收入 增长4.5%', '2,169.36', '94.16', '4.5', 'pass'],
    ['000 基本支出 增长4%', '1,677.2', '64.38', '4', 'pass'],
    ['000 项目支出 增长6.4%', '492.15', '29.78', '6.4', 'pass'],
    ['001 三公 增长22.3%', '21.12', '3.86', '22.3', 'round'],
    ['001 政府性基金 增长6,407.7%', '8,628.85', '8,496.26', '6,407.7', 'round'],
    ['001 公务用车 增长11.8%', '15.53', '1.64', '11.8', 'pass'],
    ['001 公务接待 增长65.9%', '5.59', '2.22', '65.9', 'pass'],
    ['001 一般公共预算收入 下降9.7%', '34,365.67', '-3,683.75', '9.7', 'pass'],
    ['001 事业收入 下降12.1%', '2,338.26', '-322.19', '12.1', 'pass'],
    ['001 其他收入 下降24.4%', '5,102.43', '-1,647.75', '24.4', 'pass'],
    ['001 基本支出 增长2.1%', '19,280.17', '387.92', '2.1', 'pass'],
    ['001 项目支出 增长5.7%', '29,292.45', '1,572.33', '5.7', 'pass'],
    ['001 机关运行经费 增长5.4%', '329.83', '16.94', '5.4', 'pass'],
    ['004 一般公共预算财政拨款支出 增长50.2%', '3030.4', '1012.39', '50.2', 'pass'],
  ];
  for (const [what, cur, chg, stated, verdict] of cases) {
    it(`${what} → ${verdict}`, () => {
      expect(checkRate(a(stated), a(cur), a(chg)).verdict).toBe(verdict);
    });
  }
  it('000 三公: point 7.61, interval 7.44–7.79, expected 7.6', () => {
    const r = checkRate(a('7.7'), a('2.67'), a('-0.22'));
    expect(pct(r.point)).toBe('7.61');
    expect(pct(r.lo)).toBe('7.44');
    expect(pct(r.hi)).toBe('7.79');
    expect(r.expected).toEqual({ units: 76, scale: 1 });
    expect(r.magnitude).toBe(true);
  });
  it('001 points: 22.36 and 6,407.92', () => {
    expect(pct(checkRate(a('22.3'), a('21.12'), a('3.86')).point)).toBe('22.36');
    expect(pct(checkRate(a('6,407.7'), a('8,628.85'), a('8,496.26')).point)).toBe('6,407.92');
  });
  it('a signed stated value is compared signed', () => {
    expect(checkRate(a('-7.6'), a('2.67'), a('-0.22')).verdict).toBe('pass');
    expect(checkRate(a('-7.6'), a('2.67'), a('0.22')).verdict).toBe('fail');
    expect(checkRate(a('-7.6'), a('2.67'), a('-0.22')).magnitude).toBe(false);
  });
  it('wrong rates fail', () => {
    expect(checkRate(a('7.9'), a('2.67'), a('-0.22')).verdict).toBe('fail');
    expect(checkRate(a('50.8'), a('3030.4'), a('1012.39')).verdict).toBe('fail');
    expect(checkRate(a('9.5'), a('34,365.67'), a('-3,683.75')).verdict).toBe('fail');
    // 9.6 for 9.68: a truncation outside the interval is still only 'truncated' (info, §3)
    expect(checkRate(a('9.6'), a('34,365.67'), a('-3,683.75')).verdict).toBe('truncated');
  });
  it('zero prior → zero-base (000/001 `--（基数为0，不可比）`)', () => {
    const r = checkRate(a('0'), a('0'), a('0'));
    expect(r.verdict).toBe('zero-base');
    expect(r.point).toBeUndefined();
    expect(checkPercent(a('100'), a('5.59'), a('5.59'), 'rate').verdict).toBe('zero-base');
  });
  it('zero change: 0% passes, direction-free', () => {
    expect(checkRate(a('0'), a('12.00'), a('0')).verdict).toBe('pass');
    expect(checkRate(a('0.0'), a('12.00'), a('0.00')).verdict).toBe('pass');
    // change 0.00 may be up to ±0.005: |rate| ≤ 0.005/11.995 = 0.0417%
    expect(checkRate(a('0.04'), a('12.00'), a('0.00')).verdict).toBe('round');
    expect(checkRate(a('0.05'), a('12.00'), a('0.00')).verdict).toBe('fail');
    expect(checkRate(a('0.1'), a('12.00'), a('0.00')).verdict).toBe('fail');
  });
  it('−100%: everything spent last year, nothing this year', () => {
    expect(checkRate(a('100'), a('0'), a('-5.00')).verdict).toBe('pass');
    expect(checkRate(a('100.0'), a('0'), a('-5.00')).verdict).toBe('pass');
  });
  it('prior 0.01: a large rate passes, the interval is unbounded above', () => {
    const r = checkRate(a('1,200'), a('0.13'), a('0.12'));
    expect(r.verdict).toBe('pass');
    expect(r.hi).toBeNull();
    expect(checkRate(a('9,999'), a('0.13'), a('0.12')).verdict).toBe('round');
    expect(checkRate(a('500'), a('0.13'), a('0.12')).verdict).toBe('fail'); // below 575%
  });
});

describe('checkShare (N-R5) — seed results', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // [seed/what, part, total, stated, verdict]
    ['004 一般公共预算财政拨款支出 98.9% of 本年支出', '3,030.4', '3,037.9', '98.9', 'fail'],
    ['004 卫生健康 1.9% (alone: a truncation outside the interval)', '59.25', '3,030.4', '1.9', 'truncated'],
    ['004 社会保障和就业 93.5%', '2832.4', '3030.4', '93.5', 'pass'],
    ['004 农林水 1.5%', '44.25', '3030.4', '1.5', 'pass'],
    ['004 住房保障 3.1%', '94.5', '3030.4', '3.1', 'pass'],
    ['004 一般公共预算收入 99.7%', '2819.38', '2826.88', '99.7', 'pass'],
    ['004 国有资本经营 0.3%', '7.5', '2826.88', '0.3', 'pass'],
    ['004 基本支出 37.4%', '1135.67', '3037.9', '37.4', 'pass'],
    ['004 项目支出 62.6%', '1902.23', '3037.9', '62.6', 'pass'],
    ['000 三公 公务用车 97.3%', '2.6', '2.67', '97.3', 'round'],
    ['000 三公 公务接待 2.7%', '0.07', '2.67', '2.7', 'round'],
    ['000 三公 因公出国 0%', '0', '2.67', '0', 'pass'],
    ['000 中小企业 17.7%', '27.07', '152.61', '17.7', 'pass'],
    ['000 小微 94.5%', '25.57', '27.07', '94.5', 'pass'],
    ['001 三公 公务用车 73.5%', '15.53', '21.12', '73.5', 'pass'],
    ['001 三公 公务接待 26.5%', '5.59', '21.12', '26.5', 'pass'],
    ['001 N-R15 24.24%', '4,813.42', '19,860.65', '24.24', 'pass'],
    ['001 N-R15 92.36%', '7,969.83', '8,628.85', '92.36', 'pass'],
    ['003 基本支出 67.10%', '288.68', '430.21', '67.10', 'pass'],
    ['003 项目支出 32.90%', '141.53', '430.21', '32.90', 'pass'],
    ['003 社会保障和就业 90.61%', '389.81', '430.21', '90.61', 'pass'],
    ['003 卫生健康 3.84%', '16.51', '430.21', '3.84', 'pass'],
    ['003 住房保障 5.55%', '23.88', '430.21', '5.55', 'pass'],
  ];
  for (const [what, part, total, stated, verdict] of cases) {
    it(`${what} → ${verdict}`, () => {
      expect(checkShare(a(stated), a(part), a(total)).verdict).toBe(verdict);
    });
  }
  it('004 98.9%: true 99.75% → 99.8%', () => {
    const r = checkShare(a('98.9'), a('3,030.4'), a('3,037.9'));
    expect(pct(r.point)).toBe('99.75');
    expect(r.expected).toEqual({ units: 998, scale: 1 });
  });
  it('004 卫生健康: 1.955% → 2.0%', () => {
    const r = checkShare(a('1.9'), a('59.25'), a('3,030.4'));
    expect(pct(r.point, 3)).toBe('1.955');
    expect(r.expected).toEqual({ units: 20, scale: 1 });
    expect(r.truncation).toBe(true);
  });
  it('000 三公 97.3 / 2.7: points 97.38 / 2.62', () => {
    expect(pct(checkShare(a('97.3'), a('2.6'), a('2.67')).point)).toBe('97.38');
    expect(pct(checkShare(a('2.7'), a('0.07'), a('2.67')).point)).toBe('2.62');
    expect(checkShare(a('97.3'), a('2.6'), a('2.67')).truncation).toBe(true); // but 'round' at 1 decimal
  });
  it('zero total → zero-base', () => {
    expect(checkShare(a('0'), a('0'), a('0')).verdict).toBe('zero-base');
  });
});

describe('checkCompletion (N-R6) — seed results', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // [seed/what, actual, budget, stated, verdict]
    ['001 34个项目 99.95%', '12,783.25', '12,813.42', '99.95', 'fail'],
    ['001 34个项目 (12783.25 unseparated)', '12783.25', '12813.42', '99.95', 'fail'],
    ['001 项目三 99.01%', '91.5', '92.4', '99.01', 'fail'],
    ['001 项目十三(2) 91.88%', '8.27', '9', '91.88', 'truncated'],
    ['003 自评表2 99.92%', '54.96', '55', '99.92', 'truncated'],
    ['000 三公 100%', '2.67', '2.67', '100', 'pass'],
    ['001 三公 94.5%', '21.12', '22.36', '94.5', 'pass'],
    ['001 公务接待 81.9%', '5.59', '6.83', '81.9', 'round'],
    ['001 公务用车 100%', '15.53', '15.53', '100', 'pass'],
    ['003 一般公共预算 88.53%', '430.21', '485.94', '88.53', 'pass'],
    ['001 部门整体 148.37% (over 100 is P-R2)', '42971.67', '28,962.58', '148.37', 'pass'],
  ];
  for (const [what, actual, budget, stated, verdict] of cases) {
    it(`${what} → ${verdict}`, () => {
      expect(checkCompletion(a(stated), a(actual), a(budget)).verdict).toBe(verdict);
    });
  }
  it('001 99.95%: true 99.76%', () => {
    expect(pct(checkCompletion(a('99.95'), a('12,783.25'), a('12,813.42')).point)).toBe('99.76');
  });
  it('001 项目三: true 99.03%, interval lower edge 99.0152 − 0.005 > 99.01', () => {
    const r = checkCompletion(a('99.01'), a('91.5'), a('92.4'));
    expect(pct(r.point)).toBe('99.03');
    expect(pct(r.lo, 4)).toBe('99.0152');
    expect(checkCompletion(a('99.02'), a('91.5'), a('92.4')).verdict).toBe('truncated'); // 99.026 chopped
    expect(checkCompletion(a('99.04'), a('91.5'), a('92.4')).verdict).toBe('round'); // hi 99.0367 + 0.005
    expect(checkCompletion(a('99.05'), a('91.5'), a('92.4')).verdict).toBe('fail');
  });
  it('001 91.88%: point 91.889%', () => {
    const r = checkCompletion(a('91.88'), a('8.27'), a('9'));
    expect(pct(r.point, 3)).toBe('91.889');
    expect(r.expected).toEqual({ units: 9189, scale: 2 });
  });
  it('003 N-R4: 全年预算0万元 … 完成全年预算的0% → zero-base', () => {
    expect(checkCompletion(a('0'), a('0'), a('0')).verdict).toBe('zero-base');
    expect(zeroBase(a('0'))).toBe(true);
  });
  it('truncationFromDecimals: 1 makes 1-decimal truncations report as truncated', () => {
    expect(checkRate(a('22.3'), a('21.12'), a('3.86'), { truncationFromDecimals: 1 }).verdict).toBe('truncated');
    expect(checkCompletion(a('91.88'), a('8.27'), a('9'), { truncationFromDecimals: 3 }).verdict).toBe('round');
  });
});

describe('interval boundaries are exact', () => {
  // share 1/8 of 8.00: point 12.5%; interval [0.995/8.005, 1.005/7.995] = [12.4297…, 12.5703…]
  it('stated exactly on the widened edge is accepted, one step beyond is not', () => {
    // 0 decimals: edge hi + 0.5 = 13.07 → 13 passes as round-half-up anyway; use 2 decimals
    const r = checkShare(a('12.50'), a('1.00'), a('8.00'));
    expect(r.verdict).toBe('pass');
    // hi = 1.005/7.995 = 12.57035…%; +0.005 → 12.57535…; 12.57 inside, 12.58 outside
    expect(checkShare(a('12.57'), a('1.00'), a('8.00')).verdict).toBe('round');
    expect(checkShare(a('12.58'), a('1.00'), a('8.00')).verdict).toBe('fail');
  });
  it('an edge that equals a stated value exactly', () => {
    // part 0.995..1.005 of total exactly 10.000 (3 decimals keeps its own half unit 0.0005)
    // lo = 0.995/10.0005 = 9.94950…%, so 9.94 (lo − 0.005 = 9.9445…) is outside, 9.95 inside
    expect(checkShare(a('9.95'), a('1.00'), a('10.000')).verdict).toBe('round');
    expect(checkShare(a('9.94'), a('1.00'), a('10.000')).verdict).toBe('fail');
    // With minScale 0 and integer inputs: 1/4 → [0.5/4.5, 1.5/3.5] = [11.11…, 42.857…]%
    // at 1 decimal, 42.9 is hi + 0.043 ≤ hi + 0.05 → round; 43.0 is outside.
    expect(checkShare(a('42.9'), a('1'), a('4'), { minScale: 0 }).verdict).toBe('round');
    expect(checkShare(a('43.0'), a('1'), a('4'), { minScale: 0 }).verdict).toBe('fail');
    // 1/3 with ±0.5 → hi = 1.5/2.5 = 60% exactly: 60.00 (≤ 60.005) and 60.0 (≤ 60.05) inside, 60.01 / 60.1 not
    expect(checkShare(a('60.00'), a('1'), a('3'), { minScale: 0 }).verdict).toBe('round');
    expect(checkShare(a('60.01'), a('1'), a('3'), { minScale: 0 }).verdict).toBe('fail');
    expect(checkShare(a('60.0'), a('1'), a('3'), { minScale: 0 }).verdict).toBe('round');
    expect(checkShare(a('60.1'), a('1'), a('3'), { minScale: 0 }).verdict).toBe('fail');
  });
  it('classifyPercent: a stated value exactly on lo − h or hi + h is accepted (closed interval)', () => {
    // Recomputed intervals of symmetric half units never end in a 5 at the next decimal, so test the edge directly.
    const iv = { lo: ratOfAmount(a('7.445')), hi: ratOfAmount(a('7.785')) };
    const point = ratOfAmount(a('7.6125'));
    expect(classifyPercent(a('7.44'), point, iv, 'rate').verdict).toBe('round');
    expect(classifyPercent(a('7.79'), point, iv, 'rate').verdict).toBe('round');
    expect(classifyPercent(a('7.43'), point, iv, 'rate').verdict).toBe('fail');
    expect(classifyPercent(a('7.80'), point, iv, 'rate').verdict).toBe('fail');
    const iv1 = { lo: ratOfAmount(a('7.45')), hi: ratOfAmount(a('7.75')) };
    expect(classifyPercent(a('7.4'), point, iv1, 'rate').verdict).toBe('round'); // = lo − 0.05
    expect(classifyPercent(a('7.8'), point, iv1, 'rate').verdict).toBe('round'); // = hi + 0.05
    expect(classifyPercent(a('7.3'), point, iv1, 'rate').verdict).toBe('fail');
    expect(classifyPercent(a('7.9'), point, iv1, 'rate').verdict).toBe('fail');
    expect(classifyPercent(a('7.6'), point, iv1, 'rate').verdict).toBe('pass');
    expect(classifyPercent(a('9.9'), point, { lo: iv1.lo, hi: null }, 'rate').verdict).toBe('round');
  });
  it('a point exactly at a half rounds up (1.955 exact → 1.96)', () => {
    // 39.1 / 2000 = 1.955% exactly
    expect(checkShare(a('1.96'), a('39.1'), a('2000')).verdict).toBe('pass');
    expect(checkShare(a('1.95'), a('39.1'), a('2000')).verdict).toBe('truncated');
    expect(checkShare(a('2.0'), a('39.1'), a('2000')).verdict).toBe('pass');
  });
});

describe('checkShares (N-R5 sums, §3 forcing 100.0)', () => {
  it('004 一般公共预算 by 类: 93.5 + 1.9 + 1.5 + 3.1 = 100.0 forced; 卫生健康 is the culprit', () => {
    const r = checkShares([a('93.5'), a('1.9'), a('1.5'), a('3.1')], [a('2832.4'), a('59.25'), a('44.25'), a('94.5')], a('3030.4'));
    expect(r.forced).toBe(1);
    expect(r.shares[1]!.verdict).toBe('fail');
    expect(r.shares.map((s) => s.verdict)).toEqual(['pass', 'fail', 'pass', 'pass']);
    expect(r.sumVerdict).toBe('pass');
    expect(formatRational(r.expectedSum, 1)).toBe('100.1');
    expect(formatRational(r.tolerance, 2)).toBe('0.20');
  });
  it('the correctly rounded 004 shares sum to 100.1, which is a ROUND sum', () => {
    const r = checkShares([a('93.5'), a('2.0'), a('1.5'), a('3.1')], [a('2832.4'), a('59.25'), a('44.25'), a('94.5')], a('3030.4'));
    expect(r.forced).toBeUndefined();
    expect(r.sumVerdict).toBe('round');
    expect(r.shares.every((s) => s.verdict === 'pass')).toBe(true);
  });
  it('000 三公 0 / 97.3 / 2.7: ROUND shares, sum 100, nothing forced', () => {
    const r = checkShares([a('0'), a('97.3'), a('2.7')], [a('0'), a('2.6'), a('0.07')], a('2.67'));
    expect(r.shares.map((s) => s.verdict)).toEqual(['pass', 'round', 'round']);
    expect(r.forced).toBeUndefined();
    expect(r.sumVerdict).toBe('pass');
    expect(formatRational(r.tolerance, 2)).toBe('0.10'); // the zero part adds no rounding
  });
  it('001 三公 73.5 / 26.5 and 003 67.10 / 32.90 and 90.61 / 3.84 / 5.55', () => {
    expect(checkShares([a('0'), a('73.5'), a('26.5')], [a('0'), a('15.53'), a('5.59')], a('21.12')).sumVerdict).toBe('pass');
    expect(checkShares([a('67.10'), a('32.90')], [a('288.68'), a('141.53')], a('430.21')).sumVerdict).toBe('pass');
    const r = checkShares([a('90.61'), a('3.84'), a('5.55')], [a('389.81'), a('16.51'), a('23.88')], a('430.21'));
    expect(r.sumVerdict).toBe('pass');
    expect(r.shares.every((s) => s.verdict === 'pass')).toBe(true);
  });
  it('004 99.7 / 0.3 and 37.4 / 62.6', () => {
    expect(checkShares([a('99.7'), a('0.3')], [a('2819.38'), a('7.5')], a('2826.88')).sumVerdict).toBe('pass');
    expect(checkShares([a('37.4'), a('62.6')], [a('1135.67'), a('1902.23')], a('3037.9')).sumVerdict).toBe('pass');
  });
  it('a sum beyond 100 ± 0.05·n fails', () => {
    // 1.00 of 2.00 may be 49.63%–50.38%, so 50.2 alone is ROUND, but the sum 100.2 exceeds 100 ± 0.1
    const r = checkShares([a('50.0'), a('50.2')], [a('1.00'), a('1.00')], a('2.00'));
    expect(r.sumVerdict).toBe('fail');
    expect(r.shares[1]!.verdict).toBe('round');
    expect(checkShares([a('50.0'), a('50.1')], [a('1.00'), a('1.00')], a('2.00')).sumVerdict).toBe('round');
  });
  it('parts that do not add up to the total are not a decomposition', () => {
    // 000 政府采购: 中小企业 17.7% of 152.61 is not one of a decomposition with 货物 etc.
    const r = checkShares([a('17.7')], [a('27.07')], a('152.61'));
    expect(r.sumVerdict).toBe('not-a-decomposition');
    expect(r.shares[0]!.verdict).toBe('pass');
  });
  it('two wrong shares forcing 100 are failures but no single culprit is named', () => {
    // true 33.33 / 33.33 / 33.33 (1/3 each) → 33.3 each (sum 99.9); printed 33.4 / 33.4 / 33.2
    const r = checkShares([a('33.5'), a('33.3'), a('33.2')], [a('100.00'), a('100.00'), a('100.00')], a('300.00'));
    expect(r.shares.map((s) => s.verdict)).toEqual(['fail', 'pass', 'fail']);
    expect(r.forced).toBeUndefined();
  });
  it('forcing one share of three thirds to 33.4 is caught', () => {
    const r = checkShares([a('33.4'), a('33.3'), a('33.3')], [a('100.00'), a('100.00'), a('100.00')], a('300.00'));
    expect(r.forced).toBe(0);
    expect(r.shares[0]!.verdict).toBe('fail');
    expect(formatRational(r.expectedSum, 1)).toBe('99.9');
  });
  it('rejects mismatched lengths', () => {
    expect(() => checkShares([a('1')], [], a('1'))).toThrow();
  });
});

describe('property: the correctly rounded percentage always passes', () => {
  // A small deterministic PRNG so failures are reproducible.
  let seed = 20231;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const amt = (units: number, scale = 2): Amount => ({ units, scale });

  it('shares and completions at 0–3 decimals', () => {
    for (let i = 0; i < 3000; i++) {
      const total = 1 + rnd(10_000_000); // up to 100,000.00
      const part = rnd(total + 1);
      const d = rnd(4);
      const point = rat(BigInt(part) * 100n, BigInt(total));
      const stated = roundHalfUp(point, d);
      const r = checkShare(stated, amt(part), amt(total));
      expect(r.verdict, `${part}/${total} at ${d}`).toBe('pass');
      // and the stated value always lies in the widened interval
      const h = rat(1n, 2n * 10n ** BigInt(d));
      expect(ratCmp(ratOfAmount(stated), ratSub(r.lo!, h))).toBeGreaterThanOrEqual(0);
      expect(ratCmp(ratOfAmount(stated), ratAdd(r.hi!, h))).toBeLessThanOrEqual(0);
      // the value one unit off is never 'pass'
      const off = { units: stated.units + 1, scale: d };
      expect(checkShare(off, amt(part), amt(total)).verdict).not.toBe('pass');
    }
  });
  it('rates with positive and negative changes, stated by magnitude and signed', () => {
    for (let i = 0; i < 3000; i++) {
      const prior = 1 + rnd(5_000_000);
      const change = rnd(2) ? rnd(10_000_000) : -rnd(prior + 1);
      const current = prior + change;
      const d = rnd(3);
      const point = rat(BigInt(change) * 100n, BigInt(prior));
      const signed = roundHalfUp(point, d);
      const mag = { units: Math.abs(signed.units), scale: d };
      expect(checkRate(mag, amt(current), amt(change)).verdict, `${current} ${change} ${d}`).toBe('pass');
      if (signed.units < 0) expect(checkRate(signed, amt(current), amt(change)).verdict).toBe('pass');
    }
  });
  it('a truncated percentage is never a failure on its own (§3: info)', () => {
    for (let i = 0; i < 2000; i++) {
      const total = 1 + rnd(10_000_000);
      const part = rnd(total + 1);
      const d = rnd(3);
      const stated = truncate(rat(BigInt(part) * 100n, BigInt(total)), d);
      expect(['pass', 'truncated', 'round']).toContain(checkCompletion(stated, amt(part), amt(total)).verdict);
    }
  });
  it('the interval always contains the point, and lo ≤ hi', () => {
    for (let i = 0; i < 2000; i++) {
      const den = 1 + rnd(1_000_000);
      const num = rnd(2_000_000) - 1_000_000;
      const iv = intervalOfRatio(amt(num), amt(den));
      const p = rat(BigInt(num), BigInt(den));
      expect(ratCmp(iv.lo!, p)).toBeLessThanOrEqual(0);
      expect(ratCmp(p, iv.hi!)).toBeLessThanOrEqual(0);
      const cur = rnd(1_000_000);
      const chg = rnd(2_000_000) - 1_000_000;
      if (cur - chg >= 2) {
        const jv = intervalOfRate(amt(cur), amt(chg));
        const q = rat(BigInt(chg), BigInt(cur - chg));
        expect(ratCmp(jv.lo!, q)).toBeLessThanOrEqual(0);
        expect(ratCmp(q, jv.hi!)).toBeLessThanOrEqual(0);
      }
    }
  });
  it('the interval really bounds every input inside the box (sampled exactly)', () => {
    for (let i = 0; i < 300; i++) {
      const cur = 100 + rnd(100_000);
      const chg = rnd(2) ? rnd(50_000) : -rnd(cur - 50);
      const iv = intervalOfRate(amt(cur), amt(chg));
      for (let k = 0; k < 5; k++) {
        // true values at scale 4 within ±0.005 (±50 units at scale 4)
        const c4 = cur * 100 + rnd(101) - 50;
        const g4 = chg * 100 + rnd(101) - 50;
        const q = rat(BigInt(g4), BigInt(c4 - g4));
        expect(ratCmp(iv.lo!, q)).toBeLessThanOrEqual(0);
        expect(ratCmp(q, iv.hi!)).toBeLessThanOrEqual(0);
      }
    }
  });
  it('元 amounts converted with round_half_up always equal their 万元 cell', () => {
    for (let i = 0; i < 3000; i++) {
      const yuan = rnd(2_000_000_000); // up to 20,000,000.00 元
      const wan = toWanyuan({ units: yuan, scale: 2, unit: '元' });
      expect(amountEquals({ units: yuan, scale: 2, unit: '元' }, { ...wan, unit: '万元' })).toBe('equal');
      expect(amountEquals({ units: yuan, scale: 2, unit: '元' }, { units: wan.units + 2, scale: 2, unit: '万元' })).toBe('different');
      // a 1-decimal narrative value rounded from the 2-decimal cell is equal
      const one = roundHalfUp(ratOfAmount(wan), 1);
      expect(amountEquals({ ...one, unit: '万元' }, { ...wan, unit: '万元' })).toBe('equal');
    }
  });
  it('checkPercent with very large amounts stays exact', () => {
    const r = checkPercent(a('99.99'), a('51,193.48'), a('51,193.49'), 'completion');
    expect(r.verdict).toBe('truncated'); // point 99.99998% → 100.00; 99.99 is the chop
    expect(r.expected).toEqual({ units: 10000, scale: 2 });
    expect(checkPercent(a('100.00'), a('51,193.48'), a('51,193.49'), 'completion').verdict).toBe('pass');
    expect(checkPercent(a('99.999980'), a('51,193.48'), a('51,193.49'), 'share').verdict).toBe('pass');
    expect(checkPercent(a('100'), a('999,999,999.99'), a('999,999,999.99'), 'share').verdict).toBe('pass');
  });
});
