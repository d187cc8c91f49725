/**
 * Table 09 (财政拨款“三公”经费支出决算表) as different publishers print it: the national template
 * (预算数 1–6 then 决算数 7–12), the two blocks swapped, 预算数 and 决算数 side by side per item (with a
 * 栏次 row numbering the columns in print order), items in another order, transposed (a 预算数 row
 * and a 决算数 row), and items as rows with 预算数/决算数 columns. Each variant is printed with a
 * seed's table 09 values (and with a set of distinct values, so that a swapped column cannot hide
 * behind two equal zeros) into the seed document — as tab-separated text and as HTML with merged
 * header cells — and extracted again: table 09 must give the same cells, every other table too.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { compareWithGolden } from './support/golden.js';
import { findTables } from './support/layout-variants.js';
import { joinSegments, segments, seedToHtml } from './support/seed-forms.js';
import { HAVE_SEEDS, seed, seedReport } from './support/seeds.js';
import { readFileSync } from 'node:fs';

/** A header cell: text at its top-left position, spanning columns and rows. */
interface Cell {
  text: string;
  cs?: number;
  rs?: number;
}
type Values = Record<string, number | null>;

interface Variant {
  name: string;
  /** Header rows (merged cells), then data rows built from the values. */
  header: Cell[][];
  data: (v: (key: number) => string) => (string | Cell)[][];
  /** columnsBy expected in the recognition record. */
  by: 'column-numbers' | 'labels';
}

const c = (text: string, cs = 1, rs = 1): Cell => ({ text, cs, rs });

/** The six items of a block in the template's order (offset 1–6). */
const CAR = '公务用车购置及运行维护费';
const ITEM_LABELS = ['合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费'];

/** Side-by-side header: per item a 预算数 and a 决算数 column; `order` lists the top-level items. */
function sideBySide(order: ('合计' | '出国' | '车' | '接待')[], budget: string, actual: string): Variant['header'] {
  const top: Cell[] = [];
  const mid: Cell[] = [];
  const leaf: Cell[] = [];
  for (const it of order) {
    if (it === '车') {
      top.push(c(CAR, 6));
      mid.push(c('小计', 2), c('公务用车购置费', 2), c('公务用车运行维护费', 2));
    } else top.push(c(it === '合计' ? '合计' : it === '出国' ? '因公出国（境）费' : '公务接待费', 2, 2));
    leaf.push(...(it === '车' ? [0, 1, 2] : [0]).flatMap(() => [c(budget), c(actual)]));
  }
  return [top, mid, leaf];
}

/** Offsets (1–6) in the print order of `sideBySide(order)`. */
function offsets(order: ('合计' | '出国' | '车' | '接待')[]): number[] {
  return order.flatMap((it) => (it === '合计' ? [1] : it === '出国' ? [2] : it === '车' ? [3, 4, 5] : [6]));
}

/** The national two-block header, blocks in the given order. */
function blocks(first: string, second: string): Cell[][] {
  const items = (): Cell[] => [c('合计', 1, 2), c('因公出国（境）费', 1, 2), c(CAR, 3), c('公务接待费', 1, 2)];
  const sub = (): Cell[] => [c('小计'), c('公务用车购置费'), c('公务用车运行维护费')];
  return [[c(first, 6), c(second, 6)], [...items(), ...items()], [...sub(), ...sub()]];
}

const numbers = (n: number): Cell[] => Array.from({ length: n }, (_, i) => c(String(i + 1)));

const BBS: ('合计' | '出国' | '车' | '接待')[] = ['合计', '出国', '车', '接待'];
const REORDERED: ('合计' | '出国' | '车' | '接待')[] = ['接待', '出国', '车', '合计'];

const VARIANTS: Variant[] = [
  {
    name: 'national template (预算数 1–6, 决算数 7–12, 栏次 row)',
    header: [...blocks('预算数', '决算数'), numbers(12)],
    data: (v) => [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(v)],
    by: 'column-numbers',
  },
  {
    name: '决算数 block before 预算数, no 栏次 row',
    header: blocks('决算数', '全年预算数'),
    data: (v) => [[7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6].map(v)],
    by: 'labels',
  },
  {
    name: '预算数 and 决算数 side by side per item, 栏次 numbered in print order',
    header: [...sideBySide(BBS, '预算数', '决算数'), numbers(12)],
    data: (v) => [offsets(BBS).flatMap((o) => [v(o), v(o + 6)])],
    by: 'labels',
  },
  {
    name: 'side by side, 全年预算数 / 决算数, items in another order, 决算数 first',
    header: sideBySide(REORDERED, '决算数', '全年预算数'),
    data: (v) => [offsets(REORDERED).flatMap((o) => [v(o + 6), v(o)])],
    by: 'labels',
  },
  {
    name: 'transposed: a 预算数 row and a 决算数 row under the item labels',
    header: [
      [c('项目', 1, 2), c('合计', 1, 2), c('因公出国（境）费', 1, 2), c(CAR, 3), c('公务接待费', 1, 2)],
      [c('小计'), c('公务用车购置费'), c('公务用车运行维护费')],
    ],
    data: (v) => [
      ['预算数', ...[1, 2, 3, 4, 5, 6].map(v)],
      ['决算数', ...[7, 8, 9, 10, 11, 12].map(v)],
    ],
    by: 'labels',
  },
  {
    name: 'transposed, items in another order, 决算数 row first',
    header: [[c('项目'), c('公务接待费'), c('公务用车运行维护费'), c('公务用车购置费'), c('公务用车购置及运行维护费小计'), c('因公出国（境）费'), c('“三公”经费合计')]],
    data: (v) => [
      ['2023年决算数', ...[12, 11, 10, 9, 8, 7].map(v)],
      ['2023年全年预算数', ...[6, 5, 4, 3, 2, 1].map(v)],
    ],
    by: 'labels',
  },
  {
    name: 'items as rows, 全年预算数 and 决算数 columns',
    header: [[c('项目'), c('全年预算数'), c('决算数')]],
    data: (v) =>
      ['“三公”经费合计', '1.因公出国（境）费', `2.${CAR}`, '  其中：公务用车购置费', '        公务用车运行维护费', '3.公务接待费'].map((label, i) => [
        label,
        v(i + 1),
        v(i + 7),
      ]),
    by: 'labels',
  },
  {
    name: 'items as rows, 行次 column, 决算数 before 预算数, a 上年决算数 column, 合计 last',
    header: [
      [c('项目', 1, 2), c('行次', 1, 2), c('2023年度', 2), c('上年决算数', 1, 2)],
      [c('决算数'), c('预算数')],
    ],
    data: (v) =>
      [2, 3, 4, 5, 6, 1].map((o, i) => [o === 1 ? '合计' : ITEM_LABELS[o - 1]!, String(i + 1), v(o + 6), v(o), v(o) === '' ? '' : '9.99']),
    by: 'labels',
  },
  {
    name: 'items as rows, the 公务用车 row header merged down over 小计 / 购置费 / 运行维护费',
    header: [[c('项目', 2), c('预算数'), c('决算数')]],
    data: (v) => [
      [c('“三公”经费支出合计', 2), v(1), v(7)],
      [c('因公出国（境）费', 2), v(2), v(8)],
      [c(CAR, 1, 3), '小计', v(3), v(9)],
      ['购置费', v(4), v(10)],
      ['运行维护费', v(5), v(11)],
      [c('公务接待费', 2), v(6), v(12)],
    ],
    by: 'labels',
  },
];

/** Merged cells expanded: the text at the top-left position, blanks under the rest of the span. */
function grid(rows: Cell[][]): string[][] {
  const out: string[][] = [];
  rows.forEach((row, r) => {
    out[r] ??= [];
    let col = 0;
    for (const cell of row) {
      while (out[r]![col] !== undefined) col++;
      for (let dr = 0; dr < (cell.rs ?? 1); dr++) {
        const target = (out[r + dr] ??= []);
        for (let dc = 0; dc < (cell.cs ?? 1); dc++) target[col + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      col += cell.cs ?? 1;
    }
  });
  const width = Math.max(...out.map((r) => r.length));
  return out.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

function htmlTable(rows: Cell[][]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const tr = rows.map(
    (row) => `<tr>${row.map((x) => `<td${(x.cs ?? 1) > 1 ? ` colspan=${x.cs}` : ''}${(x.rs ?? 1) > 1 ? ` rowspan=${x.rs}` : ''}>${esc(x.text)}</td>`).join('')}</tr>`,
  );
  return `<table border=1 cellspacing=0>\n${tr.join('\n')}\n</table>`;
}

/** Print a value as the seeds do: two decimals, zero as 0.00, an absent value blank. */
const show = (values: Values) => (key: number) => {
  const v = values[String(key)];
  return v === null || v === undefined ? '' : v.toFixed(2);
};

const MARK = 'T09变体占位';

/** The seed text with table 09's printed parts replaced by `rows` (or by a placeholder line). */
function withTable09(text: string, rows: string[][] | undefined): string {
  const segs = segments(text);
  const t = findTables(segs).find((x) => x.id === '09');
  if (!t || t.parts.length === 0) throw new Error('table 09 not found in the seed text');
  const [first, ...rest] = t.parts;
  segs[first!] = rows ? { kind: 'table', rows } : { kind: 'line', text: MARK };
  for (const at of rest) segs[at] = { kind: 'blank' };
  return joinSegments(segs);
}

function build(text: string, variant: Variant, values: Values, form: 'text' | 'html'): string {
  const data = variant.data(show(values));
  const empty = Object.values(values).every((v) => v === null);
  // A table without amounts prints no data row in the one-row layouts (as the seeds do); the
  // transposed layouts keep their labelled rows, blank.
  const printed = empty && data.length === 1 ? [] : data;
  const rows = [...variant.header, ...printed.map((r) => r.map((x) => (typeof x === 'string' ? c(x) : x)))];
  if (form === 'text') return withTable09(text, grid(rows));
  const html = seedToHtml(withTable09(text, undefined));
  const at = new RegExp(`<p[^>]*>${MARK}</p>`);
  if (!at.test(html)) throw new Error('placeholder not printed');
  return html.replace(at, htmlTable(rows));
}

/** What a golden file holds of each row (no source positions: they move when a table is printed differently). */
function cellsOf(report: Report): Report['tables'] {
  return report.tables.map((t) => ({
    ...t,
    rows: t.rows.map(({ key, name, code, line, cells }) => ({ key, name, ...(code ? { code } : {}), ...(line !== undefined ? { line } : {}), cells })),
  }));
}

function table09(report: Report) {
  return report.tables.find((t) => t.id === '09');
}

/** Distinct values (合计 = 出国 + 小计 + 接待, 小计 = 购置 + 运行), so no two columns can be confused. */
const DISTINCT: Values = { 1: 30.5, 2: 4.2, 3: 18.8, 4: 6.3, 5: 12.5, 6: 7.5, 7: 28.91, 8: 3.85, 9: 17.66, 10: 6.1, 11: 11.56, 12: 7.4 };

describe.skipIf(!HAVE_SEEDS)('table 09 layouts read into the same 12 columns', () => {
  for (const id of ['000', '001', '003']) {
    for (const form of ['text', 'html'] as const) {
      describe(`seed ${id}, ${form}`, () => {
        for (const variant of VARIANTS) {
          it(variant.name, async () => {
            const source = await seedReport(id);
            const expected = table09(source)!;
            const values: Values = expected.rows[0]?.cells ?? Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), null]));
            const doc = build(readFileSync(seed(id).path, 'utf8'), variant, values, form);
            const report = extract(doc, { path: `variant.${form === 'text' ? 'txt' : 'html'}` });
            const got = table09(report);
            expect(got, 'table 09 found').toBeDefined();
            expect(got!.rows.map((r) => r.cells)).toEqual(expected.rows.map((r) => r.cells));
            expect(got!.recognition?.unmatchedRows ?? []).toEqual([]);
            // Every other table is read as from the seed itself.
            const cmp = compareWithGolden(report, { tables: cellsOf(source) }, { meta: false });
            expect(cmp.mismatches).toEqual([]);
            if (expected.rows.length > 0) expect(got!.recognition?.columnsBy).toBe(variant.by);
          });
        }
      });
    }
  }

  describe('distinct values in every column (seed 001 document)', () => {
    for (const form of ['text', 'html'] as const) {
      for (const variant of VARIANTS) {
        it(`${form}: ${variant.name}`, () => {
          const doc = build(readFileSync(seed('001').path, 'utf8'), variant, DISTINCT, form);
          const got = table09(extract(doc, { path: `variant.${form === 'text' ? 'txt' : 'html'}` }));
          expect(got!.rows.map((r) => r.cells)).toEqual([DISTINCT]);
        });
      }
    }
  });

  it('the printed text really differs from the seed between variants', () => {
    const text = readFileSync(seed('001').path, 'utf8');
    const docs = new Set(VARIANTS.map((v) => build(text, v, DISTINCT, 'text')));
    expect(docs.size).toBe(VARIANTS.length);
    expect(docs.has(text)).toBe(false);
  });
});
