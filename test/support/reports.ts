/**
 * Report factories for rule tests: consistent reports to start from (the shipped example document,
 * synthetic reports in both templates) and small edits that break exactly one thing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticReport } from '../../bench/corpus.js';
import { extract } from '../../src/index.js';
import type { Report, Row } from '../../src/model/report.js';

const EXAMPLE_PATH = join(import.meta.dirname, '..', '..', 'examples', '示例单位2024年度单位决算.txt');
let example: Report | undefined;

/** The shipped example (Guangdong layout, tables 01–09, all identities exact). A fresh copy each call. */
export function exampleReport(): Report {
  example ??= extract(readFileSync(EXAMPLE_PATH), { path: EXAMPLE_PATH });
  return structuredClone(example);
}

/** A synthetic consistent report; `sx` adds table 10 and Shanxi conventions (blank for zero). */
export function synthetic(seed = 1, template: 'gd' | 'sx' = 'gd'): Report {
  return syntheticReport(seed, { template });
}

export function row(report: Report, table: string, key: string): Row {
  const r = report.tables.find((t) => t.id === table)?.rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${table}/${key}`);
  return r;
}

/** A copy with one cell changed. */
export function withCell(report: Report, table: string, key: string, column: string, value: number | null): Report {
  const copy = structuredClone(report);
  row(copy, table, key).cells[column] = value;
  return copy;
}

/** A copy with one cell moved by `delta` (in the money unit, exact to the cent). */
export function shifted(report: Report, table: string, key: string, column: string, delta: number): Report {
  const v = row(report, table, key).cells[column] ?? 0;
  return withCell(report, table, key, column, Math.round((v + delta) * 100) / 100);
}

export function withoutTable(report: Report, id: string): Report {
  const copy = structuredClone(report);
  copy.tables = copy.tables.filter((t) => t.id !== id);
  return copy;
}

/** A copy where a table counts as not read whole (a printed row could not be keyed). */
export function partlyRead(report: Report, id: string): Report {
  const copy = structuredClone(report);
  const t = copy.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  t.recognition.unmatchedRows.push({ line: 1, text: '无法识别的行' });
  return copy;
}

export function edit(report: Report, change: (copy: Report) => void): Report {
  const copy = structuredClone(report);
  change(copy);
  return copy;
}
