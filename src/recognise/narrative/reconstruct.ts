/**
 * Tables rebuilt from the narrative, for a document that states what a table would hold but does
 * not print the table (seed 004: every 项 of 一般公共预算财政拨款支出 in §五（三）, no table bodies).
 *
 * Table 05 (一般公共预算财政拨款支出决算表), column '1' (本年支出合计) only:
 * - one row per 项 the narrative states (X（类）Y（款）Z（项）：支出决算为 N 万元), its code from table
 *   05's names or the catalogue, its amount as stated, its statement's span and fact id;
 * - 类 and 款 rows: the exact sums of their 项 rows (never copied from a 类 statement, so that those
 *   statements can be checked against them);
 * - 合计: the stated 一般公共预算财政拨款支出 when the narrative states it, else the sum of the 类 rows.
 * The result goes to `Report.reconstructed`, never to `tables`: it was not printed.
 */
import type { FunctionalCode } from '../../catalog/index.js';
import { toNumber, type Amount } from '../../model/amount.js';
import type { Fact, MoneyUnit, Row, Table } from '../../model/report.js';

export interface ReconstructOptions {
  moneyUnit: MoneyUnit;
  catalog?: readonly FunctionalCode[];
  entity?: string;
  year?: number;
}

const UNIT_SHIFT: Record<string, number> = { 元: 0, 万元: 4, 亿元: 8 };

/** A fact's printed number as an exact Amount in `unit` (万元 → 元 multiplies, 元 → 万元 widens the scale). */
function amountIn(f: Fact, unit: MoneyUnit): Amount | undefined {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(f.text);
  if (!m || !(f.unit in UNIT_SHIFT)) return undefined;
  const digits = m[0].replace(/,/g, '');
  const dot = digits.indexOf('.');
  let scale = dot < 0 ? 0 : digits.length - dot - 1;
  let units = Number(digits.replace('.', ''));
  const shift = UNIT_SHIFT[f.unit]! - UNIT_SHIFT[unit]!;
  if (shift >= 0) units *= 10 ** shift;
  else scale -= shift;
  return Number.isSafeInteger(units) ? { units, scale } : undefined;
}

function add(a: Amount, b: Amount): Amount {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10 ** (scale - a.scale) + b.units * 10 ** (scale - b.scale), scale };
}

/** The printed 项 name of X（类）Y（款）Z（项）. */
function printedItemName(phrase: string | undefined): string | undefined {
  if (!phrase) return undefined;
  const p = phrase.replace(/\(/g, '（').replace(/\)/g, '）');
  const m = /^.*（(?:款|类)）(.+)（项）$/.exec(p) ?? /^(.+)（项）$/.exec(p);
  return m?.[1];
}

export function reconstructTables(facts: readonly Fact[], tables: readonly Table[], options: ReconstructOptions): Table[] {
  if (tables.some((t) => t.id === '05' && t.rows.length > 0)) return [];
  const items = new Map<string, { fact: Fact; amount: Amount }>();
  const unmatched: { line: number; text: string }[] = [];
  for (const f of facts) {
    if (f.measure !== 'amount' || f.basis !== 'current' || f.value === null) continue;
    const isItem = /^\d{7}$/.test(f.subject);
    const isUnresolvedItem = !isItem && /（类）.*（项）$/.test(f.subject);
    if (isUnresolvedItem) {
      unmatched.push({ line: f.span.line ?? 0, text: `${f.subject}：${f.text}（科目编码未能确定）` });
      continue;
    }
    if (!isItem || items.has(f.subject)) continue;
    const amount = amountIn(f, options.moneyUnit);
    if (amount) items.set(f.subject, { fact: f, amount });
  }
  if (items.size === 0) return [];
  const byCode = new Map((options.catalog ?? []).map((c) => [c.code, c]));
  // The stated total: the one the item statements follow (…支出决算数为 3030.4 万元…。其中：), else the first.
  const firstItem = Math.min(...[...items.values()].map((i) => i.fact.span.start));
  const totals = facts.filter((f) => f.subject === '一般公共预算财政拨款支出' && f.measure === 'amount' && f.basis === 'current' && f.value !== null && amountIn(f, options.moneyUnit));
  const total = totals.filter((f) => f.span.start < firstItem).at(-1) ?? totals[0];

  // 类 → 款 → 项, in code order, with the sums of the levels above.
  const codes = [...items.keys()].sort();
  const sums = new Map<string, { amount: Amount; facts: string[]; line: number }>();
  for (const code of codes) {
    const it = items.get(code)!;
    for (const parent of [code.slice(0, 3), code.slice(0, 5)]) {
      const s = sums.get(parent);
      if (s) {
        s.amount = add(s.amount, it.amount);
        s.facts.push(it.fact.id!);
      } else sums.set(parent, { amount: it.amount, facts: [it.fact.id!], line: it.fact.span.line ?? 0 });
    }
  }
  const rows: Row[] = [];
  let decimals = 0;
  const value = (a: Amount) => {
    decimals = Math.max(decimals, a.scale);
    return toNumber(a);
  };
  let classTotal: Amount | undefined;
  for (const cls of [...new Set(codes.map((c) => c.slice(0, 3)))]) {
    const s = sums.get(cls)!;
    classTotal = classTotal ? add(classTotal, s.amount) : s.amount;
  }
  const totalAmount = total ? amountIn(total, options.moneyUnit)! : classTotal!;
  rows.push({
    key: 'total',
    name: '合计',
    cells: { '1': value(totalAmount) },
    ...(total
      ? { source: { line: total.span.line ?? 0 }, span: { ...total.span }, facts: [total.id!] }
      : { source: { line: sums.get(codes[0]!.slice(0, 3))!.line }, facts: codes.map((c) => items.get(c)!.fact.id!) }),
  });
  let lastClass = '';
  let lastKuan = '';
  for (const code of codes) {
    const it = items.get(code)!;
    const cls = code.slice(0, 3);
    const kuan = code.slice(0, 5);
    if (cls !== lastClass) {
      const s = sums.get(cls)!;
      rows.push({ key: cls, code: cls, name: byCode.get(cls)?.name ?? cls, cells: { '1': value(s.amount) }, source: { line: s.line }, facts: s.facts });
      lastClass = cls;
    }
    if (kuan !== lastKuan) {
      const s = sums.get(kuan)!;
      rows.push({ key: kuan, code: kuan, name: byCode.get(kuan)?.name ?? kuan, cells: { '1': value(s.amount) }, source: { line: s.line }, facts: s.facts });
      lastKuan = kuan;
    }
    rows.push({
      key: code,
      code,
      name: printedItemName(it.fact.phrase) ?? byCode.get(code)?.name ?? code,
      cells: { '1': value(it.amount) },
      source: { line: it.fact.span.line ?? 0 },
      span: { ...it.fact.span },
      facts: [it.fact.id!],
    });
  }
  const lines = rows.map((r) => r.source!.line).filter((l) => l > 0);
  const table: Table = {
    id: '05',
    title: '一般公共预算财政拨款支出决算表',
    empty: false,
    columns: [{ key: '1', label: '本年支出合计' }],
    rows,
    decimals,
    header: { ...(options.entity ? { entity: options.entity } : {}), ...(options.year ? { year: options.year } : {}), unit: options.moneyUnit },
    source: { line: Math.min(...lines), endLine: Math.max(...lines) },
    recognition: {
      columnsBy: 'labels',
      parts: 0,
      headerRowsDropped: 0,
      unmatchedRows: unmatched,
      confidence: items.size / (items.size + unmatched.length),
      badCells: 0,
    },
    rebuilt: {
      from: 'narrative',
      note: total
        ? '文档未印此表，根据情况说明所述各项（项级科目）支出决算数重建：类、款为所属各项之和，合计为情况说明所述一般公共预算财政拨款支出'
        : '文档未印此表，根据情况说明所述各项（项级科目）支出决算数重建：类、款为所属各项之和，合计为各类之和',
    },
  };
  return [table];
}
