import type { Money } from '../../narrative/interval.js';
import { compareAmounts, rat, ratCmp, ratToNumber } from '../../narrative/interval.js';
import type { Rule, RuleContext } from '../../types.js';
import { isFinalAccounts } from '../narrative.js';
import { allSentences, moneyIn, NUMBER, proseUnits, spanOfText, type ProseSentence } from './prose.js';
import { cellMoney, numberOf, printAmount } from './shared.js';

/** 机关运行经费(支出)(为)X万元 — the statement of the amount, not its change (比上年增加X). */
const STATEMENT = new RegExp(`机关运行经费(?:支出|决算数?|总额)*(?:为|是|共|共计|合计|达)?(${NUMBER})(亿元|万元|元)`);
/** 本部门无机关运行经费 / 未发生机关运行经费. */
const NONE = /(?:无|没有|未发生|不涉及|未安排)机关运行经费/;
/** The unit says it is outside the 机关运行经费 statistics (a 事业单位 not managed under the civil-service law). */
const OUTSIDE = /非参公|非参照公务员法|不属于参照公务员法|不在[^。；]{0,12}机关运行经费[^。；]{0,6}范围|不(?:属于|纳入)[^。；]{0,6}机关运行经费/;
/** Any reason given for a 机关运行经费 of 0. */
const REASON = new RegExp(`${OUTSIDE.source}|事业单位|不在[^。；]{0,12}范围|无机关运行经费|没有机关运行经费|不涉及|未发生|不适用`);
/** 公用经费(合计)(为)X万元, in the 基本支出 explanation. */
const PUBLIC = new RegExp(`(?<!人员经费和|人员经费、)公用经费(?:支出)?(?:合计)?(?:为|是|共|共计)?(${NUMBER})(亿元|万元|元)`);

interface Statement {
  money: Money;
  sentence: ProseSentence;
  at: number;
  printed: string;
}

function statementOf(sentences: ProseSentence[]): Statement | undefined {
  for (const s of sentences) {
    const m = STATEMENT.exec(s.text);
    if (!m) continue;
    const mention = moneyIn(s.text.slice(m.index)).find((x) => x.number === m[1]);
    if (mention) return { money: { ...mention.amount, unit: mention.unit }, sentence: s, at: s.at + m.index + (m[0].length - mention.text.length), printed: mention.text };
  }
  return undefined;
}

/** 公用经费合计 of table 06, else the narrative's own statement of it (a document without tables). */
function publicExpenses(ctx: RuleContext, sentences: ProseSentence[]): { money: Money; source: string } | undefined {
  const cell = ctx.table('06') ? cellMoney(ctx, { table: '06', row: 'public_total', column: 'amount' }) : undefined;
  if (cell) return { money: cell, source: '一般公共预算财政拨款基本支出决算明细表 公用经费合计' };
  for (const s of sentences) {
    if (/机关运行经费/.test(s.text)) continue;
    const m = PUBLIC.exec(s.text);
    if (!m) continue;
    const mention = moneyIn(s.text.slice(m.index)).find((x) => x.number === m[1]);
    if (mention) return { money: { ...mention.amount, unit: mention.unit }, source: '情况说明中基本支出的公用经费' };
  }
  return undefined;
}

/**
 * N-R10: 机关运行经费 is the 公用经费 of administrative units and 参公 事业单位, so it cannot exceed
 * 公用经费合计 of table 06 (a document without tables: its own statement of 公用经费); equality is the
 * SX/SC definition for a pure administrative unit, less is normal for a department with subordinate
 * 事业单位 (seed 001). A 事业单位 outside the civil-service law reports 0 with that explanation (seed
 * 000); a statement of 0 needs a reason when the unit has 公用经费. Nothing is said when the document
 * states no 机关运行经费 (C-R3 asks for the paragraph).
 */
export const rule: Rule = {
  meta: {
    id: 'N-R10',
    title: '机关运行经费与公用经费相符',
    severity: 'warning',
    category: 'accuracy',
    tables: ['06'],
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.4 [SEED]',
    doc: '行政单位和参公事业单位：机关运行经费 ≤ 一般公共预算财政拨款基本支出中的公用经费合计（表06；无表时取情况说明所述公用经费），单纯行政单位二者相等；非参公事业单位的机关运行经费应为0，并说明原因。',
    messages: {
      exceeds:
        '情况说明所述机关运行经费{{stated}}，大于{{source}}{{public}}（多{{difference}}）。机关运行经费是行政单位和参公事业单位的公用经费，不应超过公用经费合计，请核对机关运行经费的口径和金额',
      outside_nonzero:
        '情况说明称本单位为非参公事业单位、不在机关运行经费统计范围内，却列出机关运行经费{{stated}}；非参公事业单位的机关运行经费应为0，请核对',
      zero_unexplained: '情况说明所述机关运行经费为0，而{{source}}为{{public}}，未说明原因（如“本单位为非参公事业单位，不在机关运行经费统计范围内”），请补充说明',
    },
  },
  check(ctx) {
    const report = ctx.report;
    if (!isFinalAccounts(report)) return;
    const sentences = allSentences(proseUnits(report, { body: true }));
    const about = sentences.filter((s) => /机关运行经费/.test(s.text));
    if (about.length === 0) return;
    const statement = statementOf(about);
    const noneSaid = about.some((s) => NONE.test(s.text));
    if (!statement && !noneSaid) return;
    // The paragraphs of the 机关运行经费 explanation, where the reason for a 0 is given.
    const context = [...new Set(about.map((s) => s.unit))].map((u) => u.text).join('\n');
    const outside = OUTSIDE.test(context);
    const pub = publicExpenses(ctx, sentences);
    const tolerance = rat(Math.round((ctx.meta.tolerance.kind === 'absolute' ? ctx.meta.tolerance.value : 0.01) * 100), 100);
    const none = about.find((s) => NONE.test(s.text));
    const span = statement ? spanOfText(report, statement.sentence.unit, statement.at, statement.printed) : spanOfText(report, none!.unit, none!.at, '');
    const zero = !statement || statement.money.units === 0;
    if (statement && !zero) {
      const stated = `${printAmount(statement.money)}${statement.money.unit}`;
      if (outside) {
        ctx.flag({ messageId: 'outside_nonzero', location: { span }, expected: 0, actual: numberOf(statement.money), data: { stated } });
        return;
      }
      if (!pub) return;
      const cmp = compareAmounts(statement.money, pub.money);
      if (ratCmp(cmp.delta, tolerance) > 0) {
        ctx.flag({
          messageId: 'exceeds',
          location: { span },
          expected: ratToNumber(cmp.cell),
          actual: ratToNumber(cmp.stated),
          differenceUnits: Math.round(ratToNumber(cmp.delta) * ctx.scale),
          data: { stated, public: `${printAmount(pub.money)}${pub.money.unit}`, source: pub.source, difference: `${ratToNumber(cmp.delta).toFixed(2)}${cmp.unit}` },
        });
      }
      return;
    }
    if (zero && !REASON.test(context) && pub && pub.money.units > 0) {
      ctx.flag({ messageId: 'zero_unexplained', location: { span }, expected: null, actual: 0, data: { source: pub.source, public: `${printAmount(pub.money)}${pub.money.unit}` } });
    }
  },
};
