import type { Fact, Report, Section } from '../../../model/report.js';
import { compareAmounts, halfUnitAt, ratAbs, ratAdd, ratCmp, ratMul, ratOfAmount, rat, ratSub, type Money, type Rational } from '../../narrative/interval.js';
import type { Rule, RuleContext } from '../../types.js';
import { paragraphsUnder, squeeze } from '../narrative.js';
import { checkSum, flagSum, halfIn, inUnit, printRational, statedMoney, statementSections } from './n-r7.js';
import { amountOf, factsOf } from './shared.js';

/** The amounts of a 政府采购 statement, by what the subject ends with. */
type Item = 'total' | 'goods' | 'works' | 'services' | 'sme' | 'small';

const ITEMS: Record<Item, { re: RegExp; name: string }> = {
  total: { re: /采购支出总额$|采购(?:支出)?合计$/, name: '政府采购支出总额' },
  goods: { re: /货物(?:采购)?支出(?:金额)?$/, name: '政府采购货物支出' },
  works: { re: /工程(?:采购)?支出(?:金额)?$/, name: '政府采购工程支出' },
  services: { re: /服务(?:采购)?支出(?:金额)?$/, name: '政府采购服务支出' },
  sme: { re: /授予中小企业合同金额$/, name: '授予中小企业合同金额' },
  small: { re: /授予小微企业合同金额$/, name: '授予小微企业合同金额' },
};

function itemOf(subject: string): Item | undefined {
  const s = squeeze(subject);
  return (Object.keys(ITEMS) as Item[]).find((k) => ITEMS[k].re.test(s));
}

function procurementSections(report: Readonly<Report>): Section[] {
  return statementSections(report).filter((s) => /政府采购/.test(squeeze(s.title)));
}

/** The first statement of each amount in the 政府采购 section (the section restates nothing twice in the seeds). */
function procurementAmounts(report: Readonly<Report>): Map<Item, Fact> {
  const paragraphs = procurementSections(report).flatMap(paragraphsUnder);
  const out = new Map<Item, Fact>();
  for (const f of factsOf(report)) {
    if (f.measure !== 'amount' || f.basis !== 'current' || f.value === null) continue;
    if (!paragraphs.some((p) => f.span.start >= p.span.start && f.span.start < p.span.end)) continue;
    const item = itemOf(f.subject);
    if (item && !out.has(item)) out.set(item, f);
  }
  return out;
}

export interface ProcurementShare {
  /** The share as printed (`占授予中小企业合同金额的94.5%`). */
  share: Fact;
  /** The amount it is a share of and the whole it is taken of. */
  part: Fact;
  base: Fact;
  /** 'of-sme': 小微 as a share of 中小企业 (GD wording); 'of-total': of 政府采购支出总额 (SX/SC wording, and 中小企业 always). */
  wording: 'of-sme' | 'of-total';
}

/**
 * The denominators of the 政府采购 shares, as the template words them (rules.md §2.4 N-R11): 中小企业 share =
 * 中小企业 ÷ 政府采购支出总额; 小微 share = 小微 ÷ 授予中小企业合同金额 where the text says
 * `占授予中小企业合同金额的` (GD), ÷ 政府采购支出总额 where it says `占政府采购支出总额的` (SX, SC). The base is
 * read from the printed wording, so a GD document worded like SX is taken as worded. The percentages are
 * N-R5's to check (one finding per sentence: N-R11 reports the sum, N-R5 the shares); this tells it the
 * denominators. Shares of the categories (`货物采购授予中小企业合同金额占货物支出金额的100%`) print no part
 * amount and are not listed.
 */
export function procurementShares(report: Readonly<Report>): ProcurementShare[] {
  const amounts = procurementAmounts(report);
  const total = amounts.get('total');
  const sme = amounts.get('sme');
  const out: ProcurementShare[] = [];
  for (const f of factsOf(report)) {
    if (f.measure !== 'share' || f.value === null) continue;
    const item = itemOf(f.subject);
    if (item !== 'sme' && item !== 'small') continue;
    const part = amounts.get(item);
    if (!part || !f.sentence || !part.sentence || f.span.start < part.span.start) continue;
    // Only the share printed right after its own amount (not the categories' shares that follow).
    if (f.span.start - part.span.end > 40) continue;
    const wordedSme = /中小企业/.test(squeeze(f.base ?? '')) && item === 'small';
    const base = wordedSme ? sme : total;
    if (!base) continue;
    out.push({ share: f, part, base, wording: wordedSme ? 'of-sme' : 'of-total' });
  }
  return out;
}

/**
 * N-R11: the 政府采购 statement adds up.
 * - 政府采购支出总额 = 货物 + 工程 + 服务, with the envelope of §3 (0.005 × 4 at 2 decimals): within it 尾数误差
 *   (info), beyond it an error. When all four restate SX 公开10表 rows 1–4, that table's own rule judges the sum.
 * - 授予中小企业合同金额 ≤ 政府采购支出总额 and 授予小微企业合同金额 ≤ 授予中小企业合同金额 (小微 are 中小企业):
 *   more is an error (±0.01 between two printed totals is 尾数误差).
 * - The categories' 中小企业 shares (GD `货物采购授予中小企业合同金额占货物支出金额的100%`): none above 100%, and
 *   Σ category × share, by interval (every printed value ± half a unit), reaches the 授予中小企业合同金额. They
 *   print no amount of their own, so N-R5 cannot check them.
 * - The shares: their denominators are defined here (procurementShares: 小微 of 中小企业 in the GD wording, of the
 *   total in the SX/SC wording) and checked by N-R5 — N-R11 does not report the same sentence's percentages again.
 *   The parts of the sum are N-R11's, not N-R7's (N-R7 leaves the 政府采购 decomposition alone).
 */
export const rule: Rule = {
  meta: {
    id: 'N-R11',
    title: '政府采购支出说明的构成与中小企业金额',
    severity: 'error',
    category: 'accuracy',
    tables: ['10'],
    tolerance: { kind: 'envelope' },
    source: 'rules.md §2.4, §3 [SEED]',
    doc: '政府采购支出总额须等于货物、工程、服务三类采购支出之和（尾数误差规则：允许0.005×4万元）；授予中小企业合同金额不得超过政府采购支出总额，授予小微企业合同金额不得超过授予中小企业合同金额；货物、工程、服务采购中授予中小企业的占比不得超过100%，且按各类金额折算后须与授予中小企业合同金额相符。中小企业、小微企业所占比例的分母按模板措辞确定（广东模板小微企业占中小企业合同金额，山西、四川模板占政府采购支出总额），比例本身由N-R5核对。',
    messages: {
      sum: '情况说明第{{line}}行政府采购支出总额为{{total}}，而货物、工程、服务三类采购支出之和为{{sum}}（{{terms}}），相差{{difference}}{{toleranceNote}}请核对政府采购支出总额及各类采购金额',
      round: '情况说明第{{line}}行政府采购支出总额为{{total}}，货物、工程、服务三类采购支出之和为{{sum}}，相差{{difference}}',
      exceeds: '情况说明第{{line}}行{{part}}为{{partValue}}，超过{{whole}}{{wholeValue}}（多{{difference}}），部分不能大于整体。请核对',
      exceedsRound: '情况说明第{{line}}行{{part}}为{{partValue}}，比{{whole}}{{wholeValue}}多{{difference}}，属尾数误差',
      categoryOver: '情况说明第{{line}}行{{category}}采购授予中小企业合同金额占{{category}}支出金额的{{stated}}，超过100%，部分不能大于整体。请核对',
      categories:
        '情况说明第{{line}}行货物、工程、服务采购授予中小企业合同金额的占比（{{shares}}）折算的中小企业合同金额约为{{low}}至{{high}}，与所述授予中小企业合同金额{{sme}}不符。请核对各类占比或中小企业合同金额',
    },
  },
  check(ctx) {
    const amounts = procurementAmounts(ctx.report);
    checkTotal(ctx, amounts);
    checkAtMost(ctx, amounts, 'sme', 'total');
    checkAtMost(ctx, amounts, 'small', 'sme');
    checkCategoryShares(ctx, amounts);
  },
};

function checkTotal(ctx: RuleContext, amounts: Map<Item, Fact>): void {
  const total = amounts.get('total');
  const parts = (['goods', 'works', 'services'] as const).map((k) => amounts.get(k));
  if (!total || parts.some((p) => p === undefined)) return;
  const facts = [total, ...(parts as Fact[])];
  if (facts.every((f) => f.link?.table === '10')) return;
  const money = facts.map(statedMoney);
  if (money.some((m) => m === undefined)) return;
  const check = checkSum(ctx, money[0]!, money.slice(1) as Money[]);
  flagSum(ctx, { messageId: 'sum', roundMessageId: 'round', total: { fact: total }, parts: (parts as Fact[]).map((fact) => ({ fact })), check });
}

const SLACK = rat(1n, 100n);

function checkAtMost(ctx: RuleContext, amounts: Map<Item, Fact>, partItem: Item, wholeItem: Item): void {
  const part = amounts.get(partItem);
  const whole = amounts.get(wholeItem);
  if (!part || !whole) return;
  const p = statedMoney(part);
  const w = statedMoney(whole);
  if (!p || !w) return;
  const excess = ratSub(inUnit(p, w.unit), inUnit(w, w.unit));
  if (excess.num <= 0n) return;
  // Printed total against printed total: ±0.01 is 尾数误差 (§3); compareAmounts gives the same verdict.
  const round = ratCmp(ratAbs(excess), SLACK) <= 0 && compareAmounts(p, w).match !== 'different';
  const decimals = Math.max(2, p.scale, w.scale);
  ctx.flag({
    messageId: round ? 'exceedsRound' : 'exceeds',
    status: round ? 'round' : 'fail',
    location: { span: { ...part.span } },
    expected: Number(printRational(inUnit(w, w.unit), decimals).replace(/,/g, '')),
    actual: Number(printRational(inUnit(p, w.unit), decimals).replace(/,/g, '')),
    ...(w.unit === ctx.unit ? { differenceUnits: Math.round((Number(excess.num) * ctx.scale) / Number(excess.den)) } : {}),
    data: {
      line: part.span.line ?? '',
      part: ITEMS[partItem].name,
      whole: ITEMS[wholeItem].name,
      partValue: part.text.replace(/\s+/g, ''),
      wholeValue: whole.text.replace(/\s+/g, ''),
      difference: `${printRational(excess, decimals)}${w.unit}`,
    },
  });
}

const CATEGORIES = [
  ['goods', '货物'],
  ['works', '工程'],
  ['services', '服务'],
] as const;

/** `货物采购授予中小企业合同金额占货物支出金额的100%`: the 中小企业 share of each category (GD wording). */
function categoryShares(report: Readonly<Report>): Map<'goods' | 'works' | 'services', Fact> {
  const paragraphs = procurementSections(report).flatMap(paragraphsUnder);
  const out = new Map<'goods' | 'works' | 'services', Fact>();
  for (const f of factsOf(report)) {
    if (f.measure !== 'share' || f.value === null) continue;
    if (!paragraphs.some((p) => f.span.start >= p.span.start && f.span.start < p.span.end)) continue;
    const s = squeeze(f.subject);
    for (const [key, word] of CATEGORIES) if (new RegExp(`^${word}(?:采购)?授予中小企业`).test(s) && !out.has(key)) out.set(key, f);
  }
  return out;
}

/**
 * The categories' 中小企业 shares: none above 100% (a category's 中小企业 contracts are part of it), and together
 * they give back the 授予中小企业合同金额: Σ category × share, each printed value ± half a unit, must reach it.
 * These shares print no amount of their own, so N-R5 cannot check them; N-R11 does.
 */
function checkCategoryShares(ctx: RuleContext, amounts: Map<Item, Fact>): void {
  const shares = categoryShares(ctx.report);
  const hundred = rat(100n);
  for (const [key, word] of CATEGORIES) {
    const f = shares.get(key);
    const a = f ? amountOf(f) : undefined;
    if (!f || !a || ratCmp(ratOfAmount(a), hundred) <= 0) continue;
    ctx.flag({
      messageId: 'categoryOver',
      location: { span: { ...f.span } },
      expected: 100,
      actual: Number(f.value),
      data: { line: f.span.line ?? '', category: word, stated: f.text.replace(/\s+/g, '') },
    });
  }
  const sme = amounts.get('sme');
  const smeMoney = sme ? statedMoney(sme) : undefined;
  if (!sme || !smeMoney || shares.size < CATEGORIES.length) return;
  const unit = smeMoney.unit;
  let low: Rational = rat(0n);
  let high: Rational = rat(0n);
  for (const [key] of CATEGORIES) {
    const amount = amounts.get(key);
    const m = amount ? statedMoney(amount) : undefined;
    const share = amountOf(shares.get(key)!);
    if (!m || !share) return;
    const v = inUnit(m, unit);
    const h = halfIn(m, unit);
    const p = ratMul(ratOfAmount(share), rat(1n, 100n));
    const hp = ratMul(halfUnitAt(share.scale), rat(1n, 100n));
    const lo = (r: Rational) => (r.num < 0n ? rat(0n) : r);
    low = ratAdd(low, ratMul(lo(ratSub(v, h)), lo(ratSub(p, hp))));
    high = ratAdd(high, ratMul(ratAdd(v, h), ratAdd(p, hp)));
  }
  const s = inUnit(smeMoney, unit);
  const hs = halfIn(smeMoney, unit);
  if (ratCmp(ratAdd(s, hs), low) >= 0 && ratCmp(ratSub(s, hs), high) <= 0) return;
  const first = [...shares.values()].sort((x, y) => x.span.start - y.span.start)[0]!;
  ctx.flag({
    messageId: 'categories',
    location: { span: { ...first.span } },
    expected: Number(printRational(s, 2).replace(/,/g, '')),
    actual: null,
    data: {
      line: first.span.line ?? '',
      shares: CATEGORIES.map(([key, word]) => `${word}${shares.get(key)!.text.replace(/\s+/g, '')}`).join('、'),
      low: `${printRational(low, 2)}${unit}`,
      high: `${printRational(high, 2)}${unit}`,
      sme: sme.text.replace(/\s+/g, ''),
    },
  });
}
