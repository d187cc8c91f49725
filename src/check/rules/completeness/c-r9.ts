import type { Rule } from '../../types.js';
import { isFinalAccounts, KIND_WORD } from '../narrative.js';

const LIMIT_DAYS = 20;

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function chinese(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * C-R9: a 部门决算 is published within 20 days of the finance department's 批复 (《地方预决算公开
 * 操作规程》). Only checkable when the document prints both dates (Report.disclosure, read from the
 * labelled 公开时间：… and a date bound to 批复). With the 公开时间 alone (seed 004) the rule says so
 * and stops (insufficient data, info); with neither it does not apply.
 */
export const rule: Rule = {
  meta: {
    id: 'C-R9',
    title: '批复后20日内公开',
    severity: 'info',
    category: 'completeness',
    tables: [],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.6, §6.1 [SRC 1]',
    doc: '部门决算应在财政部门批复后20日内公开。仅当文档同时载明公开时间和批复日期时可核对。',
    messages: {
      late: '公开时间{{published}}距批复日期{{approved}}已{{days}}天，超过批复后20日内公开的要求',
      before: '公开时间{{published}}早于批复日期{{approved}}，请核对日期',
    },
  },
  check(ctx) {
    const report = ctx.report;
    if (!isFinalAccounts(report)) {
      ctx.notApplicable(`本文档是${KIND_WORD[report.kind]}，不是决算公开，不适用“${ctx.meta.title}”`);
      return;
    }
    const { published, approved } = report.disclosure ?? {};
    if (!published && !approved) {
      ctx.notApplicable('文档未载明公开时间和批复日期，无法核对是否在批复后20日内公开');
      return;
    }
    if (!published || !approved) {
      const known = published ?? approved!;
      ctx.insufficient(
        published
          ? `文档载明公开时间为${chinese(published.date)}，但未载明财政部门批复日期，无法核对是否在批复后20日内公开`
          : `文档载明批复日期为${chinese(approved!.date)}，但未载明公开时间，无法核对是否在批复后20日内公开`,
        { span: { ...known.span } },
      );
      return;
    }
    const n = days(approved.date, published.date);
    const data = { published: chinese(published.date), approved: chinese(approved.date), days: n };
    if (n > LIMIT_DAYS) {
      ctx.flag({ messageId: 'late', location: { span: { ...published.span } }, expected: LIMIT_DAYS, actual: n, data });
    } else if (n < 0) {
      ctx.flag({ messageId: 'before', location: { span: { ...published.span } }, expected: approved.date, actual: published.date, data });
    }
  },
};
