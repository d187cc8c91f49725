import type { Rule } from '../../types.js';
import { allSections, isFinalAccounts, KIND_WORD, spanOf } from '../narrative.js';

/**
 * The marker the generator (src/render/narrative/) leaves where the preparer must still write
 * something, e.g. `【待填写：一般公共预算财政拨款收入增减变动原因】`. Full-width brackets as printed;
 * half-width ones and spaces are tolerated because a preparer may retype them.
 */
export const MARKER = /[【\[]\s*待填写\s*(?:[：:]\s*([^】\]]*?))?\s*[】\]]/g;

/**
 * C-R10: a generated disclosure still holds unfilled 【待填写…】 markers. Each one is a place where a
 * required text (a reason for a change or a deviation from the budget, a count, a description) was
 * missing from the input; publishing it as is would print the marker.
 */
export const rule: Rule = {
  meta: {
    id: 'C-R10',
    title: '无未填写的【待填写】标记',
    severity: 'warning',
    category: 'completeness',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'issue #5 (generator); rules.md §6.2',
    doc: '由决算通生成的文档在缺少必填内容（如增减变动原因、偏离预算的原因）处留有“【待填写：…】”标记；公开前须逐一填写。每个未填写的标记报告一次，位置为所在段落。',
    messages: {
      unfilled: '情况说明中仍有未填写的内容：{{what}}，请补充后再公开',
    },
  },
  check(ctx) {
    // Like the other completeness rules: the generator writes 决算 disclosures only.
    if (!isFinalAccounts(ctx.report)) {
      ctx.notApplicable(`本文档是${KIND_WORD[ctx.report.kind]}，不是决算公开，不适用“${ctx.meta.title}”`);
      return;
    }
    for (const section of allSections(ctx.report)) {
      for (const p of section.paragraphs) {
        for (const m of p.text.matchAll(MARKER)) {
          const what = m[1]?.trim() || '待填写内容';
          ctx.flag({ messageId: 'unfilled', location: { span: spanOf(p) }, expected: what, actual: m[0], data: { what } });
        }
      }
    }
  },
};
