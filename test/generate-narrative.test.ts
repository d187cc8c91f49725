/**
 * The generated disclosure read back: compose (tables + narrative + glossary) → Markdown → extract →
 * check. With a complete supplement the check finds nothing but the C-R10 markers of reasons not
 * supplied; every N-R narrative rule passes on the generated shares, rates and completions, and the
 * narrative's amounts come out linked to their cells.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/check/index.js';
import { extract } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Report } from '../src/model/report.js';
import type { Supplement } from '../src/model/supplement.js';
import { composeDocument } from '../src/render/document/compose.js';
import type { TemplateId } from '../src/render/document/model.js';
import { renderMarkdown } from '../src/render/formats/markdown.js';
import { HAVE_SEEDS, seedReport } from './support/seeds.js';
// Consistent synthetic units (every table, cross-table and label rule holds), with their prior year.
import { syntheticPair } from '../bench/corpus.js';

function value(r: Report, table: string, row: string, column: string): number {
  const v = r.tables.find((t) => t.id === table)?.rows.find((x) => x.key === row)?.cells[column];
  return typeof v === 'number' ? v : 0;
}

/** Everything a preparer fills in except the reasons (which must come out as markers). */
function fullSupplement(r: Report, reasons: Record<string, string> = {}): Supplement {
  const projects = value(r, '05', 'total', '3');
  const cents = Math.round(projects * 100);
  const half = Math.floor(cents / 2);
  const department = r.scope === 'department';
  const t10 = r.tables.some((t) => t.id === '10');
  return {
    overview: {
      duties: '负责本行政区域内的相关公共服务工作。\n承担上级交办的其他任务。',
      institutions: '内设综合科、业务科、财务科3个科室。',
      units: department ? [r.entity, '示例下属服务中心'] : [r.entity],
    },
    reasons,
    threePublic: {
      outboundGroups: 0,
      outboundPeople: 0,
      vehiclesPurchased: 0,
      vehiclesHeld: t10 ? value(r, '10', 'L7', 'amount') : 2,
      domesticReceptionBatches: 3,
      domesticReceptionPeople: 25,
      foreignReceptionBatches: 0,
      foreignReceptionPeople: 0,
    },
    operatingCost: department ? { amount: value(r, '06', 'public_total', 'amount') } : { notApplicable: '本单位为非参公事业单位，不在机关运行经费统计范围内。' },
    // Shanxi prints these in 公开10表: a consistent preparer's figures are the table's.
    procurement: t10
      ? { sme: value(r, '10', 'L1', 'amount'), small: 0 }
      : { total: 152.61, goods: 2.74, works: 0, services: 149.87, sme: 27.07, small: 25.57 },
    assets: t10 ? {} : { vehicles: 2, vehicleKinds: { 其他用车: 2 }, equipmentOver1m: 0 },
    performance: {
      projects:
        cents > 0
          ? [
              { name: '业务运行保障', budget: half / 100 + 1, actual: half / 100, score: 95, grade: '优' },
              { name: '信息系统运维', budget: (cents - half) / 100, actual: (cents - half) / 100, score: 92, grade: '优' },
            ]
          : [],
      departmentScore: 93,
      departmentGrade: '优',
    },
  };
}

interface Generated {
  markdown: string;
  back: Report;
  findings: Finding[];
}

function generate(report: Report, supplement: Supplement, template: TemplateId, prior?: Report): Generated {
  const doc = composeDocument(report, supplement, { template, prior });
  const markdown = renderMarkdown(doc);
  const back = extract(markdown, { path: 'generated.md' });
  return { markdown, back, findings: checkReport(back).findings };
}

/** Findings that matter: errors and warnings that fail (not info, round, n/a or insufficient data). */
function problems(findings: Finding[], ids: RegExp = /./): Finding[] {
  return findings.filter((f) => f.status === 'fail' && f.severity !== 'info' && ids.test(f.ruleId));
}

const show = (fs: Finding[]) => fs.map((f) => `${f.ruleId}: ${f.message}`);

describe('generated narrative from synthetic reports', () => {
  for (const [seed, template] of [
    [3, 'gd'],
    [11, 'gd'],
    [5, 'sc'],
    [7, 'sx'],
    [21, 'sx'],
  ] as const) {
    it(`synthetic ${seed} (${template}) with a prior year: only C-R10 markers for the missing reasons`, () => {
      const { current: report, prior } = syntheticPair(seed, { template, classes: 4 });
      const { back, findings, markdown } = generate(report, fullSupplement(report), template, prior);
      const other = problems(findings).filter((f) => f.ruleId !== 'C-R10');
      expect(show(other)).toEqual([]);
      const markers = markdown.match(/【待填写：[^】]*】/g) ?? [];
      expect(markers.length).toBeGreaterThan(0);
      expect(problems(findings, /^C-R10$/)).toHaveLength(markers.length);
      // The generated statements are read as facts, and those restating cells are linked.
      const linked = (back.facts ?? []).filter((f) => f.link);
      expect(linked.length).toBeGreaterThan(20);
      expect(linked.some((f) => f.link!.table === '05' && f.link!.row === 'total')).toBe(true);
      expect((back.facts ?? []).some((f) => f.measure === 'rate')).toBe(true);
      expect((back.facts ?? []).some((f) => f.measure === 'share')).toBe(true);
    });
  }

  it('with every reason and budget supplied there is no finding at all', () => {
    const { current: report, prior } = syntheticPair(13, { classes: 3 });
    const first = composeDocument(report, fullSupplement(report), { prior, template: 'gd' });
    const text = renderMarkdown(first);
    const keys = [...text.matchAll(/【待填写：([^】]*?)(?:比上年增减变动原因|决算数与预算数差异原因|决算数与年初预算差异原因)】/g)].map((m) => m[1]!);
    const reasons: Record<string, string> = {};
    for (const k of keys) reasons[k.replace('“三公”经费', '三公经费')] = '业务量变化，相应调整支出';
    const items = report.tables.find((t) => t.id === '05')!.rows.filter((r) => r.code?.length === 7);
    const initial: Record<string, number> = Object.fromEntries(items.map((r) => [r.code!, r.cells['1'] as number]));
    const sup = { ...fullSupplement(report, reasons), budgets: { initial } };
    sup.reasons = { ...reasons, '三公经费/预算': '厉行节约，从严控制支出。' };
    const { findings, markdown } = generate(report, sup, 'gd', prior);
    expect(markdown).not.toMatch(/待填写/);
    expect(show(problems(findings))).toEqual([]);
    expect(markdown).toMatch(/完成年初预算的100\.0%/);
  });
});

describe.skipIf(!HAVE_SEEDS)('generated narrative from the golden seeds', () => {
  for (const [id, template] of [
    ['000', 'gd'],
    ['001', 'gd'],
    ['003', 'sx'],
  ] as const) {
    for (const t of [template, 'sc'] as const) {
      it(`seed ${id} as ${t}: narrative and completeness rules pass, except C-R10`, async () => {
        const report = await seedReport(id);
        const { findings } = generate(report, fullSupplement(report), t);
        expect(show(problems(findings, /^(?:N|C)-R/).filter((f) => f.ruleId !== 'C-R10'))).toEqual([]);
      });
    }
  }
});
