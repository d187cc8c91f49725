import { describe, expect, it } from 'vitest';
import { change, completion, money, NOT_COMPARABLE, percent, share, todo, unitsOf } from './format.js';

const PRIOR = { against: '比上年决算数', flat: '与上年决算数持平' };

describe('amounts', () => {
  it('reads JSON numbers into integer units without binary drift', () => {
    expect(unitsOf(2169.36)).toBe(216936);
    expect(unitsOf(1.15)).toBe(115);
    expect(unitsOf(0.07)).toBe(7);
    expect(unitsOf(null)).toBe(0);
    expect(unitsOf(undefined)).toBe(0);
    expect(unitsOf(-12.5)).toBe(-1250);
  });
  it('prints two decimals with thousands separators, dropping nothing', () => {
    expect(money(216936)).toBe('2,169.36');
    expect(money(167720)).toBe('1,677.20');
    expect(money(0)).toBe('0.00');
    expect(money(7)).toBe('0.07');
    expect(money(123456789012)).toBe('1,234,567,890.12');
  });
});

describe('percentages from integers, rounded half-up', () => {
  it('rounds half-up at the printed precision, never truncates', () => {
    // 94.16 / (2169.36 − 94.16) = 4.5374…% (seed 000)
    expect(percent(9416, 207520, 1)).toBe('4.5');
    // 8.27 / 9 = 91.888…% → 91.89 (seed 001 truncated it to 91.88)
    expect(percent(827, 900, 2)).toBe('91.89');
    // exactly half: 1/8 = 12.5% → 13 at 0 decimals, 0.125 → 0.13
    expect(percent(1, 8, 0)).toBe('13');
    expect(percent(1, 800, 2)).toBe('0.13');
    expect(percent(0, 500, 1)).toBe('0.0');
    expect(percent(5, 5, 2)).toBe('100.00');
  });
  it('is exact for amounts beyond 2^53 / 10^4', () => {
    expect(percent(900719925474099, 900719925474099 * 3, 2)).toBe('33.33');
  });
  it('has no value on a zero base', () => {
    expect(percent(5, 0, 1)).toBeUndefined();
    expect(share(5, 0, 1)).toBeUndefined();
  });
  it('does not force shares of one decomposition to 100.0%', () => {
    // Three equal thirds are 33.3% each: they sum to 99.9, printed as they are.
    const parts = [100, 100, 100].map((p) => share(p, 300, 1));
    expect(parts).toEqual(['33.3%', '33.3%', '33.3%']);
    // Seed 004: 卫生健康 59.25 of 3,030.4 is 1.955% → 2.0% (the seed forced 1.9%).
    expect(share(5925, 303040, 1)).toBe('2.0%');
  });
});

describe('changes and completion', () => {
  it('writes 增加/增长 and 减少/下降 with the rate', () => {
    expect(change(216936, 207520, PRIOR, '万元', 1)).toBe('比上年决算数增加94.16万元，增长4.5%');
    expect(change(267, 289, PRIOR, '万元', 1)).toBe('比上年决算数减少0.22万元，下降7.6%');
  });
  it('writes 持平 for no change, also on a zero base', () => {
    expect(change(0, 0, PRIOR, '万元', 1)).toBe('与上年决算数持平');
    expect(change(500, 500, PRIOR, '万元', 2)).toBe('与上年决算数持平');
  });
  it('writes 不可比 when the prior year was zero', () => {
    expect(change(250, 0, PRIOR, '万元', 1)).toBe(`比上年决算数增加2.50万元，增长${NOT_COMPARABLE}`);
  });
  it('completion against the budget, 不可比 on a zero budget', () => {
    expect(completion(43021, 48594, '年初预算', 2)).toBe('完成年初预算的88.53%');
    expect(completion(0, 0, '全年预算', 1)).toBe(`完成全年预算的${NOT_COMPARABLE}`);
    expect(completion(2112, 2236, '全年预算', 1)).toBe('完成全年预算的94.5%');
  });
  it('marks what the preparer must still write', () => {
    expect(todo('基本支出比上年增减变动原因')).toBe('【待填写：基本支出比上年增减变动原因】');
  });
});
