import { it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { syntheticReport } from './support/synthetic.js';
it('scratch', () => {
  const counts = new Map<string, number>();
  const examples = new Map<string, string>();
  for (let i = 1; i <= 200; i++) {
    for (const template of ['gd', 'sx'] as const) {
      const r = syntheticReport(i, { template, classes: 1 + (i % 8) });
      const res = checkReport(r);
      for (const f of res.findings) {
        if (f.severity === 'info' || f.status === 'not_applicable' || f.status === 'round') continue;
        const k = `${f.ruleId} ${f.severity} ${f.status} ${template}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
        if (!examples.has(k)) examples.set(k, `seed ${i}: ${f.message} ${JSON.stringify(f.location)}`);
      }
    }
  }
  for (const [k, n] of [...counts].sort()) console.log(n, k, '\n   ', examples.get(k));
});
