/**
 * Writes the bundled generated examples (`npm run examples`): a synthetic unit's Report, its prior
 * year and its supplement as JSON, so that a newcomer can try `juesuan render` without data of their
 * own. Fictional throughout: made by bench/corpus.ts, no real unit's figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportToJson } from '../src/render/index.js';
import { syntheticDisclosure } from './corpus.js';

const out = join(import.meta.dirname, '..', '..', 'examples', '生成示例');
mkdirSync(out, { recursive: true });
const templates = [
  ['gd', 3],
  ['sx', 7],
  ['sc', 5],
] as const;
for (const [template, seed] of templates) {
  const { report, prior, supplement } = syntheticDisclosure(seed, { template, prior: true });
  const dir = join(out, template);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '本年报告.json'), reportToJson(report) + '\n');
  writeFileSync(join(dir, '上年报告.json'), reportToJson(prior!) + '\n');
  writeFileSync(join(dir, '补充数据.json'), JSON.stringify(supplement, null, 2) + '\n');
  console.log(`${template}: ${report.entity} ${report.year} → ${dir}`);
}
