import { describe, expect, it } from 'vitest';
import { extractFile } from '../src/index.js';
import { scoreEvaluation, formatScore } from '../src/check/performance/index.js';

describe('probe', () => {
  it('seed 003', async () => {
    const r = await extractFile('/work/shared/seeds/003_f08b956b510655b5.txt');
    for (const e of r.evaluations ?? []) {
      const s = scoreEvaluation(e);
      console.log(e.name, s.total && formatScore(s.total.value, 2), s.total?.grade, s.totalAlternative && formatScore(s.totalAlternative.value, 2), s.totalAlternative?.grade, s.execution?.reason, '|', s.alternative?.reason, s.notes);
      for (const i of s.indicators) console.log('  ', i.group, i.indicator.name, i.indicator.target, '→', i.indicator.actual, i.weight && formatScore(i.weight, 2), i.printed && formatScore(i.printed, 2), i.recomputed && formatScore(i.recomputed.lo, 2) + '-' + formatScore(i.recomputed.hi, 2), i.consistent, i.reason);
    }
  });
});
