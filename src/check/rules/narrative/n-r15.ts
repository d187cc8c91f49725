import { parseAmount } from '../../../model/amount.js';
import { compareAmounts, rat, ratAdd, ratOfAmount, ratToNumber, type Money, type Rational } from '../../narrative/interval.js';
import type { Figure } from '../../../model/evaluation.js';
import type { Report } from '../../../model/report.js';
import type { CellRef, Rule, RuleContext } from '../../types.js';
import { isFinalAccounts, squeeze } from '../narrative.js';
import { moneyIn, NUMBER, proseUnits, sentencesOf, spanOfText, type MoneyMention, type ProseSentence } from './prose.js';
import { numberOf, printAmount } from './shared.js';

type Fund = 'gpb' | 'gov_fund' | 'state_capital';

const FUNDS: [Fund, RegExp, string][] = [
  ['gpb', /一般公共预算/, '一般公共预算'],
  ['gov_fund', /政府性基金/, '政府性基金预算'],
  ['state_capital', /国有资本经营/, '国有资本经营预算'],
];

/** Project spending of each fund: T05 / T07 / T08 项目支出 of the 合计 row. */
const PROJECT: Record<Fund, CellRef> = {
  gpb: { table: '05', row: 'total', column: '3' },
  gov_fund: { table: '07', row: 'total', column: '5' },
  state_capital: { table: '08', row: 'total', column: '3' },
};
/** All spending of each fund (a self-evaluation of the unit as a whole): T05 合计 / T07 本年支出小计 / T08 小计. */
const WHOLE: Record<Fund, CellRef> = {
  gpb: { table: '05', row: 'total', column: '1' },
  gov_fund: { table: '07', row: 'total', column: '3' },
  state_capital: { table: '08', row: 'total', column: '1' },
};

/** The act of self-evaluating (not its results: 自评结果为 … is no coverage statement). */
const ANCHOR = /(?:开展|进行)了?(?:绩效)?自评|整体(?:支出)?绩效自评/;
const WHOLE_UNIT = /整体(?:支出)?绩效自评/;
const FULL = /所有|全部|全面|全覆盖/;
const SHARE = new RegExp(`占[^，。；]{0,24}?总额的(${NUMBER})[%％]`);

interface Base {
  money: Money;
  label: string;
}

/** The sum of the cells that exist, as Money in the report's unit; undefined when none was read. */
function base(ctx: RuleContext, refs: CellRef[]): Base | undefined {
  const present = refs.filter((r) => ctx.table(r.table) && ctx.units(r) !== undefined);
  if (present.length === 0) return undefined;
  const units = present.reduce((s, r) => s + ctx.units(r)!, 0);
  // Name the cells that carry money; a fund with no project spending adds nothing to the message.
  const named = present.length === 1 ? present : present.filter((r) => ctx.units(r) !== 0);
  const label = named.length === 0 ? ctx.describe(present[0]!) : named.length === 1 ? ctx.describe(named[0]!) : `${named.map((r) => ctx.describe(r)).join('、')}之和`;
  return { money: { units, scale: Math.round(Math.log10(ctx.scale)), unit: ctx.report.moneyUnit }, label };
}

/** What the appended 项目支出绩效自评表 say: how many, their 年初预算数 and 全年执行数 added up. */
interface Evaluated {
  count: number;
  budget: Rational;
  executed: Rational;
}

/**
 * The 自评表 appended to the document: their count and their 年初预算数 and 全年执行数 added up, from
 * Report.evaluations (src/recognise/evaluation/), else from the grids.
 */
function evaluatedTables(report: Readonly<Report>): Evaluated | undefined {
  return fromEvaluations(report) ?? fromGrids(report);
}

/** A printed figure as an exact rational (29.099 → 29099/1000). */
function figure(f: Figure | undefined): Rational | undefined {
  if (!f || f.value === null) return undefined;
  const a = parseAmount(f.text.replace(/\s+/g, '').replace(/万元|元/g, ''));
  return a ? ratOfAmount(a) : undefined;
}

/** From Report.evaluations: the 资金总额 line of each project 自评表 (年初预算数 = 预算编制数, else 目标申报数). */
function fromEvaluations(report: Readonly<Report>): Evaluated | undefined {
  let count = 0;
  let budget = rat(0);
  let executed = rat(0);
  for (const e of report.evaluations ?? []) {
    if (e.kind !== 'project' || e.form !== 'table') continue;
    const line = e.funds.find((f) => f.total) ?? e.funds[0];
    const b = figure(line?.initialBudget ?? line?.declared);
    const x = figure(line?.executed);
    if (!b || !x) continue;
    count++;
    budget = ratAdd(budget, b);
    executed = ratAdd(executed, x);
  }
  return count > 0 ? { count, budget, executed } : undefined;
}

/**
 * The same read from the raw grids, for a report recognised without evaluations (an older Report JSON):
 * the header row naming 年初预算数 and 全年执行数, then the first row with at least four amounts —
 * 年初预算数 (SX: 目标申报数, 预算编制数), 全年预算数, 全年执行数 …
 */
function fromGrids(report: Readonly<Report>): Evaluated | undefined {
  let count = 0;
  let budget = rat(0);
  let executed = rat(0);
  for (const g of report.grids ?? []) {
    const rows = g.rows.map((r) => r.cells.map(squeeze));
    const h = rows.findIndex((cells) => cells.some((c) => /年初预算/.test(c)) && cells.some((c) => /全年执行数/.test(c)));
    if (h < 0) continue;
    const split = rows[h + 1]?.some((c) => /目标申报数|预算编制数/.test(c)) ?? false;
    const amounts = rows
      .slice(h + 1, h + 4)
      .map((cells) => cells.map((c) => parseAmount(c)).filter((a) => a !== undefined))
      .find((a) => a.length >= 4);
    if (!amounts) continue;
    count++;
    budget = ratAdd(budget, ratOfAmount(amounts[0]!));
    executed = ratAdd(executed, ratOfAmount(amounts[split ? 3 : 2]!));
  }
  return count > 0 ? { count, budget, executed } : undefined;
}

/** A Rational as Money in 万元 at up to 3 decimals (the 自评表 print 29.099). */
function wanMoney(r: Rational): Money {
  const units = Number((r.num * 1000n) / r.den);
  return { units, scale: 3, unit: '万元' };
}

/** The funds a piece of text names; all three when it names none or several. */
function fundsIn(text: string): Fund[] {
  const named = FUNDS.filter(([, re]) => re.test(text)).map(([f]) => f);
  return named.length === 1 ? named : FUNDS.map(([f]) => f);
}

/** The clauses of a sentence that state a self-evaluation: cut at 一是 / 二是 …, keep those with the act. */
function clauses(s: ProseSentence): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const cuts = [0, ...[...s.text.matchAll(/[一二三四五六七八九]是/g)].map((m) => m.index), s.text.length];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const text = s.text.slice(cuts[i], cuts[i + 1]);
    if (ANCHOR.test(text)) out.push({ text, at: s.at + cuts[i]! });
  }
  return out;
}

interface Check {
  mention: MoneyMention;
  base: Base;
  /** The amount must equal the base (full coverage), or only not exceed it. */
  full: boolean;
  scope: string;
}

/** What one clause claims, as comparisons of a stated amount with its table base. */
function checksOf(ctx: RuleContext, text: string): Check[] {
  const anchor = ANCHOR.exec(text)!;
  const money = moneyIn(text).filter((m) => m.at > anchor.index);
  if (money.length === 0) return [];
  const checks: Check[] = [];
  if (WHOLE_UNIT.test(text)) {
    // 涉及一般公共预算支出X万元，政府性基金预算支出Y万元 … : each fund's whole spending.
    for (const m of money) {
      const before = text.slice(Math.max(anchor.index, m.at - 12), m.at);
      const fund = FUNDS.find(([, re]) => re.test(before));
      const b = fund ? base(ctx, [WHOLE[fund[0]]]) : undefined;
      if (fund && b) checks.push({ mention: m, base: b, full: true, scope: `${fund[2]}支出` });
    }
    return checks;
  }
  const main = money.find((m) => /涉及|资金|共计/.test(text.slice(Math.max(0, m.at - 8), m.at))) ?? money[0]!;
  const share = SHARE.exec(text.slice(main.end));
  const sharePercent = share ? parseAmount(share[1]!) : undefined;
  const full = (sharePercent !== undefined && numberOf(sharePercent) === 100) || (sharePercent === undefined && FULL.test(text.slice(0, anchor.index + anchor[0].length)));
  const scopeText = text.slice(0, main.at) + (share ? share[0] : '');
  const funds = fundsIn(scopeText.replace(/其中.*$/, ''));
  const mainBase = base(ctx, funds.map((f) => PROJECT[f]));
  if (mainBase) checks.push({ mention: main, base: mainBase, full, scope: funds.length === 1 ? `${FUNDS.find(([f]) => f === funds[0])![2]}项目` : '项目' });
  // 其中一般公共预算项目支出X万元: the part of one fund.
  const k = text.indexOf('其中', main.end);
  if (k >= 0) {
    for (const m of money.filter((x) => x.at > k)) {
      const before = text.slice(Math.max(k, m.at - 14), m.at);
      const fund = FUNDS.find(([, re]) => re.test(before));
      const b = fund ? base(ctx, [PROJECT[fund[0]]]) : undefined;
      if (fund && b) checks.push({ mention: m, base: b, full, scope: `${fund[2]}项目` });
    }
  }
  return checks;
}

/**
 * N-R15: the money a 绩效自评 statement says it covered matches the spending it covered. A statement
 * of full coverage (占…总额的100%, 所有/全部/全面 projects) equals the 项目支出 of its fund (T05, T07,
 * T08; all three when it names no fund); a partial one does not exceed it; a self-evaluation of the
 * unit as a whole (整体支出绩效自评) covers each fund's whole spending. A full-coverage amount that equals
 * the appended 项目支出绩效自评表 (their 年初预算数 or 全年执行数 added up) is accepted too; otherwise the
 * message gives those totals (seed 003: 197 / 141.525). The stated share itself is N-R5's. One finding
 * per statement: the first amount that disagrees.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R15',
    title: '绩效自评涉及资金与项目支出相符',
    severity: 'error',
    category: 'accuracy',
    tables: ['05', '07', '08'],
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.4, §5.2 [SEED]',
    doc: '绩效自评说明中的涉及资金须与被评价的支出相符：全覆盖（占项目支出总额100%或“所有项目”）时等于项目支出（表05/07/08，未指明资金性质时为三者之和），部分覆盖时不超过项目支出；整体支出绩效自评的各类支出等于该类支出合计。',
    messages: {
      mismatch: '绩效自评说明称自评覆盖全部{{scope}}，涉及资金{{stated}}，但{{baseLabel}}为{{base}}（相差{{difference}}）{{toleranceNote}}{{evaluated}}请核对自评涉及的资金',
      exceeds: '绩效自评说明所述涉及资金{{stated}}，大于{{baseLabel}}{{base}}（多{{difference}}）{{toleranceNote}}自评涉及的资金不能超过被评价的支出，请核对',
    },
  },
  check(ctx) {
    const report = ctx.report;
    if (!isFinalAccounts(report) || !ctx.table('05')) return;
    const tolerance = ctx.meta.tolerance.kind === 'absolute' ? ctx.meta.tolerance.value : 0.01;
    const evaluated = evaluatedTables(report);
    // A statement of the evaluated projects' own money (their budgets or their execution) is right too.
    const matchesTables = (stated: Money) =>
      evaluated !== undefined && [evaluated.budget, evaluated.executed].some((r) => compareAmounts(stated, wanMoney(r)).match === 'equal');
    const tablesNote = evaluated
      ? `所附${evaluated.count}张项目支出绩效自评表年初预算数合计${ratToNumber(evaluated.budget)}万元、全年执行数合计${ratToNumber(evaluated.executed)}万元，与所述金额也不符。`
      : '';
    for (const unit of proseUnits(report, { body: true })) {
      for (const s of sentencesOf(unit)) {
        if (!/自评/.test(s.text)) continue;
        for (const clause of clauses(s)) {
          for (const c of checksOf(ctx, clause.text)) {
            const stated: Money = { ...c.mention.amount, unit: c.mention.unit };
            const cmp = compareAmounts(stated, c.base.money);
            const diff = ratToNumber(cmp.delta);
            const bad = c.full ? cmp.match !== 'equal' && !matchesTables(stated) : diff > tolerance;
            if (!bad) continue;
            const round = c.full && cmp.match === 'round';
            ctx.flag({
              messageId: c.full ? 'mismatch' : 'exceeds',
              status: round ? 'round' : 'fail',
              location: { span: spanOfText(report, unit, clause.at + c.mention.at, c.mention.text) },
              expected: ratToNumber(cmp.cell),
              actual: ratToNumber(cmp.stated),
              differenceUnits: Math.round(diff * ctx.scale),
              toleranceUnits: Math.round(tolerance * ctx.scale),
              data: {
                scope: c.scope,
                stated: `${printAmount(c.mention.amount)}${c.mention.unit}`,
                baseLabel: c.base.label,
                base: `${printAmount(c.base.money)}${c.base.money.unit}`,
                difference: `${Math.abs(diff).toFixed(2)}${cmp.unit}`,
                evaluated: c.full && c.scope.endsWith('项目') ? tablesNote : '',
              },
            });
            break;
          }
        }
      }
    }
  },
};
