import type { Row } from '../../../model/report.js';
import { labelKey } from '../../../recognise/normalise.js';
import { readWhole } from '../../context.js';
import type { Rule } from '../../types.js';
import { T01_KIND_ROWS, templateClasses } from './rows.js';

interface FixedRow {
  key: string;
  label: string;
  /** Other wordings the template families print for the same row. */
  aliases?: string[];
}

const INCOME: FixedRow[] = [
  { key: 'inc.gpb', label: '一般公共预算财政拨款收入' },
  { key: 'inc.gov_fund', label: '政府性基金预算财政拨款收入' },
  { key: 'inc.state_capital', label: '国有资本经营预算财政拨款收入' },
  { key: 'inc.superior', label: '上级补助收入' },
  { key: 'inc.business', label: '事业收入' },
  { key: 'inc.operating', label: '经营收入' },
  { key: 'inc.affiliated', label: '附属单位上缴收入' },
  { key: 'inc.other', label: '其他收入' },
  { key: 'inc.total', label: '本年收入合计' },
  // Shanxi prints 使用非财政拨款结余和专用结余 (rules.md §1.3).
  { key: 'inc.use_nonfiscal_balance', label: '使用非财政拨款结余(含专用结余)', aliases: ['使用非财政拨款结余和专用结余'] },
  { key: 'inc.opening', label: '年初结转和结余' },
  { key: 'inc.grand_total', label: '总计' },
];

const EXPENSE_SUMMARY: FixedRow[] = [
  { key: 'exp.total', label: '本年支出合计' },
  { key: 'exp.surplus_distribution', label: '结余分配' },
  { key: 'exp.closing', label: '年末结转和结余' },
  { key: 'exp.grand_total', label: '总计' },
];

const SIDE = { inc: '收入方', exp: '支出方' } as const;

/**
 * T01-R7: the fixed rows of 收入支出决算总表 — 8 income rows and 4 summary rows on the income side,
 * the 26 classes in the template's order and 4 summary rows on the expenditure side — are all
 * printed, with the template's wording (after normalising spaces and full/half-width brackets), in
 * the template's order. Table 04's labels are judged by LBL-2 and X-R19, not here.
 */
export const rule: Rule = {
  meta: {
    id: 'T01-R7',
    title: '收入支出决算总表 固定栏目名称与顺序符合模板',
    severity: 'error',
    category: 'existence',
    tables: ['01'],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.1 [SEED]',
    doc: '收入方 8 项收入及本年收入合计、使用非财政拨款结余(含专用结余)、年初结转和结余、总计；支出方 26 类支出（按 §1.3 顺序）及本年支出合计、结余分配、年末结转和结余、总计：名称去空格、统一全半角括号后与模板一致（山西“使用非财政拨款结余和专用结余”视为同义），顺序与模板一致',
    messages: {
      label: '收入支出决算总表 {{side}}栏目“{{actual}}”{{lineText}}与模板规定的名称“{{expected}}”不一致',
      missing: '收入支出决算总表 {{side}}缺少模板规定的栏目“{{expected}}”',
      order: '收入支出决算总表 {{side}}栏目“{{actual}}”的位置与模板不符：模板中它应排在“{{before}}”之前',
      kindLayout:
        '收入支出决算总表 支出方按支出性质（基本支出、项目支出等）列示，而不是现行模板的 26 类功能分类支出；支出方栏目未逐项核对',
    },
  },
  check(ctx) {
    if (!ctx.need('01')) return;
    const table = ctx.table('01')!;
    const whole = readWhole(table);
    const kindLayout = T01_KIND_ROWS.some((k) => table.rows.some((r) => r.key === k));
    const classes: FixedRow[] = templateClasses(ctx.report.year).map((c) => ({ key: c.key, label: c.name }));
    const sides: { side: 'inc' | 'exp'; fixed: FixedRow[] }[] = [
      { side: 'inc', fixed: INCOME },
      { side: 'exp', fixed: kindLayout ? EXPENSE_SUMMARY : [...classes, ...EXPENSE_SUMMARY] },
    ];
    if (kindLayout) {
      ctx.flag({ messageId: 'kindLayout', location: { table: '01' }, severity: 'warning' });
    }
    for (const { side, fixed } of sides) {
      const printed = table.rows.filter((r) => r.key.startsWith(`${side}.`));
      const position = new Map(fixed.map((f, i) => [f.key, i]));
      // Every fixed row, with the template's wording.
      for (const f of fixed) {
        const row = printed.find((r) => r.key === f.key);
        if (!row) {
          if (whole) ctx.flag({ messageId: 'missing', location: { table: '01', row: f.key }, expected: f.label, actual: null, data: { side: SIDE[side], expected: f.label } });
          else ctx.insufficient(`收入支出决算总表未能完整读取，未找到${SIDE[side]}栏目“${f.label}”，无法核对其名称`, { table: '01', row: f.key });
          continue;
        }
        const accepted = [f.label, ...(f.aliases ?? [])].map(labelKey);
        if (!accepted.includes(labelKey(row.name))) {
          ctx.flag({
            messageId: 'label',
            location: { table: '01', row: f.key },
            expected: f.label,
            actual: row.name,
            data: { side: SIDE[side], lineText: lineText(row), expected: f.label, actual: row.name },
          });
        }
      }
      // The template's order: a row printed after one that the template puts behind it is out of place.
      let previous: { row: Row; at: number } | undefined;
      for (const row of printed) {
        const at = position.get(row.key);
        if (at === undefined) continue;
        if (previous && at < previous.at) {
          const label = fixed[at]!.label;
          ctx.flag({
            messageId: 'order',
            location: { table: '01', row: row.key },
            expected: label,
            actual: row.name,
            data: { side: SIDE[side], actual: row.name, before: fixed[previous.at]!.label },
          });
        } else previous = { row, at };
      }
    }
  },
};

function lineText(row: Row): string {
  return row.line !== undefined ? `（行次 ${row.line}）` : '';
}
