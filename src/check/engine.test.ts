import { describe, expect, it } from 'vitest';
import { exampleReport, shifted } from '../../test/support/reports.js';
import { effectiveMeta, parseConfig } from './config.js';
import { runRules } from './engine.js';
import { formatSigned, formatUnits, unitsToNumber } from './format.js';
import { checkReport, parseCheckConfig, RULES } from './index.js';
import type { Rule } from './types.js';

const probe = (check: Rule['check'], messages: Record<string, string> = { m: '{{where}} {{actual}} ≠ {{terms}} {{expected}}' }): Rule => ({
  meta: { id: 'TEST-1', title: '测试规则', severity: 'error', category: 'accuracy', tables: ['01'], tolerance: { kind: 'envelope' }, source: 'test', doc: 'test', messages },
  check,
});

describe('format', () => {
  it('formats integer units as printed amounts', () => {
    expect(formatUnits(216936, 2)).toBe('2,169.36');
    expect(formatUnits(-5, 2)).toBe('-0.05');
    expect(formatUnits(0, 2)).toBe('0.00');
    expect(formatSigned(1, 2)).toBe('+0.01');
    expect(unitsToNumber(4341728, 2)).toBe(43417.28);
  });
});

describe('engine', () => {
  it('the envelope grows with the number of terms: 0.005 × (n + 1)', () => {
    const report = exampleReport();
    const sum = (delta: number, n: number) =>
      runRules(shifted(report, '02', 'total', '1', delta), {
        rules: [
          probe((ctx) =>
            ctx.sum({ messageId: 'm', total: { table: '02', row: 'total', column: '1' }, terms: [{ table: '02', row: 'total', column: '2' }, ...Array.from({ length: n - 1 }, (_, i) => ({ table: '02', row: 'total', column: String(i + 3) }))], termsLabel: '各列之和' }),
          ),
        ],
      }).findings;
    // total 516 = 510 + 6 (column 7) when n = 6 terms; env(6) = 0.035.
    expect(sum(0, 6)).toEqual([]);
    expect(sum(0.03, 6)[0]).toMatchObject({ status: 'round', severity: 'info', difference: 0.03, tolerance: 0.035 });
    expect(sum(0.04, 6)[0]).toMatchObject({ status: 'fail', severity: 'error', difference: 0.04 });
    expect(sum(-0.04, 6)[0]!.message).toBe('收入决算表 合计行 本年收入合计 515.96 ≠ 各列之和 516.00，超出尾数误差允许范围（±0.035 万元）。');
  });

  it('a rule that throws becomes a warning, not a crash', () => {
    const result = runRules(exampleReport(), { rules: [probe(() => { throw new Error('坏了'); })] });
    expect(result.findings).toEqual([expect.objectContaining({ messageId: 'internal_error', severity: 'warning', message: expect.stringContaining('坏了') })]);
    expect(result.summary.warning).toBe(1);
  });

  it('an unknown messageId or a missing placeholder is a programming error', () => {
    const unknown = runRules(exampleReport(), { rules: [probe((ctx) => ctx.flag({ messageId: 'nope', location: {} }))] });
    expect(unknown.findings[0]!.message).toContain('unknown messageId');
    const placeholder = runRules(exampleReport(), { rules: [probe((ctx) => ctx.flag({ messageId: 'm', location: {} }))] });
    expect(placeholder.findings[0]!.message).toContain('needs {{where}}');
  });

  it('summarises by severity and counts not-applicable rules apart', () => {
    const report = exampleReport();
    report.tables = report.tables.filter((t) => t.id !== '02');
    const result = checkReport(report, { only: ['T02-R1', 'X-R1', 'T01-R1'] });
    expect(result.summary).toEqual({ error: 0, warning: 0, info: 0, not_applicable: 2 });
  });
});

describe('config', () => {
  const ids = new Set(RULES.map((r) => r.meta.id));

  it('overrides severity and tolerance, or turns a rule off', () => {
    const config = parseConfig({ rules: { 'T01-R1': { severity: 'warning', tolerance: 0.5 }, 'X-R1': 'off' } }, 'c.json', ids);
    const t01 = RULES.find((r) => r.meta.id === 'T01-R1')!.meta;
    expect(effectiveMeta(t01, config)).toMatchObject({ severity: 'warning', tolerance: { kind: 'absolute', value: 0.5 } });
    expect(effectiveMeta(RULES.find((r) => r.meta.id === 'X-R1')!.meta, config)).toBeUndefined();
    const result = checkReport(shifted(exampleReport(), '01', 'inc.total', '1', 0.4), { config, only: ['T01-R1', 'X-R1'] });
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'T01-R1', status: 'round', severity: 'info' })]);
  });

  it.each([
    [[], '应为 JSON 对象'],
    [{ rules: [] }, '"rules" 应为对象'],
    [{ rules: { 'T99-R9': 'off' } }, '没有编号为 T99-R9 的规则'],
    [{ rules: { 'T01-R1': { severity: 'fatal' } } }, 'severity 应为'],
    [{ rules: { 'T01-R1': { tolerance: -1 } } }, 'tolerance 应为'],
    [{ rules: { 'T01-R1': { colour: 'red' } } }, '未知设置项 colour'],
  ])('rejects %j', (value, message) => {
    expect(() => parseCheckConfig(value, 'c.json')).toThrow(message);
  });
});
