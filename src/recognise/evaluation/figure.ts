/**
 * Printed numbers of the self-evaluations (Figure) and the statements about money, rates and scores
 * that evaluation texts make (预算下达42万元，实际执行29.099万元，预算执行率为69%).
 */
import type { EvaluationPlace, EvaluationStatement, Figure } from '../../model/evaluation.js';
import { parseAmount, toNumber } from '../../model/amount.js';

const NUMBER_IN_CELL = /^[=＝≈约]?\s*([-−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?)\s*(%|％|万元|元|分)?$/;

/** A cell read as a Figure: `100.00`, `90%`, `10分`, `42万元`; a non-number keeps its text with value null. */
export function cellFigure(text: string, unit?: string): Figure {
  const t = text.trim();
  const m = NUMBER_IN_CELL.exec(t.replace(/\s+/g, ''));
  const amount = m ? parseAmount(m[1]!.replace(/[，]/g, ',').replace(/．/g, '.')) : undefined;
  if (!m || !amount) return { text: t, value: null, decimals: 0, ...(unit ? { unit } : {}) };
  const printedUnit = m[2] ? m[2].replace('％', '%') : unit;
  return { text: t, value: toNumber(amount), decimals: amount.scale, ...(printedUnit ? { unit: printedUnit } : {}) };
}

/** True when a cell holds a number (possibly with %, 分, 万元). */
export function isNumberCell(text: string): boolean {
  return cellFigure(text).value !== null;
}

/** A number found in running text, with its span in the source when the text's offset is known. */
export function textFigure(numberText: string, unit: string | undefined, start: number | undefined, printed: string): Figure {
  const amount = parseAmount(numberText.replace(/[，]/g, ','));
  const u = unit === '％' ? '%' : unit;
  return {
    text: printed,
    value: amount ? toNumber(amount) : null,
    decimals: amount ? amount.scale : 0,
    ...(u ? { unit: u } : {}),
    ...(start !== undefined ? { span: { start, end: start + printed.length } } : {}),
  };
}

const NUM = String.raw`(\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const MONEY_UNIT = String.raw`\s*(万元|亿元|元)`;

interface StatementPattern {
  measure: EvaluationStatement['measure'];
  re: RegExp;
}

/**
 * The wordings of the genre. Budget: 预算下达/预算数/全年预算数/年初预算/补贴金额共/资金…万元; executed:
 * 实际执行/实际支出/已支出/执行数/支出…万元; rate: 预算执行率为/支出率为/执行率/完成预算的…%.
 * Order matters only for overlapping matches (the first pattern wins a position).
 */
const PATTERNS: StatementPattern[] = [
  { measure: 'rate', re: new RegExp(String.raw`(?:预算执行率|资金执行率|执行率|支出率|支付率|完成预算的|预算完成率)\s*(?:为|达到?|是|：|:)?\s*${NUM}\s*(%|％)`, 'g') },
  { measure: 'executed', re: new RegExp(String.raw`(?:实际执行|实际支出|已支出|已使用|实际使用|已拨付|执行数为?|支出数为?|实际完成支出|共支出|累计支出)\s*(?:金额|资金)?\s*(?:为|了|：|:)?\s*${NUM}${MONEY_UNIT}`, 'g') },
  {
    measure: 'budget',
    re: new RegExp(String.raw`(?:预算下达|下达预算|实际下达|财政下达|下达资金|全年预算数为?|年初预算数?为?|预算数为?|预算金额为?|预算安排|安排资金|资金预算为?|(?:补贴|补助|资金|经费)?金额共|总金额为?)\s*(?:资金)?\s*(?:为|了|：|:)?\s*${NUM}${MONEY_UNIT}`, 'g'),
  },
];

/** The statements of one text: where `offset` is the text's start in the source (spans are absolute). */
export function findStatements(text: string, place: EvaluationPlace, offset?: number): EvaluationStatement[] {
  const found: { at: number; s: EvaluationStatement }[] = [];
  const taken: [number, number][] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const numberText = m[1]!;
      const numAt = m.index + m[0].lastIndexOf(numberText);
      if (taken.some(([a, b]) => numAt >= a && numAt < b)) continue;
      const printed = text.slice(numAt, m.index + m[0].length);
      taken.push([numAt, numAt + printed.length]);
      const start = offset !== undefined ? offset + numAt : undefined;
      found.push({
        at: m.index,
        s: { measure: p.measure, value: textFigure(numberText, m[2], start, printed), text: m[0], place: { ...place, ...(offset !== undefined ? { span: { start: offset + m.index, end: offset + m.index + m[0].length } } : {}) } },
      });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.s);
}

/** Grade words as printed (优, 优秀, 良, 良好, 中, 中等, 合格, 差, 较差, 不合格). */
export const GRADE_WORD = '(?:优秀|优良|良好|中等|合格|不合格|较差|优|良|中|差)';
const GRADE_CELL = new RegExp(`^(?:等级|评价等级|绩效等级|自评等级|评价结论)?[:：]?[“"]?(${GRADE_WORD})[”"]?$`);

/** A cell that is only a grade word (总分 row: 90 | 优). */
export function gradeCell(text: string): string | undefined {
  return GRADE_CELL.exec(text.replace(/\s+/g, ''))?.[1];
}
