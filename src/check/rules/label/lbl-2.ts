import { functionalClasses } from '../../../catalog/index.js';
import type { Rule } from '../../types.js';
import { nameKey } from '../narrative.js';

/**
 * LBL-2: the 26 expenditure class rows of tables 01 and 04 carry the fixed labels of the template
 * (rules.md §1.3; data/catalogs/functional-classes-YYYY.csv), e.g. 资源勘探工业信息等支出 with its 等.
 * The ordinal prefix (十四、) is not part of the label.
 */
export const rule: Rule = {
  meta: {
    id: 'LBL-2',
    title: '总表支出功能分类类级名称与固定名称一致',
    severity: 'warning',
    category: 'accuracy',
    tables: ['01', '04'],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.3, §1.3 [SEED]；目录 data/catalogs/functional-classes-YYYY.csv',
    doc: '表01、表04 支出方 26 个功能分类类级行的名称须与固定名称一致（如“资源勘探工业信息等支出”不能漏“等”）。',
    messages: {
      label: '{{where}} 第{{line}}行类级名称为“{{actual}}”，应为“{{expected}}”',
    },
  },
  check(ctx) {
    const present = ['01', '04'].filter((id) => ctx.table(id));
    if (present.length === 0) {
      ctx.notApplicable(`文档中没有表01、表04，不适用“${ctx.meta.title}”`);
      return;
    }
    const classes = new Map(functionalClasses(ctx.report.year > 0 ? ctx.report.year : undefined).filter((c) => c.order > 0).map((c) => [c.code, c]));
    for (const id of present) {
      const table = ctx.table(id)!;
      for (const row of table.rows) {
        const m = /^exp\.(\d{3})$/.exec(row.key);
        const cls = m ? classes.get(m[1]!) : undefined;
        if (!cls || nameKey(cls.name) === nameKey(row.name)) continue;
        ctx.flag({
          messageId: 'label',
          location: { table: id, row: row.key },
          expected: cls.name,
          actual: row.name,
          data: { where: table.title, line: row.line ?? '?', actual: row.name, expected: cls.name },
          related: ['X-R19'],
        });
      }
    }
  },
};
