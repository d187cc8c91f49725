/**
 * Writes the workbench's demo reports (`juesuan serve --demo` loads them): five fictional units in
 * three provinces, three years each, as compact Report JSON in examples/工作台示例/. Made by the
 * synthetic generator (bench/corpus.ts), so every figure is fictional; the unit names carry 示例.
 * One report has a deliberately wrong total so the workbench shows a finding to fix.
 * Run: `npm run build && node dist/bench/workbench-examples.js`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toNumber, toUnits } from '../src/model/amount.js';
import type { Report } from '../src/model/report.js';
import { reportToJson } from '../src/render/index.js';
import { realisticReport, syntheticPair } from './corpus.js';

const out = join(import.meta.dirname, '..', '..', 'examples', '工作台示例');
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (f.endsWith('.json')) rmSync(join(out, f));

const UNITS = [
  { entity: '广州市示例档案局', template: 'gd', seed: 11 },
  { entity: '杭州市示例数据资源管理局', template: 'gd', seed: 12 },
  { entity: '武汉市示例社会保障服务中心', template: 'gd', seed: 13 },
  { entity: '太原市示例就业服务中心', template: 'sx', seed: 14 },
  { entity: '成都市示例人才服务中心', template: 'sc', seed: 15 },
] as const;

/** The generated report under the demo unit's name (every mention: title, table headers, narrative). */
function renamed(report: Report, entity: string): Report {
  return JSON.parse(JSON.stringify(report).split(report.entity).join(entity)) as Report;
}

for (const unit of UNITS) {
  // Two consecutive years from one plan (closing balances carried), the latest year from another draw.
  const pair = syntheticPair(unit.seed, { template: unit.template, year: 2023, classes: 3 + (unit.seed % 3) });
  const latest = realisticReport(unit.seed + 100, { template: unit.template, year: 2024, classes: 3 + (unit.seed % 4) });
  const years = [pair.prior, pair.current, latest].map((r) => renamed(r, unit.entity));
  for (const report of years) {
    if (unit.seed === 11 && report.year === 2024) {
      // A wrong printed total: 本年收入合计 of table 01 off by 10.00 (the workbench's finding to fix).
      // One wrong cell, four findings that all point at it: T01-R1 (八项收入之和), T01-R2 (总计), T01-R6
      // (年末结转和结余) and X-R1 (收入决算表). test/examples-clean.test.ts holds exactly these.
      const table = report.tables.find((t) => t.id === '01');
      const row = table?.rows.find((r) => r.key === 'inc.total');
      const value = row?.cells['1'];
      if (table && row && typeof value === 'number') {
        row.cells['1'] = toNumber({ units: toUnits(value, table.decimals) + 10 * 10 ** table.decimals, scale: table.decimals });
      }
    }
    const file = join(out, `${unit.entity}-${report.year}.json`);
    writeFileSync(file, reportToJson(report, false) + '\n');
    console.log(`${report.entity} ${report.year} → ${file}`);
  }
}
