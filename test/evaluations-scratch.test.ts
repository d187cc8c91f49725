import { it } from 'vitest';
import { extract } from '../src/index.js';
import { readFileSync } from 'node:fs';
it('dump', () => {
  const src = readFileSync('test/evaluations-read.test.ts', 'utf8');
  const html = src.slice(src.indexOf('const NATIONAL = `') + 18, src.indexOf('</html>`') + 7);
  extract(html, { path: 'x.html', requireDocument: false });
});
