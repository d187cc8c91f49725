import { readdirSync, readFileSync } from 'node:fs';
import { it, expect } from 'vitest';
import { extractAsync } from '../src/index.js';
import { refreshFacts } from '../src/recognise/index.js';
import { checkReport } from '../src/check/index.js';
const dir = '/work/shared/seeds';
it('refresh is identity', async () => {
  let bad = 0;
  for (const f of readdirSync(dir).filter((x) => /\.(txt|md|html|pdf|docx|xlsx)$/.test(x)).sort()) {
    const r = await extractAsync(new Uint8Array(readFileSync(`${dir}/${f}`)), { path: f });
    const n = refreshFacts(r, r);
    const same = JSON.stringify(n.facts) === JSON.stringify(r.facts) && JSON.stringify(n.reconstructed) === JSON.stringify(r.reconstructed);
    if (!same) {
      bad++;
      const a = r.facts ?? [], b = n.facts ?? [];
      const i = a.findIndex((x, k) => JSON.stringify(x) !== JSON.stringify(b[k]));
      console.log(f, a.length, b.length, JSON.stringify(a[i]), JSON.stringify(b[i]));
      const ca = checkReport(r).findings.length, cb = checkReport(n).findings.length;
      console.log('findings', ca, cb);
    }
  }
  console.log('bad', bad);
}, 300000);
