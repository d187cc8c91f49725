/**
 * Reading the genre's indicator values (年度指标值 / 实际完成值) and small exact-number helpers.
 * Targets come as `≥24次`, `=100%`, `约20人`, `28 万人以上`, `不高于 5%`, `24小时内`, `及时`, `每月`,
 * `2023年11月`, `未填报`; completions as numbers (`≥3200份`, `13 人`, `已完成，达到 82.52%`) or as
 * achievement words (`完成预期指标`, `达成预期指标`, `提前指标且…`, `部分完成`, `未完成`).
 */
import type { Figure } from '../../model/evaluation.js';
import { toUnits } from '../../model/amount.js';
import { rat, ratCmp, type Rational } from '../narrative/interval.js';

export type Comparison = '>=' | '<=' | '=' | '≈' | '>' | '<';
export type AchievementTier = 'achieved' | 'early' | 'partial' | 'unmet';

export type IndicatorValue =
  | { kind: 'number'; op: Comparison; value: Rational; unit: string; text: string }
  | { kind: 'achievement'; tier: AchievementTier; text: string }
  /** A qualitative target or completion: 及时, 每月, 保障, 提升, a date or deadline. */
  | { kind: 'word'; text: string }
  | { kind: 'missing'; text: string };

/** An exact rational from a decimal string ("2.5" → 5/2, "99.983" → 99983/1000). */
export function ratOfDecimal(text: string): Rational {
  const m = /^([-−]?)(\d+)(?:\.(\d+))?$/.exec(text.trim().replace(/[,，]/g, ''));
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const frac = m[3] ?? '';
  const num = BigInt(m[2]! + frac) * (m[1] ? -1n : 1n);
  return rat(num, 10n ** BigInt(frac.length));
}

/** A printed Figure as the exact rational it displays; undefined for 未填报, ——. */
export function figureRat(f: Figure | undefined): Rational | undefined {
  if (!f) return undefined;
  const m = /[-−]?\d[\d,，]*(?:\.\d+)?/.exec(f.text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))));
  if (m) {
    try {
      return ratOfDecimal(m[0].replace('−', '-'));
    } catch {
      /* fall through to the value */
    }
  }
  if (f.value === null || !Number.isFinite(f.value)) return undefined;
  return rat(BigInt(toUnits(f.value, f.decimals)), 10n ** BigInt(f.decimals));
}

export const ratMin = (a: Rational, b: Rational): Rational => (ratCmp(a, b) <= 0 ? a : b);
export const ratMax = (a: Rational, b: Rational): Rational => (ratCmp(a, b) >= 0 ? a : b);

const MISSING_RE = /^(?:|未填报|未填写|未设置|未设定|无|——|—|--|-|\/|／)$/;
const UNMET_RE = /未(?:达成|完成|实现|达到|达标)|没有完成|未能完成/;
const PARTIAL_RE = /部分(?:达成|完成|实现)|基本(?:达成|完成|实现)/;
const EARLY_RE = /提前/;
const ACHIEVED_RE = /达成|完成|实现|达到预期|达标|已落实|符合预期|^是$|^已/;

/** The achievement tier a completion word states, or undefined. */
export function achievementOf(text: string): AchievementTier | undefined {
  const t = text.trim();
  if (UNMET_RE.test(t)) return 'unmet';
  if (PARTIAL_RE.test(t)) return 'partial';
  if (EARLY_RE.test(t)) return 'early';
  if (ACHIEVED_RE.test(t)) return 'achieved';
  return undefined;
}

const UNIT = '(?:万人次|万人|万户|万元|万份|万件|亿元|人次|个月|小时|万|人|名|次|份|个|家|场|期|件|项|台|套|户|元|分钟|天|日|周|%|％|‰|篇|批|所|间|辆|平方米|公里|千米|米|GB|M)';
const NUMBER_RE = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNIT})?`, 'g');
const PREFIX_GE = /(?:≥|>=|＞=|≧|不低于|不少于|不小于|至少|大于等于|达到|超过|多于|高于|大于|>|＞)\s*$/;
const PREFIX_LE = /(?:≤|<=|＜=|≦|不高于|不超过|不超|不多于|不大于|小于等于|控制在|低于|少于|小于|<|＜)\s*$/;
const PREFIX_EQ = /(?:=|＝)\s*$/;
const PREFIX_ABOUT = /(?:约|大约|左右)\s*$/;
const SUFFIX_GE = /^\s*(?:或以上|及以上|以上|或更高|\+)/;
const SUFFIX_LE = /^\s*(?:或以下|及以下|以下|以内|内|之内)/;
const STRICT_GT = /(?:超过|多于|高于|大于|>|＞)\s*$/;
const STRICT_LT = /(?:低于|少于|小于|<|＜)\s*$/;
/** A date or month is a deadline (qualitative), not a quantity: 2023年11月, 12月, 12月底, 年初. */
const DATE_RE = /^(?:\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月)(?:底|末|前|中|初|上旬|中旬|下旬|内)?(?:前)?$/;

/** The part of a cell that states the value: after `预期实现值：` when the cell explains the indicator first. */
function valuePart(text: string): string {
  const m = /预期(?:实现)?值?[：:]([\s\S]*)$/.exec(text);
  return (m ? m[1]! : text).trim().replace(/[。；;]+$/, '');
}

interface NumberHit {
  value: string;
  unit: string;
  index: number;
  end: number;
}

function numbersIn(text: string): NumberHit[] {
  const hits: NumberHit[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 2);
    // Years, dates and ordinals are no quantities (2023年, 11月 within a date, 第2期).
    if (/^\s*年/.test(after) && !m[2]) continue;
    if (/^\s*月/.test(after) && !m[2]) continue;
    if (/第\s*$/.test(text.slice(0, m.index))) continue;
    if (/^\s*[-－—~～至]\s*\d/.test(after)) continue;
    hits.push({ value: m[1]!, unit: (m[2] ?? '').replace('％', '%'), index: m.index, end });
  }
  return hits;
}

function comparisonAround(text: string, hit: NumberHit): Comparison | undefined {
  const before = text.slice(Math.max(0, hit.index - 6), hit.index);
  const after = text.slice(hit.end, hit.end + 4);
  if (PREFIX_LE.test(before)) return STRICT_LT.test(before) ? '<' : '<=';
  if (PREFIX_GE.test(before)) return STRICT_GT.test(before) && !/达到\s*$/.test(before) ? '>' : '>=';
  if (PREFIX_EQ.test(before)) return '=';
  if (PREFIX_ABOUT.test(before) || /^\s*左右/.test(after)) return '≈';
  if (SUFFIX_LE.test(after)) return '<=';
  if (SUFFIX_GE.test(after)) return '>=';
  return undefined;
}

/**
 * Parse a target or completion cell. `prefer` (the target's unit) picks, in a completion sentence,
 * the number in the same unit (`2.51%(…450 人/…17916 人)` → 2.51%).
 */
export function parseIndicatorValue(text: string | undefined, prefer?: { unit: string }): IndicatorValue {
  const raw = (text ?? '').trim();
  if (MISSING_RE.test(raw) || /^未填报/.test(raw)) return { kind: 'missing', text: raw };
  const part = valuePart(raw);
  if (DATE_RE.test(part.replace(/\s+/g, '')) || /^(?:年初|年中|年底|年末|全年|每月|每季度|每年|每周|每日|及时|按时|当年|次年)/.test(part)) {
    const tier = achievementOf(part);
    return tier && !/^(?:年初|年中|年底|年末|全年|每月|每季度|每年|每周|每日|及时|按时)/.test(part) ? { kind: 'achievement', tier, text: raw } : { kind: 'word', text: raw };
  }
  const hits = numbersIn(part);
  if (hits.length > 0) {
    const same = prefer ? hits.find((h) => sameUnit(h.unit, prefer.unit)) : undefined;
    const hit = same ?? hits.find((h) => h.unit !== '') ?? hits[0]!;
    return { kind: 'number', op: comparisonAround(part, hit) ?? '=', value: ratOfDecimal(hit.value), unit: hit.unit, text: raw };
  }
  const tier = achievementOf(part);
  if (tier) return { kind: 'achievement', tier, text: raw };
  return { kind: 'word', text: raw };
}

/** 万人 and 人 are the same quantity scaled; 名 counts people as 人 does. */
export function baseUnit(unit: string): { base: string; scale: Rational } {
  const u = unit.replace('％', '%');
  if (u === '万') return { base: '', scale: rat(10000n) };
  if (u.startsWith('万') && u.length > 1) return { base: canonical(u.slice(1)), scale: rat(10000n) };
  if (u.startsWith('亿') && u.length > 1) return { base: canonical(u.slice(1)), scale: rat(100000000n) };
  return { base: canonical(u), scale: rat(1n) };
}

function canonical(u: string): string {
  return u === '名' ? '人' : u === '日' ? '天' : u;
}

export function sameUnit(a: string, b: string): boolean {
  return baseUnit(a).base === baseUnit(b).base;
}
