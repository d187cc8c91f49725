/**
 * Layout variants of the seed text, as other publishers print the same tables: string
 * transformations of the seed (a table is a run of tab-separated lines; a blank line between two
 * runs is a page break). Each variant changes only the layout, so every golden cell must still be
 * read, except where a variant changes what is printed (noted at the function).
 */
import { headerCount, isNumberRow, joinSegments, segments, type Segment } from './seed-forms.js';

/** The titles the seeds print, by table id. */
export const SEED_TITLES: Record<string, string> = {
  收入支出决算总表: '01',
  收入决算表: '02',
  支出决算表: '03',
  财政拨款收入支出决算总表: '04',
  一般公共预算财政拨款支出决算表: '05',
  一般公共预算财政拨款基本支出决算明细表: '06',
  政府性基金预算财政拨款收入支出决算表: '07',
  国有资本经营预算财政拨款支出决算表: '08',
  '财政拨款“三公”经费支出决算表': '09',
  部门决算公开相关信息统计表: '10',
};

const CODED = new Set(['02', '03', '05', '07', '08']);
const LABEL_LINE = /^(?:表\d+|公开\d+表)$/;
const PART_LINE = /^第[一二三四五六七八九十]+部分/;
/** Lines the variants print between the parts of a table: 续表 titles, unit lines, page numbers, running headers. */
const FURNITURE = /续|^单位：万元$|^- \d+ -$|^第\s*\d+\s*页|^\d{1,2}$|^2023年度部门决算公开$/;

export interface SeedTable {
  id: string;
  title: string;
  /** Segment index of the title line. */
  titleAt: number;
  /** First segment of the table's section (its label line, if printed above the title). */
  start: number;
  /** Segment indices of the page-split parts. */
  parts: number[];
  /** Segment index after the section (the next table's start, or the next 第X部分 line). */
  end: number;
}

export function findTables(segs: Segment[]): SeedTable[] {
  const tables: SeedTable[] = [];
  segs.forEach((s, i) => {
    if (s.kind !== 'line') return;
    const id = SEED_TITLES[s.text.trim()];
    if (!id) return;
    let start = i;
    for (let k = i - 1; k >= 0 && segs[k]!.kind !== 'table'; k--) {
      const p = segs[k]!;
      if (p.kind === 'line') {
        if (LABEL_LINE.test(p.text.trim())) start = k;
        break;
      }
    }
    const parts: number[] = [];
    let k = i + 1;
    while (k < segs.length && k <= i + 10 && segs[k]!.kind !== 'table') k++;
    if (segs[k]?.kind !== 'table') {
      tables.push({ id, title: s.text.trim(), titleAt: i, start, parts, end: i + 1 });
      return;
    }
    parts.push(k);
    for (let j = k + 1; j < segs.length; j++) {
      const t = segs[j]!;
      if (t.kind === 'blank' || (t.kind === 'line' && FURNITURE.test(t.text.trim()))) continue;
      if (t.kind === 'table') parts.push(j);
      else break;
    }
    tables.push({ id, title: s.text.trim(), titleAt: i, start, parts, end: -1 });
  });
  tables.forEach((t, n) => {
    const next = tables[n + 1];
    if (next) t.end = next.start;
    else {
      let k = t.parts[t.parts.length - 1] ?? t.titleAt;
      while (k < segs.length && !(segs[k]!.kind === 'line' && PART_LINE.test((segs[k] as { text: string }).text.trim()))) k++;
      t.end = k;
    }
  });
  return tables;
}

type Transform = (segs: Segment[], tables: SeedTable[]) => Segment[];

function apply(text: string, transform: Transform): string {
  const segs = segments(text);
  return joinSegments(transform(segs, findTables(segs)));
}

function mapRows(text: string, fn: (cells: string[], table: SeedTable, part: number, row: number) => string[] | undefined): string {
  return apply(text, (segs, tables) => {
    for (const t of tables) {
      t.parts.forEach((at, p) => {
        const seg = segs[at] as { rows: string[][] };
        seg.rows = seg.rows.flatMap((cells, r) => {
          const out = fn(cells, t, p, r);
          return out ? [out] : [];
        });
      });
    }
    return segs.filter((s) => s.kind !== 'table' || s.rows.length > 0);
  });
}

/** Insert lines before every page-split part after the first. */
function beforeContinuations(text: string, lines: (table: SeedTable, part: number, page: number) => string[]): string {
  return apply(text, (segs, tables) => {
    const inserts = new Map<number, string[]>();
    let page = 2;
    for (const t of tables) t.parts.slice(1).forEach((at, p) => inserts.set(at, lines(t, p + 1, page++)));
    return segs.flatMap((s, i) => {
      const ins = inserts.get(i);
      return ins ? [...ins.flatMap((text): Segment[] => [{ kind: 'line', text }, { kind: 'blank' }]), s] : [s];
    });
  });
}

/** No 栏次 row at all (many PDFs): columns must be mapped by their header labels. */
export function withoutColumnNumbers(text: string): string {
  return mapRows(text, (cells) => (isNumberRow(cells) ? undefined : cells));
}

/** Tables continued on the next page without the header block repeated. */
export function withoutRepeatedHeaders(text: string): string {
  return apply(text, (segs, tables) => {
    for (const t of tables) {
      for (const at of t.parts.slice(1)) {
        const seg = segs[at] as { rows: string[][] };
        seg.rows = seg.rows.slice(headerCount(seg.rows));
      }
    }
    return segs.filter((s) => s.kind !== 'table' || s.rows.length > 0);
  });
}

/** The page-split parts printed as one run of rows (a reader that lost the page breaks). */
export function withoutPageBreaks(text: string): string {
  return apply(text, (segs, tables) => {
    const drop = new Set<number>();
    for (const t of tables) {
      const first = t.parts[0];
      if (first === undefined) continue;
      for (const at of t.parts.slice(1)) {
        (segs[first] as { rows: string[][] }).rows.push(...(segs[at] as { rows: string[][] }).rows);
        for (let k = first + 1; k <= at; k++) drop.add(k);
      }
    }
    return segs.filter((_, i) => !drop.has(i));
  });
}

export type ContinuedStyle = 'title（续表）' | '（续表）' | '续表' | 'title(续)';

/**
 * Before every continued part (or only the first one, so the mark is not frequent enough to pass
 * for page furniture), a repeated title marked 续表 (and the unit line again).
 */
export function withContinuedTitles(text: string, style: ContinuedStyle, onlyFirst = false): string {
  let done = false;
  return beforeContinuations(text, (t) => {
    if (onlyFirst && done) return [];
    done = true;
    switch (style) {
      case 'title（续表）':
        return [`${t.title}（续表）`, '单位：万元'];
      case 'title(续)':
        return [`${t.title}(续)`];
      default:
        return [style];
    }
  });
}

export type PageNumberStyle = '- n -' | '第 n 页' | '第n页 共m页' | 'n';

/** Page numbers (and a running header) between the parts of a table, as PDF copies keep them. */
export function withPageNumbers(text: string, style: PageNumberStyle, runningHeader?: string): string {
  return beforeContinuations(text, (_t, _p, page) => {
    const n =
      style === '- n -' ? `- ${page} -` : style === '第 n 页' ? `第 ${page} 页` : style === '第n页 共m页' ? `第${page}页 共40页` : String(page);
    return runningHeader ? [n, runningHeader] : [n];
  });
}

export type TitleStyle = '表n title' | '一、title' | '附表n：title' | 'year title' | 'entity year title' | 'title（公开0n表）';

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The title printed in another form; standalone label lines (表1, 公开01表) are removed. The
 * title as printed (without the label) is returned for each table id, since a prefix such as the
 * year belongs to the printed title.
 */
export function withTitleStyle(text: string, style: TitleStyle, entity = ''): { text: string; titles: Record<string, string> } {
  const titles: Record<string, string> = {};
  const out = apply(text, (segs, tables) => {
    tables.forEach((t, n) => {
      const num = n + 1;
      let line: string;
      let printed = t.title;
      switch (style) {
        case '表n title':
          line = `表${num} ${t.title}`;
          break;
        case '一、title':
          line = `${ORDINALS[n]}、${t.title}`;
          break;
        case '附表n：title':
          line = `附表${num}：${t.title}`;
          break;
        case 'year title':
          printed = `2023年度${t.title}`;
          line = printed;
          break;
        case 'entity year title':
          printed = `${entity}2023年度${t.title}`;
          line = printed;
          break;
        case 'title（公开0n表）':
          line = `${t.title}（公开${String(num).padStart(2, '0')}表）`;
          break;
      }
      titles[t.id] = printed;
      segs[t.titleAt] = { kind: 'line', text: line };
    });
    return segs.filter((s) => !(s.kind === 'line' && LABEL_LINE.test(s.text.trim())));
  });
  return { text: out, titles };
}

/** The table sections (title, preamble, grid, notes) in reverse order. */
export function withTablesReversed(text: string): string {
  return apply(text, (segs, tables) => {
    if (tables.length === 0) return segs;
    const first = tables[0]!.start;
    const last = tables[tables.length - 1]!.end;
    const sections = tables.map((t) => [...segs.slice(t.start, t.end), { kind: 'blank' } as Segment]);
    return [...segs.slice(0, first), ...sections.reverse().flat(), ...segs.slice(last)];
  });
}

/**
 * The 合计 row of tables 02, 03, 05, 07 and 08 printed as the last row instead of the first.
 * The printed order changes, so the row order of the Report changes with it.
 */
export function withTotalLast(text: string): string {
  return apply(text, (segs, tables) => {
    for (const t of tables) {
      if (!CODED.has(t.id)) continue;
      let total: string[] | undefined;
      for (const at of t.parts) {
        const seg = segs[at] as { rows: string[][] };
        const i = seg.rows.findIndex((r) => r.slice(0, 2).some((c) => c.trim() === '合计'));
        if (i >= 0) total = seg.rows.splice(i, 1)[0];
      }
      const lastPart = t.parts[t.parts.length - 1];
      if (total && lastPart !== undefined) (segs[lastPart] as { rows: string[][] }).rows.push(total);
    }
    return segs;
  });
}

/** Code and name in one cell (`208 社会保障和就业支出`), header cells joined the same way. */
export function withCodeAndNameInOneCell(text: string, separator = ' '): string {
  return apply(text, (segs, tables) => {
    for (const t of tables) {
      if (!CODED.has(t.id) && t.id !== '06') continue;
      // Code columns: 0 for the coded tables; every 编码/代码 header column for 06's column groups.
      let codeCols = [0];
      if (t.id === '06') {
        const header = t.parts.flatMap((at) => (segs[at] as { rows: string[][] }).rows).find((r) => r.some((c) => /编码|代码/.test(c)));
        codeCols = (header ?? []).map((c, i) => (/编码|代码/.test(c) ? i : -1)).filter((i) => i >= 0);
      }
      for (const at of t.parts) {
        const seg = segs[at] as { rows: string[][] };
        seg.rows = seg.rows.map((row) => {
          const cells = [...row];
          for (const c of [...codeCols].reverse()) {
            const a = (cells[c] ?? '').trim();
            const b = (cells[c + 1] ?? '').trim();
            const joined = a && b ? `${a}${/^\d+$/.test(a) ? separator : ' '}${b}` : a || b;
            cells.splice(c, 2, joined);
          }
          return cells;
        });
      }
    }
    return segs;
  });
}

const AMOUNT_CELL = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Amounts printed without thousands separators (`2169.36`). */
export function withoutThousandsSeparators(text: string): string {
  return mapRows(text, (cells) => cells.map((c) => (AMOUNT_CELL.test(c.trim()) ? c.replace(/,/g, '') : c)));
}

/** Every numeric cell (amounts, codes, 行次, 栏次) in full-width digits: `２，１６９．３６`. */
export function withFullWidthDigits(text: string): string {
  const wide = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/,/g, '，').replace(/\./g, '．');
  return mapRows(text, (cells) => cells.map((c) => (/^[\d,.]+$/.test(c.trim()) ? wide(c) : c)));
}

/** Tables 01 and 04 headed `收入项目` / `支出项目` instead of `项目` on both sides. */
export function withSideLabels(text: string): string {
  return mapRows(text, (cells, t) => {
    if (t.id !== '01' && t.id !== '04') return cells;
    let side = 0;
    return cells.map((c) => (c.trim() === '项目' ? (side++ === 0 ? '收入项目' : '支出项目') : c));
  });
}

/**
 * Tables 01 and 04 without the 行次 column (many publishers leave it out). The printed 行次 is
 * gone, so the rows carry no `line`.
 */
export function withoutLineColumn(text: string): string {
  return apply(text, (segs, tables) => {
    for (const t of tables) {
      if (t.id !== '01' && t.id !== '04') continue;
      const header = t.parts.flatMap((at) => (segs[at] as { rows: string[][] }).rows).find((r) => r.some((c) => c.trim() === '行次'));
      const lineCols = new Set((header ?? []).map((c, i) => (c.trim() === '行次' ? i : -1)).filter((i) => i >= 0));
      for (const at of t.parts) {
        const seg = segs[at] as { rows: string[][] };
        seg.rows = seg.rows.map((r) => r.filter((_, i) => !lineCols.has(i)));
      }
    }
    return segs;
  });
}

/**
 * The code printed in three columns 类 | 款 | 项 (`208 | 01 | 99`), as older templates do, in the
 * tables 02, 03, 05, 07 and 08.
 */
export function withCodeInThreeColumns(text: string): string {
  return mapRows(text, (cells, t) => {
    if (!CODED.has(t.id)) return cells;
    const [first = '', ...rest] = cells;
    const c = first.trim();
    if (/^\d{3,7}$/.test(c)) return [c.slice(0, 3), c.slice(3, 5), c.slice(5, 7), ...rest];
    if (/编码|代码/.test(c)) return ['类', '款', '项', ...rest];
    return [first, '', '', ...rest];
  });
}

/**
 * Table 09 transposed: a header row of the six items, then a 预算数 row and a 决算数 row (a layout
 * several provinces use). The printed values are the same.
 */
export function withT09Transposed(text: string): string {
  return apply(text, (segs, tables) => {
    for (const t of tables) {
      if (t.id !== '09') continue;
      const seg = segs[t.parts[0]!] as { rows: string[][] };
      const data = seg.rows.find((r) => r.some((c) => /^\d+\.\d+$/.test(c.trim())));
      const header = ['项目', '合计', '因公出国（境）费', '公务用车购置及运行维护费小计', '公务用车购置费', '公务用车运行维护费', '公务接待费'];
      seg.rows = data ? [header, ['预算数', ...data.slice(0, 6)], ['决算数', ...data.slice(6, 12)]] : [header];
    }
    return segs;
  });
}

/**
 * Table 06 with its column groups stacked into one (code | name | amount): each group's rows in
 * turn, 人员经费合计 after the first group and 公用经费合计 at the end. Read order is unchanged.
 */
export function withT06Stacked(text: string): string {
  return apply(text, (segs, tables) => {
    for (const t of tables) {
      if (t.id !== '06') continue;
      const rows = t.parts.flatMap((at) => (segs[at] as { rows: string[][] }).rows);
      const header = rows.find((r) => r.some((c) => /编码|代码/.test(c)));
      const starts = (header ?? []).map((c, i) => (/编码|代码/.test(c) ? i : -1)).filter((i) => i >= 0);
      const totals = new Map<string, string>();
      for (const r of rows) {
        const at = r.findIndex((c) => /经费合计$/.test(c.trim()));
        if (at >= 0) totals.set(r[at]!.trim(), r.slice(at + 1).find((c) => c.trim() !== '') ?? '');
        const at2 = r.findIndex((c, i) => i > at && /经费合计$/.test(c.trim()));
        if (at2 >= 0) totals.set(r[at2]!.trim(), r.slice(at2 + 1).find((c) => c.trim() !== '') ?? '');
      }
      const body: string[][] = [['经济分类科目编码', '科目名称', '金额']];
      starts.forEach((c, g) => {
        for (const r of rows) if (/^\d{3,5}$/.test((r[c] ?? '').trim())) body.push([r[c]!, r[c + 1] ?? '', r[c + 2] ?? '']);
        if (g === 0) body.push(['', '人员经费合计', totals.get('人员经费合计') ?? '']);
      });
      body.push(['', '公用经费合计', totals.get('公用经费合计') ?? '']);
      (segs[t.parts[0]!] as { rows: string[][] }).rows = body;
      for (const at of t.parts.slice(1)) (segs[at] as { rows: string[][] }).rows = [];
    }
    return segs.filter((s) => s.kind !== 'table' || s.rows.length > 0);
  });
}

/** An empty first cell in every table row: a spreadsheet's margin column (column A left blank). */
export function withMarginColumn(text: string): string {
  return mapRows(text, (cells) => ['', ...cells]);
}

export function withCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
