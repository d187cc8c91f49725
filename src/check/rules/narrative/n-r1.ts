import type { Fact } from '../../../model/report.js';
import { compareAmounts, halfUnitAt, rat, ratAdd, ratCmp, ratMul, ratOfAmount, ratSub, roundHalfUp, toWanyuan, type AmountComparison, type Money, type Rational } from '../../narrative/interval.js';
import type { CellRef, Rule, RuleContext } from '../../types.js';
import { amountOf, cellMoney, factLocation, factsOf, isMoneyUnit, numberOf, printAmount } from './shared.js';

/**
 * How the fact is named in a message: the words the narrative used (一般公共服务支出（类）); for a 项 read
 * by its code from `…（项）：支出决算为…`, the row's code and name.
 */
function label(f: Fact, ctx: RuleContext): string {
  const phrase = f.phrase ?? '';
  if (/^\d+$/.test(f.subject) && !/[（(](?:类|款|项)[)）]/.test(phrase) && f.link) {
    const row = ctx.row(f.link.table, f.link.row);
    if (row) return `${row.code ?? f.subject} ${row.name}`;
  }
  return phrase !== '' ? phrase : f.subject;
}

/** A dash (——) in the cell: not applicable, nothing to restate (rules.md §8). */
function isDash(ctx: RuleContext, ref: CellRef): boolean {
  return ctx.row(ref.table, ref.row)?.dashes?.includes(ref.column) ?? false;
}

/**
 * The ways the printed number may be read: in its own unit; a number printed without unit in the
 * report's unit or in 元 (N-R13 flags the missing unit; 003 `卫生健康支出165141.73，` is 元).
 */
function readings(f: Fact, ctx: RuleContext): Money[] {
  const a = amountOf(f);
  if (!a) return [];
  if (isMoneyUnit(f.unit)) return [{ ...a, unit: f.unit }];
  if (f.unit !== '') return [];
  const units = new Set([ctx.report.moneyUnit, '元' as const]);
  return [...units].map((unit) => ({ ...a, unit }));
}

/** stated − cell at the cell's precision: the 万元 value the 决算 system would print for a 元 amount. */
function difference(c: AmountComparison, stated: Money, cell: Money): Rational {
  if (stated.unit === cell.unit) return c.delta;
  return ratSub(ratOfAmount(roundHalfUp(c.stated, cell.scale)), c.cell);
}

/**
 * The difference allowed before a mismatch is an error (for the message): 0.01 (§3), plus half a unit of
 * the narrative's coarser precision when it prints fewer decimals in the same unit (1,677.2: ±0.05).
 */
function tolerance(stated: Money, cell: Money): Rational {
  const slack = rat(1n, 100n);
  if (stated.unit !== cell.unit || stated.scale >= cell.scale) return slack;
  return ratAdd(halfUnitAt(stated.scale), slack);
}

const RANK = { equal: 0, round: 1, different: 2 } as const;

/**
 * N-R1: every current-year amount the narrative restates from a table (a fact linked to a cell by the
 * phrase dictionary of rules.md §2.4) equals the cell. Narratives drop trailing zeros (1,677.2 =
 * 1,677.20), may round to one decimal (equal within ±0.05), and may quote 元 (converted with
 * round_half_up(元/10000, 2)); a remaining difference of 0.01 is 尾数误差 (info), more is an error.
 * Counts linked to a cell (vehicles in the SX 公开10表) must match exactly.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R1',
    title: '情况说明引用的金额与表格一致',
    severity: 'error',
    category: 'accuracy',
    tables: ['01', '03', '04', '05', '06', '07', '08', '09', '10'],
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.4, §3 [SEED]',
    doc: '情况说明中引用的本年决算金额须等于所对应表格单元格的金额：去掉末尾的0后相等；情况说明只写1位小数时，相差不超过0.05视为相等；以元为单位的金额按四舍五入折算为万元（保留2位小数）后比较。另有0.01的差异属尾数误差（提示），更大的差异为错误。',
    messages: {
      mismatch: '情况说明第{{line}}行“{{subject}}”为{{stated}}，{{cell}}为{{value}}，相差{{difference}}{{toleranceNote}}请核对情况说明中的金额与表格数据，改正有误的一方',
      count: '情况说明第{{line}}行“{{subject}}”为{{stated}}，而{{cell}}为{{value}}，两者不一致。请核对',
    },
  },
  check(ctx) {
    for (const f of factsOf(ctx.report)) {
      if (!f.link || f.basis !== 'current' || f.value === null) continue;
      const ref = f.link;
      if (isDash(ctx, ref)) continue;
      const cell = cellMoney(ctx, ref);
      if (!cell) continue;
      const line = f.span.line ?? '';
      const where = ctx.describe(ref);
      if (f.measure === 'count') {
        const a = amountOf(f);
        if (!a) continue;
        if (ratCmp(ratOfAmount(a), ratOfAmount(cell)) === 0) continue;
        ctx.flag({
          messageId: 'count',
          location: factLocation(f, ref),
          expected: numberOf(cell),
          actual: numberOf(a),
          data: { line, subject: label(f, ctx), stated: f.text, cell: where, value: printAmount(cell) },
        });
        continue;
      }
      if (f.measure !== 'amount') continue;
      // A negative cell is quoted by its magnitude (the narrative says 减少 / 赤字 in words).
      const target: Money = cell.units < 0 ? { ...cell, units: -cell.units } : cell;
      const options = readings(f, ctx).map((stated) => ({ stated, c: compareAmounts(stated, target) }));
      if (options.length === 0) continue;
      const best = options.reduce((a, b) => (RANK[b.c.match] < RANK[a.c.match] ? b : a));
      if (best.c.match === 'equal') continue;
      const diff = difference(best.c, best.stated, target);
      const diffAmount = roundHalfUp(diff, cell.scale);
      const round = best.c.match === 'round';
      const converted = best.stated.unit !== ctx.report.moneyUnit && ctx.report.moneyUnit === '万元';
      const stated = converted ? `${f.text}（折合${printAmount(toWanyuan(best.stated, cell.scale))}万元）` : f.text;
      const inUnits = (r: Rational) => roundHalfUp(ratMul(r, rat(BigInt(ctx.scale))), 0).units;
      ctx.flag({
        messageId: 'mismatch',
        status: round ? 'round' : 'fail',
        location: factLocation(f, ref),
        expected: numberOf(target),
        actual: numberOf(amountOf(f)!),
        differenceUnits: inUnits(diff),
        toleranceUnits: inUnits(tolerance(best.stated, target)),
        data: {
          line,
          subject: label(f, ctx),
          stated,
          cell: where,
          value: `${printAmount(target)}${ctx.report.moneyUnit}`,
          difference: `${printAmount({ units: Math.abs(diffAmount.units), scale: diffAmount.scale })}${ctx.report.moneyUnit}`,
        },
      });
    }
  },
};
