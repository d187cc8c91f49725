import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { extractFile } from '../src/index.js';
import { seed } from './support/seeds.js';
it('probe', async () => {
  const r = await extractFile(seed('003').path);
  writeFileSync('/tmp/e003.json', JSON.stringify(r.evaluations, null, 1));
}, 60000);
