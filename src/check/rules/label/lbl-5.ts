import type { Span } from '../../../model/report.js';
import type { Rule } from '../../types.js';
import { allSections, editDistance, joinBroken, nameKey, squeeze } from '../narrative.js';

/** 项目一、NAME： — a project introduced by its number (the colon may be half-width or missing). */
const HEADING = /^项目([一二三四五六七八九十百零〇\d]+)[、.．:：]\s*(.{2,60}?)\s*[:：]?$/;
/** A quoted name, which may itself hold one quoted part: “清远市“一针一线”纺织服装技能人才培养工作经费”. */
const QUOTED = String.raw`“(?:[^“”\n]|“[^“”\n]*”)+”`;
const LIST = new RegExp(String.raw`${QUOTED}(?:\s*[、，,和及与]\s*${QUOTED})+`, 'g');
const ONE = new RegExp(QUOTED, 'g');

interface Mention {
  name: string;
  span: Span;
}

/**
 * LBL-5: a project named more than once in one document is named the same way each time.
 *
 * What it sees: projects introduced one by one as `项目一、NAME：` (a heading paragraph, joined to
 * its next line when a page break split it), and the lists of quoted names that summarise them
 * (`开展了“A”、“B”……和“Z”共34个项目绩效自评`, joined across page breaks). A listed name with no
 * identical heading is paired with a heading that has no identical listed name when the two differ
 * by only a few characters (at most 2, or a fifth of the name): that pair is reported, once.
 *
 * What it cannot see: a misspelling repeated identically everywhere (seed 001 prints 信仿岗位津贴,
 * for 信访, in both places: nothing differs, so nothing is reported); names repeated in free prose
 * without quotes or a 项目N、 heading; names in tables the reader did not extract (自评表 headers);
 * the titles of appended evaluation reports against the prose that mentions them; and two forms of
 * one name that differ by more than the threshold (those look like two projects).
 */
export const rule: Rule = {
  meta: {
    id: 'LBL-5',
    title: '同一项目在文中的名称前后一致',
    severity: 'info',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.3 [SEED]',
    doc: '以“项目一、名称：”逐个介绍的项目，与汇总列出的带引号项目名称（“A”、“B”……）逐一对照：列表中的名称找不到相同的标题、且与某个同样找不到对应的标题只差个别字时，报告名称前后不一致。两处写法相同的错别字（如“信仿”）无法发现。',
    messages: {
      variant: '项目名称前后不一致：第{{listLine}}行的项目列表写作“{{listed}}”，第{{line}}行的项目标题写作“{{heading}}”',
    },
  },
  check(ctx) {
    const sections = allSections(ctx.report);
    if (sections.length === 0) {
      ctx.notApplicable('文档中没有读到情况说明文字，不适用“同一项目在文中的名称前后一致”');
      return;
    }
    const headings: Mention[] = [];
    const listed: Mention[] = [];
    for (const section of sections) {
      for (const p of joinBroken(section.paragraphs)) {
        const text = p.text.trim();
        const h = HEADING.exec(squeeze(text));
        if (h && !/[。；;]/.test(h[2]!)) {
          headings.push({ name: h[2]!, span: p.span });
          continue;
        }
        for (const run of squeeze(text).matchAll(LIST)) {
          const names = [...run[0].matchAll(ONE)].map((q) => q[0].slice(1, -1));
          if (names.length < 3) continue;
          for (const name of names) listed.push({ name, span: p.span });
        }
      }
    }
    if (headings.length === 0 || listed.length === 0) return;
    const headingKeys = new Set(headings.map((h) => nameKey(h.name)));
    const listedKeys = new Set(listed.map((l) => nameKey(l.name)));
    const lonelyHeadings = headings.filter((h) => !listedKeys.has(nameKey(h.name)));
    const lonelyListed = listed.filter((l) => !headingKeys.has(nameKey(l.name)));
    const pairs: { l: Mention; h: Mention; d: number }[] = [];
    for (const l of lonelyListed) {
      for (const h of lonelyHeadings) {
        const a = nameKey(l.name);
        const b = nameKey(h.name);
        const d = editDistance(a, b);
        if (d > 0 && d <= Math.max(2, Math.floor(Math.min(a.length, b.length) / 5))) pairs.push({ l, h, d });
      }
    }
    pairs.sort((x, y) => x.d - y.d);
    const used = new Set<Mention>();
    for (const { l, h } of pairs) {
      if (used.has(l) || used.has(h)) continue;
      used.add(l);
      used.add(h);
      ctx.flag({
        messageId: 'variant',
        location: { span: { ...h.span } },
        expected: l.name,
        actual: h.name,
        data: { listLine: l.span.line ?? '?', listed: l.name, line: h.span.line ?? '?', heading: h.name },
      });
    }
  },
};
