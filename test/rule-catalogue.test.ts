/**
 * The rule book is complete and consistent (in the manner of ESLint's checkRuleFiles): every rule id
 * of rules.md §2.1, §2.2, §2.3, §2.4 and §2.6 has a module, a test file and an index entry; metadata is
 * complete; the generated catalogue docs/rules.md is up to date.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueMarkdown } from '../src/check/catalogue.js';
import { compareRuleIds, RULES } from '../src/check/index.js';

const range = (prefix: string, n: number, sep = '-R') => Array.from({ length: n }, (_, i) => `${prefix}${sep}${i + 1}`);
const EXPECTED = [
  ...range('T01', 7),
  ...range('T02', 2),
  ...range('T03', 2),
  ...range('T04', 9),
  ...range('T05', 2),
  ...range('T06', 4),
  ...range('T07', 3),
  ...range('T08', 1),
  ...range('T09', 3),
  ...range('T10', 3),
  ...range('X', 26),
  ...range('LBL', 5, '-'),
  ...range('N', 15),
  ...range('P', 13),
  ...range('C', 10),
];
const FAMILY_DIR: Record<string, string> = { T: 'table', X: 'cross', LBL: 'label', N: 'narrative', P: 'performance', C: 'completeness' };
const RULES_DIR = join(import.meta.dirname, '..', 'src', 'check', 'rules');

describe('rule book', () => {
  const ids = RULES.map((r) => r.meta.id);

  it('has exactly the rule ids of rules.md §2.1, §2.2, §2.3, §2.4 and §2.6', () => {
    expect([...ids].sort(compareRuleIds)).toEqual(EXPECTED);
  });

  it('lists the rules sorted by id, without duplicates', () => {
    expect(ids).toEqual([...ids].sort(compareRuleIds));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(EXPECTED)('%s has a module, a test and complete metadata', (id) => {
    const family = /^(T|X|LBL|N|P|C)/.exec(id)![1]!;
    const base = join(RULES_DIR, FAMILY_DIR[family]!, id.toLowerCase());
    expect(existsSync(`${base}.ts`), `${base}.ts`).toBe(true);
    expect(existsSync(`${base}.test.ts`), `${base}.test.ts`).toBe(true);
    const rule = RULES.find((r) => r.meta.id === id);
    expect(rule, `${id} is registered`).toBeDefined();
    const meta = rule!.meta;
    expect(meta.title).toMatch(/[\u4e00-\u9fff]/);
    expect(['error', 'warning', 'info']).toContain(meta.severity);
    expect(['existence', 'completeness', 'accuracy']).toContain(meta.category);
    expect(meta.source).toMatch(/rules\.md/);
    expect(meta.doc.length).toBeGreaterThan(4);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    for (const text of Object.values(meta.messages)) expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(readFileSync(`${base}.test.ts`, 'utf8')).toMatch(/ruleTester\(|valid|invalid/);
  });

  it('docs/rules.md is generated from the metadata (npm run rules:doc)', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'rules.md'), 'utf8');
    expect(doc).toBe(catalogueMarkdown(RULES));
  });
});
