/**
 * What the narrative rules N-R1 … N-R15 share: the facts of a report as exact amounts, the cells they
 * restate, and one way of turning a percentage verdict (src/check/narrative/interval.ts) into a finding.
 * The arithmetic lives in interval.ts; this file only adapts facts and cells to it.
 */
import { parseAmount, type Amount } from '../../../model/amount.js';
import type { Fact, MoneyUnit, Report } from '../../../model/report.js';
import { formatPercent, formatInterval, type Money, type PercentCheck } from '../../narrative/interval.js';
import type { CellRef, RuleContext } from '../../types.js';
import type { FindingLocation } from '../../../model/finding.js';

/** Every fact of the report, in reading order. */
export function factsOf(report: Readonly<Report>): readonly Fact[] {
  return report.facts ?? [];
}

/** Facts by id, for following `related`. */
export function factIndex(report: Readonly<Report>): Map<string, Fact> {
  return new Map(factsOf(report).map((f) => [f.id ?? '', f]));
}

/**
 * The printed number of a fact as an exact Amount (`1,677.2万元` → 16772 at scale 1). Unsigned, as
 * printed: a 减少 is positive here; see signedAmount. Undefined for a fact without a number (持平, --).
 */
export function amountOf(f: Fact): Amount | undefined {
  if (f.value === null) return undefined;
  const m = /[\d,，.]+/.exec(f.text.replace(/\s+/g, ''));
  return m ? parseAmount(m[0].replace(/[.,，]+$/, '')) : undefined;
}

/** A change or rate with the sign of its direction word (减少 0.22 → −0.22). */
export function signedAmount(f: Fact): Amount | undefined {
  const a = amountOf(f);
  if (!a) return undefined;
  return f.direction === 'decrease' ? { units: -a.units, scale: a.scale } : a;
}

/** True when the fact is an amount of money (万元 / 元 / 亿元). A fact printed without unit is not. */
export function isMoneyUnit(unit: string): unit is MoneyUnit {
  return unit === '万元' || unit === '元' || unit === '亿元';
}

/**
 * The fact's amount with its money unit. A number printed without unit is taken in the report's money
 * unit (N-R13 flags the missing unit itself; the other rules still compare the number).
 */
export function moneyOf(f: Fact, report: Readonly<Report>): Money | undefined {
  const a = amountOf(f);
  if (!a) return undefined;
  const unit = isMoneyUnit(f.unit) ? f.unit : report.moneyUnit;
  return { ...a, unit };
}

/** A table cell as an exact Money (scale = the table's printed decimals); undefined when not read. */
export function cellMoney(ctx: RuleContext, ref: CellRef): Money | undefined {
  const units = ctx.units(ref);
  if (units === undefined) return undefined;
  const decimals = Math.round(Math.log10(ctx.scale));
  return { units, scale: decimals, unit: ctx.report.moneyUnit };
}

/** The finding location of a fact: its span, and the cell it restates when linked. */
export function factLocation(f: Fact, cell?: CellRef): FindingLocation {
  const ref = cell ?? f.link;
  return { ...(ref ? { table: ref.table, row: ref.row, column: ref.column } : {}), span: { ...f.span } };
}

/** The printed form of an Amount (`1,234.5`), for messages. */
export function printAmount(a: Amount): string {
  const neg = a.units < 0;
  const digits = String(Math.abs(a.units)).padStart(a.scale + 1, '0');
  const int = a.scale > 0 ? digits.slice(0, -a.scale) : digits;
  const frac = a.scale > 0 ? '.' + digits.slice(-a.scale) : '';
  return `${neg ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac}`;
}

/** The JSON number of an Amount (exact: built from its decimal string). */
export function numberOf(a: Amount): number {
  return Number(printAmount(a).replace(/,/g, ''));
}

/**
 * Report a percentage verdict for a fact: nothing on pass; info (`round`) for a value inside the
 * rounding interval or a truncation (rules.md §3); the rule's severity for a failure. A zero base
 * is N-R4's business and is not reported here. `data` fills the rule's message; `point`,
 * `interval` and `stated` are added.
 */
export function flagPercent(ctx: RuleContext, f: Fact, check: PercentCheck, input: { messageId: string; roundMessageId?: string; data?: Record<string, string | number>; cell?: CellRef; related?: string[] }): void {
  if (check.verdict === 'pass' || check.verdict === 'zero-base') return;
  const stated = amountOf(f)!;
  const round = check.verdict === 'round' || check.verdict === 'truncated';
  const expected = check.expected ? numberOf(check.expected) : null;
  ctx.flag({
    messageId: round && input.roundMessageId ? input.roundMessageId : input.messageId,
    status: round ? 'round' : 'fail',
    location: factLocation(f, input.cell),
    expected,
    actual: numberOf(stated),
    data: {
      stated: `${printAmount(stated)}%`,
      point: check.point ? formatPercent(check.point) : '',
      interval: formatInterval({ lo: check.lo, hi: check.hi }),
      truncated: check.verdict === 'truncated' ? '（截尾而非四舍五入）' : '',
      ...(input.data ?? {}),
    },
    ...(input.related ? { related: input.related } : {}),
  });
}
