import { describe, expect, it } from 'vitest';
import { isAmountText, isNotApplicable, parseAmount, toNumber, toUnits } from './amount.js';

describe('parseAmount', () => {
  it.each([
    ['2,169.36', 216936, 2, 2169.36],
    ['0.00', 0, 2, 0],
    ['1,870.00', 187000, 2, 1870],
    ['51,193.49', 5119349, 2, 51193.49],
    ['165141.73', 16514173, 2, 165141.73],
    ['-12.5', -125, 1, -12.5],
    ['２，１６９．３６', 216936, 2, 2169.36],
    ['(3.40)', -340, 2, -3.4],
    ['12,345,678,901.23', 1234567890123, 2, 12345678901.23],
    ['0.001', 1, 3, 0.001],
  ])('%s → %d × 10^-%d', (text, units, scale, number) => {
    const a = parseAmount(text);
    expect(a).toEqual({ units, scale });
    expect(toNumber(a!)).toBe(number);
  });

  it.each(['', '合计', '12.3.4', '1,23', '2023年', '——', 'abc', '1 2'])('%j is not an amount', (text) => {
    expect(parseAmount(text)).toBeUndefined();
    expect(isAmountText(text)).toBe(false);
  });

  it('sums without float drift', () => {
    const terms = ['0.10', '0.20', '1,668.30', '50.45', '0.06'].map((t) => parseAmount(t)!);
    const sum = terms.reduce((s, a) => s + a.units, 0);
    expect(toNumber({ units: sum, scale: 2 })).toBe(1719.11);
    expect(0.1 + 0.2).not.toBe(0.3); // what binary floats would have done
    expect(toNumber({ units: parseAmount('0.10')!.units + parseAmount('0.20')!.units, scale: 2 })).toBe(0.3);
  });

  it('toUnits brings a printed JSON number back to exact integer units', () => {
    expect(toUnits(2169.36, 2)).toBe(216936);
    expect(toUnits(0.29, 2)).toBe(29);
    expect(toUnits(43417.28, 2)).toBe(4341728);
  });
});

describe('isNotApplicable', () => {
  it.each(['——', '—', '--', '-', '/', '不适用'])('%s means not applicable', (t) => expect(isNotApplicable(t)).toBe(true));
  it.each(['0.00', '', '合计'])('%j is not a dash', (t) => expect(isNotApplicable(t)).toBe(false));
});
