import { checkShare, checkShares, formatPercent, formatRational, type PercentCheck } from '../../narrative/interval.js';
import type { Rule } from '../../types.js';
import { factView, intervalText, printQuantity, quantityOfFact, shareGroups, subjectLabel, type Quantity, type ShareItem } from './percent-pairs.js';
import { amountOf, factLocation, flagPercent } from './shared.js';

/**
 * N-R5: a share = part / total, checked by interval (rules.md §3). The total is the whole the share
 * names (占本年支出合计的 98.9% → the 本年支出合计 stated before, else its table cell) or, for bare
 * shares in an enumeration (其中：A x万元，占 y%；B …), the total stated just before the enumeration
 * or else the whole the parts belong to (三公 items → 三公经费). The shares of one enumeration that
 * covers its total must add up to 100% within half a unit per share; a share mis-rounded so that
 * they add up to exactly 100.0 is an error (§3: 004 卫生健康 `1.9%` for 1.955% → 2.0%). A share of
 * a zero total, or one whose part or total is not stated, is not judged.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R5',
    title: '情况说明占比与金额相符',
    severity: 'error',
    category: 'accuracy',
    tables: ['01', '03', '05', '07', '08', '09', '10'],
    tolerance: { kind: 'interval' },
    source: 'rules.md §2.4, §3, §7 [SEED]',
    doc: '情况说明中的占比按“部分 ÷ 总额”复算（部分和总额各按±0.005万元取值区间，再放宽所列百分比最后一位的半个单位）；同一组构成的占比之和应为100%（每项允许半个单位的尾差），为凑足100%而少进位的占比为错误。',
    messages: {
      share: '情况说明称{{part}}{{partAmount}}万元“占{{whole}}{{stated}}”；按{{partAmount}}万元 ÷ {{totalAmount}}万元{{totalSource}}计算应为{{point}}（按金额尾数误差可在{{interval}}之间），所列占比不符{{truncated}}',
      round: '情况说明称{{part}}{{partAmount}}万元“占{{whole}}{{stated}}”；按{{partAmount}}万元 ÷ {{totalAmount}}万元{{totalSource}}计算为{{point}}（按金额尾数误差可在{{interval}}之间），所列占比属尾数误差{{truncated}}',
      forced:
        '情况说明称{{part}}{{partAmount}}万元“占{{whole}}{{stated}}”；按{{partAmount}}万元 ÷ {{totalAmount}}万元{{totalSource}}计算为{{point}}，四舍五入应为{{expected}}。各项占比正确进位后合计为{{expectedSum}}，此项少进位使合计凑成100%',
      sum: '情况说明中{{whole}}的各项占比（{{list}}）合计为{{sum}}，与100%相差超过尾数误差（±{{tolerance}}）',
    },
  },
  check(ctx) {
    const view = factView(ctx.report);
    for (const group of shareGroups(view, ctx)) {
      const total = group.total;
      if (!total || total.amount.units === 0) continue;
      const whole = wholeLabel(group.items[0]!, total, group.kind);
      const data = (item: ShareItem) => {
        const part = quantityOfFact(item.part)!;
        return {
          part: subjectLabel(item.part.subject, item.part.phrase) || item.part.subject,
          whole: whole.inQuote,
          partAmount: printQuantity(part.amount),
          totalAmount: printQuantity(total.amount),
          totalSource: total.source ? `（取自${total.source}）` : '',
        };
      };
      if (group.items.length === 1) {
        const item = group.items[0]!;
        const check = checkShare(amountOf(item.share)!, quantityOfFact(item.part)!.amount, total.amount);
        flagPercent(ctx, item.share, check, { messageId: 'share', roundMessageId: 'round', ...(total.cell ? { cell: total.cell } : {}), data: { ...data(item), interval: intervalText(check) } });
        continue;
      }
      const stated = group.items.map((x) => amountOf(x.share)!);
      const parts = group.items.map((x) => quantityOfFact(x.part)!.amount);
      const result = checkShares(stated, parts, total.amount);
      result.shares.forEach((check: PercentCheck, i) => {
        const item = group.items[i]!;
        if (i === result.forced) {
          flagPercent(ctx, item.share, check, {
            messageId: 'forced',
            ...(total.cell ? { cell: total.cell } : {}),
            data: { ...data(item), interval: intervalText(check), point: formatPercent(check.point!, check.decimals + 2), expected: `${formatRational(result.shares[i]!.point!, check.decimals)}%`, expectedSum: `${formatRational(result.expectedSum, check.decimals)}%` },
          });
        } else flagPercent(ctx, item.share, check, { messageId: 'share', roundMessageId: 'round', ...(total.cell ? { cell: total.cell } : {}), data: { ...data(item), interval: intervalText(check) } });
      });
      if (result.sumVerdict === 'fail') {
        const first = group.items[0]!.share;
        const decimals = Math.max(...stated.map((s) => s.scale));
        ctx.flag({
          messageId: 'sum',
          location: factLocation(first),
          expected: 100,
          actual: Number(formatRational(result.sum, decimals).replace(/,/g, '')),
          data: {
            whole: whole.plain,
            sum: `${formatRational(result.sum, decimals)}%`,
            tolerance: `${formatRational(result.tolerance, decimals + 1)}%`,
            list: group.items.map((x) => `${subjectLabel(x.part.subject, x.part.phrase) || x.part.subject}${x.share.text}`).join('、'),
          },
        });
      }
    }
  },
};

/** How the whole reads: in the quoted share (占本年支出合计的 / 占) and on its own. */
function wholeLabel(item: ShareItem, total: Quantity, kind: 'named' | 'enumeration'): { inQuote: string; plain: string } {
  if (kind === 'named' && item.share.base) return { inQuote: `${item.share.base}的`, plain: item.share.base };
  const name = total.fact ? subjectLabel(total.fact.subject, total.fact.phrase) || total.fact.subject : (total.source ?? '合计');
  return { inQuote: '', plain: name };
}
