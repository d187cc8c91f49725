import type { Paragraph, Section } from '../../../model/report.js';
import type { Rule } from '../../types.js';
import { allSections, bodySections, isFinalAccounts, joinBroken, KIND_WORD, paragraphsUnder, spanOf, squeeze, textUnder } from '../narrative.js';
import { markerTexts } from './details.js';

/** How many projects the document says it self-evaluated. */
const CLAIMS = [/(\d+)个项目(?:的)?(?:开展了?)?(?:绩效)?自评/, /对(\d+)个项目开展了?(?:绩效)?自评/];
/** …, 涉及二级项目3个 — a count of projects in a sentence about 自评. */
const CLAIM_SECOND_LEVEL = /二级项目(\d+)个/;
const COVERAGE = /\d+个(?:[一二]级)?项目|[一二]级项目\d+个|项目\d+个|全面|所有|全部|覆盖/;
const RESULTS = /等级|等次|得分|\d+(?:\.\d+)?分|评价结果|自评结果|为[“"]?(?:优|良|中|差)/;
/** 【待填写：…】 markers of a generated document standing for the coverage or the results (C-R10 reports them). */
const COVERAGE_MARKER = /自评范围|项目个数|覆盖/;
const RESULTS_MARKER = /自评结果|评价结果|等级|得分/;

const NUMBERED_PROJECT = /^项目[一二三四五六七八九十百零〇\d]+[、.．:：]/;
const PROJECT_REPORT = /^(?!\d+个|各|全部|所有)[^：:。]{2,60}?项目(?:支出)?绩效自评情况[:：]/;
const PROJECT_TABLE = /项目(?:支出)?绩效(?:自评|评价)表$/;
const PROJECT_EVALUATION = /项目(?:支出)?绩效(?:自评|评价)报告$/;

/** The projects the document reports one by one: the largest of the ways it may do so. */
function reportedProjects(sections: Section[]): number {
  const paragraphs = sections.flatMap((s) => joinBroken(s.paragraphs)).map((p) => squeeze(p.text));
  const lines = sections.flatMap((s) => s.paragraphs).map((p) => squeeze(p.text));
  const titles = sections.map((s) => squeeze(s.title));
  const headings = new Set(paragraphs.filter((t) => NUMBERED_PROJECT.test(t)).map((t) => NUMBERED_PROJECT.exec(t)![0]));
  const reports = paragraphs.filter((t) => PROJECT_REPORT.test(t)).length;
  const tables = new Set([...lines, ...titles].filter((t) => PROJECT_TABLE.test(t))).size;
  const evaluations = new Set(titles.filter((t) => PROJECT_EVALUATION.test(t))).size;
  return Math.max(headings.size, reports, tables, evaluations);
}

function claim(paragraphs: Paragraph[]): { count: number; paragraph: Paragraph } | undefined {
  for (const re of CLAIMS) {
    for (const p of paragraphs) {
      const m = re.exec(squeeze(p.text));
      if (m) return { count: Number(m[1]), paragraph: p };
    }
  }
  for (const p of paragraphs) {
    for (const s of squeeze(p.text).split(/[。；]/)) {
      const m = CLAIM_SECOND_LEVEL.exec(s);
      if (m && /自评/.test(s)) return { count: Number(m[1]), paragraph: p };
    }
  }
  return undefined;
}

/**
 * C-R7: the 绩效 explanation states the coverage of the self-evaluation (how many projects, or all)
 * and its results (等级 / 得分), and the document reports as many projects as it says it evaluated:
 * one by one in the text (项目一、…; …项目绩效自评情况：…), as appended 自评表, or as appended
 * evaluation reports — whichever is the largest count. Results may sit in the appended reports.
 * A 【待填写：…】 marker naming the coverage or the results counts as stated, unfilled (C-R10).
 * Not checked: the 重点评价 statement of the checklist (seed 003 names a 部门评价 instead and seed
 * 004 has none, both accepted in rules.md) and the presence of attachments as such.
 */
export const rule: Rule = {
  meta: {
    id: 'C-R7',
    title: '绩效情况说明包含自评范围和结果',
    severity: 'warning',
    category: 'completeness',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.6, §6.2 [SEED]',
    doc: '预算绩效情况说明须写明绩效自评的范围（项目个数或全面开展）和自评结果（等级、得分）；说明中声称自评的项目个数，须与逐个列示的项目、所附自评表或评价报告的个数相符。',
    messages: {
      coverage: '绩效情况说明未写明绩效自评的范围（开展自评的项目个数或覆盖面）',
      results: '绩效情况说明未写明绩效自评结果（评价等级或得分）',
      count: '绩效情况说明称对{{claimed}}个项目开展了绩效自评，但文中只列示了{{reported}}个项目的自评情况',
    },
  },
  check(ctx) {
    const report = ctx.report;
    if (!isFinalAccounts(report)) {
      ctx.notApplicable(`本文档是${KIND_WORD[report.kind]}，不是决算公开，不适用“${ctx.meta.title}”`);
      return;
    }
    const section = bodySections(report).find((s) => /绩效/.test(squeeze(s.title)));
    if (!section) {
      ctx.insufficient('情况说明中没有找到预算绩效部分，无法核对其内容（缺少该部分见 C-R3）');
      return;
    }
    const text = textUnder(section);
    const span = spanOf(section);
    const everything = allSections(report);
    const refersToAttachments = /附件|附表|详见/.test(text);
    const markers = markerTexts(text);
    const coverageStated = (/自评/.test(text) && COVERAGE.test(text)) || markers.some((m) => COVERAGE_MARKER.test(m));
    if (!coverageStated) ctx.flag({ messageId: 'coverage', location: { span }, expected: null, actual: null });
    const resultsStated =
      RESULTS.test(text) || markers.some((m) => RESULTS_MARKER.test(m)) || (refersToAttachments && everything.some((s) => RESULTS.test(textUnder(s))));
    if (!resultsStated) ctx.flag({ messageId: 'results', location: { span }, expected: null, actual: null });
    const claimed = claim(paragraphsUnder(section));
    if (!claimed) return;
    const reported = reportedProjects(everything);
    if (reported >= claimed.count || (reported === 0 && refersToAttachments)) return;
    ctx.flag({
      messageId: 'count',
      location: { span: spanOf(claimed.paragraph) },
      expected: claimed.count,
      actual: reported,
      data: { claimed: claimed.count, reported },
    });
  },
};
