import { it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { realisticReport, syntheticPair } from '../bench/corpus.js';
it('scratch', () => {
  const counts = new Map<string, number>();
  const examples = new Map<string, string>();
  for (let i = 1; i <= 150; i++) {
    for (const template of ['gd', 'sx', 'sc'] as const) {
      const pair = syntheticPair(i, { template, classes: 1 + (i % 8) });
      for (const r of [realisticReport(i, { template, classes: 1 + (i % 8) }), pair.prior, pair.current]) {
      const res = checkReport(r);
      for (const f of res.findings) {
        if (f.severity === 'info' || f.status === 'not_applicable' || f.status === 'round') continue;
        const k = `${f.ruleId} ${f.severity} ${f.status} ${template}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
        if (!examples.has(k)) examples.set(k, `seed ${i}: ${f.message} ${JSON.stringify(f.location)}`);
      }
      }
    }
  }
  for (const [k, n] of [...counts].sort()) console.log(n, k, '\n   ', examples.get(k));
});
