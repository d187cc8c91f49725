/**
 * Exactness: every golden cell of the seeds is reproduced by `extractFile`, and the metadata of all
 * five seeds is right (issue #2 §5). Prints the number of cells compared.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../src/index.js';
import { compareWithGolden } from './support/golden.js';
import { HAVE_SEEDS, SEEDS_DIR, seeds } from './support/seeds.js';

let total = 0;

describe.skipIf(!HAVE_SEEDS)(`seeds reproduce their golden extraction (${SEEDS_DIR})`, () => {
  for (const seed of seeds()) {
    it(`${seed.file}: metadata, tables, row keys and every cell`, async () => {
      const report = await extractFile(seed.path);
      const result = compareWithGolden(report, seed.golden);
      total += result.cells;
      expect(result.mismatches).toEqual([]);
      expect(report.tables.length).toBe(seed.golden.tables.length);
    });
  }
  afterAll(() => {
    console.log(`[golden] ${total} golden cells compared, all equal`);
  });
});

it.skipIf(HAVE_SEEDS)('seed folder is absent: golden tests were skipped', () => {
  console.warn(`[golden] 未找到 ${SEEDS_DIR}，逐格对照测试已跳过`);
});
