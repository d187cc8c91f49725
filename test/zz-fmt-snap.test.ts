import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { it, expect } from 'vitest';
import type { Report } from '../src/model/report.js';
import { renderText } from '../src/render/text.js';
import { syntheticReport } from '../bench/corpus.js';
import { seed } from '../test/support/seeds.js';
it('snap', () => {
  const outs: string[] = [];
  for (const template of ['gd', 'sx'] as const) for (let s = 1; s < 40; s++) {
    const r = syntheticReport(s, { template, classes: 1 + (s % 9), breadth: 1 + (s % 4) });
    for (const l of [{}, { rowsPerPage: 7 }, { rowsPerPage: 1, repeatHeader: false }, { template: template === 'gd' ? 'sx' as const : 'gd' as const }]) outs.push(renderText(r, l));
  }
  for (const id of ['000', '001', '003']) for (const l of [{}, { rowsPerPage: 5 }, { template: 'sx' as const }, { template: 'gd' as const }]) outs.push(renderText(seed(id).golden as Report, l));
  const h = outs.map((o) => createHash('sha256').update(o).digest('hex')).join('\n');
  const f = '/tmp/fmt/snap.txt';
  if (!existsSync(f)) writeFileSync(f, h); else expect(h).toBe(readFileSync(f, 'utf8'));
});
