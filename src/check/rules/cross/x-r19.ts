import { functionalClasses } from '../../../catalog/index.js';
import type { Rule } from '../../types.js';
import { classRows, nameKey, titleOf } from './shared.js';

/**
 * X-R19: the 26 class labels of 收入支出决算总表 and 财政拨款收入支出决算总表 are the same text
 * (after removing spaces and unifying brackets). When they differ, the finding is placed at the table
 * whose label is not the standard one (the functional-class catalogue of the report year); when
 * neither or both are standard it is placed at table 04. Whether each label is the standard one is
 * LBL-2's question.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R19',
    title: '两张总表的支出功能分类名称一致',
    severity: 'warning',
    category: 'accuracy',
    tables: ['01', '04'],
    crossTable: true,
    tolerance: { kind: 'exact' },
    source: 'rules.md §2.2 [SEED]；与规定名称的比对见 LBL-2',
    doc: 'T01 与 T04 支出栏 26 个功能分类（类）的名称逐字相同（去空格、统一全角半角括号后比较）',
    messages: {
      differs:
        '{{where}} 第 {{code}} 类的名称印作“{{actual}}”，{{other}}印作“{{expected}}”；两张总表的支出功能分类名称应一致，请按规定名称“{{standard}}”更正{{where}}。',
      differsNoStandard:
        '{{where}} 第 {{code}} 类的名称印作“{{actual}}”，{{other}}印作“{{expected}}”；两张总表的支出功能分类名称应一致。两者都不是目录中的名称“{{standard}}”，无法判断哪一张有误，请对照《政府收支分类科目》核对（见 LBL-2）。',
    },
  },
  check(ctx) {
    if (!ctx.need('01', '04')) return;
    const standard = new Map(functionalClasses(ctx.report.year || undefined).map((c) => [c.code, c.name]));
    for (const r04 of classRows(ctx, '04')) {
      const r01 = ctx.row('01', r04.key);
      if (!r01 || r01.name === '' || r04.name === '') continue;
      if (nameKey(r01.name) === nameKey(r04.name)) continue;
      const code = r04.key.slice(4);
      const std = standard.get(code);
      const ok01 = std !== undefined && nameKey(std) === nameKey(r01.name);
      const ok04 = std !== undefined && nameKey(std) === nameKey(r04.name);
      // The table whose label is not the catalogue's is the one to correct.
      const [bad, good] = ok04 && !ok01 ? [r01, r04] : [r04, r01];
      const [badTable, goodTable] = bad === r01 ? ['01', '04'] : ['04', '01'];
      ctx.flag({
        messageId: ok01 || ok04 ? 'differs' : 'differsNoStandard',
        location: { table: badTable, row: r04.key },
        expected: good.name,
        actual: bad.name,
        data: {
          where: titleOf(ctx, badTable),
          other: titleOf(ctx, goodTable),
          code,
          actual: bad.name,
          expected: good.name,
          standard: std ?? '（目录中无此类）',
        },
        related: ['LBL-2', 'T01-R7'],
      });
    }
  },
};
