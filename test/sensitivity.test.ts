/**
 * Sensitivity (issue #3 §6): every amount cell of tables 01–09 takes part in at least one error
 * rule. Cells of the seeds are mutated at random (seeded), one at a time; a mutation is detected when
 * a new error-severity finding points at the mutated table. Prints the detection rates at ±1.00 and
 * ±0.10 万元 and requires 100% at ±1.00.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

// Hundreds of full checks: generous on a loaded machine (a timing is no assertion here).
vi.setConfig({ testTimeout: 180_000 });
import { checkReport } from '../src/check/index.js';
import { extractFile } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Report } from '../src/model/report.js';
import { rng } from './support/random.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';

/** The real errors of the seeds in these rule families (rules.md §7): nothing else may be an error. */
const REAL_ERRORS: Record<string, string[]> = {
  '000': [],
  '001': ['LBL-1 05/2080110', 'X-R13 05/2080110'],
  '003': [],
};

const FAMILIES = /^(?:T\d\d|X|LBL|C)-/;

function errors(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.status === 'fail' && f.severity === 'error' && FAMILIES.test(f.ruleId));
}

function key(f: Finding): string {
  return `${f.ruleId} ${f.location.table ?? ''}/${f.location.row ?? ''}${f.location.column ? '/' + f.location.column : ''}`;
}

interface CellPick {
  table: string;
  row: string;
  column: string;
}

function amountCells(report: Report): CellPick[] {
  const cells: CellPick[] = [];
  for (const t of report.tables) {
    if (!/^0\d$/.test(t.id)) continue; // tables 01–09
    for (const r of t.rows) for (const column of Object.keys(r.cells)) if (!r.dashes?.includes(column)) cells.push({ table: t.id, row: r.key, column });
  }
  return cells;
}

const MUTATIONS_PER_SEED = 150;
const rates: string[] = [];

describe.skipIf(!HAVE_SEEDS)('sensitivity of the table, cross-table, label and completeness rules', () => {
  const ids = ['000', '001', '003'];
  const reports = new Map<string, Report>();

  it.each(ids)('seed %s: no error beyond its real errors when unmutated', async (id) => {
    const report = await extractFile(seed(id).path);
    reports.set(id, report);
    const found = errors(checkReport(report).findings).map(key).sort();
    expect(found).toEqual([...REAL_ERRORS[id]!].sort());
  });

  for (const delta of [1, 0.1]) {
    it(`mutations of ±${delta.toFixed(2)} 万元 are detected`, async () => {
      let tried = 0;
      const missed: string[] = [];
      for (const id of ids) {
        const report = reports.get(id) ?? (await extractFile(seed(id).path));
        const baseline = new Set(errors(checkReport(report).findings).map(key));
        const cells = amountCells(report);
        const random = rng(Number(id) * 7919 + delta * 1000);
        for (let m = 0; m < MUTATIONS_PER_SEED; m++) {
          const pick = cells[Math.floor(random() * cells.length)]!;
          const sign = random() < 0.5 ? -1 : 1;
          const mutated = structuredClone(report);
          const row = mutated.tables.find((t) => t.id === pick.table)!.rows.find((r) => r.key === pick.row)!;
          row.cells[pick.column] = Math.round(((row.cells[pick.column] ?? 0) + sign * delta) * 100) / 100;
          const found = errors(checkReport(mutated).findings).filter((f) => !baseline.has(key(f)) && f.location.table === pick.table);
          tried++;
          if (found.length === 0) missed.push(`${id} ${pick.table}/${pick.row}/${pick.column} ${sign > 0 ? '+' : '-'}${delta}`);
        }
      }
      const rate = (100 * (tried - missed.length)) / tried;
      rates.push(`±${delta.toFixed(2)} 万元：${tried - missed.length}/${tried} 检出（${rate.toFixed(1)}%）${missed.length ? '；漏检示例 ' + missed.slice(0, 5).join('，') : ''}`);
      if (delta >= 1) expect(missed).toEqual([]);
      else expect(rate).toBeGreaterThan(50);
    });
  }

  afterAll(() => {
    for (const r of rates) console.log(`[sensitivity] ${r}`);
  });
});
