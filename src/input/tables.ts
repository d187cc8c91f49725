/**
 * A scanned table sheet → a Report table. Typed amounts are kept as typed; a blank or formula cell
 * that is a total is computed from its parts (exactly, in integer hundredths); a typed total that
 * differs from its parts is a diagnostic naming the sheet and cell. Blank amounts are 0; —— is
 * null (not applicable). Coded tables keep the rows that carry an amount, in code order.
 */
import { economicItems, functionalClasses, functionalCodes } from '../catalog/index.js';
import type { Column, Row, Table } from '../model/report.js';
import { codeDigits, compact, foldWideNumber, labelKey, rowName } from '../recognise/normalise.js';
import { unitsToNumber } from './cells.js';
import type { CellRef, ScannedRow, ScannedTable } from './scan.js';
import { CODED_KEYS, rows01, rows04, T09_KEYS, tableTitle } from './skeleton.js';

export interface InputDiagnostic {
  level: 'error' | 'warning' | 'info';
  /** The sheet, as named in the workbook. */
  sheet?: string;
  /** A1 address of the cell. */
  cell?: string;
  message: string;
}

export interface TableContext {
  sheet: string;
  year: number;
  diagnostics: InputDiagnostic[];
}

type Term = [row: string, col: string, sign: 1 | -1];
interface Relation {
  row: string;
  col: string;
  terms: Term[];
}

const fmt = (units: number) => {
  const n = unitsToNumber(units).toFixed(2);
  return n.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
};

function diag(ctx: TableContext, level: InputDiagnostic['level'], cell: CellRef | undefined, message: string): void {
  ctx.diagnostics.push({ level, sheet: ctx.sheet, ...(cell ? { cell: cell.address } : {}), message: `${ctx.sheet}${cell ? ` ${cell.address}` : ''}：${message}` });
}

/** Report what cannot be read as an amount: text, more than two decimals. */
function cellProblems(ctx: TableContext, cell: CellRef, what: string): void {
  if (cell.raw.kind === 'bad') diag(ctx, 'error', cell, `${what}“${cell.raw.text}”不是金额，请填写数字（万元，两位小数），按 0 处理。`);
  else if (cell.raw.kind === 'value' && cell.raw.rounded) diag(ctx, 'warning', cell, `${what}超过两位小数，已四舍五入为 ${fmt(cell.raw.units)}。`);
  else if (cell.raw.kind === 'value' && cell.raw.units < 0) diag(ctx, 'warning', cell, `${what}为负数 ${fmt(cell.raw.units)}，请核对。`);
}

/** A typed total against its parts: exact → nothing; within the rounding envelope (rules.md §3) → info; else error. */
function compare(ctx: TableContext, cell: CellRef, what: string, typed: number, computed: number, terms: number): void {
  if (typed === computed) return;
  const diff = Math.abs(typed - computed);
  // 0.005 × (n + 1) 万元 in hundredths: 2·diff ≤ n + 1.
  const rounding = 2 * diff <= terms + 1;
  diag(
    ctx,
    rounding ? 'info' : 'error',
    cell,
    `${what}填写为 ${fmt(typed)}，按各组成项计算应为 ${fmt(computed)}，相差 ${fmt(diff)}${rounding ? '（在尾数误差范围内）' : ''}。`,
  );
}

// ---------------------------------------------------------------------------------------------
// Tables with fixed rows: 01, 04, 06, 09, 10

interface Keyed {
  key: string;
  row: ScannedRow;
  name: string;
  code?: string;
  line?: number;
}

function evaluate(ctx: TableContext, keyed: Keyed[], relations: Relation[], colLabel: (col: string) => string): Map<string, Record<string, number | null>> {
  const byKey = new Map(keyed.map((k) => [k.key, k]));
  const targets = new Map(relations.map((r) => [`${r.row}|${r.col}`, r]));
  const memo = new Map<string, number>();
  const resolve = (row: string, col: string): number => {
    const id = `${row}|${col}`;
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const cell = byKey.get(row)?.row.cells[col];
    let v = 0;
    if (cell?.raw.kind === 'value') v = cell.raw.units;
    else if (cell?.raw.kind !== 'dash') {
      const rel = targets.get(id);
      if (rel) v = rel.terms.reduce((a, [r, c, s]) => a + s * resolve(r, c), 0);
    }
    memo.set(id, v);
    return v;
  };
  for (const k of keyed) for (const [col, cell] of Object.entries(k.row.cells)) cellProblems(ctx, cell, `“${k.name || '数据行'}”${colLabel(col)}`);
  const out = new Map<string, Record<string, number | null>>();
  for (const k of keyed) {
    const cells: Record<string, number | null> = {};
    for (const [col, cell] of Object.entries(k.row.cells)) cells[col] = cell.raw.kind === 'dash' ? null : unitsToNumber(resolve(k.key, col));
    out.set(k.key, cells);
  }
  for (const rel of relations) {
    const cell = byKey.get(rel.row)?.row.cells[rel.col];
    if (cell?.raw.kind !== 'value') continue;
    const computed = rel.terms.reduce((a, [r, c, s]) => a + s * resolve(r, c), 0);
    compare(ctx, cell, `“${byKey.get(rel.row)!.name || '数据行'}”${colLabel(rel.col)}`, cell.raw.units, computed, rel.terms.length);
  }
  return out;
}

function toRows(keyed: Keyed[], values: Map<string, Record<string, number | null>>): Row[] {
  return keyed.map((k) => {
    const cells = values.get(k.key)!;
    const dashes = Object.entries(k.row.cells)
      .filter(([, c]) => c.raw.kind === 'dash')
      .map(([col]) => col);
    return {
      key: k.key,
      ...(k.code ? { code: k.code } : {}),
      name: k.name,
      ...(k.line !== undefined ? { line: k.line } : {}),
      cells,
      ...(dashes.length ? { dashes } : {}),
      source: { line: k.row.labelCell.row },
    };
  });
}

const sum = (row: string, col: string, parts: string[]): Relation => ({ row, col, terms: parts.map((p): Term => [p, col, 1]) });

/** Label → key of the fixed rows of tables 01 and 04, both templates, class names with and without 等. */
function labelKeys(id: '01' | '04', year: number): { inc: Map<string, string>; exp: Map<string, string> } {
  const inc = new Map<string, string>();
  const exp = new Map<string, string>();
  const rows = id === '01' ? [...rows01('gd', year), ...rows01('sx', year)] : rows04(year);
  for (const r of rows) {
    const map = r.key.startsWith('inc.') ? inc : exp;
    if (r.key.startsWith('inc.opening.')) continue; // the sub-rows of 04 repeat the fund names
    map.set(labelKey(r.name), r.key);
  }
  for (const c of functionalClasses(year)) {
    exp.set(labelKey(c.name), `exp.${c.code}`);
    exp.set(labelKey(c.name.replace(/等支出$/, '支出')), `exp.${c.code}`);
  }
  if (id === '01') {
    inc.set(labelKey('使用非财政拨款结余'), 'inc.use_nonfiscal_balance');
  } else {
    inc.set(labelKey('年初结转和结余'), 'inc.opening');
    exp.set(labelKey('年末结转和结余'), 'exp.closing');
  }
  return { inc, exp };
}

export function readTwoSided(id: '01' | '04', scanned: ScannedTable, ctx: TableContext): Table {
  const maps = labelKeys(id, ctx.year);
  const keyed: Keyed[] = [];
  const seen = new Set<string>();
  let afterOpening = false;
  for (const row of scanned.rows) {
    const name = rowName(row.label);
    let key = (row.side === 'inc' ? maps.inc : maps.exp).get(labelKey(row.label));
    // Table 04: the three fund lines under 年初财政拨款结转和结余 are its sub-rows.
    if (id === '04' && row.side === 'inc' && afterOpening && key && ['inc.gpb', 'inc.gov_fund', 'inc.state_capital'].includes(key)) key = `inc.opening.${key.slice(4)}`;
    if (key === 'inc.opening') afterOpening = true;
    if (!key) {
      diag(ctx, 'warning', row.labelCell, `无法识别的行“${row.label}”，已忽略。`);
      continue;
    }
    if (seen.has(key)) {
      diag(ctx, 'warning', row.labelCell, `行“${row.label}”重复，已忽略。`);
      continue;
    }
    seen.add(key);
    keyed.push({ key, row, name, ...(row.line !== undefined ? { line: row.line } : {}) });
  }
  // Income side first, then expenditure, each in printed order (the rows are scanned across both sides).
  keyed.sort((a, b) => (a.row.side === b.row.side ? a.row.labelCell.row - b.row.labelCell.row : a.row.side === 'inc' ? -1 : 1));
  const keys = new Set(keyed.map((k) => k.key));
  const classes = keyed.filter((k) => /^exp\.\d{3}$/.test(k.key)).map((k) => k.key);
  const relations: Relation[] = [];
  if (id === '01') {
    relations.push(
      sum('inc.total', '1', ['inc.gpb', 'inc.gov_fund', 'inc.state_capital', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other']),
      sum('inc.grand_total', '1', ['inc.total', 'inc.use_nonfiscal_balance', 'inc.opening']),
      sum('exp.total', '2', classes),
      sum('exp.grand_total', '2', ['exp.total', 'exp.surplus_distribution', 'exp.closing']),
    );
  } else {
    relations.push(
      sum('inc.total', '1', ['inc.gpb', 'inc.gov_fund', 'inc.state_capital']),
      sum('inc.opening', '1', ['inc.opening.gpb', 'inc.opening.gov_fund', 'inc.opening.state_capital']),
      sum('inc.grand_total', '1', ['inc.total', 'inc.opening']),
    );
    for (const col of ['3', '4', '5']) relations.push(sum('exp.total', col, classes), sum('exp.grand_total', col, ['exp.total', 'exp.closing']));
    for (const k of keyed.filter((x) => x.key.startsWith('exp.'))) relations.push({ row: k.key, col: '2', terms: (['3', '4', '5'] as const).map((c): Term => [k.key, c, 1]) });
  }
  const live = relations.filter((r) => keys.has(r.row));
  const labels = columnLabels(scanned);
  const values = evaluate(ctx, keyed, live, (c) => `（${labels.get(c) ?? `第${c}栏`}）`);
  const rows = toRows(keyed, values);
  return buildTable(id, scanned, rows, false);
}

export function read06(scanned: ScannedTable, ctx: TableContext): Table {
  const items = economicItems(ctx.year);
  const personnel = new Set(items.filter((i) => i.level === '类' && i.group === '人员经费').map((i) => i.code));
  const keyed: Keyed[] = [];
  const seen = new Set<string>();
  for (const row of scanned.rows) {
    const name = rowName(row.label);
    const code = row.code ? codeDigits(foldWideNumber(row.code)) : undefined;
    let key = code;
    if (!key) {
      if (/人员经费合计/.test(compact(row.label))) key = 'personnel_total';
      else if (/公用经费合计/.test(compact(row.label))) key = 'public_total';
    }
    if (!key) {
      if (row.cells['amount']?.raw.kind === 'value') diag(ctx, 'warning', row.labelCell, `行“${row.label || row.code}”没有可识别的经济分类科目编码，已忽略。`);
      continue;
    }
    if (seen.has(key)) {
      diag(ctx, 'warning', row.codeCell ?? row.labelCell, `科目“${row.code ?? row.label}”重复，已忽略。`);
      continue;
    }
    seen.add(key);
    keyed.push({ key, row, name: name || items.find((i) => i.code === code)?.name || '', ...(code ? { code } : {}) });
  }
  // Totals last, after the 人员经费 and 公用经费 items (the order of the published table).
  // Group by group (column groups side by side), each top to bottom; the totals last.
  const group = (k: Keyed) => (k.key === 'personnel_total' || k.key === 'public_total' ? 2 : personnel.has(k.key.slice(0, 3)) ? 0 : 1);
  keyed.sort((a, b) => group(a) - group(b) || a.row.labelCell.col - b.row.labelCell.col || a.row.labelCell.row - b.row.labelCell.row);
  const codes = keyed.filter((k) => k.code);
  const relations: Relation[] = [];
  for (const cls of codes.filter((k) => k.code!.length === 3)) {
    const kids = codes.filter((k) => k.code!.length === 5 && k.code!.startsWith(cls.code!)).map((k) => k.key);
    if (kids.length) relations.push(sum(cls.key, 'amount', kids));
  }
  const classes = codes.filter((k) => k.code!.length === 3);
  relations.push(sum('personnel_total', 'amount', classes.filter((k) => personnel.has(k.code!)).map((k) => k.key)));
  relations.push(sum('public_total', 'amount', classes.filter((k) => !personnel.has(k.code!)).map((k) => k.key)));
  const keys = new Set(keyed.map((k) => k.key));
  const values = evaluate(ctx, keyed, relations.filter((r) => keys.has(r.row)), () => '');
  const rows = toRows(keyed, values);
  const empty = rows.every((r) => (r.cells['amount'] ?? 0) === 0);
  return buildTable('06', scanned, rows, empty);
}

export function read09(scanned: ScannedTable, ctx: TableContext): Table {
  const row = scanned.rows.find((r) => Object.values(r.cells).some((c) => c.raw.kind !== 'blank')) ?? scanned.rows[0];
  if (!row) return buildTable('09', scanned, [], true);
  const keyed: Keyed[] = [{ key: 'main', row, name: '' }];
  const relations: Relation[] = [];
  for (const base of [0, 6]) {
    const k = (n: number) => String(base + n);
    relations.push({ row: 'main', col: k(1), terms: [['main', k(2), 1], ['main', k(3), 1], ['main', k(6), 1]] });
    relations.push({ row: 'main', col: k(3), terms: [['main', k(4), 1], ['main', k(5), 1]] });
  }
  const labels = columnLabels(scanned);
  const values = evaluate(ctx, keyed, relations, (c) => `${c <= '6' && c.length === 1 ? '预算数' : '决算数'}“${labels.get(c) ?? c}”（第${c}栏）`);
  const rows = toRows(keyed, values);
  const empty = T09_KEYS.every((k) => (rows[0]!.cells[k] ?? 0) === 0);
  return buildTable('09', scanned, empty ? [] : rows, empty);
}

export function read10(scanned: ScannedTable, ctx: TableContext): Table {
  const keyed: Keyed[] = [];
  for (const row of scanned.rows) {
    if (row.line === undefined || !row.cells['amount']) continue;
    keyed.push({ key: `L${row.line}`, row, name: rowName(row.label), line: row.line });
  }
  const keys = new Set(keyed.map((k) => k.key));
  const relations = [sum('L1', 'amount', ['L2', 'L3', 'L4']), sum('L7', 'amount', ['L8', 'L9', 'L10', 'L11', 'L12', 'L13', 'L14', 'L15'].filter((k) => keys.has(k)))];
  const values = evaluate(ctx, keyed, relations.filter((r) => keys.has(r.row)), () => '');
  for (const k of keyed) {
    const v = values.get(k.key)!['amount'];
    if (k.line! >= 7 && v !== null && v !== undefined && !Number.isInteger(v)) diag(ctx, 'warning', k.row.cells['amount'], `“${k.name}”是数量（辆、台套），应填写整数。`);
  }
  return buildTable('10', scanned, toRows(keyed, values), false);
}

// ---------------------------------------------------------------------------------------------
// Coded tables: 02, 03, 05, 07, 08

/** The row identities of a coded table: column 1 (or 3 and 6 of table 07) from the others. */
function crossFoot(id: string): { col: string; terms: [string, 1 | -1][] }[] {
  switch (id) {
    case '02':
      return [{ col: '1', terms: ['2', '3', '4', '5', '6', '7'].map((c): [string, 1] => [c, 1]) }];
    case '03':
      return [{ col: '1', terms: ['2', '3', '4', '5', '6'].map((c): [string, 1] => [c, 1]) }];
    case '07':
      return [
        { col: '3', terms: [['4', 1], ['5', 1]] },
        { col: '6', terms: [['1', 1], ['2', 1], ['3', -1]] },
      ];
    default:
      return [{ col: '1', terms: [['2', 1], ['3', 1]] }];
  }
}

interface CodedRow {
  code: string;
  name: string;
  row: ScannedRow;
  units: Record<string, number>;
  /** A typed amount somewhere in the row or under it. */
  data: boolean;
}

export function readCoded(id: string, scanned: ScannedTable, ctx: TableContext): Table {
  const keys = CODED_KEYS[id]!;
  const labels = columnLabels(scanned);
  const colWord = (c: string) => `（${labels.get(c) ?? `第${c}栏`}）`;
  const catalogue = functionalCodes(ctx.year);
  let total: ScannedRow | undefined;
  const byCode = new Map<string, CodedRow>();
  for (const row of scanned.rows) {
    const typed = Object.values(row.cells).some((c) => c.raw.kind === 'value' || c.raw.kind === 'bad' || c.raw.kind === 'dash');
    if (/^合计$/.test(compact(row.code ?? '')) || /^合计$/.test(compact(row.label))) {
      total ??= row;
      continue;
    }
    if (!row.code) {
      if (typed) diag(ctx, 'error', row.labelCell, `第 ${row.labelCell.row} 行填写了金额，但没有科目编码，已忽略。`);
      continue;
    }
    const code = codeDigits(foldWideNumber(row.code));
    if (!code) {
      diag(ctx, 'error', row.codeCell, `科目编码“${row.code}”无效（应为3位类、5位款或7位项编码），该行已忽略。`);
      continue;
    }
    const prior = byCode.get(code);
    if (prior) {
      const priorTyped = Object.values(prior.row.cells).some((c) => c.raw.kind === 'value');
      if (typed && priorTyped) diag(ctx, 'error', row.codeCell, `科目编码 ${code} 重复（另见第 ${prior.row.labelCell.row} 行），已忽略本行。`);
      if (!typed || priorTyped) continue;
    }
    for (const [col, cell] of Object.entries(row.cells)) cellProblems(ctx, cell, `科目 ${code}${colWord(col)}`);
    let name = rowName(row.label);
    if (!name) {
      name = catalogue.byCode.get(code)?.name ?? '';
      if (!name && typed) diag(ctx, 'warning', row.labelCell, `科目编码 ${code} 不在 ${catalogue.year} 年科目目录中，请在“科目名称”栏填写名称。`);
    }
    byCode.set(code, { code, name, row, units: {}, data: false });
  }
  // Deepest codes first: a 款 or 类 left blank (or a formula) is the sum of the rows under it.
  const rows = [...byCode.values()].sort((a, b) => b.code.length - a.code.length);
  const children = (code: string) => rows.filter((r) => r.data && r.code.length === code.length + 2 && r.code.startsWith(code));
  const foot = crossFoot(id);
  for (const r of rows) {
    const kids = children(r.code);
    const typed = (col: string) => (r.row.cells[col]?.raw.kind === 'value' ? (r.row.cells[col]!.raw as { units: number }).units : undefined);
    const fromKids = (col: string) => kids.reduce((a, k) => a + (k.units[col] ?? 0), 0);
    for (const col of keys) {
      const t = typed(col);
      if (t !== undefined) r.units[col] = t;
      else if (kids.length) r.units[col] = fromKids(col);
    }
    for (const f of foot) if (r.units[f.col] === undefined) r.units[f.col] = f.terms.reduce((a, [c, s]) => a + s * (r.units[c] ?? 0), 0);
    for (const col of keys) r.units[col] ??= 0;
    r.data = keys.some((c) => typed(c) !== undefined) || kids.length > 0;
    // Checks: a typed amount against the rows under it and against the row's own columns.
    for (const col of keys) {
      const t = typed(col);
      if (t !== undefined && kids.length) compare(ctx, r.row.cells[col]!, `科目 ${r.code}${colWord(col)}`, t, fromKids(col), kids.length);
    }
    for (const f of foot) {
      const t = typed(f.col);
      if (t !== undefined) compare(ctx, r.row.cells[f.col]!, `科目 ${r.code}${colWord(f.col)}`, t, f.terms.reduce((a, [c, s]) => a + s * (r.units[c] ?? 0), 0), f.terms.length);
    }
  }
  const kept = rows.filter((r) => r.data && keys.some((c) => r.units[c] !== 0)).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const keptCodes = new Set(kept.map((r) => r.code));
  // Top level: rows whose parent is not in the table (normally the 类).
  const top = kept.filter((r) => r.code.length === 3 || !keptCodes.has(r.code.slice(0, -2)));
  const totalUnits: Record<string, number> = {};
  const totalTyped = (col: string) => (total?.cells[col]?.raw.kind === 'value' ? (total.cells[col]!.raw as { units: number }).units : undefined);
  for (const col of keys) totalUnits[col] = totalTyped(col) ?? top.reduce((a, r) => a + r.units[col]!, 0);
  if (total) {
    for (const [col, cell] of Object.entries(total.cells)) cellProblems(ctx, cell, `合计${colWord(col)}`);
    for (const col of keys) {
      const t = totalTyped(col);
      if (t !== undefined) compare(ctx, total.cells[col]!, `合计${colWord(col)}`, t, top.reduce((a, r) => a + r.units[col]!, 0), top.length);
    }
  }
  const outRows: Row[] = [
    { key: 'total', name: '合计', cells: Object.fromEntries(keys.map((k) => [k, unitsToNumber(totalUnits[k]!)])), ...(total ? { source: { line: total.labelCell.row } } : {}) },
    ...kept.map((r): Row => ({ key: r.code, code: r.code, name: r.name, cells: Object.fromEntries(keys.map((k) => [k, unitsToNumber(r.units[k]!)])), source: { line: r.row.labelCell.row } })),
  ];
  const empty = kept.length === 0 && keys.every((k) => totalUnits[k] === 0);
  return buildTable(id, scanned, outRows, empty);
}

// ---------------------------------------------------------------------------------------------

/** Column key → its header label (the lowest label above it, not the 栏次 number). */
function columnLabels(scanned: ScannedTable): Map<string, string> {
  const map = new Map<string, string>();
  const { header, kinds } = scanned.layout;
  const last = header[header.length - 1]!;
  kinds.forEach((kind, j) => {
    if (kind !== 'amount') return;
    const key = compact(last[j]!.text);
    for (let r = header.length - 2; r >= 0; r--) {
      // A covered position takes the label of the merged cell above or to its left.
      let c = j;
      let cell = header[r]![c]!;
      while (cell.covered && c > 0 && !header[r]![c - 1]!.covered && header[r]![c - 1]!.text === '') c--;
      if (cell.covered) {
        let rr = r;
        while (rr > 0 && header[rr]![j]!.covered) rr--;
        cell = header[rr]![j]!;
      }
      const t = compact(cell.text);
      if (t && !/^\d+$/.test(t)) {
        if (/^\d+$/.test(key)) map.set(key, t);
        break;
      }
    }
  });
  return map;
}

function buildTable(id: string, scanned: ScannedTable, rows: Row[], empty: boolean): Table {
  const labels = columnLabels(scanned);
  const columns: Column[] =
    id === '06'
      ? [{ key: 'amount', label: scanned.template === 'sx' ? '决算数' : '金额' }]
      : id === '10'
        ? [{ key: 'amount', label: '统计数' }]
        : [...labels].sort(([a], [b]) => Number(a) - Number(b)).map(([key, label]) => ({ key, label }));
  return {
    id,
    title: scanned.title && scanned.title.length > 0 ? scanned.title : tableTitle(id),
    empty,
    columns,
    rows,
    decimals: 2,
    ...(scanned.template === 'sx' ? { label: `公开${id}表` } : id === '01' ? { label: '表1' } : {}),
    source: { line: scanned.headerRow, endLine: scanned.lastRow },
    recognition: { columnsBy: 'column-numbers', parts: 1, headerRowsDropped: scanned.layout.header.length, unmatchedRows: [], confidence: 1, badCells: 0 },
  };
}
