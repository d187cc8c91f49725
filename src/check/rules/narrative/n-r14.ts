import type { Report, Section } from '../../../model/report.js';
import type { Rule } from '../../types.js';
import { allSections, squeeze } from '../narrative.js';
import { proseUnits, spanOfText } from './prose.js';

/**
 * `2023年10月16日公开本部门及所属单位2022年部门预算`: a publication date, then the year and kind of
 * what was published. 预算 followed by 绩效/编制/执行… is another thing (预算绩效, 预算编制说明).
 */
const DATE_FIRST =
  /(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?[^，,。；]{0,8}?公开了?[^，,。；]{0,24}?(\d{4})年度?的?((?:部门|单位)?(?:预算|决算))(?!绩效|编制|执行|管理|批复|项目|资金|收入|支出|调整|安排)/g;
/** `2022年部门决算于2023年10月16日公开`. */
const KIND_FIRST = /(\d{4})年度?的?((?:部门|单位)?(?:预算|决算))(?:已|已经)?于(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?[^，,。；]{0,10}?公开/g;

/** A heading that names the document's own kind and year: `2023年度部门决算情况说明`. */
const OWN_HEADING = /(\d{4})年度?(?:部门|单位)(预算|决算)(?:情况说明|公开|说明)$/;

const OWN_KIND: Partial<Record<Report['kind'], '预算' | '决算'>> = { 'final-accounts': '决算', budget: '预算' };

/**
 * N-R14: words of period and document type agree with what they describe.
 * - A dated publication of a year's 预算 or 决算 (`Y年M月D日公开…X年部门预算`): a 预算 is published at
 *   the start of its own year, a 决算 after its year has ended. A 预算 of a year already past, or a
 *   决算 of a year not yet ended, names the wrong document type. This is a contradiction of fact, not
 *   of style (rules.md §7 lists seed 002's `2022年部门预算` published on 2023-10-16 as an error), so it
 *   is reported as an error although the rule's default severity (§2.4) is warning.
 * - A heading that names the document's own kind or year wrongly (`2023年度部门预算情况说明` in a 2023
 *   决算, `2022年度部门决算情况说明` in a 2023 决算): warning.
 */
export const rule: Rule = {
  meta: {
    id: 'N-R14',
    title: '期间和文件类型用词正确',
    severity: 'warning',
    category: 'accuracy',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.4, §5.3 [SEED]',
    doc: '情况说明中年度与“预算/决算”用词须与所指相符：某年度预算在该年初公开，决算在该年度结束后公开；文档自身的标题须写明本文件的类型（决算/预算）和年度。',
    messages: {
      kind_period:
        '“{{printed}}”：{{published}}公开的是{{year}}年度的{{printedKind}}，但{{reason}}，应为“{{expected}}”，请更正用词',
      own_kind: '标题“{{title}}”写作{{printedKind}}，本文件是{{year}}年度{{ownKind}}公开，应为“{{expected}}”',
      own_year: '标题“{{title}}”写作{{printedYear}}年度，本文件是{{year}}年度{{ownKind}}公开，请核对年度',
    },
  },
  check(ctx) {
    const report = ctx.report;
    for (const unit of proseUnits(report)) {
      const found: { at: number; printed: string; year: number; kind: string; published: number; date: string }[] = [];
      DATE_FIRST.lastIndex = 0;
      for (let m = DATE_FIRST.exec(unit.text); m; m = DATE_FIRST.exec(unit.text)) {
        const date = `${m[1]}年${m[2]}月${m[3] ? `${m[3]}日` : ''}`;
        found.push({ at: m.index, printed: m[0], year: Number(m[4]), kind: m[5]!, published: Number(m[1]), date });
      }
      KIND_FIRST.lastIndex = 0;
      for (let m = KIND_FIRST.exec(unit.text); m; m = KIND_FIRST.exec(unit.text)) {
        const date = `${m[3]}年${m[4]}月${m[5] ? `${m[5]}日` : ''}`;
        found.push({ at: m.index, printed: m[0], year: Number(m[1]), kind: m[2]!, published: Number(m[3]), date });
      }
      for (const f of found.sort((a, b) => a.at - b.at)) {
        const budget = f.kind.endsWith('预算');
        // A budget of a year already ended, or final accounts of a year not yet ended.
        const wrong = budget ? f.published > f.year : f.published <= f.year;
        if (!wrong) continue;
        const expectedKind = budget ? f.kind.replace('预算', '决算') : f.kind.replace('决算', '预算');
        const reason = budget
          ? `${f.year}年度的预算应在${f.year}年初公开，${f.published}年公开的${f.year}年度资料是决算`
          : `${f.year}年度尚未结束时只能公开预算，决算在${f.year + 1}年公开`;
        ctx.flag({
          messageId: 'kind_period',
          severity: 'error',
          location: { span: spanOfText(report, unit, f.at, '') },
          expected: `${f.year}年${expectedKind}`,
          actual: `${f.year}年${f.kind}`,
          data: { printed: f.printed, published: f.date, year: f.year, printedKind: f.kind, reason, expected: `${f.year}年${expectedKind}` },
        });
      }
    }
    const own = OWN_KIND[report.kind];
    if (!own) return;
    for (const s of allSections(report).filter((x: Section) => x.level <= 2)) {
      const title = squeeze(s.title);
      const m = OWN_HEADING.exec(title);
      if (!m) continue;
      const ownKind = own;
      if (m[2] !== own) {
        const k = title.lastIndexOf(m[2]!);
        const expected = title.slice(0, k) + own + title.slice(k + own.length);
        ctx.flag({
          messageId: 'own_kind',
          location: { span: { ...s.span } },
          expected,
          actual: title,
          data: { title, printedKind: m[2]!, year: report.year, ownKind, expected },
        });
      } else if (Number(m[1]) !== report.year) {
        ctx.flag({
          messageId: 'own_year',
          location: { span: { ...s.span } },
          expected: report.year,
          actual: Number(m[1]),
          data: { title, printedYear: m[1]!, year: report.year, ownKind },
        });
      }
    }
  },
};
