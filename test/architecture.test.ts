/**
 * Stage boundaries (DESIGN.md): a stage never imports a later one, and the public entry exports
 * what the README documents.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const SRC = resolve(import.meta.dirname, '..', 'src');
// input (a preparer's workbook → Report) uses the table layouts of render, so it comes after it.
const ORDER = ['model', 'catalog', 'read', 'recognise', 'check', 'render', 'input', 'store', 'serve', 'cli'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('stage boundaries', () => {
  it('no stage imports a later stage', () => {
    const violations: string[] = [];
    for (const file of files(SRC)) {
      const stage = relative(SRC, file).split('/')[0]!;
      const rank = ORDER.indexOf(stage);
      if (rank < 0) continue; // src/index.ts: the public entry may use every stage
      for (const m of readFileSync(file, 'utf8').matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
        const target = relative(SRC, resolve(file, '..', m[1]!)).split('/')[0]!;
        const targetRank = ORDER.indexOf(target);
        // render may read the model; the CLI may call everything. Only "later than me" is forbidden.
        if (targetRank > rank && stage !== 'cli') violations.push(`${relative(SRC, file)} imports ${m[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });
});

describe('public API', () => {
  it('exports the pipeline entry points', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'JuesuanError',
        'extract',
        'extractAsync',
        'extractFile',
        'isAmountText',
        'isNotApplicable',
        'parseAmount',
        'readDocument',
        'readDocumentAsync',
        'readDocumentFile',
        'recognise',
        'renderText',
        'reportToCsv',
        'reportToJson',
        'sourceOffset',
        'toNumber',
        'toUnits',
      ].sort(),
    );
  });
});
