/**
 * The bundled examples show true findings only (issue #7: the workbench's demo). Every report in
 * examples/工作台示例 and examples/生成示例 — checked as `juesuan serve --demo` checks them — and the
 * bundled text example have no error or warning, except 广州市示例档案局 2024, whose 本年收入合计 of
 * table 01 bench/workbench-examples.ts makes 10.00 万元 too large: exactly the four findings of that one
 * cell. The demo reports' generated disclosures (tables + narrative, read back) are clean too, but for
 * the C-R10 markers of the reasons a preparer has not supplied.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { extract } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Report } from '../src/model/report.js';
import { composeDocument } from '../src/render/document/compose.js';
import { renderMarkdown } from '../src/render/formats/markdown.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const DEMO = join(EXAMPLES, '工作台示例');
const DELIBERATE = '工作台示例/广州市示例档案局-2024.json';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? jsonFiles(p) : p.endsWith('.json') ? [p] : [];
    })
    .sort();
}

/** A bundled Report as the demo loader reads it (src/serve/demo.ts); undefined for 补充数据.json. */
function load(path: string): Report | undefined {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Report>;
  if (value.schema !== 'juesuan/report@1') return undefined;
  return { sections: [], diagnostics: [], ...value } as Report;
}

const REPORTS = [join(EXAMPLES, '工作台示例'), join(EXAMPLES, '生成示例')]
  .flatMap(jsonFiles)
  .map((path) => ({ name: relative(EXAMPLES, path), report: load(path) }))
  .filter((x): x is { name: string; report: Report } => x.report !== undefined);

/** Errors and warnings, by rule and cell (or line). */
const shown = (findings: Finding[]) =>
  findings
    .filter((f) => f.status === 'fail' && (f.severity === 'error' || f.severity === 'warning'))
    .map((f) => `${f.ruleId} ${f.severity} ${f.location.table ?? ''}/${f.location.row ?? ''}/${f.location.column ?? ''}`)
    .sort();

describe('bundled examples', () => {
  it('are all here: 15 demo reports (5 units × 2022–2024) and 3 generated pairs', () => {
    expect(REPORTS.filter((r) => r.name.startsWith('工作台示例/'))).toHaveLength(15);
    expect(REPORTS.filter((r) => r.name.startsWith('生成示例/'))).toHaveLength(6);
  });

  it('check clean, except the deliberate wrong 本年收入合计 of 广州 2024 (its four findings, by rule and cell)', () => {
    const dirty = Object.fromEntries(REPORTS.map(({ name, report }) => [name, shown(checkReport(report).findings)]).filter(([, f]) => f!.length > 0));
    expect(dirty).toEqual({
      [DELIBERATE]: [
        'T01-R1 error 01/inc.total/1', // 本年收入合计 ≠ 八项收入之和
        'T01-R2 error 01/inc.grand_total/1', // 总计 ≠ 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余
        'T01-R6 error 01/exp.closing/2', // 年末结转和结余 ≠ the balance of the year
        'X-R1 error 02/total/1', // 收入决算表 合计 ≠ 收入支出决算总表 本年收入合计
      ],
    });
  });

  it('the deliberate error is the 10.00 万元 the script added', () => {
    const report = REPORTS.find((r) => r.name === DELIBERATE)!.report;
    const t01r1 = checkReport(report).findings.find((f) => f.ruleId === 'T01-R1' && f.status === 'fail');
    expect(t01r1).toMatchObject({ expected: 346.66, actual: 356.66 });
  });

  it('the bundled text example checks clean', () => {
    const path = join(EXAMPLES, '示例单位2024年度单位决算.txt');
    expect(shown(checkReport(extract(readFileSync(path), { path })).findings)).toEqual([]);
  });

  it('the demo reports’ generated disclosures read back clean (only C-R10 for the reasons not supplied)', () => {
    const byName = new Map(REPORTS.filter((r) => r.name.startsWith('工作台示例/')).map((r) => [r.name, r.report]));
    const out: Record<string, string[]> = {};
    for (const [name, report] of byName) {
      const prior = byName.get(name.replace(String(report.year), String(report.year - 1)));
      const doc = composeDocument(report, {}, { ...(report.template ? { template: report.template } : {}), ...(prior ? { prior } : {}) });
      const back = extract(renderMarkdown(doc), { path: join(DEMO, `${report.entity}-${report.year}.md`) });
      const found = shown(checkReport(back).findings).filter((f) => !f.startsWith('C-R10 '));
      if (found.length > 0) out[name] = found;
    }
    expect(out).toEqual({ [DELIBERATE]: ['T01-R1 error 01/inc.total/1', 'T01-R2 error 01/inc.grand_total/1', 'T01-R6 error 01/exp.closing/2', 'X-R1 error 02/total/1'] });
  });
});
