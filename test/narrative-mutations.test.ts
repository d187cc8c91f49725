/**
 * Mutations of the narrative (issue #4 item 6): one digit of a number the narrative rules can check
 * is changed in the seed's own text (seeded random, the same on every run); the document is read
 * again and checked with the narrative rules N-R1 … N-R15. A mutation is detected when a finding
 * appears (error, warning or info) that the unmutated seed does not have. Prints the rates per seed.
 *
 * The numbers mutated are those a reader could check against something: amounts that restate a table
 * cell or are stated more than once, and every rate, share and completion percentage (with the
 * amounts it is computed from). A number stated once and nowhere else computable (a project's
 * budget in a project description, say) has nothing to be checked against, and is not mutated.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { NARRATIVE_RULES } from '../src/check/rules/narrative/index.js';
import { extract } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Fact, Report } from '../src/model/report.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';

/** mulberry32: a small seeded PRNG. */
function rng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function findingKeys(findings: Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) {
    if (f.status !== 'fail' && f.status !== 'round') continue;
    const k = `${f.ruleId}|${f.status}|${f.messageId}|${f.location.span?.start ?? ''}|${f.actual ?? ''}|${f.expected ?? ''}`;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

function isNew(mutated: Map<string, number>, base: Map<string, number>): boolean {
  for (const [k, n] of mutated) if (n > (base.get(k) ?? 0)) return true;
  return false;
}

/** Facts whose number can be checked against something: a cell, another statement, its inputs. */
function checkable(report: Report): Fact[] {
  return (report.facts ?? []).filter(
    (f) =>
      f.value !== null &&
      ((f.measure === 'amount' && (f.link !== undefined || (f.related?.length ?? 0) > 0)) || f.measure === 'rate' || f.measure === 'share' || f.measure === 'completion'),
  );
}

/** Offsets in the source text of the digits of a fact's number (a leading digit is not made 0). */
function digitOffsets(text: string, f: Fact): number[] {
  const out: number[] = [];
  for (let i = f.span.start; i < f.span.end; i++) if (/\d/.test(text[i]!)) out.push(i);
  return out;
}

const PER_SEED = 80;
const lines: string[] = [];

describe.skipIf(!HAVE_SEEDS)('mutations of the narrative are detected by N-R1 … N-R15', () => {
  it.each(['000', '001', '003', '004'])('seed %s', (id) => {
    const text = readFileSync(seed(id).path, 'utf8');
    const path = seed(id).file;
    const base = extract(text, { path });
    const baseKeys = findingKeys(checkReport(base, { rules: NARRATIVE_RULES }).findings);
    const candidates = checkable(base);
    expect(candidates.length).toBeGreaterThan(5);
    const random = rng(Number(id) * 104729 + 17);
    let tried = 0;
    let detected = 0;
    const missed: string[] = [];
    for (let n = 0; n < PER_SEED; n++) {
      const f = candidates[Math.floor(random() * candidates.length)]!;
      const digits = digitOffsets(text, f);
      if (digits.length === 0) continue;
      const at = digits[Math.floor(random() * digits.length)]!;
      const old = text[at]!;
      const leading = at === digits[0] && digits.length > 1 && !/[.,]/.test(text[at + 1] ?? '');
      let digit = old;
      while (digit === old || (leading && digit === '0')) digit = String(Math.floor(random() * 10));
      const mutatedText = text.slice(0, at) + digit + text.slice(at + 1);
      const mutated = extract(mutatedText, { path });
      tried++;
      if (isNew(findingKeys(checkReport(mutated, { rules: NARRATIVE_RULES }).findings), baseKeys)) detected++;
      else missed.push(`${f.span.line}: ${f.text} → ${mutatedText.slice(f.span.start, f.span.end)} (${f.subject} ${f.measure})`);
    }
    const rate = tried === 0 ? 0 : detected / tried;
    lines.push(`[mutations] seed ${id}: ${detected}/${tried} detected (${(rate * 100).toFixed(1)}%) among ${candidates.length} checkable numbers`);
    if (missed.length > 0) lines.push(...missed.slice(0, 12).map((m) => `  missed ${m}`));
    expect(tried).toBeGreaterThan(PER_SEED / 2);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  afterAll(() => {
    if (lines.length > 0) console.log(lines.join('\n'));
  });
});
