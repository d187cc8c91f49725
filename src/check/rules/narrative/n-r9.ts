import type { Fact, Section } from '../../../model/report.js';
import { checkCompletion, compareAmounts, ratAbs, type Money } from '../../narrative/interval.js';
import type { CellRef, Rule, RuleContext } from '../../types.js';
import { paragraphsUnder, squeeze } from '../narrative.js';
import { checkSum, documentBlocks, flagSum, labelOf, printRational, spanAt, statedMoney, statementSections, type TextBlock } from './n-r7.js';
import { amountOf, cellMoney, factsOf, flagPercent, numberOf, printAmount } from './shared.js';

/** The 三公 items and their T09 columns: 决算数 7–12, 预算数 1–6 (rules.md §1.11). */
type Kind = 'total' | 'abroad' | 'vehicle' | 'purchase' | 'running' | 'reception';

const COLUMNS: Record<Kind, { actual: string; budget: string; name: string }> = {
  total: { actual: '7', budget: '1', name: '“三公”经费' },
  abroad: { actual: '8', budget: '2', name: '因公出国（境）费' },
  vehicle: { actual: '9', budget: '3', name: '公务用车购置及运行维护费' },
  purchase: { actual: '10', budget: '4', name: '公务用车购置费' },
  running: { actual: '11', budget: '5', name: '公务用车运行维护费' },
  reception: { actual: '12', budget: '6', name: '公务接待费' },
};

/** Which 三公 item a fact's subject names; undefined for details (国内接待, 购置数 …). */
export function kindOf(subject: string): Kind | undefined {
  const s = squeeze(subject).replace(/[“”"]/g, '');
  if (/国内|外事|国外|境外|数$|人次|团组/.test(s)) return undefined;
  if (/三公/.test(s)) return 'total';
  if (/因公出国/.test(s)) return 'abroad';
  if (/公务用车购置及运行/.test(s)) return 'vehicle';
  if (/公务用车购置(?:费|支出)?$/.test(s)) return 'purchase';
  if (/公务用车运行(?:维护)?费/.test(s)) return 'running';
  if (/^公务接待费/.test(s)) return 'reception';
  return undefined;
}

/** The sections about 三公 (their subsections included). */
function sanGongSections(sections: readonly Section[]): Section[] {
  return sections.filter((s) => /三公/.test(squeeze(s.title)));
}

function inside(f: Fact, sections: readonly Section[]): boolean {
  return sections.some((s) => paragraphsUnder(s).some((p) => f.span.start >= p.span.start && f.span.start < p.span.end));
}

const sameSentence = (a: Fact, b: Fact) => a.sentence !== undefined && b.sentence !== undefined && a.sentence.start === b.sentence.start;

/** `公务用车保有量为2辆` / SC `本部门共有公务用车 0 辆` (三公), `共有车辆11辆` (国有资产). */
const KEPT = /(?:保有量|共有公务用车|现有公务用车)[^，。；;\d]{0,12}?(\d+)\s*辆/;
const HELD = /(?:共有车辆|车辆(?:总数|数合计|合计|数))[^，。；;\d]{0,12}?(\d+)\s*辆/;

interface Count {
  value: number;
  block: TextBlock;
  at: number;
  end: number;
}

function firstCount(blocks: TextBlock[], re: RegExp): Count | undefined {
  for (const block of blocks) {
    const m = re.exec(block.text);
    if (m) {
      const at = m.index + m[0].lastIndexOf(m[1]!);
      return { value: Number(m[1]), block, at, end: at + m[1]!.length };
    }
  }
  return undefined;
}

/**
 * N-R9: the 三公 section against table 09 and against the 国有资产 section.
 * - 决算 amounts against the 决算数 columns (7–12) — those the narrative links to their cell are N-R1's, N-R9 compares
 *   the others; 预算 amounts against the 预算数 columns (1–6).
 * - `完成预算 x%` stated without a budget amount of its own: against the table's 决算数 ÷ 预算数, by interval (a
 *   percentage whose sentence states the budget is N-R6's: actual ÷ the stated budget; a zero budget is N-R4's).
 *   Without table 09: an item that spent 0 cannot state a completion above 0%.
 * - The decomposition, where the narrative states it (a document without table 09, seed 004): 三公 = 因公出国（境）费
 *   + 公务用车购置及运行维护费 + 公务接待费, and 公务用车购置及运行维护费 = 购置费 + 运行维护费, with the envelope of §3.
 *   When every term restates its cell, table 09's own rules judge the sum.
 * - 公务用车保有量 equals the 车辆数 of the 国有资产 section (or of SX 公开10表 row 7 when the section states none):
 *   more kept cars than vehicles is an error; fewer is a warning, since a unit may keep vehicles outside the 三公
 *   scope (特种专业技术用车) and should then say so.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R9',
    title: '“三公”经费说明与“三公”经费表、车辆数一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['09', '10'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.4, §1.11, §3 [SEED]',
    doc: '“三公”经费说明中的决算数、预算数须与财政拨款“三公”经费支出决算表对应栏一致；未写明预算数的“完成预算x%”按表中决算数÷预算数核对（无表时，支出为0的项目完成率只能为0%）；说明中“三公”经费须等于因公出国（境）费、公务用车购置及运行维护费、公务接待费之和，公务用车购置及运行维护费须等于购置费与运行维护费之和（尾数误差规则）；公务用车保有量须与国有资产占用情况中的车辆数一致。',
    messages: {
      amount: '情况说明第{{line}}行{{what}}决算数为{{stated}}，而{{cell}}为{{value}}，两者不一致（相差{{difference}}）。请核对',
      amountRound: '情况说明第{{line}}行{{what}}决算数为{{stated}}，{{cell}}为{{value}}，相差{{difference}}，属尾数误差',
      budget: '情况说明第{{line}}行{{what}}预算数为{{stated}}，而{{cell}}为{{value}}，两者不一致（相差{{difference}}）。请核对预算数',
      budgetRound: '情况说明第{{line}}行{{what}}预算数为{{stated}}，{{cell}}为{{value}}，相差{{difference}}，属尾数误差',
      completion: '情况说明第{{line}}行{{what}}“完成预算{{stated}}”，按“三公”经费支出决算表（决算{{actual}}÷预算{{budget}}）应为{{point}}{{truncated}}。请核对',
      completionRound: '情况说明第{{line}}行{{what}}“完成预算{{stated}}”，按“三公”经费支出决算表（决算{{actual}}÷预算{{budget}}）为{{point}}，在尾数误差区间{{interval}}内{{truncated}}',
      spentNothing: '情况说明第{{line}}行{{what}}支出为0，却称“完成预算{{stated}}”：没有支出时完成率只能是0%（预算也为0时应写“不可比”）。请核对',
      composition: '情况说明第{{line}}行{{what}}为{{total}}，而{{parts}}之和为{{sum}}（{{terms}}），相差{{difference}}{{toleranceNote}}请核对“三公”经费各项金额',
      compositionRound: '情况说明第{{line}}行{{what}}为{{total}}，{{parts}}之和为{{sum}}，相差{{difference}}',
      vehicles: '情况说明第{{line}}行公务用车保有量为{{kept}}辆，多于第{{otherLine}}行{{where}}的车辆数{{held}}辆。请核对车辆数',
      vehiclesFewer:
        '情况说明第{{line}}行公务用车保有量为{{kept}}辆，少于第{{otherLine}}行{{where}}的车辆数{{held}}辆。如差额是不在“三公”经费统计范围内的车辆（如特种专业技术用车），请在说明中注明；否则请核对车辆数',
    },
  },
  check(ctx) {
    const sections = sanGongSections(statementSections(ctx.report));
    const facts = factsOf(ctx.report).filter((f) => inside(f, sections));
    if (ctx.table('09')) {
      checkAmounts(ctx, facts);
      checkCompletions(ctx, facts);
    } else checkCompletionOfNothing(ctx, facts);
    checkComposition(ctx, facts);
    checkVehicles(ctx, sections);
  },
};

function cellOf(kind: Kind, column: 'actual' | 'budget'): CellRef {
  return { table: '09', row: 'main', column: COLUMNS[kind][column] };
}

function checkAmounts(ctx: RuleContext, facts: readonly Fact[]): void {
  for (const f of facts) {
    if (f.measure !== 'amount' || f.value === null) continue;
    const kind = kindOf(f.subject);
    if (!kind) continue;
    const budget = f.basis === 'budget' || f.basis === 'adjusted_budget';
    if (!budget && f.basis !== 'current') continue;
    // A 决算 amount linked to its cell is N-R1's.
    if (!budget && f.link?.table === '09') continue;
    const stated = statedMoney(f);
    const ref = cellOf(kind, budget ? 'budget' : 'actual');
    const cell = cellMoney(ctx, ref);
    if (!stated || !cell) continue;
    const c = compareAmounts(stated, cell);
    if (c.match === 'equal') continue;
    const round = c.match === 'round';
    ctx.flag({
      messageId: `${budget ? 'budget' : 'amount'}${round ? 'Round' : ''}`,
      status: round ? 'round' : 'fail',
      location: { table: ref.table, row: ref.row, column: ref.column, span: { ...f.span } },
      expected: numberOf(cell),
      actual: numberOf(stated),
      ...(stated.unit === ctx.unit ? { differenceUnits: Math.round((Number(c.delta.num) * ctx.scale) / Number(c.delta.den)) } : {}),
      data: {
        line: f.span.line ?? '',
        what: COLUMNS[kind].name,
        stated: f.text.replace(/\s+/g, ''),
        cell: ctx.describe(ref),
        value: `${printAmount(cell)}${ctx.unit}`,
        difference: `${printRational(ratAbs(c.delta), Math.max(2, c.decimals))}${c.unit}`,
      },
    });
  }
}

function checkCompletions(ctx: RuleContext, facts: readonly Fact[]): void {
  for (const f of facts) {
    if (f.measure !== 'completion' || f.value === null || f.notComparable) continue;
    const kind = kindOf(f.subject);
    if (!kind) continue;
    // The sentence states the budget: N-R6 computes actual ÷ that budget.
    if (facts.some((g) => g.measure === 'amount' && (g.basis === 'budget' || g.basis === 'adjusted_budget') && kindOf(g.subject) === kind && sameSentence(f, g))) continue;
    const stated = amountOf(f);
    const actual = cellMoney(ctx, cellOf(kind, 'actual'));
    const budget = cellMoney(ctx, cellOf(kind, 'budget'));
    if (!stated || !actual || !budget) continue;
    const check = checkCompletion(stated, actual, budget);
    flagPercent(ctx, f, check, {
      messageId: 'completion',
      roundMessageId: 'completionRound',
      cell: cellOf(kind, 'actual'),
      data: {
        line: f.span.line ?? '',
        what: COLUMNS[kind].name,
        actual: `${printAmount(actual)}${ctx.unit}`,
        budget: `${printAmount(budget)}${ctx.unit}`,
      },
    });
  }
}

/**
 * Without table 09 the budget is unknown, but an item that spent nothing cannot have completed any part of it
 * (004 `因公出国（境）经费支出0万元，完成预算0%`): a completion above 0 after a 0 amount in the same sentence fails.
 * A sentence that states the budget too is N-R6's.
 */
function checkCompletionOfNothing(ctx: RuleContext, facts: readonly Fact[]): void {
  for (const f of facts) {
    if (f.measure !== 'completion' || f.value === null || f.notComparable || f.value === 0) continue;
    const kind = kindOf(f.subject);
    if (!kind) continue;
    const same = facts.filter((g) => g.measure === 'amount' && kindOf(g.subject) === kind && sameSentence(f, g) && g.span.start < f.span.start);
    if (same.some((g) => g.basis === 'budget' || g.basis === 'adjusted_budget')) continue;
    const actual = same.filter((g) => g.basis === 'current').pop();
    if (!actual || actual.value !== 0) continue;
    ctx.flag({
      messageId: 'spentNothing',
      location: { span: { ...f.span } },
      expected: 0,
      actual: f.value,
      data: { line: f.span.line ?? '', what: COLUMNS[kind].name, stated: f.text.replace(/\s+/g, '') },
    });
  }
}

/** The first statement of each item's current amount in the 三公 section. */
function firstAmounts(facts: readonly Fact[]): Map<Kind, Fact> {
  const out = new Map<Kind, Fact>();
  for (const f of facts) {
    if (f.measure !== 'amount' || f.basis !== 'current' || f.value === null) continue;
    const kind = kindOf(f.subject);
    if (kind && !out.has(kind)) out.set(kind, f);
  }
  return out;
}

function checkComposition(ctx: RuleContext, facts: readonly Fact[]): void {
  const first = firstAmounts(facts);
  const sums: [Kind, Kind[], string][] = [
    ['total', ['abroad', 'vehicle', 'reception'], '因公出国（境）费、公务用车购置及运行维护费、公务接待费'],
    ['vehicle', ['purchase', 'running'], '公务用车购置费、公务用车运行维护费'],
  ];
  for (const [whole, partKinds, label] of sums) {
    const total = first.get(whole);
    const parts = partKinds.map((k) => first.get(k));
    if (!total || parts.some((p) => p === undefined)) continue;
    const terms = [total, ...(parts as Fact[])];
    // Every term restates its cell of table 09: the table's own rules judge the sum.
    if (terms.every((t) => t.link?.table === '09')) continue;
    const money = terms.map(statedMoney);
    if (money.some((m) => m === undefined)) continue;
    const check = checkSum(ctx, money[0]!, money.slice(1) as Money[]);
    flagSum(ctx, {
      messageId: 'composition',
      roundMessageId: 'compositionRound',
      total: { fact: total },
      parts: (parts as Fact[]).map((fact) => ({ fact })),
      check,
      data: { what: COLUMNS[whole].name, parts: label },
    });
  }
}

function checkVehicles(ctx: RuleContext, sections: readonly Section[]): void {
  const blocks = documentBlocks(ctx.report);
  const inSections = (pred: (s: Section) => boolean) => blocks.filter((b) => b.length > 0 && pred(b[0]!.section)).flat();
  const kept = firstCount(
    inSections((s) => sections.includes(s)),
    KEPT,
  );
  if (!kept) return;
  const assets = firstCount(
    inSections((s) => /国有资产/.test(squeeze(s.title))),
    HELD,
  );
  let held: { value: number; line: number | string; where: string } | undefined;
  if (assets) held = { value: assets.value, line: spanAt(assets.block, assets.at).line ?? '', where: '国有资产占用情况' };
  else {
    const t10 = ctx.units({ table: '10', row: 'L7', column: 'amount' });
    const row = ctx.row('10', 'L7');
    if (t10 !== undefined && row) held = { value: Math.round(t10 / ctx.scale), line: row.source?.line ?? '', where: '部门决算公开相关信息统计表' };
  }
  if (!held || held.value === kept.value) return;
  const more = kept.value > held.value;
  const span = spanAt(kept.block, kept.at, kept.end);
  ctx.flag({
    messageId: more ? 'vehicles' : 'vehiclesFewer',
    ...(more ? {} : { severity: 'warning' as const }),
    location: { span },
    expected: held.value,
    actual: kept.value,
    data: { line: span.line ?? '', kept: kept.value, held: held.value, otherLine: held.line, where: held.where },
  });
}
