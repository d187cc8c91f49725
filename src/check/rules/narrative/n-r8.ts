import { functionalClasses } from '../../../catalog/index.js';
import { parseAmount, type Amount } from '../../../model/amount.js';
import type { Fact, Report, Table } from '../../../model/report.js';
import { compareAmounts, halfUnitAt, rat, ratAbs, ratAdd, ratCmp, ratSub, type AmountComparison, type Money, type Rational } from '../../narrative/interval.js';
import type { CellRef, Rule, RuleContext } from '../../types.js';
import { halfIn, inUnit, printRational, statedMoney, statementSections } from './n-r7.js';
import { amountOf, cellMoney, factsOf, isMoneyUnit, numberOf, printAmount } from './shared.js';

/** Functional (支出功能分类) codes start with 2; 3xx are the economic classification of table 06. */
const CLASS = /^2\d{2}$/;
const ITEM = /^2\d{6}$/;
const RANK = { equal: 0, round: 1, different: 2 } as const;

/** The 类 / 款 / 项 amounts the narrative states (facts whose subject is a functional code), first statement per code. */
function codeStatements(report: Readonly<Report>): Fact[] {
  const paragraphs = statementSections(report).flatMap((s) => s.paragraphs);
  return factsOf(report).filter(
    (f) =>
      f.measure === 'amount' &&
      f.basis === 'current' &&
      f.value !== null &&
      /^2\d{2}(?:\d{2}){0,2}$/.test(f.subject) &&
      paragraphs.some((p) => f.span.start >= p.span.start && f.span.start < p.span.end),
  );
}

/**
 * The ways a stated number may be read: its own unit; a number printed without unit in the report's unit or
 * in 元 (N-R13 reports the missing unit; 003 `卫生健康支出165141.73，` is 元).
 */
function readings(f: Fact, report: Readonly<Report>): Money[] {
  const a = amountOf(f);
  if (!a) return [];
  if (isMoneyUnit(f.unit)) return [{ ...a, unit: f.unit }];
  if (f.unit !== '') return [];
  return [...new Set([report.moneyUnit, '元' as const])].map((unit) => ({ ...a, unit }));
}

function bestComparison(f: Fact, report: Readonly<Report>, cell: Money): { stated: Money; c: AmountComparison } | undefined {
  const options = readings(f, report).map((stated) => ({ stated, c: compareAmounts(stated, cell) }));
  return options.length === 0 ? undefined : options.reduce((a, b) => (RANK[b.c.match] < RANK[a.c.match] ? b : a));
}

function className(code: string, report: Readonly<Report>, fallback: string): string {
  return functionalClasses(report.year > 0 ? report.year : undefined).find((c) => c.code === code)?.name ?? fallback;
}

/** A 项 amount the narrative restates, from the rebuilt table 05 or, without it, from the 项 statements. */
interface ItemAmount {
  code: string;
  amount: Money;
  line: number | undefined;
}

function rebuiltItems(report: Readonly<Report>, statements: readonly Fact[]): ItemAmount[] {
  const rebuilt: Table | undefined = report.reconstructed?.find((t) => t.id === '05');
  if (rebuilt) {
    const out: ItemAmount[] = [];
    for (const row of rebuilt.rows) {
      const v = row.cells['1'];
      const a: Amount | undefined = v === null || v === undefined ? undefined : parseAmount(String(v));
      if (row.code && ITEM.test(row.code) && a) out.push({ code: row.code, amount: { ...a, unit: report.moneyUnit }, line: row.source?.line ?? row.span?.line });
    }
    return out;
  }
  const seen = new Set<string>();
  const out: ItemAmount[] = [];
  for (const f of statements) {
    const m = statedMoney(f);
    if (!ITEM.test(f.subject) || !m || seen.has(f.subject)) continue;
    seen.add(f.subject);
    out.push({ code: f.subject, amount: m, line: f.span.line });
  }
  return out;
}

/**
 * N-R8: the 一般公共预算 spending by 类 and 项 in the narrative agrees with table 05.
 * - With table 05 printed: a 类 / 项 amount the narrative links to its row is N-R1's (every linked amount equals
 *   its cell); N-R8 compares the ones not linked (an unlinked statement, a number printed without unit read as
 *   万元 or 元) with their row, reports a 类 / 项 the table does not have, and — when the narrative gives the
 *   class breakdown — a class of the table (本年支出合计 ≠ 0) the breakdown leaves out, so that the stated classes
 *   add up to the table's 合计. The sum itself is the table's (T05 rules) once every class is stated and equal.
 * - Without table 05 (seed 004: the text states every 项 and no table is printed): the 项 statements rebuild table 05
 *   (Report.reconstructed, else the statements themselves), and each stated 类 is compared with the sum of its 项:
 *   like an amount with its cell (a 1-decimal `2832.4` equals 2,832.41), the rest of the envelope of §3
 *   (0.005 × (n + 1)) being 尾数误差. When the 项 do not add up to the stated 一般公共预算 total the list is partial,
 *   and only a 类 smaller than its listed 项 is an error. The 项 against the stated total is N-R7's sum.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R8',
    title: '一般公共预算支出的类、项说明与支出决算表一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['05'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.4, §3 [SEED]',
    doc: '情况说明中一般公共预算财政拨款支出按类、项的金额须与一般公共预算财政拨款支出决算表对应行一致；结构说明须涵盖表中有支出的各类，使各类之和等于合计。文档未附表格时，以情况说明所列各项重建该表，核对各类金额与其下各项之和（尾数误差规则）。已与表格单元格对应的金额由N-R1核对，各项与总额之和由N-R7核对。',
    messages: {
      amount: '情况说明第{{line}}行{{what}}为{{stated}}，而{{cell}}为{{value}}，两者不一致（相差{{difference}}）。请核对',
      amountRound: '情况说明第{{line}}行{{what}}为{{stated}}，{{cell}}为{{value}}，相差{{difference}}，属尾数误差',
      notInTable: '情况说明第{{line}}行列有{{what}}{{stated}}，但一般公共预算财政拨款支出决算表中没有{{code}}这一科目。请核对科目或表格',
      missingClass: '一般公共预算财政拨款支出决算表中{{code}} {{name}}支出{{value}}，但情况说明第{{line}}行起的支出结构说明未列该类，所列各类之和与合计不符。请补充',
      sumOfItems: '情况说明第{{line}}行{{what}}为{{stated}}，而情况说明所列该类各项（第{{lines}}行）之和为{{sum}}，相差{{difference}}{{toleranceNote}}请核对该类金额或各项金额',
      sumOfItemsRound: '情况说明第{{line}}行{{what}}为{{stated}}，所列该类各项（第{{lines}}行）之和为{{sum}}，相差{{difference}}',
    },
  },
  check(ctx) {
    const statements = codeStatements(ctx.report);
    if (statements.length === 0) return;
    if (ctx.table('05')) checkAgainstTable(ctx, statements);
    else checkAgainstItems(ctx, statements);
  },
};

function checkAgainstTable(ctx: RuleContext, statements: readonly Fact[]): void {
  const table = ctx.table('05')!;
  const whole = table.recognition.unmatchedRows.length === 0;
  for (const f of statements) {
    // Linked to a cell that was read: N-R1 compares it.
    if (f.link?.table === '05' && ctx.units(f.link) !== undefined) continue;
    const ref: CellRef = { table: '05', row: f.subject, column: '1' };
    const cell = cellMoney(ctx, ref);
    const what = f.phrase && f.phrase !== '' ? f.phrase : f.subject;
    if (!cell) {
      if (whole && ctx.row('05', f.subject) === undefined && f.value !== 0) {
        ctx.flag({
          messageId: 'notInTable',
          location: { span: { ...f.span } },
          expected: null,
          actual: numberOf(amountOf(f)!),
          data: { line: f.span.line ?? '', what, stated: f.text.replace(/\s+/g, ''), code: f.subject },
        });
      }
      continue;
    }
    const best = bestComparison(f, ctx.report, cell);
    if (!best || best.c.match === 'equal') continue;
    const round = best.c.match === 'round';
    ctx.flag({
      messageId: round ? 'amountRound' : 'amount',
      status: round ? 'round' : 'fail',
      location: { table: '05', row: f.subject, column: '1', span: { ...f.span } },
      expected: numberOf(cell),
      actual: numberOf(amountOf(f)!),
      data: {
        line: f.span.line ?? '',
        what,
        stated: `${f.text.replace(/\s+/g, '')}${isMoneyUnit(f.unit) ? '' : `（按${best.stated.unit}计）`}`,
        cell: ctx.describe(ref),
        value: `${printAmount(cell)}${ctx.unit}`,
        difference: `${printRational(ratAbs(best.c.delta), Math.max(2, best.c.decimals))}${best.c.unit}`,
      },
    });
  }
  // The class breakdown covers every class the table spends on.
  const classes = statements.filter((f) => CLASS.test(f.subject));
  if (classes.length === 0) return;
  const stated = new Set(classes.map((f) => f.subject));
  const first = classes[0]!;
  // The paragraphs of the breakdown: a class named there without a fact read for it is not missing.
  const breakdown = statementSections(ctx.report)
    .flatMap((s) => s.paragraphs)
    .filter((p) => classes.some((f) => f.span.start >= p.span.start && f.span.start < p.span.end))
    .map((p) => p.text.replace(/\s+/g, ''))
    .join('\n');
  for (const row of table.rows) {
    if (!row.code || !CLASS.test(row.code) || stated.has(row.code)) continue;
    if (breakdown.includes(row.name.replace(/\s+/g, '').replace(/支出$/, ''))) continue;
    const cell = cellMoney(ctx, { table: '05', row: row.key, column: '1' });
    if (!cell || cell.units === 0) continue;
    ctx.flag({
      messageId: 'missingClass',
      location: { table: '05', row: row.key, column: '1', span: { ...first.span } },
      expected: numberOf(cell),
      actual: null,
      data: { line: first.span.line ?? '', code: row.code, name: row.name.replace(/支出$/, ''), value: `${printAmount(cell)}${ctx.unit}` },
    });
  }
}

/** ±half a unit at ≥ 2 decimals per displayed value, in the report's unit. */
function envelope(values: readonly Money[], unit: Money['unit']): Rational {
  return values.reduce((acc, m) => ratAdd(acc, halfIn(m, unit)), rat(0n));
}

function checkAgainstItems(ctx: RuleContext, statements: readonly Fact[]): void {
  const items = rebuiltItems(ctx.report, statements);
  if (items.length === 0) return;
  const unit = ctx.report.moneyUnit;
  // A complete 项 list adds up to the stated 一般公共预算 total (N-R7 reports how well); a partial one
  // can only show a class that is too small.
  const totalFact = factsOf(ctx.report).find((f) => f.subject === '一般公共预算财政拨款支出' && f.measure === 'amount' && f.basis === 'current' && f.value !== null);
  const total = totalFact ? statedMoney(totalFact) : undefined;
  const all = items.reduce((acc, i) => ratAdd(acc, inUnit(i.amount, unit)), rat(0n));
  const complete =
    total !== undefined &&
    ratCmp(ratAbs(ratSub(inUnit(total, unit), all)), envelope([total, ...items.map((i) => i.amount)], unit)) <= 0;
  const seen = new Set<string>();
  for (const f of statements) {
    if (!CLASS.test(f.subject) || seen.has(f.subject)) continue;
    seen.add(f.subject);
    const own = items.filter((i) => i.code.startsWith(f.subject));
    const stated = statedMoney(f);
    if (own.length === 0 || !stated) continue;
    const sum = own.reduce((acc, i) => ratAdd(acc, inUnit(i.amount, unit)), rat(0n));
    const s = inUnit(stated, unit);
    const delta = ratSub(s, sum);
    if (delta.num === 0n) continue;
    // Like an amount against its cell: a 1-decimal class equals its items within half its unit.
    const asCell: Money = { units: Number((sum.num * 100n) / sum.den), scale: 2, unit };
    const exact = (sum.num * 100n) % sum.den === 0n;
    if (exact && compareAmounts(stated, asCell).match === 'equal') continue;
    const half = halfUnitAt(stated.scale < 2 ? stated.scale : 2);
    const tolerance = ratAdd(stated.scale < 2 ? half : rat(0n), envelope([stated, ...own.map((i) => i.amount)], unit));
    const within = ratCmp(ratAbs(delta), tolerance) <= 0;
    if (!within && !complete && delta.num > 0n) continue;
    const lines = [...new Set(own.map((i) => i.line).filter((l) => l !== undefined))];
    const linesText = lines.length > 3 ? `${lines[0]}–${lines[lines.length - 1]}` : lines.join('、');
    const decimals = 2;
    const scaled = (r: Rational) => (Number(r.num) * ctx.scale) / Number(r.den);
    ctx.flag({
      messageId: within ? 'sumOfItemsRound' : 'sumOfItems',
      status: within ? 'round' : 'fail',
      location: { span: { ...f.span } },
      expected: Number(printRational(sum, decimals).replace(/,/g, '')),
      actual: numberOf(stated),
      ...(stated.unit === ctx.unit ? { differenceUnits: Math.round(scaled(delta)), toleranceUnits: scaled(tolerance) } : {}),
      data: {
        line: f.span.line ?? '',
        what: f.phrase && f.phrase !== '' ? f.phrase : className(f.subject, ctx.report, f.subject),
        stated: f.text.replace(/\s+/g, ''),
        lines: linesText,
        sum: `${printRational(sum, decimals)}${unit}`,
        difference: `${printRational(ratAbs(delta), decimals)}${unit}`,
      },
    });
  }
}
