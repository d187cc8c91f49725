/**
 * 项目支出绩效自评表 read from the grids of the report (`Report.grids`), in every layout of the genre:
 * the national one of 财预〔2020〕10号 (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分;
 * 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金; 年度指标值; 产出指标(50分) …) and Shanxi's
 * (年初预算数 › 目标申报数 | 预算编制数, 资金结(转)余, 年初指标值 | 调整后指标值, 项目绩效分析).
 * Columns are found by their header labels; rows are aligned with the header by content (align.ts).
 */
import type { Block, Document } from '../../model/document.js';
import type { AnalysisText, EvaluationPlace, Figure, FundLine, Goal, Indicator, ProjectEvaluation } from '../../model/evaluation.js';
import type { Grid } from '../../model/report.js';
import { compact } from '../normalise.js';
import { alignRow, type Role } from './align.js';
import { cellFigure, findStatements, gradeCell, isNumberCell } from './figure.js';

type FundRole = 'block' | 'source' | 'declared' | 'initialBudget' | 'annualBudget' | 'executed' | 'balance' | 'rate' | 'weight' | 'score' | 'deviation' | 'other';
type IndicatorRole = 'block' | 'level1' | 'level2' | 'name' | 'initialTarget' | 'target' | 'actual' | 'weight' | 'score' | 'deviation' | 'other';

const NAME_LABEL = /^(?:项目名称|项目全称)[:：]?$/;
const DEPARTMENT_LABEL = /^(?:主管部门(?:及代码)?|主管单位|部门名称)[:：]?$/;
const UNIT_LABEL = /^(?:预算单位|实施单位|项目实施单位|项目单位|单位名称)(?:及代码)?[:：]?$/;
const TOTAL_ROW = /^(?:总分|合计|总计|综合得分)[:：]?$/;
const ANALYSIS_LABEL = /^(?:项目)?(?:绩效|自评)分析$|^项目绩效分析/;

/** 一级 indicators (产出, 效益, 满意度; 成本 is 一级 in the 2021+ templates and 二级 in 10号's). */
const LEVEL1 = /^(?:产出|效益|(?:服务对象)?满意度|成本)指标?$/;
/** 二级 indicators of 财预〔2020〕10号 and the templates derived from it. */
const LEVEL2 = /^(?:数量|质量|时效|(?:经济|社会|生态(?:环境)?)?成本|经济效益|社会效益|生态(?:环境)?效益|可持续(?:影响|发展)?|(?:服务对象|社会公众|群众)?满意度)(?:指标)?$/;
const LEVEL1_OF_LEVEL2: [RegExp, string][] = [
  [/^(?:数量|质量|时效|成本)/, '产出指标'],
  [/效益|可持续/, '效益指标'],
  [/满意度/, '满意度指标'],
];
/** 产出指标(50分), 产出指标（50分）: the 一级 weight printed in its label. */
const WEIGHT_IN_LABEL = /^(.*?)[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]$/;

function labelOf(text: string): string {
  const t = compact(text);
  const m = WEIGHT_IN_LABEL.exec(t);
  return m ? m[1]! : t;
}

const isLevel1 = (t: string) => LEVEL1.test(labelOf(t));
const isLevel2 = (t: string) => LEVEL2.test(labelOf(t));

function indicatorRole(label: string): IndicatorRole | undefined {
  const t = compact(label).replace(/[:：]$/, '');
  if (t === '') return undefined;
  if (/^(?:绩效指标|指标)$/.test(t)) return 'block';
  if (/一级指标/.test(t)) return 'level1';
  if (/二级指标/.test(t)) return 'level2';
  if (/三级指标|指标名称/.test(t)) return 'name';
  if (/年初(?:指标|目标)值?/.test(t)) return 'initialTarget';
  if (/实际完成|完成值|实际值|实际完成情况/.test(t)) return 'actual';
  if (/指标值|目标值|预期值/.test(t)) return 'target';
  if (/^(?:分值|权重|标准分值)/.test(t)) return 'weight';
  if (/得分/.test(t)) return 'score';
  if (/偏差|原因|改进措施|备注/.test(t)) return 'deviation';
  return 'other';
}

function fundRole(label: string): FundRole | undefined {
  const t = compact(label).replace(/[:：]$/, '');
  if (t === '') return undefined;
  if (/资金总额|资金来源|^来源$/.test(t)) return 'source';
  if (/项目资金|预算安排|执行进度|万元/.test(t)) return 'block';
  if (/目标申报数/.test(t)) return 'declared';
  if (/预算编制数|年初预算/.test(t)) return 'initialBudget';
  if (/全年预算|调整后预算|预算数/.test(t)) return 'annualBudget';
  if (/执行数|实际支出|支出数/.test(t)) return 'executed';
  if (/结[(（]?转[)）]?余|结余/.test(t)) return 'balance';
  if (/执行率/.test(t)) return 'rate';
  if (/分值|权重/.test(t)) return 'weight';
  if (/得分/.test(t)) return 'score';
  if (/偏差|原因|措施/.test(t)) return 'deviation';
  return 'other';
}

const MONEY_ROLES = new Set<FundRole>(['declared', 'initialBudget', 'annualBudget', 'executed', 'balance']);
const NOT_APPLICABLE = /^(?:[—–\-－─]{1,4}|\/|／)$/;

function scoreFundCell(role: FundRole | undefined, text: string): number {
  const number = isNumberCell(text);
  if (role === undefined) return text === '' ? 0 : -4;
  if (text === '') return MONEY_ROLES.has(role) || role === 'rate' || role === 'score' || role === 'weight' ? -0.5 : 0;
  switch (role) {
    case 'block':
      return number ? -4 : /项目资金|预算安排|执行进度|[（(]万?元[)）]/.test(text) ? 0.5 : -1;
    case 'source':
      return number ? -4 : 1;
    case 'deviation':
      return number ? -2 : 0.3;
    case 'other':
      return 0;
    default:
      return number ? 3 : NOT_APPLICABLE.test(text) ? 0 : -4;
  }
}

function scoreIndicatorCell(role: IndicatorRole | undefined, text: string): number {
  if (role === undefined) return text === '' ? 0 : -4;
  const number = isNumberCell(text);
  const l1 = isLevel1(text);
  const l2 = isLevel2(text);
  switch (role) {
    case 'block':
      return text === '' ? 0 : /绩效指标/.test(text) ? 1 : -2;
    case 'level1':
      return text === '' ? 0 : l1 ? 3 : l2 ? -1 : -3;
    case 'level2':
      return text === '' ? 0 : l2 ? 3 : -2;
    case 'name':
      return text === '' ? -0.5 : number ? -2 : l1 && !l2 ? -2 : 1;
    case 'initialTarget':
    case 'target':
      return text === '' ? -0.3 : (l1 || l2) && !/^成本指标$/.test(text) ? -2 : 0.5;
    case 'actual':
      return text === '' ? -1 : l1 || l2 ? -2 : 0.5;
    case 'weight':
    case 'score':
      return number ? 3 : text === '' ? -1.5 : -4;
    case 'deviation':
      return text === '' ? 0 : number ? -2 : 0.3;
    default:
      return 0;
  }
}

/** A grid (or a run of grids) is a 自评表 when it names the project and prints indicators or funds. */
export function isSelfEvaluationGrid(grid: Grid): boolean {
  const cells = grid.rows.flatMap((r) => r.cells.map((c) => compact(c)));
  const named = cells.some((c) => NAME_LABEL.test(c));
  const indicators = cells.some((c) => /三级指标|一级指标/.test(c));
  const funds = cells.some((c) => /全年执行数|执行率/.test(c));
  return named && (indicators || funds);
}

/** A grid that continues the previous 自评表 (split by a page break): no 项目名称, but its parts. */
function isContinuation(grid: Grid): boolean {
  const cells = grid.rows.flatMap((r) => r.cells.map((c) => compact(c)));
  if (cells.some((c) => NAME_LABEL.test(c))) return false;
  return cells.some((c) => /三级指标|一级指标|^总分$/.test(c) || ANALYSIS_LABEL.test(c)) || grid.rows.some((r) => r.cells.some((c) => LEVEL2.test(compact(c)) || LEVEL1.test(compact(c))));
}

function nextText(cells: string[], from: number): string | undefined {
  for (let i = from + 1; i < cells.length; i++) {
    const t = cells[i]!.trim();
    if (t !== '') return t;
  }
  return undefined;
}

/** `144-晋城市人力资源和社会保障`, `144 晋城市…`, `晋城市…（144）` → name and code. */
function nameAndCode(text: string): { name: string; code?: string } {
  const t = text.trim();
  const lead = /^(\d{3,})\s*[-—－_ ]?\s*(\S.*)$/.exec(t);
  if (lead) return { name: lead[2]!.trim(), code: lead[1]! };
  const tail = /^(.*?)[（(](\d{3,})[)）]$/.exec(t);
  if (tail) return { name: tail[1]!.trim(), code: tail[2]! };
  return { name: t };
}

/** The title and year printed above a grid (…项目支出绩效自评表, (2023年度)). */
export function titleAbove(blocks: Block[], line: number): { title?: string; year?: number } {
  const at = blocks.findIndex((b) => b.kind === 'table' && b.pos.line === line);
  const out: { title?: string; year?: number } = {};
  for (let i = at - 1; i >= 0 && i >= at - 4; i--) {
    const b = blocks[i]!;
    if (b.kind === 'table') break;
    const t = compact(b.text);
    const y = /^[（(]?(\d{4})年度?[)）]?$/.exec(t);
    if (y && out.year === undefined) out.year = Number(y[1]);
    if (/自评表$|评价表$/.test(t) && out.title === undefined) {
      out.title = b.text.trim();
      const ty = /(\d{4})年度?/.exec(t);
      if (ty && out.year === undefined) out.year = Number(ty[1]);
      break;
    }
  }
  return out;
}

interface RowRef {
  cells: string[];
  line: number;
  start: number;
  end: number;
  grid: number;
  row: number;
}

/** Read every 自评表 among the grids; `first` is the id number of the first evaluation. */
export function readEvaluationTables(grids: Grid[], doc: Document, year?: number): ProjectEvaluation[] {
  const out: ProjectEvaluation[] = [];
  let current: { rows: RowRef[]; grid: number; title?: string; year?: number } | undefined;
  const runs: NonNullable<typeof current>[] = [];
  grids.forEach((g, gi) => {
    const refs = g.rows.map((r, ri) => ({ cells: r.cells, line: r.line, start: r.span.start, end: r.span.end, grid: gi, row: ri }));
    if (isSelfEvaluationGrid(g)) {
      current = { rows: refs, grid: gi, ...titleAbove(doc.blocks, g.line) };
      runs.push(current);
    } else if (current && current.grid === gi - 1 && isContinuation(g)) {
      current.rows.push(...refs);
      current.grid = gi;
    } else current = undefined;
  });
  for (const run of runs) {
    const e = readOne(run.rows, doc.text, run.title, run.year ?? year);
    if (e) out.push(e);
  }
  return out;
}

/** Where a row of a 自评表 was printed: its line, grid and row, and the row's text (a finding points at it). */
function placeOf(r: RowRef): EvaluationPlace {
  return { line: r.line, span: { start: r.start, end: r.end, line: r.line }, grid: r.grid, row: r.row };
}

function readOne(rows: RowRef[], text: string, title: string | undefined, year: number | undefined): ProjectEvaluation | undefined {
  const first = rows[0]!;
  const e: ProjectEvaluation = {
    kind: 'project',
    id: '',
    name: '',
    form: 'table',
    ...(year ? { year } : {}),
    stated: [],
    statements: [],
    analysis: [],
    funds: [],
    goals: [],
    indicators: [],
    place: placeOf(first),
  };
  type Part = 'head' | 'funds' | 'goals' | 'indicators' | 'total' | 'analysis';
  let part: Part = 'head';
  let fundRoles: Role<FundRole>[] = [];
  let indicatorRoles: Role<IndicatorRole>[] = [];
  let moneyUnit = '万元';
  let level1 = '';
  let level1Weight: Figure | undefined;
  let level2 = '';
  let headerHasTotal = false;
  let lastIndicator: Indicator | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const cells = r.cells.map((c) => c.trim());
    const keys = cells.map((c) => compact(c));
    const nonEmpty = keys.filter((k) => k !== '');
    if (nonEmpty.length === 0) continue;
    const nameAt = keys.findIndex((k) => NAME_LABEL.test(k));
    if (nameAt >= 0) {
      e.name = nextText(cells, nameAt) ?? e.name;
      continue;
    }
    const depAt = keys.findIndex((k) => DEPARTMENT_LABEL.test(k));
    const unitAt = keys.findIndex((k) => UNIT_LABEL.test(k));
    if (depAt >= 0 || unitAt >= 0) {
      if (depAt >= 0) {
        const t = nextText(cells, depAt);
        if (t && !UNIT_LABEL.test(compact(t))) e.department = nameAndCode(t);
      }
      if (unitAt >= 0) {
        const t = nextText(cells, unitAt);
        if (t) e.unit = nameAndCode(t);
      }
      continue;
    }
    // Funds header: 年初预算数 | 全年预算数 | 全年执行数 … (and the 目标申报数 | 预算编制数 line below it).
    if (keys.some((k) => /全年执行数|^执行数$|全年预算数/.test(k)) && keys.some((k) => /执行率|年初预算/.test(k))) {
      const next = rows[i + 1];
      const sub = next && next.cells.some((c) => /目标申报数|预算编制数/.test(compact(c))) ? next.cells.map((c) => compact(c)) : undefined;
      fundRoles = fundHeader(keys, sub);
      headerHasTotal = keys.some((k) => /资金总额/.test(k));
      const unit = /[（(](万元|元)[)）]/.exec(keys.join(''));
      if (unit) moneyUnit = unit[1]!;
      if (sub) i++;
      part = 'funds';
      continue;
    }
    if (keys.some((k) => /^(?:项目)?(?:年度)?(?:总体)?(?:绩效)?目标$|^年度目标$|^预期目标$/.test(k)) && keys.some((k) => /实际完成情况/.test(k))) {
      part = 'goals';
      continue;
    }
    if (keys.some((k) => /三级指标/.test(k)) || (keys.some((k) => /一级指标/.test(k)) && keys.some((k) => /二级指标/.test(k)))) {
      indicatorRoles = [];
      keys.forEach((k, column) => {
        const role = indicatorRole(k);
        if (role && !indicatorRoles.some((x) => x.role === role)) indicatorRoles.push({ role, column });
      });
      part = 'indicators';
      continue;
    }
    if (TOTAL_ROW.test(keys.find((k) => k !== '') ?? '')) {
      const numbers = cells.filter((c) => isNumberCell(c));
      if (numbers.length > 0) e.total = cellFigure(numbers[numbers.length - 1]!, '分');
      const grade = cells.map((c) => gradeCell(c)).find((g) => g !== undefined);
      if (grade) e.grade = grade;
      part = 'total';
      continue;
    }
    const gradeRow = keys.find((k) => k !== '')?.match(/^(?:评价等级|自评等级|绩效等级|评价结论|等级)[:：]?(.*)$/);
    if (gradeRow) {
      const g = gradeCell(gradeRow[1] || nextText(cells, keys.findIndex((k) => k !== '')) || '');
      if (g && !e.grade) e.grade = g;
      continue;
    }
    if (keys.some((k) => ANALYSIS_LABEL.test(k))) part = 'analysis';
    switch (part) {
      case 'funds': {
        const line = fundLine(cells, fundRoles, moneyUnit, r, e.funds.length === 0 && headerHasTotal);
        if (line) e.funds.push(line);
        break;
      }
      case 'goals': {
        const texts = cells.filter((c) => c !== '' && !/^(?:项目)?(?:年度)?(?:总体)?(?:绩效)?目标$/.test(compact(c)));
        if (texts.length >= 1) e.goals.push({ planned: texts[0]!, achieved: texts.slice(1).join('\n'), place: placeOf(r) } satisfies Goal);
        break;
      }
      case 'indicators': {
        const a = alignRow(cells, indicatorRoles, scoreIndicatorCell);
        const get = (role: IndicatorRole) => a.cells.get(role)?.text ?? '';
        const weightText = get('weight');
        const scoreText = get('score');
        const printedLevel1 = get('level1');
        const printedLevel2 = get('level2');
        const name = get('name');
        if (!name && !weightText && !scoreText && !get('actual')) {
          // A row holding only a continued text (偏差 wrapped onto a new row): append to the last one.
          if (lastIndicator && get('deviation')) lastIndicator.deviation = [lastIndicator.deviation, get('deviation')].filter(Boolean).join('');
          break;
        }
        let inferred = false;
        const above = { level1, level2 };
        if (printedLevel1) {
          const m = WEIGHT_IN_LABEL.exec(compact(printedLevel1));
          level1 = m ? m[1]! : printedLevel1;
          level1Weight = m ? cellFigure(m[2]!, '分') : undefined;
          level2 = '';
        }
        if (printedLevel2) {
          const joined = labelOf(above.level2 + printedLevel2);
          // A merged 二级 cell wraps (服务对象满意度 / 指标) and a PDF reader deals its lines over the rows
          // it spans (the merged 一级 beside it, centred, may come on the second row): a fragment that
          // completes the 二级 above under the same 一级 continues it, for the rows above too.
          if (above.level2 && lastIndicator && level1 === above.level1 && !isLevel2(printedLevel2) && !isLevel1(printedLevel2) && isLevel2(joined)) {
            for (const prev of e.indicators) if (prev.level2 === above.level2 && prev.level1 === above.level1) prev.level2 = joined;
            level2 = joined;
          } else level2 = labelOf(printedLevel2);
        }
        let l1 = level1;
        if (!printedLevel1 && (!level1 || (printedLevel2 && !compatible(level1, level2)))) {
          const guess = LEVEL1_OF_LEVEL2.find(([re]) => re.test(level2))?.[1];
          if (guess) {
            l1 = guess;
            level1 = guess;
            level1Weight = undefined;
            inferred = true;
          }
        }
        const ind: Indicator = {
          level1: l1,
          level2,
          name,
          ...(get('initialTarget') ? { initialTarget: get('initialTarget') } : {}),
          ...(get('target') ? { target: get('target') } : {}),
          ...(get('actual') ? { actual: get('actual') } : {}),
          ...(weightText ? { weight: cellFigure(weightText, '分') } : {}),
          ...(scoreText ? { score: cellFigure(scoreText, '分') } : {}),
          ...(get('deviation') ? { deviation: get('deviation') } : {}),
          ...(inferred ? { level1Inferred: true } : {}),
          ...(level1Weight ? { level1Weight } : {}),
          place: placeOf(r),
        };
        e.indicators.push(ind);
        lastIndicator = ind;
        break;
      }
      case 'analysis':
      case 'total': {
        const texts = cells.filter((c) => c !== '' && !ANALYSIS_LABEL.test(compact(c)));
        if (texts.length === 0) break;
        const heading = texts.length >= 2 ? texts[0]! : '';
        const body = texts.length >= 2 ? texts.slice(1).join('\n') : texts[0]!;
        const at = text.indexOf(body, r.start);
        const offset = at >= 0 && at <= r.end ? at : undefined;
        const place: EvaluationPlace = { ...placeOf(r), ...(offset !== undefined ? { span: { start: offset, end: offset + body.length } } : {}) };
        e.analysis.push({ heading, text: body, place } satisfies AnalysisText);
        e.statements.push(...findStatements(body, placeOf(r), offset));
        break;
      }
      default:
        break;
    }
  }
  if (!e.name) e.name = title?.replace(/(?:项目)?(?:支出)?绩效自评表$/, '') ?? '';
  return e.name || e.indicators.length > 0 || e.funds.length > 0 ? e : undefined;
}

/** 产出指标 goes with 数量/质量/时效/成本 …; a printed 二级 of another 一级 means the 一级 cell was lost. */
function compatible(level1: string, level2: string): boolean {
  const guess = LEVEL1_OF_LEVEL2.find(([re]) => re.test(level2))?.[1];
  if (!guess) return true;
  if (guess === level1) return true;
  // 成本指标 is 一级 in the newer templates: its 二级 (经济成本 …) belongs to it.
  return /^成本/.test(level1) && /成本/.test(level2);
}

function fundHeader(keys: string[], sub: string[] | undefined): Role<FundRole>[] {
  const roles: Role<FundRole>[] = [];
  const subRoles: Role<FundRole>[] = [];
  sub?.forEach((k, column) => {
    if (/目标申报数/.test(k)) subRoles.push({ role: 'declared', column });
    else if (/预算编制数/.test(k)) subRoles.push({ role: 'initialBudget', column });
  });
  let hasSource = false;
  keys.forEach((k, column) => {
    const role = fundRole(k);
    if (!role) return;
    if (role === 'source') hasSource = true;
    if (role === 'initialBudget' && /年初预算/.test(k) && subRoles.length > 0) {
      roles.push(...subRoles);
      return;
    }
    if (!roles.some((x) => x.role === role) || role === 'other') roles.push({ role, column });
  });
  // The source column has no header of its own in most layouts: it follows the block label.
  if (!hasSource) {
    const at = roles.findIndex((r) => r.role === 'block');
    roles.splice(at + 1, 0, { role: 'source', column: (roles[at]?.column ?? -1) + 1 });
  }
  return roles;
}

function fundLine(cells: string[], roles: Role<FundRole>[], unit: string, r: RowRef, firstUnderTotalHeader: boolean): FundLine | undefined {
  if (cells.filter((c) => isNumberCell(c)).length < 2) return undefined;
  const a = alignRow(cells, roles, scoreFundCell);
  const get = (role: FundRole) => a.cells.get(role)?.text ?? '';
  const label = compact(get('source')).replace(/[:：]$/, '');
  const isTotal = /资金总额|资金合计|^合计$|^总计$/.test(label) || (firstUnderTotalHeader && !/^其中/.test(label));
  const source = /资金总额|资金合计|^合计$|^总计$/.test(label) ? label : isTotal ? '资金总额' : label;
  const money = (role: FundRole) => (get(role) ? { [role]: cellFigure(get(role), unit) } : {});
  return {
    source,
    total: isTotal,
    ...money('declared'),
    ...money('initialBudget'),
    ...money('annualBudget'),
    ...money('executed'),
    ...money('balance'),
    ...(get('rate') ? { rate: cellFigure(get('rate'), '%') } : {}),
    ...(get('weight') ? { weight: cellFigure(get('weight'), '分') } : {}),
    ...(get('score') ? { score: cellFigure(get('score'), '分') } : {}),
    ...(get('deviation') ? { deviation: get('deviation') } : {}),
    place: placeOf(r),
  } as FundLine;
}
