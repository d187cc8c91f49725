import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { checkReport } from '../src/check/index.js';
import { renderText } from '../src/render/index.js';
import { syntheticReport } from './support/synthetic.js';

describe('explore', () => {
  it('findings of a mutated cell', () => {
    const report = syntheticReport(3, { template: 'gd', classes: 4 });
    const t05 = report.tables.find((t) => t.id === '05')!;
    const row = t05.rows[t05.rows.length - 2]!;
    console.log(t05.rows.map((r) => [r.key, r.cells['1']]).slice(-4), row.key);
    row.cells['2'] = (row.cells['2'] ?? 0) + 1;
    const back = extract(renderText(report), { path: 'x.txt' });
    const res = checkReport(back);
    console.log(res.findings.filter((f) => f.status === 'fail').map((f) => [f.ruleId, JSON.stringify(f.location), f.message]));
    expect(1).toBe(1);
  });
});
