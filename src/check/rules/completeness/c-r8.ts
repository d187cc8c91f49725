import type { Rule } from '../../types.js';
import { allSections, isFinalAccounts, KIND_WORD, paragraphsUnder, spanOf, squeeze } from '../narrative.js';

/**
 * C-R8: the disclosure has a 名词解释 part with at least one explained term. Which terms it must
 * explain is not checked: the seeds' lists differ (seed 003 leaves out 上级补助收入, 附属单位上缴收入
 * and 经营支出; Sichuan adds the 项-level items used), and rules.md asks for presence only.
 */
export const rule: Rule = {
  meta: {
    id: 'C-R8',
    title: '附有名词解释',
    severity: 'warning',
    category: 'completeness',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.6, §6.2 [SEED]',
    doc: '决算公开文档须有“名词解释”部分，且至少解释一个名词。',
    messages: {
      missing: '文档中没有“名词解释”部分',
      empty: '“名词解释”部分没有内容',
    },
  },
  check(ctx) {
    const report = ctx.report;
    if (!isFinalAccounts(report)) {
      ctx.notApplicable(`本文档是${KIND_WORD[report.kind]}，不是决算公开，不适用“${ctx.meta.title}”`);
      return;
    }
    const sections = allSections(report);
    if (sections.length === 0) {
      ctx.insufficient('文档中没有读到文字部分，无法核对是否附有名词解释');
      return;
    }
    const glossary = sections.find((s) => /名词解释/.test(squeeze(s.title)));
    if (!glossary) {
      ctx.flag({ messageId: 'missing', location: {}, expected: '名词解释', actual: null });
      return;
    }
    const terms = paragraphsUnder(glossary).filter((p) => squeeze(p.text).length > 4).length + glossary.children.length;
    if (terms === 0) ctx.flag({ messageId: 'empty', location: { span: spanOf(glossary) }, expected: '名词解释', actual: null });
  },
};
