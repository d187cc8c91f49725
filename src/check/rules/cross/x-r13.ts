import type { Rule } from '../../types.js';
import { nameKey, titleOf } from './shared.js';

const TABLES = ['02', '03', '05', '07', '08'];

/**
 * X-R13: a functional code has the same name in every coded table of the document (收入决算表,
 * 支出决算表, 一般公共预算/政府性基金/国有资本经营预算财政拨款支出表), compared after removing spaces
 * and unifying full- and half-width brackets. The finding is placed at the table that differs from
 * the majority; with no majority (e.g. two tables, two names) every table that differs from the
 * first one printing the code is reported and the message says the rule cannot tell which is wrong.
 * Whether the name is the catalogue's (《政府收支分类科目》) is LBL-1's question, not this rule's.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R13',
    title: '同一科目编码在各表名称一致',
    severity: 'error',
    category: 'accuracy',
    tables: TABLES,
    crossTable: true,
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.2 [SEED]; 与目录名称的比对见 LBL-1',
    doc: '同一功能分类编码在 T02/T03/T05/T07/T08 中的科目名称相同（去空格、统一全角半角括号后逐字比较）；在与多数表不同的那张表报告',
    messages: {
      differs:
        '{{where}} 科目 {{code}} 的名称印作“{{actual}}”，{{others}}印作“{{expected}}”；同一科目编码在各表的名称应一致，请按《政府收支分类科目》更正{{table}}中的名称。',
      differsNoMajority:
        '{{where}} 科目 {{code}} 的名称印作“{{actual}}”，{{others}}印作“{{expected}}”；同一科目编码在各表的名称应一致。仅凭本文档无法判断哪一张表有误，请对照《政府收支分类科目》核对（见 LBL-1）。',
    },
  },
  check(ctx) {
    const present = TABLES.filter((id) => ctx.table(id));
    if (present.length < 2) {
      ctx.notApplicable(`文档中印有编码科目的表不足两张（${present.map((id) => `表${id}`).join('、') || '无'}），不适用“${ctx.meta.title}”`);
      return;
    }
    if (!ctx.need(...present)) return;
    // code → printings in table order
    const byCode = new Map<string, { table: string; name: string; key: string }[]>();
    for (const id of present) {
      for (const row of ctx.table(id)!.rows) {
        if (!row.code || row.name === '') continue;
        const list = byCode.get(row.code) ?? [];
        list.push({ table: id, name: row.name, key: nameKey(row.name) });
        byCode.set(row.code, list);
      }
    }
    for (const [code, printings] of byCode) {
      const groups = new Map<string, typeof printings>();
      for (const p of printings) groups.set(p.key, [...(groups.get(p.key) ?? []), p]);
      if (groups.size < 2) continue;
      const sizes = [...groups.values()].map((g) => g.length).sort((a, b) => b - a);
      const majority = sizes[0]! > sizes[1]! ? [...groups.values()].find((g) => g.length === sizes[0])! : undefined;
      const reference = majority ?? groups.get(printings[0]!.key)!;
      for (const p of printings) {
        if (p.key === reference[0]!.key) continue;
        ctx.flag({
          messageId: majority ? 'differs' : 'differsNoMajority',
          location: { table: p.table, row: code },
          expected: reference[0]!.name,
          actual: p.name,
          data: {
            where: titleOf(ctx, p.table),
            table: titleOf(ctx, p.table),
            code,
            actual: p.name,
            expected: reference[0]!.name,
            others: reference.map((r) => titleOf(ctx, r.table)).join('、'),
          },
          related: ['LBL-1'],
        });
      }
    }
  },
};
