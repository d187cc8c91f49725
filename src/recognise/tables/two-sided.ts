/**
 * Tables 01 (收入支出决算总表) and 04 (财政拨款收入支出决算总表): income and expenditure printed side
 * by side, rows found by label (their 行次 differ between provinces, rules.md §1.3), not by number.
 */
import { functionalClasses } from '../../catalog/index.js';
import type { Row } from '../../model/report.js';
import { codeDigits, compact, labelKey, rowName } from '../normalise.js';
import { cellValue, columnsOf, hasAmount, isColumnNumberRow, mapColumns, placed, splitHeader, type ColumnSpec, type TableRegion } from './grid.js';
import type { ParsedTable, TableContext } from './types.js';

type Side = 'inc' | 'exp';

interface Layout {
  incomeLabels: Record<string, string>;
  expenseLabels: Record<string, string>;
  incomeColumns: ColumnSpec[];
  expenseColumns: ColumnSpec[];
}

const LAYOUTS: Record<'01' | '04', Layout> = {
  '01': {
    incomeLabels: {
      一般公共预算财政拨款收入: 'inc.gpb',
      一般公共预算财政拨款: 'inc.gpb',
      政府性基金预算财政拨款收入: 'inc.gov_fund',
      政府性基金预算财政拨款: 'inc.gov_fund',
      国有资本经营预算财政拨款收入: 'inc.state_capital',
      国有资本经营预算财政拨款: 'inc.state_capital',
      上级补助收入: 'inc.superior',
      事业收入: 'inc.business',
      经营收入: 'inc.operating',
      附属单位上缴收入: 'inc.affiliated',
      其他收入: 'inc.other',
      本年收入合计: 'inc.total',
      收入合计: 'inc.total',
      '使用非财政拨款结余(含专用结余)': 'inc.use_nonfiscal_balance',
      使用非财政拨款结余和专用结余: 'inc.use_nonfiscal_balance',
      使用非财政拨款结余: 'inc.use_nonfiscal_balance',
      用事业基金弥补收支差额: 'inc.use_nonfiscal_balance',
      年初结转和结余: 'inc.opening',
      总计: 'inc.grand_total',
      收入总计: 'inc.grand_total',
    },
    expenseLabels: {
      本年支出合计: 'exp.total',
      支出合计: 'exp.total',
      结余分配: 'exp.surplus_distribution',
      年末结转和结余: 'exp.closing',
      总计: 'exp.grand_total',
      支出总计: 'exp.grand_total',
      // Older layouts list the expenditure side by kind of spending instead of by class.
      基本支出: 'exp.basic',
      项目支出: 'exp.project',
      上缴上级支出: 'exp.remit_superior',
      经营支出: 'exp.operating',
      对附属单位补助支出: 'exp.subsidy_affiliated',
    },
    incomeColumns: [{ key: '1', labels: ['决算数', '金额', '合计', '本年决算数'] }],
    expenseColumns: [{ key: '2', labels: ['决算数', '金额', '合计', '本年决算数'] }],
  },
  '04': {
    incomeLabels: {
      一般公共预算财政拨款: 'inc.gpb',
      一般公共预算财政拨款收入: 'inc.gpb',
      政府性基金预算财政拨款: 'inc.gov_fund',
      政府性基金预算财政拨款收入: 'inc.gov_fund',
      国有资本经营预算财政拨款: 'inc.state_capital',
      国有资本经营预算财政拨款收入: 'inc.state_capital',
      本年收入合计: 'inc.total',
      收入合计: 'inc.total',
      年初财政拨款结转和结余: 'inc.opening',
      年初结转和结余: 'inc.opening',
      总计: 'inc.grand_total',
      收入总计: 'inc.grand_total',
    },
    expenseLabels: {
      本年支出合计: 'exp.total',
      支出合计: 'exp.total',
      年末财政拨款结转和结余: 'exp.closing',
      年末结转和结余: 'exp.closing',
      总计: 'exp.grand_total',
      支出总计: 'exp.grand_total',
    },
    incomeColumns: [{ key: '1', labels: ['金额', '决算数', '合计'] }],
    expenseColumns: [
      { key: '2', labels: ['合计', '小计', '金额'] },
      { key: '3', labels: ['一般公共预算财政拨款', '一般公共预算'] },
      { key: '4', labels: ['政府性基金预算财政拨款', '政府性基金预算'] },
      { key: '5', labels: ['国有资本经营预算财政拨款', '国有资本经营预算'] },
    ],
  },
};

/** The 26 class rows by name, with and without 等 (seed 003 prints both). */
function classKeys(year: number | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of functionalClasses(year)) {
    map.set(labelKey(c.name), `exp.${c.code}`);
    map.set(labelKey(c.name.replace(/等支出$/, '支出')), `exp.${c.code}`);
  }
  return map;
}

const OPENING_SUBROW: Record<string, string> = {
  'inc.gpb': 'inc.opening.gpb',
  'inc.gov_fund': 'inc.opening.gov_fund',
  'inc.state_capital': 'inc.opening.state_capital',
};

interface SideRange {
  side: Side;
  label: number;
  line: number | undefined;
  amounts: number[];
}

/** Find where each side starts: the header's two 项目 (收入项目/支出项目) cells, else the two labels of data rows. */
function sideRanges(headerRows: string[][], numbers: Map<number, string>, sample: string[][], width: number): SideRange[] | undefined {
  let starts: number[] = [];
  for (const row of headerRows) {
    const pos = row.map((c, i) => (/^(?:收入|支出)?项目$/.test(compact(c)) ? i : -1)).filter((i) => i >= 0);
    if (pos.length === 2) {
      starts = pos;
      break;
    }
  }
  if (starts.length !== 2) {
    // Data rows: label, 行次, amounts, label, 行次, amounts. The second label follows the first side's amounts.
    for (const cells of sample) {
      const texts = cells.map((c) => compact(c));
      const labels = texts.map((t, i) => (t !== '' && !/^\d/.test(t) && !/^[-—]+$/.test(t) ? i : -1)).filter((i) => i >= 0);
      if (labels.length === 2) {
        starts = labels;
        break;
      }
    }
  }
  if (starts.length !== 2) return undefined;
  const lineCols = new Set<number>();
  for (const row of headerRows) row.forEach((c, i) => compact(c) === '行次' && lineCols.add(i));
  const ranges: SideRange[] = [];
  const bounds = [starts[0]!, starts[1]!, width];
  (['inc', 'exp'] as Side[]).forEach((side, s) => {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    let line: number | undefined;
    const amounts: number[] = [];
    for (let p = from + 1; p < to; p++) {
      if (lineCols.has(p) || (lineCols.size === 0 && line === undefined && p === from + 1 && looksLikeLineColumn(sample, p))) line = p;
      else amounts.push(p);
    }
    void numbers;
    ranges.push({ side, label: from, line, amounts });
  });
  return ranges;
}

function looksLikeLineColumn(sample: string[][], p: number): boolean {
  const values = sample.map((r) => compact(r[p] ?? '')).filter((t) => t !== '');
  return values.length > 0 && values.every((t) => /^\d{1,3}$/.test(t));
}

export function parseTwoSided(id: '01' | '04', region: TableRegion, ctx: TableContext): ParsedTable {
  const layout = LAYOUTS[id];
  const classes = classKeys(ctx.year);
  // A data row prints an amount, a 行次, or (blank amounts, no 行次 column) a row label of the
  // template; a header row prints 项目/行次 (and column labels that may read like row labels).
  const isLabel = (c: string) => {
    const k = labelKey(c);
    return k !== '' && (classes.has(k) || Object.hasOwn(layout.incomeLabels, k) || Object.hasOwn(layout.expenseLabels, k));
  };
  const isData = (cells: string[]) =>
    !isColumnNumberRow(cells) &&
    (hasAmount(cells) ||
      cells.some((c) => /^\d{1,3}$/.test(compact(c))) ||
      (!cells.some((c) => /项目$|^行次$/.test(compact(c))) && cells.some(isLabel)));
  const { header, data } = splitHeader(region, isData);
  const width = Math.max(...data.map((l) => l.cells.length), ...header.rows.map((r) => r.length), 0);
  const ranges = sideRanges(header.rows, header.numbers, data.slice(0, 40).map((l) => l.cells), width);
  const unmatched: { line: number; text: string }[] = [];
  if (!ranges) {
    return { rows: [], columns: [], columnsBy: 'position', headerRowsDropped: header.dropped, unmatched: data.map((l) => ({ line: l.line, text: l.cells.join(' ') })), decimals: 2, badCells: 0 };
  }
  const stats = { decimals: 0, bad: 0 };
  const income: Row[] = [];
  const expense: Row[] = [];
  let columnsBy: ParsedTable['columnsBy'] = 'column-numbers';
  const mapped = ranges.map((r) => {
    const specs = r.side === 'inc' ? layout.incomeColumns : layout.expenseColumns;
    const m = mapColumns(r.amounts, header, specs);
    if (m.by !== 'column-numbers') columnsBy = m.by;
    return { range: r, map: m.map, keys: specs.map((s) => s.key) };
  });
  let afterOpening = false;
  for (const line of data) {
    for (const { range, map, keys } of mapped) {
      const rawLabel = line.cells[range.label] ?? '';
      const name = rowName(rawLabel);
      if (name === '' || codeDigits(name)) continue; // a filler row: only a 行次
      const key = rowKey(id, range.side, name, layout, classes, afterOpening);
      const printedLine = range.line !== undefined ? Number(compact(line.cells[range.line] ?? '')) : NaN;
      if (!key) {
        unmatched.push({ line: line.line, text: compact(rawLabel) });
        continue;
      }
      if (key === 'inc.opening') afterOpening = true;
      const cells: Row['cells'] = {};
      for (const k of keys) cells[k] = null;
      const dashes: string[] = [];
      for (const [pos, k] of map) {
        const v = cellValue(line.cells[pos]);
        cells[k] = v.value;
        if (v.dash) dashes.push(k);
        if (v.decimals > stats.decimals) stats.decimals = v.decimals;
        if (v.bad) stats.bad++;
      }
      const row: Row = {
        key,
        name,
        ...(Number.isInteger(printedLine) && printedLine > 0 ? { line: printedLine } : {}),
        cells,
        ...(dashes.length > 0 ? { dashes } : {}),
        ...placed(line, map),
      };
      (range.side === 'inc' ? income : expense).push(row);
    }
  }
  const byLine = (a: Row, b: Row) => (a.line ?? 0) - (b.line ?? 0);
  if (income.every((r) => r.line !== undefined)) income.sort(byLine);
  if (expense.every((r) => r.line !== undefined)) expense.sort(byLine);
  return {
    rows: [...income, ...expense],
    columns: [...columnsOf(layout.incomeColumns), ...columnsOf(layout.expenseColumns)],
    columnsBy,
    headerRowsDropped: header.dropped,
    unmatched,
    decimals: stats.decimals,
    badCells: stats.bad,
  };
}

function rowKey(
  id: '01' | '04',
  side: Side,
  name: string,
  layout: Layout,
  classes: Map<string, string>,
  afterOpening: boolean,
): string | undefined {
  const k = labelKey(name);
  if (side === 'inc') {
    const key = layout.incomeLabels[k];
    if (id === '04' && afterOpening && key && OPENING_SUBROW[key]) return OPENING_SUBROW[key];
    return key;
  }
  return classes.get(k) ?? layout.expenseLabels[k];
}
