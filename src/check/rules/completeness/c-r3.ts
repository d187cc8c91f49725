import type { Report, TemplateFamily } from '../../../model/report.js';
import type { Rule } from '../../types.js';
import { allSections, bodyParagraphs, explanationPart, isFinalAccounts, KIND_WORD, spanOf, squeeze, templateOf, textUnder } from '../narrative.js';

interface Requirement {
  key: string;
  /** What the clerk must add, in the words of the checklist. */
  label: string;
  /** A section title that covers it. */
  title?: RegExp;
  /** Or a sentence of the 情况说明 (outside 名词解释 and 附件) that covers it. */
  text?: RegExp;
  /** Both words under the section (e.g. 人员经费 and 公用经费 under 基本支出). */
  under?: RegExp[];
  /** Template families that do not require it. */
  notIn?: TemplateFamily[];
}

const NOT_FISCAL = /财政拨款|三公|一般公共|基本支出|政府性基金|国有资本|机关运行|采购|资产|绩效/;

/**
 * The 情况说明 checklist of rules.md §6.2 (the union of the seeds). The Guangdong template explains
 * 一般公共预算 spending only as a whole (in 财政拨款支出说明): it has no 结构 by class, no 项-level
 * detail and no 基本支出 人员/公用 paragraph (seeds 000, 001), and 政府性基金 / 国有资本经营 are
 * stated inside the 财政拨款 paragraphs, which the text alternatives accept in every template.
 * 名词解释 is C-R8's, and the content of 三公 / 国有资产 / 政府采购 / 绩效 is C-R4 … C-R7's.
 */
export const REQUIREMENTS: Requirement[] = [
  { key: 'overview', label: '概况', title: /概况|基本情况/ },
  { key: 'duties', label: '主要职责', title: /职责|职能/, text: /主要职责/ },
  { key: 'organisation', label: '机构设置', title: /机构设置|机构组成|内设机构|机构情况|人员构成/, text: /内设(?:部门|机构|科室|股室)|下设/ },
  {
    key: 'overall',
    label: '收入支出决算总体情况',
    title: /^(?:\d{4}年度?)?(?:收入支出|收支)(?:决算)?总体情况/,
  },
  { key: 'income', label: '收入决算情况', title: /收入(?:决算|总体)?情况|收入说明/ },
  { key: 'spending', label: '支出决算情况', title: /支出(?:决算|总体)?情况|支出说明/ },
  { key: 'fiscal', label: '财政拨款收入支出决算总体情况', title: /财政拨款收入支出|财政拨款收支/ },
  {
    key: 'gpb_total',
    label: '一般公共预算财政拨款支出决算总体情况',
    title: /一般公共预算财政拨款支出/,
    text: /一般公共预算财政拨款(?:决算)?支出(?:决算)?(?:为|共计)?\d/,
  },
  { key: 'gpb_structure', label: '一般公共预算财政拨款支出决算结构情况（按类及占比）', title: /结构/, text: /[（(]类[)）][^。；]*?\d+(?:\.\d+)?%/, notIn: ['gd'] },
  { key: 'gpb_detail', label: '一般公共预算财政拨款支出决算具体情况（到项）', title: /^(?!.*三公).*(?:具体情况|明细情况)/, text: /[（(]项[)）]/, notIn: ['gd'] },
  { key: 'basic', label: '一般公共预算财政拨款基本支出决算情况（人员经费、公用经费）', title: /基本支出/, under: [/人员经费/, /公用经费/], notIn: ['gd'] },
  { key: 'three', label: '财政拨款“三公”经费支出决算情况', title: /三公/ },
  { key: 'gov_fund', label: '政府性基金预算财政拨款收支决算情况', title: /政府性基金/, text: /政府性基金/ },
  { key: 'state_capital', label: '国有资本经营预算财政拨款支出决算情况', title: /国有资本经营/, text: /国有资本经营预算/ },
  { key: 'running', label: '机关运行经费支出情况', title: /机关运行经费/, text: /机关运行经费/ },
  { key: 'procurement', label: '政府采购支出情况', title: /政府采购/ },
  { key: 'assets', label: '国有资产占用情况', title: /国有资产|资产占用|资产占有/ },
  { key: 'performance', label: '预算绩效情况', title: /绩效/ },
];

function covered(report: Readonly<Report>, req: Requirement, body: string[]): boolean {
  const sections = allSections(report).filter((s) => !/名词解释/.test(s.title));
  const byTitle = req.title
    ? sections.filter((s) => {
        const t = squeeze(s.title);
        if (!req.title!.test(t)) return false;
        // 收入/支出 alone are the unit's totals, not the 财政拨款 or other specific sections.
        if ((req.key === 'income' || req.key === 'spending' || req.key === 'overall') && NOT_FISCAL.test(t)) return false;
        return true;
      })
    : [];
  if (req.under) {
    return byTitle.some((s) => req.under!.every((re) => re.test(textUnder(s)))) || body.some((p) => req.under!.every((re) => re.test(p)));
  }
  if (byTitle.length > 0) return true;
  return req.text !== undefined && body.some((p) => req.text!.test(p));
}

/**
 * C-R3: the 情况说明 has the sections of the checklist (rules.md §6.2), template-specifically: the
 * Guangdong template legitimately omits the structure and 项-level detail of 一般公共预算 spending
 * and the 基本支出 人员/公用 paragraph. A piece is found by a section title, or by a sentence that
 * covers it where documents commonly fold it into another section. One warning per missing piece,
 * pointing at the 情况说明 part.
 */
export const rule: Rule = {
  meta: {
    id: 'C-R3',
    title: '情况说明内容齐全',
    severity: 'warning',
    category: 'completeness',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.6, §6.2 [SRC 1; SEED]',
    doc: '情况说明须包括：概况（职责、机构设置）；收入支出总体、收入、支出；财政拨款收支总体；一般公共预算财政拨款支出总体、结构、具体到项；基本支出（人员经费、公用经费）；“三公”经费；政府性基金；国有资本经营；机关运行经费；政府采购；国有资产占用；绩效。广东模板不要求结构、到项说明和基本支出段。名词解释见 C-R8。',
    messages: {
      missing: '情况说明缺少“{{label}}”部分（{{family}}要求）',
    },
  },
  check(ctx) {
    const report = ctx.report;
    if (!isFinalAccounts(report)) {
      ctx.notApplicable(`本文档是${KIND_WORD[report.kind]}，不是决算公开，不适用“${ctx.meta.title}”`);
      return;
    }
    if (allSections(report).length === 0) {
      ctx.insufficient('文档中没有读到情况说明文字，无法核对其内容是否齐全');
      return;
    }
    const family = templateOf(report);
    const familyWord = family === 'gd' ? '广东模板' : family === 'sx' ? '山西模板' : family === 'sc' ? '四川模板' : '部门决算公开';
    const body = bodyParagraphs(report).map((p) => squeeze(p.text));
    const part = explanationPart(report);
    for (const req of REQUIREMENTS) {
      if (family && req.notIn?.includes(family)) continue;
      if (covered(report, req, body)) continue;
      ctx.flag({
        messageId: 'missing',
        location: part ? { span: spanOf(part) } : {},
        expected: req.label,
        actual: null,
        data: { label: req.label, family: familyWord },
      });
    }
  },
};
