/**
 * The texts of a generated disclosure: 第一部分 概况, 第三部分 情况说明 (every section of the checklist
 * of rules.md §6.2) and 第四部分 名词解释, as DocBlocks, from a Report (the tables), the preparer's
 * Supplement and optionally the prior year's Report. Every number is formatted from integer units
 * (format.ts); a reason that is required but not supplied is left as a visible 【待填写：…】 marker.
 */
import { functionalCodes } from '../../catalog/index.js';
import type { Report, Row, Table } from '../../model/report.js';
import type { Supplement } from '../../model/supplement.js';
import { budgetReasonKey, priorReasonKey } from '../../model/supplement.js';
import type { DocBlock, TemplateId } from '../document/model.js';
import { change, completion, direction, money, NOT_COMPARABLE, ordinal, percent, share, todo, unitsOf } from './format.js';
import { itemDefinition, TERMS } from './glossary.js';
import { fill, TEMPLATES, type SectionKey, type TemplateWords } from './templates.js';

export { TEMPLATES, type TemplateWords } from './templates.js';

export interface NarrativeInput {
  report: Report;
  supplement: Supplement;
  prior?: Report;
  template: TemplateId;
}

interface Writer {
  report: Report;
  prior?: Report;
  sup: Supplement;
  t: TemplateWords;
  year: number;
  entity: string;
  /** 部门 or 单位 */
  scope: string;
  /** 本部门 or 本单位 */
  self: string;
  unit: string;
  out: DocBlock[];
}

// ---------------------------------------------------------------------------------------------
// Reading the tables in integer units

function table(r: Report | undefined, id: string): Table | undefined {
  return r?.tables.find((t) => t.id === id);
}

function row(r: Report | undefined, id: string, key: string): Row | undefined {
  return table(r, id)?.rows.find((x) => x.key === key);
}

/** A cell in hundredths of the money unit; blank, dash and missing read 0. */
function cell(r: Report | undefined, id: string, key: string, column: string): number {
  return unitsOf(row(r, id, key)?.cells[column]);
}

/** The prior year's cell, or undefined when the prior report does not hold that table. */
function priorCell(w: Writer, id: string, key: string, column: string): number | undefined {
  if (!w.prior || !table(w.prior, id)) return undefined;
  return cell(w.prior, id, key, column);
}

// ---------------------------------------------------------------------------------------------
// Wording

function heading(w: Writer, level: 1 | 2 | 3 | 4, text: string): void {
  if (text) w.out.push({ kind: 'heading', level, text });
}

function para(w: Writer, text: string): void {
  w.out.push({ kind: 'paragraph', text });
}

function amt(w: Writer, units: number): string {
  return `${money(units)}${w.unit}`;
}

function dec(w: Writer): number {
  return w.t.percentDecimals;
}

/** ，比上年决算数增加…，增长…% (empty without a prior year). */
function priorChange(w: Writer, current: number, prior: number | undefined): string {
  if (prior === undefined) return '';
  return `，${change(current, prior, { against: w.t.priorAgainst, flat: w.t.priorFlat }, w.unit, dec(w))}`;
}

function sentenceEnd(text: string): string {
  const t = text.trim();
  return /[。！？]$/.test(t) ? t : `${t}。`;
}

/** The reason for a change against the prior year: supplied, or a marker; empty when nothing changed. */
function priorReason(w: Writer, subject: string, current: number, prior: number | undefined): string {
  if (prior === undefined || current === prior) return '';
  const r = w.sup.reasons?.[priorReasonKey(subject)];
  return `${w.t.reasonLead}${sentenceEnd(r ?? todo(`${subject}比上年增减变动原因`))}`;
}

/** The reason for a deviation from the budget: supplied, or a marker; empty when on budget. */
function budgetReason(w: Writer, subject: string, actual: number, budget: number | undefined): string {
  if (budget === undefined || actual === budget) return '';
  const r = w.sup.reasons?.[budgetReasonKey(subject)];
  return `${w.t.reasonLead}${sentenceEnd(r ?? todo(`${subject}决算数与预算数差异原因`))}`;
}

function ofShare(w: Writer, part: number, whole: number, base: string): string {
  if (part === 0) return ''; // 0.00万元，占…的0.0% says nothing: the seeds write the zero items without a share
  const s = share(part, whole, dec(w));
  return s === undefined ? '' : `，占${base}的${s}`;
}

// ---------------------------------------------------------------------------------------------
// 第一部分 概况

export function overviewBlocks(input: NarrativeInput): DocBlock[] {
  const w = writer(input);
  const { t, sup } = w;
  heading(w, 1, fill(t.parts.overview, vars(w)));
  heading(w, 2, fill(t.overview.duties, vars(w)));
  for (const line of splitLines(sup.overview?.duties)) para(w, line);
  if (!sup.overview?.duties?.trim()) para(w, todo(`${w.scope}主要职责`));
  heading(w, 2, fill(t.overview.institutions, vars(w)));
  for (const line of splitLines(sup.overview?.institutions)) para(w, line);
  if (!sup.overview?.institutions?.trim()) para(w, todo(`${w.scope}机构设置情况`));
  heading(w, 2, fill(t.overview.units, vars(w)));
  const units = sup.overview?.units;
  if (units === undefined) para(w, todo('决算单位构成（纳入决算编报范围的单位）'));
  else if (units.length <= 1) para(w, `${w.self}没有下属单位，按照决算编制要求，单独编制${w.self}决算。`);
  else
    para(
      w,
      `纳入${w.self}${w.year}年度部门决算编报范围的单位共${units.length}个，包括：${units.join('、')}。`,
    );
  return w.out;
}

function splitLines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// ---------------------------------------------------------------------------------------------
// 第三部分 情况说明

export function narrativeBlocks(input: NarrativeInput): DocBlock[] {
  const w = writer(input);
  heading(w, 1, fill(w.t.parts.narrative, vars(w)));
  let n = 0;
  const title = (key: SectionKey) => heading(w, 2, `${ordinal(++n)}、${fill(w.t.titles[key], vars(w))}`);
  for (const key of w.t.order) {
    title(key);
    SECTIONS[key](w);
  }
  return w.out;
}

const INCOME: [key: string, name: string][] = [
  ['inc.gpb', '一般公共预算财政拨款收入'],
  ['inc.gov_fund', '政府性基金预算财政拨款收入'],
  ['inc.state_capital', '国有资本经营预算财政拨款收入'],
  ['inc.superior', '上级补助收入'],
  ['inc.business', '事业收入'],
  ['inc.operating', '经营收入'],
  ['inc.affiliated', '附属单位上缴收入'],
  ['inc.other', '其他收入'],
];

const SPENDING: [column: string, name: string][] = [
  ['2', '基本支出'],
  ['3', '项目支出'],
  ['4', '上缴上级支出'],
  ['5', '经营支出'],
  ['6', '对附属单位补助支出'],
];

const SECTIONS: Record<SectionKey, (w: Writer) => void> = {
  overall(w) {
    const inc = cell(w.report, '01', 'inc.grand_total', '1');
    const exp = cell(w.report, '01', 'exp.grand_total', '2');
    const pInc = priorCell(w, '01', 'inc.grand_total', '1');
    const pExp = priorCell(w, '01', 'exp.grand_total', '2');
    let text = `${w.year}年度收入总计${amt(w, inc)}，支出总计${amt(w, exp)}。`;
    if (pInc !== undefined && pExp !== undefined) {
      text += `收入总计${change(inc, pInc, { against: w.t.priorAgainst, flat: w.t.priorFlat }, w.unit, dec(w))}；支出总计${change(exp, pExp, { against: w.t.priorAgainst, flat: w.t.priorFlat }, w.unit, dec(w))}。`;
      text += priorReason(w, '收入支出总计', inc, pInc);
    }
    para(w, text);
    if (w.t.incomeUnderOverall) {
      heading(w, 3, w.t.sub.income);
      SECTIONS.income(w);
      heading(w, 3, w.t.sub.spending);
      SECTIONS.spending(w);
    }
  },
  income(w) {
    const total = cell(w.report, '01', 'inc.total', '1');
    para(w, `${w.year}年度本年收入合计${amt(w, total)}${priorChange(w, total, priorCell(w, '01', 'inc.total', '1'))}。其中：`);
    INCOME.forEach(([key, name], i) => {
      const v = cell(w.report, '01', key, '1');
      const p = priorCell(w, '01', key, '1');
      para(w, `${i + 1}. ${name}${amt(w, v)}${ofShare(w, v, total, '本年收入合计')}${priorChange(w, v, p)}。${priorReason(w, name, v, p)}`);
    });
  },
  spending(w) {
    const total = cell(w.report, '01', 'exp.total', '2');
    para(w, `${w.year}年度本年支出合计${amt(w, total)}${priorChange(w, total, priorCell(w, '01', 'exp.total', '2'))}。其中：`);
    SPENDING.forEach(([column, name], i) => {
      const v = cell(w.report, '03', 'total', column);
      const p = priorCell(w, '03', 'total', column);
      para(w, `${i + 1}. ${name}${amt(w, v)}${ofShare(w, v, total, '本年支出合计')}${priorChange(w, v, p)}。${priorReason(w, name, v, p)}`);
    });
  },
  fiscal(w) {
    const inc = cell(w.report, '04', 'inc.total', '1');
    const exp = cell(w.report, '04', 'exp.total', '2');
    const rows: [string, string, string, string][] = [
      ['一般公共预算财政拨款', 'inc.gpb', '3', '一般公共预算'],
      ['政府性基金预算财政拨款', 'inc.gov_fund', '4', '政府性基金预算'],
      ['国有资本经营预算财政拨款', 'inc.state_capital', '5', '国有资本经营预算'],
    ];
    if (w.t.sub.fiscalIncome) heading(w, 3, fill(w.t.sub.fiscalIncome, vars(w)));
    const incomeParts = rows.map(([name, key]) => {
      const v = cell(w.report, '04', key, '1');
      const p = priorCell(w, '04', key, '1');
      const r = priorReason(w, `${name}收入`, v, p);
      return `${name}收入${amt(w, v)}${priorChange(w, v, p)}${r ? `，${r.replace(/。$/, '')}` : ''}`;
    });
    para(w, `${w.year}年度财政拨款收入合计${amt(w, inc)}${priorChange(w, inc, priorCell(w, '04', 'inc.total', '1'))}。其中：${incomeParts.join('；')}。`);
    if (w.t.sub.fiscalSpending) heading(w, 3, fill(w.t.sub.fiscalSpending, vars(w)));
    const spendParts = rows.map(([name, , column]) => {
      const v = cell(w.report, '04', 'exp.total', column);
      const p = priorCell(w, '04', 'exp.total', column);
      const r = priorReason(w, `${name}支出`, v, p);
      return `${name}支出${amt(w, v)}${priorChange(w, v, p)}${r ? `，${r.replace(/。$/, '')}` : ''}`;
    });
    para(w, `${w.year}年度财政拨款支出合计${amt(w, exp)}${priorChange(w, exp, priorCell(w, '04', 'exp.total', '2'))}。其中：${spendParts.join('；')}。`);
  },
  gpb(w) {
    const total = cell(w.report, '05', 'total', '1');
    const all = cell(w.report, '01', 'exp.total', '2');
    const p = priorCell(w, '05', 'total', '1');
    heading(w, 3, w.t.sub.gpbTotal);
    para(
      w,
      `${w.year}年度一般公共预算财政拨款支出${amt(w, total)}${ofShare(w, total, all, '本年支出合计')}${priorChange(w, total, p)}。${priorReason(w, '一般公共预算财政拨款支出', total, p)}`,
    );
    heading(w, 3, w.t.sub.gpbStructure);
    const rows = table(w.report, '05')?.rows ?? [];
    const classes = rows.filter((r) => r.code?.length === 3 && unitsOf(r.cells['1']) !== 0);
    if (classes.length === 0) para(w, '本年度无此项支出。');
    else {
      const parts = classes.map((r) => {
        const v = unitsOf(r.cells['1']);
        const s = share(v, total, dec(w));
        return `${className(r.name)}（类）${amt(w, v)}${s === undefined ? '' : `，占${s}`}`;
      });
      para(w, `${w.year}年度一般公共预算财政拨款支出${amt(w, total)}，主要用于以下方面：${parts.join('；')}。`);
    }
    heading(w, 3, w.t.sub.gpbDetail);
    gpbDetail(w, rows, total);
  },
  basic(w) {
    const basic = cell(w.report, '05', 'total', '2');
    const personnel = cell(w.report, '06', 'personnel_total', 'amount');
    const pub = cell(w.report, '06', 'public_total', 'amount');
    const p = priorCell(w, '05', 'total', '2');
    para(w, `${w.year}年度一般公共预算财政拨款基本支出${amt(w, basic)}${priorChange(w, basic, p)}。其中：`);
    const items = (group: '人员经费' | '公用经费') => mainItems(w, group);
    para(w, `人员经费${amt(w, personnel)}${items('人员经费')}；`);
    para(w, `公用经费${amt(w, pub)}${items('公用经费')}。`);
  },
  fund(w) {
    fundSection(w, '07', '3', '政府性基金预算财政拨款支出');
  },
  capital(w) {
    fundSection(w, '08', '1', '国有资本经营预算财政拨款支出');
  },
  three(w) {
    threePublic(w);
  },
  other(w) {
    running(w);
    procurement(w);
    assets(w);
    performance(w);
  },
};

/** 社会保障和就业支出 → 社会保障和就业支出 (the 类 name as the tables print it). */
function className(name: string): string {
  return name.trim();
}

function gpbDetail(w: Writer, rows: Row[], total: number): void {
  const initial = w.sup.budgets?.initial;
  const items = rows.filter((r) => r.code?.length === 7 && unitsOf(r.cells['1']) !== 0);
  const budgetOf = (code: string) => (initial && initial[code] !== undefined ? unitsOf(initial[code]) : undefined);
  // The 年初预算 of the whole: supplied as `total`, else the sum of the 项 budgets when every 项 has one.
  let totalBudget = initial?.['total'] !== undefined ? unitsOf(initial['total']) : undefined;
  if (totalBudget === undefined && items.length > 0 && items.every((r) => budgetOf(r.code!) !== undefined))
    totalBudget = items.reduce((s, r) => s + budgetOf(r.code!)!, 0);
  if (totalBudget !== undefined)
    para(
      w,
      `${w.year}年度一般公共预算财政拨款支出年初预算${amt(w, totalBudget)}，支出决算${amt(w, total)}，${completion(total, totalBudget, '年初预算', dec(w))}。${budgetReason(w, '一般公共预算财政拨款支出', total, totalBudget)}其中：`,
    );
  else para(w, `${w.year}年度一般公共预算财政拨款支出决算数为${amt(w, total)}。其中：`);
  const byCode = new Map(rows.filter((r) => r.code).map((r) => [r.code!, r]));
  items.forEach((r, i) => {
    const v = unitsOf(r.cells['1']);
    const b = budgetOf(r.code!);
    const budgetPart = b === undefined ? '' : `年初预算为${amt(w, b)}，`;
    const done = b === undefined ? '' : `，${completion(v, b, '年初预算', dec(w))}`;
    const reason = b === undefined ? '' : budgetReason(w, r.code!, v, b).replace(todo(`${r.code}决算数与预算数差异原因`), todo(`${itemName(r, byCode)}决算数与年初预算差异原因`));
    para(w, `${i + 1}. ${itemName(r, byCode)}：${budgetPart}支出决算为${amt(w, v)}${done}。${reason}`);
  });
  if (items.length === 0) para(w, '本年度无此项支出。');
}

/** 社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项） */
function itemName(r: Row, byCode: Map<string, Row>): string {
  const code = r.code!;
  const cls = byCode.get(code.slice(0, 3))?.name ?? functionalCodes().byCode.get(code.slice(0, 3))?.name ?? code.slice(0, 3);
  const kuan = byCode.get(code.slice(0, 5))?.name ?? functionalCodes().byCode.get(code.slice(0, 5))?.name ?? code.slice(0, 5);
  return `${className(cls)}（类）${kuan.trim()}（款）${r.name.trim()}（项）`;
}

/** ，主要包括：基本工资、津贴补贴… — the largest 款 of the group in T06, by amount, at most six. */
function mainItems(w: Writer, group: '人员经费' | '公用经费'): string {
  const rows = (table(w.report, '06')?.rows ?? []).filter((r) => r.code?.length === 5 && unitsOf(r.cells['amount']) > 0);
  const personnel = (code: string) => code.startsWith('301') || code.startsWith('303');
  const mine = rows.filter((r) => personnel(r.code!) === (group === '人员经费'));
  if (mine.length === 0) return '';
  const top = [...mine].sort((a, b) => unitsOf(b.cells['amount']) - unitsOf(a.cells['amount']) || a.code!.localeCompare(b.code!)).slice(0, 6);
  top.sort((a, b) => a.code!.localeCompare(b.code!));
  return `，主要包括：${top.map((r) => r.name.trim()).join('、')}`;
}

function fundSection(w: Writer, id: '07' | '08', column: string, subject: string): void {
  const v = cell(w.report, id, 'total', column);
  const p = priorCell(w, id, 'total', column);
  if (v === 0 && (p === undefined || p === 0)) {
    para(w, '本年度无此项支出。');
    return;
  }
  para(w, `${w.year}年度${subject}${amt(w, v)}${priorChange(w, v, p)}。${priorReason(w, subject, v, p)}`);
}

// ---------------------------------------------------------------------------------------------
// “三公”

const THREE: { name: string; subject: string; budget: string; actual: string }[] = [
  { name: '因公出国（境）费', subject: '因公出国（境）费', budget: '2', actual: '8' },
  { name: '公务用车购置及运行维护费', subject: '公务用车购置及运行维护费', budget: '3', actual: '9' },
  { name: '公务用车购置费', subject: '公务用车购置费', budget: '4', actual: '10' },
  { name: '公务用车运行维护费', subject: '公务用车运行维护费', budget: '5', actual: '11' },
  { name: '公务接待费', subject: '公务接待费', budget: '6', actual: '12' },
];

function count(w: Writer, value: number | undefined, what: string): string {
  return value === undefined ? todo(what) : String(value);
}

function threePublic(w: Writer): void {
  const total = cell(w.report, '09', 'main', '7');
  const budget = cell(w.report, '09', 'main', '1');
  const prior = priorCell(w, '09', 'main', '7');
  const line = (name: string, a: number, b: number, p: number | undefined) =>
    `${name}支出决算为${amt(w, a)}，完成全年预算${amt(w, b)}的${percent(a, b, dec(w)) === undefined ? NOT_COMPARABLE : `${percent(a, b, dec(w))}%`}${priorChange(w, a, p)}`;
  heading(w, 3, w.t.sub.threeTotal);
  const parts = THREE.map((x) => line(x.name, cell(w.report, '09', 'main', x.actual), cell(w.report, '09', 'main', x.budget), priorCell(w, '09', 'main', x.actual)));
  para(
    w,
    `${w.year}年度“三公”经费财政拨款支出决算为${amt(w, total)}，完成全年预算${amt(w, budget)}的${percent(total, budget, dec(w)) === undefined ? NOT_COMPARABLE : `${percent(total, budget, dec(w))}%`}${priorChange(w, total, prior)}。其中：${parts[0]}；${parts[1]}；其中：${parts[2]}；${parts[3]}；${parts[4]}。`,
  );
  const vsBudget = direction(total, budget);
  if (vsBudget !== 'flat') {
    const r = w.sup.reasons?.[budgetReasonKey('三公经费')];
    para(w, `${w.year}年度“三公”经费支出决算${vsBudget === 'increase' ? '大于' : '小于'}预算数的主要原因：${sentenceEnd(r ?? todo('“三公”经费决算数与预算数差异原因'))}`);
  }
  if (prior !== undefined && prior !== total) {
    const r = w.sup.reasons?.[priorReasonKey('三公经费')];
    para(w, `${w.year}年度“三公”经费支出决算${total > prior ? '大于' : '小于'}上年决算数的主要原因：${sentenceEnd(r ?? todo('“三公”经费比上年增减变动原因'))}`);
  }
  if (vsBudget === 'flat' && (prior === undefined || prior === total))
    para(w, `${w.year}年度“三公”经费支出决算与预算数一致，无需说明差异原因。`);

  heading(w, 3, w.t.sub.threeDetail);
  const tp = w.sup.threePublic ?? {};
  const a = (col: string) => cell(w.report, '09', 'main', col);
  const sh = (v: number) => {
    const s = share(v, total, dec(w));
    return s === undefined ? '' : `，占${s}`;
  };
  para(
    w,
    `${w.year}年度“三公”经费财政拨款支出决算中，因公出国（境）费${amt(w, a('8'))}${sh(a('8'))}；公务用车购置及运行维护费${amt(w, a('9'))}${sh(a('9'))}；公务接待费${amt(w, a('12'))}${sh(a('12'))}。具体情况如下：`,
  );
  para(
    w,
    `1. 因公出国（境）费支出${amt(w, a('8'))}。全年使用财政拨款安排出国（境）团组${count(w, tp.outboundGroups, '出国（境）团组数')}个、累计${count(w, tp.outboundPeople, '出国（境）人次')}人次。`,
  );
  const held = tp.vehiclesHeld ?? t10Count(w, w.sup.assets?.vehicles, 'L7');
  para(
    w,
    `2. 公务用车购置及运行维护费支出${amt(w, a('9'))}，其中：公务用车购置支出${amt(w, a('10'))}，公务用车购置数${count(w, tp.vehiclesPurchased, '公务用车购置数')}辆；公务用车运行维护费支出${amt(w, a('11'))}，公务用车保有量为${count(w, held, '公务用车保有量')}辆。`,
  );
  para(
    w,
    `3. 公务接待费支出${amt(w, a('12'))}，共接待国外、境外来访团组${count(w, tp.foreignReceptionBatches, '外事接待批次')}个，来访外宾${count(w, tp.foreignReceptionPeople, '外事接待人次')}人次；发生国内公务接待${count(w, tp.domesticReceptionBatches, '国内公务接待批次')}批次，接待${count(w, tp.domesticReceptionPeople, '国内公务接待人次')}人次。`,
  );
}

// ---------------------------------------------------------------------------------------------
// 其他重要事项

/**
 * A figure the Shanxi 公开10表 prints when the report has it (the table is the data, and the
 * narrative must restate it), else the supplement's.
 */
function figure(w: Writer, value: number | undefined, t10Row?: string): number | undefined {
  if (t10Row && row(w.report, '10', t10Row)) return cell(w.report, '10', t10Row, 'amount');
  if (value !== undefined) return unitsOf(value);
  return undefined;
}

/** A count of 公开10表 (printed as an amount, 2 → 2.00) or of the supplement. */
function t10Count(w: Writer, value: number | undefined, t10Row: string): number | undefined {
  if (row(w.report, '10', t10Row)) return Math.round(cell(w.report, '10', t10Row, 'amount') / 100);
  return value;
}

function figureText(w: Writer, units: number | undefined, what: string): string {
  return units === undefined ? todo(what) : amt(w, units);
}

function running(w: Writer): void {
  heading(w, 3, fill(w.t.sub.running, vars(w)));
  const oc = w.sup.operatingCost ?? {};
  const t10 = row(w.report, '10', 'L5') ? cell(w.report, '10', 'L5', 'amount') + cell(w.report, '10', 'L6', 'amount') : undefined;
  const value = t10 ?? (oc.amount !== undefined ? unitsOf(oc.amount) : undefined);
  if (oc.notApplicable && !value) {
    para(w, `${w.year}年度${w.self}机关运行经费支出0.00${w.unit}。${sentenceEnd(oc.notApplicable)}`);
    return;
  }
  if (value === undefined) {
    para(w, `${w.year}年度${w.self}机关运行经费支出${todo('机关运行经费支出金额')}${w.unit}。`);
    return;
  }
  if (value === 0 && cell(w.report, '06', 'public_total', 'amount') > 0) {
    // No 机关运行经费 although there is 公用经费: only a non-参公 事业单位 may say so, with that reason (N-R10).
    para(w, `${w.year}年度${w.self}机关运行经费支出0.00${w.unit}。${todo('无机关运行经费的原因（如本单位为非参公事业单位，不在机关运行经费统计范围内）')}`);
    return;
  }
  const prior = oc.prior !== undefined ? unitsOf(oc.prior) : w.prior ? figureFromPrior(w) : undefined;
  para(w, `${w.year}年度${w.self}机关运行经费支出${amt(w, value)}${priorChange(w, value, prior)}。${priorReason(w, '机关运行经费', value, prior)}`);
}

function figureFromPrior(w: Writer): number | undefined {
  if (!row(w.prior, '10', 'L5')) return undefined;
  return cell(w.prior, '10', 'L5', 'amount') + cell(w.prior, '10', 'L6', 'amount');
}

function procurement(w: Writer): void {
  heading(w, 3, fill(w.t.sub.procurement, vars(w)));
  const pr = w.sup.procurement ?? {};
  const total = figure(w, pr.total, 'L1');
  const goods = figure(w, pr.goods, 'L2');
  const works = figure(w, pr.works, 'L3');
  const services = figure(w, pr.services, 'L4');
  const sme = pr.sme !== undefined ? unitsOf(pr.sme) : undefined;
  const small = pr.small !== undefined ? unitsOf(pr.small) : undefined;
  let text = `${w.year}年度${w.self}政府采购支出总额${figureText(w, total, '政府采购支出总额')}，其中：政府采购货物支出${figureText(w, goods, '货物采购金额')}、政府采购工程支出${figureText(w, works, '工程采购金额')}、政府采购服务支出${figureText(w, services, '服务采购金额')}。`;
  const smeShare = sme !== undefined && total !== undefined ? share(sme, total, dec(w)) : undefined;
  text += `授予中小企业合同金额${figureText(w, sme, '授予中小企业合同金额')}${smeShare ? `，占政府采购支出总额的${smeShare}` : ''}`;
  // Guangdong states the 小微 share of the 中小企业 amount; Shanxi and Sichuan of the total (rules.md N-R11).
  const smallBase = w.t.id === 'gd' ? sme : total;
  const smallShare = small !== undefined && smallBase !== undefined ? share(small, smallBase, dec(w)) : undefined;
  text += `，其中：授予小微企业合同金额${figureText(w, small, '授予小微企业合同金额')}${smallShare ? `，占${w.t.id === 'gd' ? '授予中小企业合同金额' : '政府采购支出总额'}的${smallShare}` : ''}。`;
  para(w, text);
}

const VEHICLE_KINDS = ['副部（省）级及以上领导用车', '主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部服务用车', '其他用车'];

function assets(w: Writer): void {
  heading(w, 3, fill(w.t.sub.assets, vars(w)));
  const as = w.sup.assets ?? {};
  const kinds: [string, number][] = [];
  if (row(w.report, '10', 'L7')) VEHICLE_KINDS.forEach((k, i) => kinds.push([k, t10Count(w, 0, `L${8 + i}`) ?? 0]));
  else if (as.vehicleKinds) for (const [k, v] of Object.entries(as.vehicleKinds)) kinds.push([k, v]);
  const total = t10Count(w, as.vehicles, 'L7');
  const equipment = t10Count(w, as.equipmentOver1m, 'L17');
  const listed = kinds.filter(([, v]) => v > 0 || w.t.id === 'sx');
  const kindText = listed.length > 0 ? `，其中：${listed.map(([k, v]) => `${k}${v}辆`).join('、')}` : total === 0 ? '' : `，其中：${todo('各类用车数量')}`;
  para(
    w,
    `截至${w.year}年12月31日，${w.self}共有车辆${count(w, total, '车辆总数')}辆${kindText}；单价100万元（含）以上设备（不含车辆）${count(w, equipment, '单价100万元以上设备数')}台（套）。`,
  );
}

function performance(w: Writer): void {
  heading(w, 3, fill(w.t.sub.performance, vars(w)));
  const pf = w.sup.performance ?? {};
  const projects = pf.projects ?? [];
  if (projects.length === 0) {
    para(w, `根据预算绩效管理要求，${w.self}组织对${w.year}年度项目支出开展绩效自评。${todo('绩效自评范围（项目个数、涉及资金）和自评结果')}`);
  } else {
    const covered = projects.reduce((s, p) => s + unitsOf(p.actual), 0);
    const projectTotal = cell(w.report, '05', 'total', '3');
    const s = share(covered, projectTotal, dec(w));
    para(
      w,
      `根据预算绩效管理要求，${w.self}组织对${w.year}年度${projects.length}个项目开展绩效自评，共涉及资金${amt(w, covered)}${s ? `，占一般公共预算项目支出总额的${s}` : ''}。`,
    );
    for (const p of projects) {
      const b = p.budget !== undefined ? unitsOf(p.budget) : undefined;
      const a = p.actual !== undefined ? unitsOf(p.actual) : undefined;
      let text = `${p.name}项目绩效自评情况：`;
      if (b !== undefined && a !== undefined) text += `项目全年预算数为${amt(w, b)}，执行数为${amt(w, a)}，${completion(a, b, '预算', dec(w))}`;
      else text += todo('项目全年预算数和执行数');
      if (p.score !== undefined) text += `，自评得分${p.score}分`;
      text += `，评价等级为${p.grade ?? todo('评价等级')}。`;
      para(w, text);
    }
  }
  if (pf.departmentScore !== undefined || pf.departmentGrade)
    para(
      w,
      `${w.self}整体支出绩效自评${pf.departmentScore !== undefined ? `得分${pf.departmentScore}分` : ''}${pf.departmentGrade ? `${pf.departmentScore !== undefined ? '，' : ''}评价等级为${pf.departmentGrade}` : ''}。`,
    );
  if (pf.note?.trim()) for (const line of splitLines(pf.note)) para(w, line);
}

// ---------------------------------------------------------------------------------------------
// 第四部分 名词解释

/** The glossary: the standard terms the document uses, then (Sichuan) the 项 it lists in its detail. */
export function glossaryBlocks(input: NarrativeInput, used: string): DocBlock[] {
  const w = writer(input);
  heading(w, 1, fill(w.t.parts.glossary, vars(w)));
  const entries: [string, string][] = TERMS.filter((t) => (t.used ?? new RegExp(escape(t.term))).test(used)).map((t) => [t.term, t.definition]);
  if (w.t.itemDefinitions) {
    const rows = table(w.report, '05')?.rows ?? [];
    const byCode = new Map(rows.filter((r) => r.code).map((r) => [r.code!, r]));
    const items = rows.filter((r) => r.code?.length === 7 && unitsOf(r.cells['1']) !== 0);
    const at = entries.findIndex(([t]) => t === '基本支出');
    const defs: [string, string][] = items.map((r) => [itemName(r, byCode), itemDefinition(r, byCode.get(r.code!.slice(0, 5)))]);
    entries.splice(at < 0 ? entries.length : at, 0, ...defs);
  }
  entries.forEach(([term, def], i) => {
    const n = w.t.glossaryNumbering === 'chinese' ? `${ordinal(i + 1)}、` : w.t.glossaryNumbering === 'arabic' ? `${i + 1}. ` : '';
    para(w, `${n}${term}：${def}`);
  });
  return w.out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------

function writer(input: NarrativeInput): Writer {
  const { report } = input;
  const department = report.scope === 'department';
  return {
    report,
    prior: input.prior,
    sup: input.supplement,
    t: TEMPLATES[input.template],
    year: report.year,
    entity: report.entity,
    scope: department ? '部门' : '单位',
    self: department ? '本部门' : '本单位',
    unit: report.moneyUnit,
    out: [],
  };
}

/** 部门决算 or 单位决算, as the title says. */
export function kindWord(report: Report): string {
  return /单位决算/.test(report.title) ? '单位决算' : '部门决算';
}

function vars(w: Writer): Record<string, string | number> {
  return { entity: w.entity, year: w.year, kind: kindWord(w.report), scope: w.scope };
}
