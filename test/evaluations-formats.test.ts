/**
 * 项目支出绩效自评表 as publishers print them, in every format the reader takes: seed 003's three
 * Shanxi tables and a national-layout (财预〔2020〕10号) table are laid out as HTML with the merged cells
 * real tables have (rowspan for 一级/二级 指标 and the 项目资金/绩效指标/项目绩效分析 blocks, colspan for
 * labels and texts), then read (a) as HTML, (b) as DOCX (LibreOffice from the HTML), (c) as PDF printed
 * by Chromium with ruled cells, (d) as XLSX (exceljs with merged cells). The evaluations read must equal
 * the ones read from the seed's own text (funds, indicators, weights/scores, totals, grades), and the
 * performance rules must find the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { extract, extractAsync } from '../src/index.js';
import { checkReport } from '../src/check/index.js';
import { PERFORMANCE_RULES } from '../src/check/rules/performance/index.js';
import type { Evaluation, Figure, ProjectEvaluation } from '../src/model/evaluation.js';
import { formatExactish, formatRange, formatScore, scoreEvaluation } from '../src/check/performance/index.js';
import type { Report } from '../src/model/report.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOFFICE } from './read-office-fixtures.js';
import { htmlToPdf, launchChromium } from './read-pdf-fixtures.js';
import { HAVE_SEEDS, seedReport } from './support/seeds.js';

/** A printed table: rows of cells, each with its merge (rs rows × cs columns) as the publisher merged it. */
interface Cell {
  text: string;
  rs?: number;
  cs?: number;
}
type Row = Cell[];
interface Printed {
  title: string;
  year: string;
  rows: Row[];
}

const c = (text: string | Figure | undefined, cs?: number, rs?: number): Cell => ({ text: typeof text === 'string' ? text : (text?.text ?? ''), ...(cs && cs > 1 ? { cs } : {}), ...(rs && rs > 1 ? { rs } : {}) });

/** Rows with the same value in a column become one merged cell (how 一级/二级 指标 are printed). */
function runsOf(values: string[]): number[] {
  const spans = values.map(() => 0);
  for (let i = 0; i < values.length; ) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i]) j++;
    spans[i] = j - i;
    i = j;
  }
  return spans;
}

/** Seed 003's Shanxi layout (10 columns), from an evaluation read from the seed's text. */
function shanxiTable(e: ProjectEvaluation): Printed {
  const rows: Row[] = [];
  const code = (x?: { name: string; code?: string }) => (x ? `${x.code ? `${x.code}-` : ''}${x.name}` : '');
  rows.push([c('项目名称', 2), c(e.name, 8)]);
  rows.push([c('主管部门及代码', 2), c(code(e.department), 4), c('预算单位'), c(code(e.unit), 3)]);
  rows.push([c('项目资金预算安排及执行进度(万元)', 1, 2 + e.funds.length), c('', 1, 2), c('年初预算数', 2), c('全年预算数', 1, 2), c('全年执行数', 1, 2), c('资金结(转)余', 1, 2), c('执行率', 1, 2), c('得分', 1, 2), c('偏差原因分析及改进措施', 1, 2)]);
  rows.push([c('目标申报数'), c('预算编制数')]);
  for (const f of e.funds) rows.push([c(f.source), c(f.declared), c(f.initialBudget), c(f.annualBudget), c(f.executed), c(f.balance), c(f.rate), c(f.score), c(f.deviation)]);
  rows.push([c('项目年度绩效目标', 1, 1 + e.goals.length + 1), c('年度目标', 5), c('实际完成情况', 4)]);
  for (const g of e.goals) rows.push([c(g.planned, 5), c(g.achieved, 4)]);
  rows.push([c('', 5), c('', 4)]);
  const l1 = runsOf(e.indicators.map((i) => i.level1));
  const l2 = runsOf(e.indicators.map((i) => `${i.level1}›${i.level2}`));
  rows.push([c('绩效指标', 1, 1 + e.indicators.length), c('一级指标'), c('二级指标'), c('三级指标'), c('年初指标值'), c('调整后指标值'), c('实际完成值'), c('分值'), c('得分'), c('偏差原因分析及改进措施')]);
  e.indicators.forEach((i, k) => {
    const row: Row = [];
    if (l1[k]) row.push(c(i.level1, 1, l1[k]));
    if (l2[k]) row.push(c(i.level2, 1, l2[k]));
    row.push(c(i.name), c(i.initialTarget), c(i.target), c(i.actual), c(i.weight), c(i.score), c(i.deviation));
    rows.push(row);
  });
  rows.push([c('总分', 7), c(e.total), c(e.grade), c('')]);
  rows.push([c('项目绩效分析', 1, e.analysis.length), c(e.analysis[0]!.heading, 2), c(e.analysis[0]!.text, 7)]);
  for (const a of e.analysis.slice(1)) rows.push([c(a.heading, 2), c(a.text, 7)]);
  return { title: `${e.name}项目支出绩效自评表`, year: `(${e.year ?? 2023}年度)`, rows };
}

/**
 * The national layout of 财预〔2020〕10号 附件1 (year 2023): 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 /
 * 其他资金; 年度指标值 only; 一级 with its weight in the label; a reverse (≤) indicator; qualitative values;
 * 总分 on the 分值/得分 columns and the grade in words.
 */
const NATIONAL = {
  name: '城乡居民技能提升培训补贴',
  department: '某市人力资源和社会保障局',
  unit: '某市职业技能鉴定指导中心',
  funds: [
    ['年度资金总额', '120.00', '150.00', '141.60', '10', '94.40%', '9.44'],
    ['其中：当年财政拨款', '100.00', '120.00', '114.00', '—', '95.00%', '—'],
    ['上年结转资金', '20.00', '20.00', '18.00', '—', '90.00%', '—'],
    ['其他资金', '0.00', '10.00', '9.60', '—', '96.00%', '—'],
  ],
  goals: ['全年开展补贴性职业技能培训3000人次以上，取证率不低于80%。', '全年开展补贴性职业技能培训3260人次，取证率85.3%。'],
  indicators: [
    ['产出指标(50分)', '数量指标', '培训人次', '≥3000人次', '3260人次', '20', '20', ''],
    ['产出指标(50分)', '质量指标', '培训合格取证率', '≥80%', '85.3%', '10', '10', ''],
    ['产出指标(50分)', '时效指标', '补贴发放及时率', '≥95%', '90%', '10', '9.47', '部分补贴审核延迟'],
    ['产出指标(50分)', '成本指标', '人均培训成本', '≤1500元', '1620元', '10', '9.26', '物价上涨'],
    ['效益指标(30分)', '社会效益指标', '促进就业创业', '有效促进', '达成', '15', '15', ''],
    ['效益指标(30分)', '可持续影响指标', '培训机构监管机制', '健全', '部分达成', '15', '12', '监管平台未全覆盖'],
    ['满意度指标(10分)', '服务对象满意度指标', '参训人员满意度', '≥90%', '93%', '10', '10', ''],
  ],
  total: '95.17',
  grade: '优秀',
};

function nationalTable(variant: { totalMerged?: boolean; total?: string; grade?: string } = {}): Printed {
  const n = NATIONAL;
  const rows: Row[] = [];
  rows.push([c('项目名称', 2), c(n.name, 7)]);
  rows.push([c('主管部门', 2), c(n.department, 3), c('实施单位', 1), c(n.unit, 3)]);
  rows.push([c('项目资金（万元）', 1, 1 + n.funds.length), c('', 2), c('年初预算数'), c('全年预算数'), c('全年执行数'), c('分值'), c('执行率'), c('得分')]);
  for (const f of n.funds) rows.push([c(f[0], 2), ...f.slice(1).map((x) => c(x))]);
  rows.push([c('年度总体目标', 1, 2), c('预期目标', 4), c('实际完成情况', 4)]);
  rows.push([c(n.goals[0], 4), c(n.goals[1], 4)]);
  const l1 = runsOf(n.indicators.map((i) => i[0]!));
  rows.push([c('绩效指标', 1, 1 + n.indicators.length), c('一级指标'), c('二级指标'), c('三级指标'), c('年度指标值'), c('实际完成值'), c('分值'), c('得分'), c('偏差原因分析及改进措施')]);
  n.indicators.forEach((i, k) => {
    const row: Row = [];
    if (l1[k]) row.push(c(i[0], 1, l1[k]));
    row.push(...i.slice(1).map((x) => c(x)));
    rows.push(row);
  });
  // 总分 on the 分值/得分 columns, or the score in a cell merged over 分值 and 得分.
  if (variant.totalMerged) rows.push([c('总分', 6), c(variant.total ?? n.total, 2), c(variant.grade ?? n.grade)]);
  else rows.push([c('总分', 6), c('100'), c(variant.total ?? n.total), c(variant.grade ?? n.grade)]);
  return { title: `${n.name}项目支出绩效自评表`, year: '（2023年度）', rows };
}

/** The grid with merges expanded: the origin cell keeps the text, the covered cells are empty. */
function expand(t: Printed): string[][] {
  const grid: (string | undefined)[][] = [];
  t.rows.forEach((row, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cell of row) {
      while (grid[r]![col] !== undefined) col++;
      for (let dr = 0; dr < (cell.rs ?? 1); dr++)
        for (let dc = 0; dc < (cell.cs ?? 1); dc++) (grid[r + dr] ??= [])[col + dc] = dr === 0 && dc === 0 ? cell.text : '';
      col += cell.cs ?? 1;
    }
  });
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function toHtml(tables: Printed[], heading: string): string {
  const body = tables
    .map(
      (t) =>
        `<p style="text-align:center;font-weight:bold">${esc(t.title)}</p><p style="text-align:center">${esc(t.year)}</p>\n<table>\n${t.rows
          .map((r) => `<tr>${r.map((x) => `<td${x.rs ? ` rowspan="${x.rs}"` : ''}${x.cs ? ` colspan="${x.cs}"` : ''}>${esc(x.text)}</td>`).join('')}</tr>`)
          .join('\n')}\n</table>\n<p style="page-break-after:always"></p>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(heading)}</title><style>
body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC",sans-serif;font-size:8pt}
table{border-collapse:collapse;width:100%;margin-bottom:6mm}td{border:0.6pt solid #000;padding:1pt 2pt;vertical-align:middle}
</style></head><body><h1>${esc(heading)}</h1>\n${body}</body></html>`;
}

/** The same tables as a text export (one tab-separated line a row, merges left empty), as the seeds are. */
function toText(tables: Printed[], heading: string): string {
  return [heading, '', ...tables.flatMap((t) => [t.title, '', t.year, '', ...expand(t).map((r) => r.join('\t')), ''])].join('\n');
}

async function toXlsx(tables: Printed[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  tables.forEach((t, k) => {
    const ws = wb.addWorksheet(`自评表${k + 1}`);
    const width = expand(t)[0]!.length;
    ws.addRow([t.title]);
    ws.mergeCells(1, 1, 1, width);
    ws.addRow([t.year]);
    ws.mergeCells(2, 1, 2, width);
    const offset = 2;
    const taken = new Set<string>();
    t.rows.forEach((row, r) => {
      let col = 0;
      for (const cell of row) {
        while (taken.has(`${r},${col}`)) col++;
        for (let dr = 0; dr < (cell.rs ?? 1); dr++) for (let dc = 0; dc < (cell.cs ?? 1); dc++) taken.add(`${r + dr},${col + dc}`);
        const at = ws.getCell(r + 1 + offset, col + 1);
        // Publishers type amounts as numbers in Excel; the printed text is what the cell shows.
        at.value = /^-?\d+(?:\.\d+)?$/.test(cell.text) && !/^0\d/.test(cell.text) ? Number(cell.text) : cell.text;
        if (typeof at.value === 'number' && cell.text.includes('.')) at.numFmt = `0.${'0'.repeat(cell.text.split('.')[1]!.length)}`;
        if ((cell.rs ?? 1) > 1 || (cell.cs ?? 1) > 1) ws.mergeCells(r + 1 + offset, col + 1, r + offset + (cell.rs ?? 1), col + (cell.cs ?? 1));
        col += cell.cs ?? 1;
      }
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** LibreOffice opens the HTML in Writer (not Writer/Web) and saves it as Word 2007 XML. */
function htmlToDocx(html: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-eval-docx-'));
  writeFileSync(join(dir, '自评表.html'), html);
  execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), join(dir, '自评表.html')], { stdio: 'pipe', timeout: 120_000 });
  return readFileSync(join(dir, 'out', '自评表.docx'));
}

/** What must survive every format: the evaluation's figures and words (places differ by format). */
function essence(e: Evaluation) {
  const fig = (f?: Figure) => (f ? f.value ?? f.text : null);
  return {
    kind: e.kind,
    name: e.name,
    total: fig(e.total),
    grade: e.grade ?? null,
    funds: e.funds.map((f) => ({ source: f.source, total: f.total, declared: fig(f.declared), initial: fig(f.initialBudget), annual: fig(f.annualBudget), executed: fig(f.executed), balance: fig(f.balance), rate: fig(f.rate), weight: fig(f.weight), score: fig(f.score) })),
    indicators:
      e.kind === 'project'
        ? e.indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, initialTarget: i.initialTarget ?? null, target: i.target ?? null, actual: i.actual ?? null, weight: fig(i.weight), score: fig(i.score), level1Weight: fig(i.level1Weight) }))
        : [],
  };
}

function performanceFindings(report: Report): string[] {
  return checkReport(report, { rules: PERFORMANCE_RULES })
    .findings.filter((f) => f.status !== 'not_applicable' && f.status !== 'insufficient_data')
    .map((f) => `${f.ruleId} ${f.status} ${f.location?.evaluation ?? ''} ${f.message}`)
    .sort();
}

const projects = (r: Report) => (r.evaluations ?? []).filter((e): e is ProjectEvaluation => e.kind === 'project' && e.form === 'table');

describe('a national-layout 自评表 read from its text export (the genre)', () => {
  it('reads funds with 其他资金, 年度指标值 only, 一级 weights in the label, the total and 优秀', () => {
    const report = extract(toText([nationalTable()], '某市人力资源和社会保障局2023年度部门决算'), { path: '国家版自评表.txt' });
    const [e] = projects(report);
    expect(e).toBeDefined();
    const x = essence(e!);
    expect(x.name).toBe(NATIONAL.name);
    expect([x.total, x.grade]).toEqual([95.17, '优秀']);
    expect(x.funds.map((f) => [f.source, f.total, f.initial, f.annual, f.executed, f.rate, f.weight, f.score])).toEqual([
      ['年度资金总额', true, 120, 150, 141.6, 94.4, 10, 9.44],
      ['其中：当年财政拨款', false, 100, 120, 114, 95, '—', '—'],
      ['上年结转资金', false, 20, 20, 18, 90, '—', '—'],
      ['其他资金', false, 0, 10, 9.6, 96, '—', '—'],
    ]);
    expect(x.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.level1Weight])).toEqual(
      NATIONAL.indicators.map((i) => [i[0]!.replace(/\(.*$/, ''), i[1], i[2], i[3], i[4], Number(i[5]), Number(i[6]), Number(/\((\d+)分\)/.exec(i[0]!)![1])]),
    );
    for (const i of e!.indicators) expect(i.initialTarget).toBeUndefined();
  });

  it('scores it right: proportional execution, a reverse (≤) indicator, a rate below target, 部分达成', () => {
    const [e] = projects(extract(toText([nationalTable()], '某市人力资源和社会保障局2023年度部门决算'), { path: 'n.txt' }));
    const s = scoreEvaluation(e!);
    expect(formatScore(s.execution!.rate!, 2)).toBe('94.40');
    expect(formatScore(s.execution!.score!, 2)).toBe('9.44');
    const by = (name: string) => s.indicators.find((i) => i.indicator.name === name)!;
    // ≤1500元, 1620元 printed: reverse, 10 × 1500/1620 = 9.26.
    expect(by('人均培训成本').reverse).toBe(true);
    expect(by('人均培训成本').met).toBe(false);
    expect(formatRange(by('人均培训成本').recomputed!, 2)).toBe('9.26');
    expect(by('人均培训成本').consistent).toBe(true);
    expect(formatRange(by('补贴发放及时率').recomputed!, 2)).toBe('9.47');
    expect(by('培训人次').consistent).toBe(true);
    // 部分达成 is scored within the partial tier, 12 of 15 inside it; 达成 within the full tier.
    expect(by('培训机构监管机制').consistent).toBe(true);
    expect(by('促进就业创业').consistent).toBe(true);
    expect(s.indicators.filter((i) => i.consistent === false)).toEqual([]);
    expect(s.level1.map((l) => [l.group, formatExactish(l.printedWeight)])).toEqual([['产出指标', '50'], ['效益指标', '30'], ['满意度指标', '10']]);
    expect(formatScore(s.total!.value, 2)).toBe('95.17');
    expect([s.printedGradeNormal, s.total!.grade]).toEqual(['优', '优']);
  });

  it('reads 总分 in a merged cell and grades in words (良好, 合格) against their bands', () => {
    for (const [total, grade, normal] of [['95.17', '优秀', '优'], ['85.50', '良好', '良'], ['72', '合格', '中']] as const) {
      for (const totalMerged of [false, true]) {
        const html = toHtml([nationalTable({ totalMerged, total, grade })], '某市人力资源和社会保障局2023年度部门决算');
        const [e] = projects(extract(html, { path: 'n.html' }));
        expect([e!.total?.text, e!.grade], `${total} ${grade} merged=${totalMerged}`).toEqual([total, grade]);
        const s = scoreEvaluation(e!);
        expect([s.printedGradeNormal, s.gradeOfPrinted]).toEqual([normal, normal]);
      }
    }
  });
});

describe.skipIf(!HAVE_SEEDS)('seed 003 and a national table in HTML, DOCX, PDF and XLSX', () => {
  let seedText: Report;
  let truth: ProjectEvaluation[];
  let printed: Printed[];
  let html: string;
  let browser: Browser;
  const national = () => extract(toText([nationalTable()], '某市人力资源和社会保障局2023年度部门决算'), { path: 'n.txt' });

  beforeAll(async () => {
    seedText = await seedReport('003');
    truth = projects(seedText);
    printed = [...truth.map(shanxiTable), nationalTable()];
    html = toHtml(printed, '晋城市人力资源和社会保障局2023年度部门决算 第五部分 附件');
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const expected = () => [...truth.map(essence), essence(projects(national())[0]!)];

  function same(report: Report, how: string): void {
    const read = projects(report).map(essence);
    expect(read.map((e) => e.name), how).toEqual(expected().map((e) => e.name));
    read.forEach((e, k) => expect(e, `${how}: ${e.name}`).toEqual(expected()[k]));
  }

  /** The P-rule findings of the three seed tables read back equal the seed text's own (the national one adds its own). */
  function sameFindings(report: Report, how: string): void {
    const seedFindings = performanceFindings(seedText).filter((f) => /\bE[123]\b/.test(f));
    expect(seedFindings.length).toBeGreaterThan(0);
    const back = performanceFindings(report).filter((f) => /\bE[123]\b/.test(f));
    expect(back, how).toEqual(seedFindings);
  }

  it('(a) HTML with rowspan/colspan', () => {
    const report = extract(html, { path: '自评表.html' });
    same(report, 'html');
    sameFindings(report, 'html');
  });

  it('(b) DOCX converted by LibreOffice from the HTML', async () => {
    if (!SOFFICE) return expect.soft(SOFFICE, 'LibreOffice not installed: DOCX not tested').toBeDefined();
    const docx = htmlToDocx(html);
    const report = await extractAsync(docx!, { path: '自评表.docx' });
    same(report, 'docx');
    sameFindings(report, 'docx');
  }, 120_000);

  it('(c) PDF printed by Chromium, ruled', async () => {
    const pdf = await htmlToPdf(browser, html);
    const report = await extractAsync(pdf, { path: '自评表.pdf' });
    same(report, 'pdf');
    sameFindings(report, 'pdf');
  }, 120_000);

  it('(d) XLSX with merged cells', async () => {
    const report = await extractAsync(await toXlsx(printed), { path: '自评表.xlsx' });
    same(report, 'xlsx');
    sameFindings(report, 'xlsx');
  }, 60_000);
});
