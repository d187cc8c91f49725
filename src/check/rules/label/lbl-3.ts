import { economicItems } from '../../../catalog/index.js';
import type { Rule } from '../../types.js';
import { nameKey } from '../narrative.js';

/**
 * LBL-3: the economic classification names of table 06 (类 and 款) equal the 部门预算支出经济分类
 * of the report year (data/catalogs/economic-classification-dept-YYYY.csv, complete for 2023).
 * A code that is not in the classification at all is also reported.
 */
export const rule: Rule = {
  meta: {
    id: 'LBL-3',
    title: '基本支出明细表经济分类科目名称与分类目录一致',
    severity: 'warning',
    category: 'accuracy',
    tables: ['06'],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.3 [SEED]；目录 data/catalogs/economic-classification-dept-YYYY.csv',
    doc: '表06 每个经济分类类/款的名称须与部门预算支出经济分类目录一致；目录中没有的编码也报告。',
    messages: {
      name: '{{where}} 经济分类科目 {{code}} 的名称为“{{actual}}”，部门预算支出经济分类中为“{{expected}}”',
      unknown: '{{where}} 经济分类科目编码 {{code}}（{{actual}}）不在部门预算支出经济分类中，请核对编码',
    },
  },
  check(ctx) {
    if (!ctx.need('06')) return;
    const table = ctx.table('06')!;
    const year = ctx.report.year > 0 ? ctx.report.year : undefined;
    const items = new Map(economicItems(year).map((i) => [i.code, i]));
    for (const row of table.rows) {
      if (!row.code || !/^\d{3}(?:\d{2})?$/.test(row.code)) continue;
      const item = items.get(row.code);
      const data = { where: table.title, code: row.code, actual: row.name };
      if (!item) {
        ctx.flag({ messageId: 'unknown', location: { table: '06', row: row.key }, expected: null, actual: row.code, data });
        continue;
      }
      if (nameKey(item.name) === nameKey(row.name)) continue;
      ctx.flag({ messageId: 'name', location: { table: '06', row: row.key }, expected: item.name, actual: row.name, data: { ...data, expected: item.name } });
    }
  },
};
