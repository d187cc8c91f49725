import type { Rule } from '../../types.js';

/**
 * X-R21 is a documented non-rule (rules.md §2.2): there is NO equality between 收入决算表 and
 * 支出决算表 class by class. Income of a year is spent partly in later years, balances carried over
 * are spent this year, so income by 类/款/项 ≠ spending by 类/款/项 is normal (seed 001: 205 教育支出
 * income 17,171.75 vs spending 15,670.37). The totals are tied through 收入支出决算总表 (X-R1, X-R4,
 * T01-R6), not here.
 *
 * It is kept as a rule so that the catalogue of rule ids stays complete and nobody adds such a check
 * by mistake: it reads tables 02 and 03 (saying not_applicable / insufficient_data like every
 * cross-table rule when they are missing or not read whole) and never reports a difference. A
 * severity of info and a tolerance of none say the same.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R21',
    title: '收入决算表与支出决算表按科目不要求相等（说明性规则）',
    severity: 'info',
    category: 'accuracy',
    tables: ['02', '03'],
    crossTable: true,
    tolerance: { kind: 'none' },
    source: 'rules.md §2.2 [SEED]（明确不设等式：按科目的收入与支出不等属正常）',
    doc: '不设公式：T02[科目, 栏1] 与 T03[科目, 栏1] 不要求相等，本规则从不报告差异；两表合计经总表衔接（X-R1、X-R4）',
    // The one message is the rule's explanation as the rule catalogue shows it; check() never emits it.
    messages: {
      note: '收入决算表与支出决算表按科目的数额不要求相等：当年收入可结转以后年度使用，以前年度结转结余也可在本年支出，两表合计通过收入支出决算总表衔接（见 X-R1、X-R4）。',
    },
  },
  check(ctx) {
    // Only the applicability of the note is reported; a difference between the tables is never a finding.
    ctx.need('02', '03');
  },
};
