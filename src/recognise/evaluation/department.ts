/**
 * Department self-evaluation reports (部门整体支出绩效自评): the total and grade, the scored
 * dimensions and their items (Guangzhou's model: 管理效率 50 + 履职效能 50, 履职效能 = 预算执行情况 +
 * 部门整体绩效完成 + 专项资金支出 + 专项资金绩效完成), the indicator tables with targets and actuals,
 * the indicator counts the text states, and the 管理效率 table of items and their bases.
 */
import type { Document } from '../../model/document.js';
import type { DepartmentEvaluation, Dimension, DimensionItem, Indicator } from '../../model/evaluation.js';
import type { Grid, Span } from '../../model/report.js';
import { compact } from '../normalise.js';
import { alignRow, type Role } from './align.js';
import { findStatements, textFigure } from './figure.js';
import { paragraphs, placeAt, statedResults, type Para } from './prose.js';

const ANCHOR = /(?:部门|单位)整体(?:支出)?绩效自评(?:分值|得分|结果|总分)/;
const DIMENSIONS = ['管理效率', '履职效能', '产出', '效益', '决策', '过程', '产出效益'];
const NUM = String.raw`(\d+(?:\.\d+)?)`;

function figureAt(p: Para, text: string, index: number) {
  return textFigure(text, '分', p.at(index), `${text}分`);
}

/** Read the department evaluation of a report that prints one; undefined when there is none. */
export function readDepartmentReport(doc: Document, grids: Grid[], year?: number): DepartmentEvaluation | undefined {
  const paras = paragraphs(doc);
  const anchorAt = paras.findIndex((p) => ANCHOR.test(p.text) && /\d\s*分|[“"]?[优良中差]/.test(p.text));
  if (anchorAt < 0) return undefined;
  const anchor = paras[anchorAt]!;
  // Only a report with scored parts is read here; a single sentence is prose.ts's.
  const body = paras.slice(anchorAt);
  if (!body.some((p) => /(?:满分|自评得分|该项得分|部分得分)/.test(p.text) && p !== anchor)) return undefined;
  const e: DepartmentEvaluation = {
    kind: 'department',
    id: '',
    name: '部门整体支出',
    form: 'report',
    ...(year ? { year } : {}),
    stated: statedResults(anchor),
    statements: [],
    analysis: [],
    place: placeAt(anchor),
    dimensions: [],
    indicators: [],
    counts: [],
    funds: [],
  };
  const score = e.stated.find((s) => s.score && /分值|总分|自评分/.test(s.text))?.score ?? e.stated.find((s) => s.score)?.score;
  if (score) e.total = score;
  const grade = e.stated.find((s) => s.grade)?.grade;
  if (grade) e.grade = grade;

  const dims = new Map<string, Dimension>();
  const dimension = (name: string) => {
    let d = dims.get(name);
    if (!d) dims.set(name, (d = { name, items: [] }));
    return d;
  };
  const dimRe = new RegExp(`(${DIMENSIONS.join('|')})(?:部分|方面)?(?:满分\\s*${NUM}\\s*分\\s*[，,]\\s*(?:自评)?)?(?:自评)?得分(?:为)?\\s*${NUM}\\s*分`, 'g');
  let currentDim: Dimension | undefined;
  let currentItem: DimensionItem | undefined;
  for (const p of body) {
    const t = compact(p.text);
    if (/^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/.test(t) && p !== anchor && /问题|建议|附件/.test(t)) break;
    // Dimension totals: 管理效率部分得分 48.000 分；履职效能部分满分 50 分，自评得分 49.998 分.
    dimRe.lastIndex = 0;
    for (let m = dimRe.exec(p.text); m; m = dimRe.exec(p.text)) {
      const d = dimension(m[1]!);
      if (m[2] && !d.weight) d.weight = figureAt(p, m[2], p.text.indexOf(m[2], m.index));
      const at = m.index + m[0].lastIndexOf(m[3]!);
      if (!d.score) d.score = figureAt(p, m[3]!, at);
    }
    // A heading naming a dimension opens its part: （二）履职效能分析.
    const dh = new RegExp(`^[（(][一二三四五六七八九十]+[)）]\\s*(${DIMENSIONS.join('|')})(?:分析|情况)?$`).exec(t);
    if (dh) {
      currentDim = dimension(dh[1]!);
      currentItem = undefined;
      continue;
    }
    // An item heading inside a dimension: 1、预算执行情况; (1) 专项资金支出情况.
    const ih = /^(?:\d+[、.．]|[（(]\d+[)）])\s*(.{2,20}?(?:情况|完成|执行|支出))$/.exec(t);
    if (ih && currentDim) {
      currentItem = { name: ih[1]!, place: placeAt(p) };
      currentDim.items.push(currentItem);
      continue;
    }
    if (currentItem && !currentItem.score) {
      const s = new RegExp(`(?:该项|该部分|此项|本项)?(?:自评)?得分(?:为)?\\s*${NUM}\\s*分`).exec(p.text);
      if (s) {
        currentItem.score = figureAt(p, s[1]!, s.index + s[0].lastIndexOf(s[1]!));
        const w = new RegExp(`[（(]\\s*${NUM}\\s*分\\s*[*×xX]|满分\\s*${NUM}\\s*分`).exec(p.text);
        const wt = w?.[1] ?? w?.[2];
        if (wt) currentItem.weight = figureAt(p, wt, p.text.indexOf(wt, w!.index));
        currentItem.basis = p.text.trim();
      }
    }
    // Counts: 共设置了 32 个具体绩效指标; 产出指标共设置 23 个; 经济效益指标1个; 设置了产出指标15个、效益指标7个.
    const prefix = /专项资金/.test(t) ? '专项资金' : '';
    const countRe = /(?:设置了?\s*(\d+)\s*个(?:具体)?\s*([\u4e00-\u9fa5]{0,8}?指标))|(?:([\u4e00-\u9fa5]{2,10}?指标)(?:共设置了?|设置了?|共)?\s*(\d+)\s*个)/g;
    for (let m = countRe.exec(p.text); m; m = countRe.exec(p.text)) {
      const value = m[1] ?? m[4]!;
      const parts = (m[2] ?? m[3]!).split(/设置了?|其中|分别为|共/);
      const what = parts[parts.length - 1]!;
      const at = m.index + m[0].indexOf(value);
      e.counts.push({ what: prefix + what, value: textFigure(value, '个', p.at(at), value), text: m[0], place: placeAt(p, m.index, m.index + m[0].length) });
    }
    e.statements.push(...findStatements(p.text, { line: p.line }, p.at(0)).filter((s) => s.measure === 'rate'));
  }
  for (const d of dims.values()) d.items = d.items.filter((i) => i.score);
  e.dimensions = [...dims.values()].filter((d) => d.score || d.items.length > 0);
  readManagementTable(grids, dimension('管理效率'));
  if (!e.dimensions.some((d) => d.name === '管理效率') && dims.get('管理效率')!.items.length > 0) e.dimensions.push(dims.get('管理效率')!);
  e.indicators = readIndicatorGrids(doc, grids);
  const names = e.dimensions.map((d) => d.name);
  if (names.includes('管理效率') && names.includes('履职效能')) e.scheme = 'guangzhou-department';
  return e;
}

/** The 管理效率 table: 内容 | 管理效率指标 | 完成情况 (本项得满分; 此项得0分（满分1分）). */
function readManagementTable(grids: Grid[], dim: Dimension): void {
  for (const run of runs(grids, (head) => head.some((c) => /管理效率指标/.test(c)))) {
    let group = '';
    for (const r of run.slice(1)) {
      const filled = r.cells.filter((c) => c !== '');
      if (filled.length < 2) {
        const last = dim.items[dim.items.length - 1];
        if (last && filled[0]) last.basis = `${last.basis ?? ''}${filled[0]}`;
        continue;
      }
      if (filled.length >= 3) group = filled[0]!;
      const [name, basis] = filled.length >= 3 ? [filled[1]!, filled.slice(2).join('')] : [filled[0]!, filled[1]!];
      const item: DimensionItem = { name, ...(group ? { group } : {}), basis, place: { line: r.line, span: r.span, grid: r.grid, row: r.row } };
      const part = /得\s*(\d+(?:\.\d+)?)\s*分\s*[（(]满分\s*(\d+(?:\.\d+)?)\s*分[)）]/.exec(basis);
      if (part) {
        item.score = textFigure(part[1]!, '分', undefined, `${part[1]}分`);
        item.weight = textFigure(part[2]!, '分', undefined, `${part[2]}分`);
      }
      dim.items.push(item);
    }
  }
}

interface RunRow {
  cells: string[];
  line: number;
  /** The row's text in the source (a finding points at it). */
  span: Span;
  grid: number;
  row: number;
}

/**
 * The grids whose first row `isHead` accepts, each with the grids that continue it: text exports
 * break a table where a wrapped cell ends a line, and the rest comes as header-less grids right after.
 */
function runs(grids: Grid[], isHead: (head: string[]) => boolean): RunRow[][] {
  const out: RunRow[][] = [];
  let current: RunRow[] | undefined;
  let lastLine = -1;
  grids.forEach((g, gi) => {
    const head = g.rows[0]?.cells.map((c) => compact(c)) ?? [];
    const rows = g.rows.map((r, ri) => ({ cells: r.cells.map((c) => c.trim()), line: r.line, span: { ...r.span, line: r.line }, grid: gi, row: ri }));
    if (isHead(head)) {
      out.push((current = rows));
    } else if (current && g.line - lastLine <= 3 && !head.some((c) => /指标|分类|内容/.test(c) && c.length <= 8)) {
      current.push(...rows);
    } else current = undefined;
    lastLine = g.rows[g.rows.length - 1]?.line ?? g.line;
  });
  return out;
}

type DeptRole = 'level1' | 'level2' | 'name' | 'target' | 'actual';

const LEVEL2_WORDS = /^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续(?:发展|影响)?|(?:服务对象)?满意度)(?:指标)?$/;

function scoreDeptCell(role: DeptRole | undefined, text: string): number {
  if (role === undefined) return text === '' ? 0 : -4;
  const l1 = /^(?:产出|效益|满意度|成本)指标/.test(compact(text));
  const l2 = LEVEL2_WORDS.test(compact(text));
  switch (role) {
    case 'level1':
      return text === '' ? 0 : l1 ? 3 : -3;
    case 'level2':
      return text === '' ? 0 : l2 ? 3 : -2;
    case 'name':
      return text === '' ? -1 : l1 || l2 ? -2 : 1;
    case 'target':
      return text === '' ? -1 : /指标解释|预期|以上|≥|%|[\d]/.test(text) ? 1 : 0.3;
    case 'actual':
      return text === '' ? -1 : 0.5;
  }
}

/** Indicator tables of a department report (分类 | 指标项 | 指标内容及年度预期实现值 | 完成情况 …). */
function readIndicatorGrids(doc: Document, grids: Grid[]): Indicator[] {
  const out: Indicator[] = [];
  const label = (c: string) => c.length <= 14;
  const isHead = (head: string[]) => head.some((c) => label(c) && /完成情况|实现值/.test(c)) && head.some((c) => label(c) && /指标|分类/.test(c)) && !head.some((c) => /管理效率指标/.test(c));
  for (const run of runs(grids, isHead)) {
    const head = run[0]!.cells.map((c) => compact(c));
    const roles: Role<DeptRole>[] = [];
    head.forEach((c, column) => {
      const next = head[column + 1];
      if (/指标分类/.test(c) && next === '') roles.push({ role: 'level1', column }, { role: 'level2', column: column + 1 });
      else if (/^分类$|二级/.test(c)) roles.push({ role: 'level2', column });
      else if (/一级|指标分类/.test(c)) roles.push({ role: 'level1', column });
      else if (/绩效指标及.*目标值/.test(c) && next === '') roles.push({ role: 'name', column }, { role: 'target', column: column + 1 });
      else if (/指标项|三级|指标名称|^绩效指标$/.test(c)) roles.push({ role: 'name', column });
      else if (/预期|目标值|指标值|指标内容/.test(c)) roles.push({ role: 'target', column });
      else if (/完成情况|实现值|实际/.test(c)) roles.push({ role: 'actual', column });
    });
    if (!roles.some((r) => r.role === 'name') || !roles.some((r) => r.role === 'actual')) continue;
    // The 一级 is often the table's title (…绩效产出指标完成情况表) rather than a column.
    const line = run[0]!.line;
    const block = doc.blocks.findIndex((b) => b.kind === 'table' && b.pos.line <= line && (b.pos.endLine ?? b.pos.line) >= line);
    const before = [1, 2, 3, 4].map((k) => doc.blocks[block - k]).filter((b) => b !== undefined && b.kind !== 'table');
    const title = before.find((b) => /表$/.test(compact(b.text)) && compact(b.text).length <= 40);
    const heading = title ?? before.find((b) => compact(b.text).length <= 30);
    const table = heading ? heading.text.trim() : undefined;
    let level1 = (title ? /(产出|效益|满意度)指标/.exec(title.text)?.[0] : undefined) ?? '';
    let level2 = '';
    let last: Indicator | undefined;
    for (const r of run.slice(1)) {
      const filled = r.cells.filter((c) => c !== '');
      if (filled.length === 0) continue;
      if (filled.length === 1 && last && !LEVEL2_WORDS.test(compact(filled[0]!))) {
        // A wrapped cell printed as a row of its own (…再就业人数 4.2 万人。): it continues the last target.
        last.target = `${last.target ?? ''}${filled[0]}`;
        continue;
      }
      const a = alignRow(r.cells, roles, scoreDeptCell);
      const get = (role: DeptRole) => a.cells.get(role)?.text ?? '';
      if (get('level1')) {
        level1 = get('level1').replace(/\s*[（(].*$/, '');
        level2 = '';
      }
      if (get('level2')) level2 = get('level2');
      const ind: Indicator = {
        level1,
        level2,
        name: get('name'),
        ...(get('target') ? { target: get('target') } : {}),
        ...(get('actual') ? { actual: get('actual') } : {}),
        ...(table ? { table } : {}),
        place: { line: r.line, span: r.span, grid: r.grid, row: r.row },
      };
      out.push(ind);
      last = ind;
    }
  }
  return out;
}
