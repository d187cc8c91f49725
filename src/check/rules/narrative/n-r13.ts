import { parseAmount, type Amount } from '../../../model/amount.js';
import type { Report } from '../../../model/report.js';
import { ratAbs, ratAdd, ratCmp, ratOfAmount, ratSub, rat, type Rational } from '../../narrative/interval.js';
import type { Rule, RuleContext } from '../../types.js';
import { moneyIn, NUMBER, nounBefore, proseUnits, sentencesOf, spanOfText, type MoneyMention, type ProseUnit } from './prose.js';
import { printAmount } from './shared.js';

/** Words that name an amount of money right before its number (`卫生健康支出165141.73`). */
const MONEY_WORD = '(?:支出|收入|经费|资金|拨款|金额|总额|合计|总计|费|结余|结转|预算数?|决算数?|执行数|补助|补贴|成本)(?:[（(][类款项][）)])*(?:为|是|共|共计|合计|总计|达|约|了)?';
/** A number after such a word, followed by nothing that could be a unit: a comma, a full stop, the end. */
const BARE = new RegExp(`${MONEY_WORD}(${NUMBER})(?=[，,](?!\\d{3})|[。；;、）)]|$)`, 'g');
/** A money unit followed by a stray unit character (`924.91 万元人`); 人民币 is a word, not a typo. */
const STRAY = new RegExp(`(${NUMBER})(亿元|万元|元)([人次名辆台件户套批元万](?!民币))`, 'g');

/** Significant digits of an amount (2,819.38 → 6): equal numbers with few digits may be a coincidence. */
function significant(a: Amount): number {
  return String(Math.abs(a.units)).replace(/^0+/, '').length;
}

/** True when two nouns share a run of at least 4 characters (一般公共预算收入 / 一般公共预算财政拨款收入). */
function sameQuantity(a: string, b: string): boolean {
  for (let i = 0; i + 4 <= a.length; i++) if (b.includes(a.slice(i, i + 4))) return true;
  return false;
}

/** An amount in 万元 as an exact rational: 元 / 10^4, 亿元 × 10^4. */
function wan(m: MoneyMention, asUnit = m.unit): Rational {
  const r = ratOfAmount(m.amount);
  if (asUnit === '元') return { num: r.num, den: r.den * 10000n };
  if (asUnit === '亿元') return { num: r.num * 10000n, den: r.den };
  return r;
}

/**
 * A 元 amount that is one of the parts after 其中 of a total printed in 万元, and makes the parts add up
 * to the total (within the rounding envelope) when read in 万元 but not when read in 元: the reason, or
 * undefined.
 */
function partOfWanTotal(sentence: string, mention: MoneyMention, offset: number): string | undefined {
  const all = moneyIn(sentence);
  const k = sentence.indexOf('其中');
  if (k < 0) return undefined;
  const total = all.filter((m) => m.at < k).at(-1);
  const parts = all.filter((m) => m.at > k);
  if (!total || total.unit !== '万元' || parts.length < 2 || !parts.some((p) => p.at + offset === mention.at)) return undefined;
  const sum = (asWan: boolean) => parts.reduce((acc, p) => ratAdd(acc, wan(p, p.at + offset === mention.at && asWan ? '万元' : p.unit)), rat(0));
  const env = rat(5 * (parts.length + 1), 1000);
  const close = (r: Rational) => ratCmp(ratAbs(ratSub(r, wan(total))), env) <= 0;
  return close(sum(true)) && !close(sum(false)) ? `按万元计，其中各项之和才等于总额${total.text}` : undefined;
}

interface Located {
  unit: ProseUnit;
  mention: MoneyMention;
}

/** Every amount of money in the prose, with the noun before it. */
function mentions(units: readonly ProseUnit[]): Located[] {
  const out: Located[] = [];
  for (const unit of units) for (const mention of moneyIn(unit.text)) out.push({ unit, mention });
  return out;
}

/** A 元 amount printed where 万元 is meant: the why, or undefined. */
function wrongYuan(x: Located, all: readonly Located[], ctx: RuleContext): string | undefined {
  const { unit, mention } = x;
  if (mention.unit !== '元' || mention.amount.units === 0) return undefined;
  const sentence = sentencesOf(unit).find((s) => s.at <= mention.at && mention.at < s.at + s.text.length);
  const part = sentence ? partOfWanTotal(sentence.text, mention, sentence.at) : undefined;
  if (part) return part;
  if (significant(mention.amount) >= 4) {
    const noun = nounBefore(unit.text, mention.at);
    const twin = all.find(
      (y) =>
        y.mention.unit === '万元' &&
        y.mention.amount.units === mention.amount.units &&
        y.mention.amount.scale === mention.amount.scale &&
        sameQuantity(noun, nounBefore(y.unit.text, y.mention.at)),
    );
    if (twin) return `同一数额在第${twin.unit.pieces[0]!.span.line ?? '?'}行以万元列示`;
  }
  // A statement linked to a table cell that equals the number in 万元, not the number divided by 10^4.
  const fact = (ctx.report.facts ?? []).find((f) => f.link && f.unit === '元' && f.span.start >= unit.pieces[0]!.span.start && f.text.replace(/\s+/g, '') === mention.text);
  if (fact?.link) {
    const cell = ctx.units(fact.link);
    const asWan = Math.round(Number(printAmount(mention.amount).replace(/,/g, '')) * ctx.scale);
    if (cell !== undefined && cell !== 0 && cell === asWan) return `与表中${ctx.describe(fact.link)}（万元）相同`;
  }
  return undefined;
}

/** The unit a bare number should carry, judged from the table cell it restates. */
function unitFromCell(ctx: RuleContext, report: Readonly<Report>, unit: ProseUnit, at: number, number: string): string | undefined {
  const piece = unit.pieces.filter((p) => p.at <= at).at(-1)!.span;
  const fact = (report.facts ?? []).find((f) => f.link && f.span.start >= piece.start && f.span.end <= piece.end && f.text.replace(/\s+/g, '') === number);
  if (!fact?.link) return undefined;
  const cell = ctx.units(fact.link);
  const a = parseAmount(number.replace(/，/g, ','));
  if (cell === undefined || !a) return undefined;
  const value = ratOfAmount(a);
  const cellWan = rat(cell, ctx.scale);
  const half = rat(1, 2 * ctx.scale);
  if (ratCmp(ratAbs(ratSub({ num: value.num, den: value.den * 10000n }, cellWan)), half) <= 0) return '元';
  if (ratCmp(ratAbs(ratSub(value, cellWan)), half) <= 0) return '万元';
  return undefined;
}

/**
 * N-R13: every amount of money in the narrative carries its unit, and the right one.
 * - A number right after a money word (支出, 收入, 经费, 资金 …) with no unit at all: error. Counts,
 *   percentages, dates, codes and phone numbers are never right after such a word with nothing behind
 *   them; a number broken from its unit by a page break is joined first.
 * - An amount in 元 that is meant in 万元: the same quantity is printed elsewhere in 万元 with the same
 *   digits, or it is a part after 其中 that only adds up to its 万元 total when read in 万元, or the
 *   table cell it restates equals it in 万元: error.
 * - A stray character after the unit (`924.91 万元人`): a typo, info.
 * Amounts in the tables' own header units and in the 名词解释 are not read.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R13',
    title: '情况说明金额单位齐全正确',
    severity: 'error',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.4 [SEED]',
    doc: '情况说明中的每个金额都须带“万元”或“元”单位，且单位正确：同一数额在别处以万元列示、或按万元计才与总额相符的“元”金额，单位有误；单位后多出的字按笔误提示。',
    messages: {
      missing_unit: '情况说明中“{{phrase}}”的金额{{number}}没有单位{{hint}}，请补上“万元”或“元”',
      wrong_unit: '情况说明中“{{phrase}}”写作{{printed}}，但{{reason}}，应为{{expectedText}}，请核对单位',
      typo: '情况说明中“{{printed}}”的单位后多了“{{stray}}”字，疑为笔误',
    },
  },
  check(ctx) {
    const report = ctx.report;
    const units = proseUnits(report).filter((u) => !u.cells);
    const located = mentions(units);
    const reported = new Set<string>();
    units.forEach((unit, i) => {
      // missing unit
      BARE.lastIndex = 0;
      for (let m = BARE.exec(unit.text); m; m = BARE.exec(unit.text)) {
        const number = m[1]!;
        const at = m.index + m[0].length - number.length;
        const a = parseAmount(number.replace(/，/g, ','));
        if (!a || (a.scale === 0 && number.replace(/[,，]/g, '').length < 3)) continue;
        const end = at + number.length;
        // A unit pushed to the next piece by a page break (`承办费92.4` / `万元，…`).
        if (end === unit.text.length && /^(?:亿元|万元|元)/.test(units[i + 1]?.text ?? '')) continue;
        const hinted = unitFromCell(ctx, report, unit, at, number);
        ctx.flag({
          messageId: 'missing_unit',
          location: { span: spanOfText(report, unit, at, number) },
          expected: hinted ? `${number}${hinted}` : null,
          actual: number,
          data: { phrase: `${nounBefore(unit.text, at)}${number}`, number, hint: hinted ? `（与表中数据对照，应为${hinted}）` : '' },
        });
      }
      // stray character after the unit
      STRAY.lastIndex = 0;
      for (let m = STRAY.exec(unit.text); m; m = STRAY.exec(unit.text)) {
        const printed = m[0];
        ctx.flag({
          messageId: 'typo',
          severity: 'info',
          location: { span: spanOfText(report, unit, m.index, `${m[1]}${m[2]}`) },
          expected: `${m[1]}${m[2]}`,
          actual: printed,
          data: { printed, stray: m[3]! },
        });
      }
    });
    // 元 where 万元 is meant
    for (const x of located) {
      const why = wrongYuan(x, located, ctx);
      const key = `${x.unit.pieces[0]!.span.start}:${x.mention.at}`;
      if (!why || reported.has(key)) continue;
      reported.add(key);
      const expectedText = `${x.mention.number}万元`;
      ctx.flag({
        messageId: 'wrong_unit',
        location: { span: spanOfText(report, x.unit, x.mention.at, x.mention.text) },
        expected: expectedText,
        actual: x.mention.text,
        data: { phrase: nounBefore(x.unit.text, x.mention.at) || x.mention.text, printed: x.mention.text, reason: why, expectedText },
      });
    }
  },
};
