import { parseAmount, type Amount } from '../../../model/amount.js';
import { rat, ratAdd, ratCmp, ratMul, ratOfAmount, ratToNumber, type Rational } from '../../narrative/interval.js';
import type { Rule, RuleContext } from '../../types.js';
import { squeeze } from '../narrative.js';
import { allSentences, moneyIn, nounBefore, NUMBER, proseUnits, spanOfText, type ProseSentence, type ProseUnit } from './prose.js';

// ------------------------------------------------------------------------------------------------
// Carry-over to the next year against 年末结转和结余
// ------------------------------------------------------------------------------------------------

/** …结转至次年支付 / 结转到下年使用 / 结转2025年 — money carried out of the year (not into it). */
const CARRY = /(?:结转|留待|留用)(?:至|到|入|于)?(次年|下年|下一年度?|下一?个?年度|以后年度|(\d{4})年度?)/;
/** 结转结余0万元 / 年末结转和结余为0 — the whole unit's closing balance stated as zero (not 年初 / 上年). */
const CLOSING_ZERO = /(?<!年初|上年|年初的|上年度)结转(?:和|及|与)?结余(?:资金|决算数)?(?:为|共计|合计)?0(?:\.0+)?(?:万元|元)?(?![\d.])|年末(?:没有|无)[^。；，,]{0,6}结(?:转|余)/;
/** 年末结转和结余X万元 — the closing balance stated with its amount. */
const CLOSING = new RegExp(`年末(?:财政拨款)?结转(?:和|及|与)?结余(?:资金)?(?:为|共计|合计)?(${NUMBER})(万元|元)`);

interface Closing {
  /** In 万元 (the report's unit). */
  value: Rational;
  /** Where it is stated, as a clause of the message. */
  source: string;
}

function toWan(a: Amount, unit: string): Rational {
  const r = ratOfAmount(a);
  return unit === '元' ? { num: r.num, den: r.den * 10000n } : unit === '亿元' ? { num: r.num * 10000n, den: r.den } : r;
}

/** 年末结转和结余: table 01, else what the narrative says of it. */
function closingOf(ctx: RuleContext, sentences: ProseSentence[]): Closing | undefined {
  const ref = { table: '01', row: 'exp.closing', column: '2' };
  const units = ctx.table('01') ? ctx.units(ref) : undefined;
  if (units !== undefined) {
    const value = rat(units, ctx.scale);
    return { value, source: `收入支出决算总表中年末结转和结余为${ctx.money(units)}${ctx.unit}` };
  }
  for (const s of sentences) {
    const m = CLOSING.exec(s.text);
    if (m) {
      const a = parseAmount(m[1]!.replace(/，/g, ','))!;
      return { value: toWan(a, m[2]!), source: `第${lineOf(s)}行称“${m[0]}”` };
    }
    const z = CLOSING_ZERO.exec(s.text);
    if (z) return { value: rat(0), source: `第${lineOf(s)}行称“${z[0]}”` };
  }
  return undefined;
}

function lineOf(s: ProseSentence): number | undefined {
  let line = s.unit.pieces[0]!.span.line;
  for (const p of s.unit.pieces) if (p.at <= s.at) line = p.span.line;
  return line;
}

// ------------------------------------------------------------------------------------------------
// Procurement claimed against a zero procurement total
// ------------------------------------------------------------------------------------------------

const PROCUREMENT_ZERO = /政府采购(?:支出)?总额(?:为|共计)?0(?:\.0+)?(?:万元|元)|(?:未发生|没有|无)政府采购(?:支出|业务|事项)?(?![^，。；]{0,4}意向)/;
const PROCUREMENT_CLAIM =
  /采购中?均面向中小企业|面向中小企业(?:开展)?采购|授予中小企业(?:的)?合同金额(?:为)?(?!0(?:\.0+)?(?:万元|元))\d|(?:开展|实施|完成|组织)了?[^，。；]{0,8}政府采购(?!意向)|通过[^，。；]{0,10}采购方式/;
const NEGATED = /(?:未|没有|无)[^，。；]{0,6}(?:采购|面向中小企业)/;

function procurementZero(ctx: RuleContext, sentences: ProseSentence[]): { source: string; sentence?: ProseSentence } | undefined {
  const t10 = ctx.table('10');
  const total = t10?.rows.find((r) => r.key === 'L1' && /合计/.test(r.name));
  if (total) {
    const units = ctx.units({ table: '10', row: total.key, column: 'amount' });
    return units === 0 ? { source: '部门决算公开相关信息统计表中政府采购合计为0' } : undefined;
  }
  const s = sentences.find((x) => PROCUREMENT_ZERO.test(x.text));
  return s ? { source: `第${lineOf(s)}行称“${PROCUREMENT_ZERO.exec(s.text)![0]}”`, sentence: s } : undefined;
}

// ------------------------------------------------------------------------------------------------
// "All targets achieved" against an indicator below its target
// ------------------------------------------------------------------------------------------------

/** 设定的各项绩效目标指标均已实现 / 共设置了32个具体绩效指标，均已完成年度目标值. */
const ALL_MET = /(?:各项|所有|全部|\d+个)[^。；]{0,16}指标[^。；]{0,10}(?:均|全部|都)(?:已|已经)?(?:超额)?(?:实现|完成|达成|达到)/;
const NOT_ALL = /未(?:全部|能|完全)?(?:实现|完成|达成|达到)|未完成|部分(?:完成|实现)/;
const TARGET_WORD = /预期实现值?[：:]?|年度指标值[：:]?|目标值[：:]?/;
const QUANTITY = new RegExp(
  `(约|≥|>=|＞=|不低于|不少于|达到|超过|不高于|不超过?|≤|<=|低于|少于|控制在)?(${NUMBER})(万人次|万人|人次|个月|万|人|名|个|家|场|次|件|项|户|批|%|％|天|小时|期)(以上|以下|以内|或以上)?`,
  'g',
);
const REVERSE = /不高于|不超过?|≤|<=|低于|少于|控制在|以下|以内/;

interface Quantity {
  value: Rational;
  unit: string;
  text: string;
  about: boolean;
  reverse: boolean;
}

function quantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    const a = parseAmount(m[2]!.replace(/，/g, ','));
    if (!a) continue;
    const qualifier = `${m[1] ?? ''}${m[4] ?? ''}`;
    out.push({ value: ratOfAmount(a), unit: m[3]!.replace('％', '%'), text: m[0], about: m[1] === '约', reverse: REVERSE.test(qualifier) });
  }
  return out;
}

interface Shortfall {
  indicator: string;
  target: Quantity;
  actual: Quantity;
  unit: ProseUnit;
}

/** The header row of each grid (the first row naming a target or result column). */
function headers(units: readonly ProseUnit[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const u of units) if (u.grid !== undefined && u.cells && !out.has(u.grid) && u.cells.some((c) => /实现值|完成值|完成情况/.test(c))) out.set(u.grid, u.cells);
  return out;
}

/** The indicator rows of the document whose actual value falls short of the target. */
function shortfalls(units: readonly ProseUnit[]): Shortfall[] {
  const out: Shortfall[] = [];
  const heads = headers(units);
  for (const u of units) {
    if (!u.cells || u.cells.filter((c) => c !== '').length < 2) continue;
    const cells = u.cells;
    let ti = cells.findIndex((c) => TARGET_WORD.test(c) && quantities(c.slice(TARGET_WORD.exec(c)!.index)).length > 0);
    // The result is the next cell printed (a merged cell leaves empty ones between).
    let ai = ti >= 0 ? cells.findIndex((c, i) => i > ti && c !== '') : -1;
    if (ti < 0 && u.grid !== undefined) {
      // A grid with a result column: the value before the result cell is the target (rows as long as the header).
      const head = heads.get(u.grid);
      const rc = head && head.length === cells.length ? head.findIndex((c) => /实际完成值|实现值|完成值|完成情况/.test(c)) : -1;
      if (rc > 0) [ti, ai] = [rc - 1, rc];
    }
    if (ti < 0 || ai < 0 || ai >= cells.length) continue;
    const targetText = cells[ti]!.slice(TARGET_WORD.exec(cells[ti]!)?.index ?? 0);
    const target = quantities(targetText)[0];
    if (!target) continue;
    const actual = quantities(cells[ai]!).find((q) => q.unit === target.unit);
    if (!actual) continue;
    const slack = target.about ? rat(9, 10) : rat(1);
    const short = target.reverse
      ? ratCmp(actual.value, ratMul(target.value, target.about ? rat(11, 10) : rat(1))) > 0
      : ratCmp(actual.value, ratMul(target.value, slack)) < 0;
    if (!short) continue;
    const name = cells.slice(0, ti).filter((c) => c !== '').at(-1) ?? targetText;
    out.push({ indicator: name.length > 40 ? `${name.slice(0, 40)}…` : name, target, actual, unit: u });
  }
  return out;
}

/**
 * N-R12: the narrative does not contradict the tables, nor itself where a document has no tables.
 * - A sum said to be carried over to the next year (结转至次年 …) while 年末结转和结余 is 0 (table 01,
 *   else the narrative's own `结转结余0万元` / `年末没有…结余`), or larger than it: error.
 * - Procurement said to have taken place (采购中均面向中小企业 …) while the procurement total is 0
 *   (table 10 of the SX template, else the narrative's `政府采购支出总额0万元`): warning.
 * - "All indicators achieved" (各项绩效指标均已实现 …) while an indicator row (target → actual) of the
 *   document shows an actual below its target (above it for a ceiling; `约` allows 10%): error, one
 *   per indicator, at the first such claim.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R12',
    title: '情况说明与表格及自身不矛盾',
    severity: 'error',
    category: 'accuracy',
    tables: ['01', '10'],
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.4, §7 [SEED]',
    doc: '情况说明不得与决算表或其自身矛盾：称有资金结转下年，年末结转和结余须不为0且不小于所述金额；称开展了采购（如面向中小企业采购），政府采购支出总额不应为0；称各项绩效指标均已实现，指标表中不应有实际完成值低于目标值的指标。',
    messages: {
      carry_over: '情况说明称{{claimed}}结转至下一年度，但{{source}}，即年末结转和结余为0，二者矛盾。请核对年末结转和结余，或更正该说法',
      carry_over_exceeds: '情况说明称{{claimed}}结转至下一年度，但{{source}}，小于所述结转金额，二者矛盾。请核对年末结转和结余，或更正该说法',
      procurement: '情况说明称“{{claim}}”，但{{source}}，即本年度没有政府采购支出，二者矛盾。请核对政府采购数据，或更正该说法',
      unmet_target: '情况说明称“{{claim}}”，但指标“{{indicator}}”目标值为{{target}}，实际完成{{actual}}，未达到目标（第{{line}}行）。请如实说明未完成的指标及原因',
    },
  },
  check(ctx) {
    const report = ctx.report;
    const units = proseUnits(report);
    const sentences = allSentences(units);
    const year = report.year;

    // Carry-over
    const closing = closingOf(ctx, sentences);
    if (closing) {
      for (const s of sentences) {
        const m = CARRY.exec(s.text);
        if (!m || (m[2] && Number(m[2]) !== year + 1)) continue;
        const amounts = moneyIn(s.text.slice(0, m.index));
        const claimed = amounts.reduce((acc, x) => ratAdd(acc, toWan(x.amount, x.unit)), rat(0));
        const tol = rat(Math.round((ctx.meta.tolerance.kind === 'absolute' ? ctx.meta.tolerance.value : 0.01) * 100), 100);
        const zero = closing.value.num === 0n;
        if (!zero && (amounts.length === 0 || ratCmp(claimed, ratAdd(closing.value, tol)) <= 0)) continue;
        const named = amounts.map((x) => `${nounBefore(s.text, x.at)}${x.text}`);
        const claimedText = amounts.length === 0 ? '有资金' : amounts.length === 1 ? named[0]! : `${named.join('、')}（合计${ratToNumber(claimed)}万元）`;
        const first = amounts[0];
        ctx.flag({
          messageId: zero ? 'carry_over' : 'carry_over_exceeds',
          location: { span: spanOfText(report, s.unit, s.at + (first?.at ?? 0), first?.text ?? '') },
          expected: ratToNumber(closing.value),
          actual: amounts.length > 0 ? ratToNumber(claimed) : null,
          data: { claimed: claimedText, source: closing.source },
        });
      }
    }

    // Procurement
    const none = procurementZero(ctx, sentences);
    if (none) {
      for (const s of sentences) {
        if (s === none.sentence || s.unit === none.sentence?.unit) continue;
        const m = PROCUREMENT_CLAIM.exec(s.text);
        if (!m || NEGATED.test(s.text)) continue;
        ctx.flag({
          messageId: 'procurement',
          severity: 'warning',
          location: { span: spanOfText(report, s.unit, s.at, '') },
          expected: 0,
          actual: null,
          data: { claim: s.text.length > 40 ? `${s.text.slice(0, 40)}…` : s.text, source: none.source },
        });
      }
    }

    // All targets achieved
    const claim = sentences.find((s) => ALL_MET.test(s.text) && !NOT_ALL.test(s.text));
    if (claim) {
      for (const x of shortfalls(units)) {
        ctx.flag({
          messageId: 'unmet_target',
          location: { span: spanOfText(report, claim.unit, claim.at, '') },
          expected: squeeze(x.target.text),
          actual: squeeze(x.actual.text),
          data: {
            claim: ALL_MET.exec(claim.text)![0],
            indicator: x.indicator,
            target: x.target.text,
            actual: x.actual.text,
            line: x.unit.pieces[0]!.span.line ?? '?',
          },
        });
      }
    }
  },
};
