import { functionalCodes } from '../../../catalog/index.js';
import type { Rule } from '../../types.js';
import { nameKey } from '../narrative.js';

const TABLES = ['02', '03', '05', '07', '08'];

/**
 * LBL-1: every 类/款/项 code of tables 02/03/05/07/08 is in the functional catalogue of the report
 * year, under the catalogue's name. The catalogue shipped for 2023 is incomplete (the codes seen in
 * sample documents): a code missing from it is a warning, once per code, since it may well be a
 * valid code nobody has recorded yet; a known code printed with another name is an error at every
 * table and row where it differs. When no catalogue of the report year exists and an earlier one is
 * used, names may have been revised since, so a name difference is only a warning.
 * Names are compared without spaces and with either width of brackets.
 */
export const rule: Rule = {
  meta: {
    id: 'LBL-1',
    title: '功能分类科目编码和名称与分类目录一致',
    severity: 'error',
    category: 'accuracy',
    tables: TABLES,
    tolerance: { kind: 'none' },
    source: 'rules.md §2.3, §4 [SEED; KNOW]；目录 data/catalogs/functional-codes*-YYYY.csv',
    doc: '表02/03/05/07/08 的每个类/款/项编码须在报告年度的功能分类目录中，且名称与目录一致。目录中没有的编码：目录不完整时为警告（每个编码一次），完整时为错误；目录中有而名称不同：错误（每处一次），目录年度与报告年度不同时为警告。',
    messages: {
      name: '{{where}} 科目 {{code}} 的名称为“{{actual}}”，{{catalogue}}中为“{{expected}}”{{note}}',
      unknown: '{{where}} 科目编码 {{code}}（{{actual}}）不在{{catalogue}}中{{note}}',
    },
  },
  check(ctx) {
    const present = TABLES.filter((id) => ctx.table(id));
    if (present.length === 0) {
      ctx.notApplicable(`文档中没有表${TABLES.join('、')}，不适用“${ctx.meta.title}”`);
      return;
    }
    const year = ctx.report.year;
    const cat = functionalCodes(year > 0 ? year : undefined);
    const sameYear = cat.year === year;
    const catalogue = `${cat.year}年功能分类目录${cat.complete ? '' : '（仅收录已见到的科目，不完整）'}`;
    const seen = new Set<string>();
    for (const id of present) {
      const table = ctx.table(id)!;
      for (const row of table.rows) {
        if (!row.code || !/^\d{3}(?:\d{2}){0,2}$/.test(row.code)) continue;
        const item = cat.byCode.get(row.code);
        const where = `${table.title}`;
        if (!item) {
          if (seen.has(row.code)) continue;
          seen.add(row.code);
          const sure = cat.complete && sameYear;
          ctx.flag({
            messageId: 'unknown',
            severity: sure ? 'error' : 'warning',
            location: { table: id, row: row.key },
            expected: null,
            actual: row.code,
            data: { where, code: row.code, actual: row.name, catalogue, note: sure ? '，请核对编码' : '，请核对编码是否有效（目录不完整，不在目录中不一定有误）' },
          });
          continue;
        }
        if (nameKey(item.name) === nameKey(row.name)) continue;
        ctx.flag({
          messageId: 'name',
          severity: sameYear ? 'error' : 'warning',
          location: { table: id, row: row.key },
          expected: item.name,
          actual: row.name,
          data: { where, code: row.code, actual: row.name, expected: item.name, catalogue, note: sameYear ? '' : `（报告年度为${year}年，科目名称可能已调整，请按当年目录核对）` },
          related: ['X-R13'],
        });
      }
    }
  },
};
