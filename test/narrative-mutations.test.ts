/**
 * Mutations of the narrative (issue #4 item 6): one digit of a number the narrative rules can check
 * is changed in the seed's own text (seeded random, the same on every run); the document is read
 * again and checked with the narrative rules N-R1 … N-R15. A mutation is detected when a finding
 * appears (error, warning or info) that the unmutated seed does not have. Prints the rates per seed.
 *
 * The numbers mutated are those a reader could check against something: amounts that restate a table
 * cell or are stated more than once, and the rates, shares and completion percentages whose inputs
 * are printed (judgedPercentages: the change and current amount of a rate, the part and whole of a
 * share, the actual and budget of a completion). A number stated once and computable from nothing
 * printed (a 满意度 of 98%, a project's 100% completion with no budget stated) has nothing to be
 * checked against and is not mutated. A 元 amount is mutated only in a digit that changes its
 * value in 万元 at 2 decimals: the tables print 万元, so a change below that is invisible to anyone.
 * The rate over every amount and percentage fact is printed as well, for information.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Hundreds of full checks: generous on a loaded machine (a timing is no assertion here).
vi.setConfig({ testTimeout: 180_000 });
import { checkReport } from '../src/check/index.js';
import { NARRATIVE_RULES } from '../src/check/rules/narrative/index.js';
import { judgedPercentages } from '../src/check/rules/narrative/percent-pairs.js';
import { extract } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Fact, Report } from '../src/model/report.js';
import { rng } from './support/random.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';

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
  const judged = new Set(judgedPercentages(report));
  return (report.facts ?? []).filter(
    (f) => f.value !== null && ((f.measure === 'amount' && (f.link !== undefined || (f.related?.length ?? 0) > 0)) || judged.has(f)),
  );
}

/** Every amount and percentage fact: the wider population, reported for information. */
function everyNumber(report: Report): Fact[] {
  return (report.facts ?? []).filter((f) => f.value !== null && (f.unit === '%' || f.unit === '万元' || f.unit === '元' || f.unit === '亿元'));
}

/** A 元 amount in 万元 at 2 decimals, rounded half up, from its printed digits (no float arithmetic). */
function wanyuanCents(printed: string): bigint {
  const [int, frac = ''] = printed.replace(/[^\d.]/g, '').split('.');
  const fen = BigInt(int! + frac.padEnd(2, '0').slice(0, 2)); // 元 × 100
  return (fen + 5000n) / 10000n; // 万元 × 100 = 元 / 100
}

/** Offsets in the source text of the digits of a fact's number (a leading digit is not made 0). */
function digitOffsets(text: string, f: Fact): number[] {
  const out: number[] = [];
  for (let i = f.span.start; i < f.span.end; i++) if (/\d/.test(text[i]!)) out.push(i);
  return out;
}

const PER_SEED = 80;
const lines: string[] = [];

interface Outcome {
  tried: number;
  detected: number;
  missed: string[];
}

/** Mutate `count` numbers drawn from `pool`, one digit each, and count those the rules notice. */
function mutate(id: string, text: string, pool: Fact[], count: number, salt: number): Outcome {
  const path = seed(id).file;
  const baseKeys = findingKeys(checkReport(extract(text, { path }), { rules: NARRATIVE_RULES }).findings);
  const random = rng(Number(id) * 104729 + salt);
  const out: Outcome = { tried: 0, detected: 0, missed: [] };
  for (let n = 0; n < count * 3 && out.tried < count; n++) {
    const f = pool[Math.floor(random() * pool.length)]!;
    const digits = digitOffsets(text, f);
    if (digits.length === 0) continue;
    const at = digits[Math.floor(random() * digits.length)]!;
    const old = text[at]!;
    const leading = at === digits[0] && digits.length > 1 && !/[.,]/.test(text[at + 1] ?? '');
    let digit = old;
    while (digit === old || (leading && digit === '0')) digit = String(Math.floor(random() * 10));
    const mutatedText = text.slice(0, at) + digit + text.slice(at + 1);
    const before = text.slice(f.span.start, f.span.end);
    const after = mutatedText.slice(f.span.start, f.span.end);
    if (f.unit === '元' && wanyuanCents(before) === wanyuanCents(after)) continue; // invisible in 万元
    out.tried++;
    const findings = checkReport(extract(mutatedText, { path }), { rules: NARRATIVE_RULES }).findings;
    if (isNew(findingKeys(findings), baseKeys)) out.detected++;
    else out.missed.push(`${f.span.line}: ${before} → ${after} (${f.subject} ${f.measure})`);
  }
  return out;
}

const pct = (o: Outcome) => (o.tried === 0 ? 0 : (o.detected / o.tried) * 100);

describe.skipIf(!HAVE_SEEDS)('mutations of the narrative are detected by N-R1 … N-R15', () => {
  it.each(['000', '001', '003', '004'])('seed %s', (id) => {
    const text = readFileSync(seed(id).path, 'utf8');
    const base = extract(text, { path: seed(id).file });
    const candidates = checkable(base);
    expect(candidates.length).toBeGreaterThan(5);
    const checked = mutate(id, text, candidates, PER_SEED, 17);
    const all = mutate(id, text, everyNumber(base), PER_SEED / 2, 29);
    lines.push(
      `[mutations] seed ${id}: ${checked.detected}/${checked.tried} detected (${pct(checked).toFixed(1)}%) among ${candidates.length} checkable numbers; ` +
        `over every amount and percentage of the narrative: ${all.detected}/${all.tried} (${pct(all).toFixed(1)}%)`,
    );
    lines.push(...checked.missed.slice(0, 10).map((m) => `  missed ${m}`));
    expect(checked.tried).toBeGreaterThan(PER_SEED / 2);
    expect(pct(checked)).toBeGreaterThanOrEqual(95);
  });

  afterAll(() => {
    if (lines.length > 0) console.log(lines.join('\n'));
  });
});
