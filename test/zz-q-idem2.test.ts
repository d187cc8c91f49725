import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { extractAsync, extract } from '../src/index.js';
import { refreshFacts } from '../src/recognise/index.js';
import { syntheticCorpus } from '../bench/corpus.js';
it('extra + corpus', async () => {
  const r = await extractAsync(new Uint8Array(readFileSync('/work/shared/seeds/003_f08b956b510655b5.txt')), { path: 'x.txt' });
  const secs: any[] = []; const walk = (ss: any[]) => ss.forEach((s) => { secs.push(...s.paragraphs); walk(s.children); }); walk(r.sections);
  const out = (r.facts ?? []).filter((f) => !secs.some((p) => f.span.start >= p.span.start && f.span.start < p.span.end));
  console.log('outside facts', out.length, r.grids?.length);
  let bad = 0;
  for (const d of syntheticCorpus(30)) {
    const rr = extract(d.text, { path: d.name });
    const n = refreshFacts(rr, rr);
    if (JSON.stringify(n.facts) !== JSON.stringify(rr.facts)) bad++;
  }
  console.log('corpus bad', bad);
}, 300000);
