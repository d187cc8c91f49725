import type { Table } from '../../../model/report.js';
import type { Rule } from '../../types.js';
import { bodySections, isFinalAccounts, KIND_WORD, sentences, squeeze } from '../narrative.js';

/** What the narrative calls the spending of an empty table (tables without a subject are not looked up). */
const SUBJECT: Record<string, { word: string; re: RegExp }> = {
  '07': { word: '政府性基金预算财政拨款', re: /政府性基金/ },
  '08': { word: '国有资本经营预算财政拨款', re: /国有资本经营/ },
  'sc-state-capital': { word: '国有资本经营预算财政拨款', re: /国有资本经营/ },
  '09': { word: '“三公”经费', re: /三公/ },
};

/** 本年度无此项支出, 未发生, 没有…, or the amount stated as zero. */
const NOTHING = /无此项|无相关|无该项|无此类|没有|未发生|未安排|无[^，,]{0,12}(?:收入|支出|收支|经费|预算|数据)|(?:为|均为|支出|收入|决算|数)(?:0|0\.0+|零)(?:万元|元)|(?<![\d.])0(?:\.0+)?万?元/;

function allZero(t: Table): boolean {
  return t.rows.every((r) => Object.values(r.cells).every((v) => v === null || v === 0));
}

/**
 * C-R2: a table with nothing to report is still published, with its note (本表无数据 / 本表本年度无
 * 发生额 / 说明：…), and the narrative says so (本年度无此项支出, or states the spending as 0).
 * Two checks: every table whose amounts are all zero or blank must carry the note (the reader marks
 * such tables `empty`; error when it is missing); and for the empty tables with a subject in the
 * narrative (07 政府性基金, 08 and the Sichuan 国有资本经营 table, 09 三公), some sentence of the
 * 情况说明 (or its section title) must name the subject and say there was none (warning when none does: the wording is free).
 */
export const rule: Rule = {
  meta: {
    id: 'C-R2',
    title: '空表照常公开并加注说明',
    severity: 'error',
    category: 'completeness',
    tables: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', 'sc-state-capital'],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.6, §1.2, §6.1 [SRC 1; SEED]',
    doc: '金额全为零或空白的表须照常公开并注明“本表无数据”“本表本年度无发生额”等（缺注为错误）；政府性基金、国有资本经营、“三公”经费空表还须在情况说明中写明“本年度无此项支出”或支出为0（未写为警告）。',
    messages: {
      no_note: '“{{title}}”没有数据，但表下未注明“本表无数据”或“本表本年度无发生额”',
      no_statement: '“{{title}}”为空表，但情况说明中没有说明本年度无{{subject}}收支（如“本年度无此项支出”）',
    },
  },
  check(ctx) {
    const report = ctx.report;
    if (!isFinalAccounts(report)) {
      ctx.notApplicable(`本文档是${KIND_WORD[report.kind]}，不是决算公开，不适用“${ctx.meta.title}”`);
      return;
    }
    if (report.tables.length === 0) {
      ctx.notApplicable('文档中没有决算表，不适用“空表照常公开并加注说明”（缺表见 C-R1）');
      return;
    }
    // Each sentence with the title of its section: 本年度无此项支出 under 七、政府性基金预算… names its subject by the title.
    const body = bodySections(report);
    const said = body.flatMap((s) => s.paragraphs.flatMap((p) => sentences(p.text).map((text) => ({ text, context: `${squeeze(s.title)}：${text}` }))));
    for (const t of report.tables) {
      const empty = t.empty || allZero(t);
      if (!empty) continue;
      if (!t.empty) {
        ctx.flag({ messageId: 'no_note', location: { table: t.id }, expected: '本表无数据', actual: null, data: { title: t.title } });
      }
      const subject = SUBJECT[t.id];
      if (!subject) continue;
      if (said.length === 0) {
        ctx.insufficient(`文档中没有读到情况说明文字，无法核对“${t.title}”为空表的说明`, { table: t.id });
        continue;
      }
      if (said.some((s) => subject.re.test(s.context) && NOTHING.test(s.text))) continue;
      ctx.flag({ messageId: 'no_statement', severity: 'warning', location: { table: t.id }, expected: '本年度无此项支出', actual: null, data: { title: t.title, subject: subject.word } });
    }
  },
};
