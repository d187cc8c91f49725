/**
 * Layout variants: the seed text transformed the way other publishers print the same tables (no
 * 栏次 row, no repeated header, 续表 titles, page numbers, other title forms, another table order,
 * 合计 last, code and name in one cell, no thousands separators, CRLF, full-width digits). Every
 * golden cell must still be read; where a variant changes what is printed, the golden file is
 * changed the same way and the test says so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { compareWithGolden } from './support/golden.js';
import {
  findTables,
  withCodeAndNameInOneCell,
  withContinuedTitles,
  withCrlf,
  withFullWidthDigits,
  withMarginColumn,
  withCodeInThreeColumns,
  withoutLineColumn,
  withSideLabels,
  withT06Stacked,
  withT09Transposed,
  withoutColumnNumbers,
  withoutPageBreaks,
  withoutRepeatedHeaders,
  withoutThousandsSeparators,
  withPageNumbers,
  withTablesReversed,
  withTitleStyle,
  withTotalLast,
} from './support/layout-variants.js';
import { segments } from './support/seed-forms.js';
import { HAVE_SEEDS, SEEDS_DIR, seeds, type Seed } from './support/seeds.js';

type Golden = Seed['golden'];

interface Variant {
  name: string;
  /** The variant's text, and the golden extraction it must give (the seed's, unless the variant changes what is printed). */
  make: (text: string, seed: Seed) => { text: string; golden?: Golden };
  /** A check that the variant really changed the text (so the test cannot pass on the seed itself). */
  changed: (text: string, original: string) => boolean;
  /** The seeds the variant changes (003 repeats no header and prints no amount over 1,000). */
  seeds?: string[];
}

const tableRows = (text: string) => segments(text).flatMap((s) => (s.kind === 'table' ? s.rows : []));
const countRows = (text: string, re: RegExp) => tableRows(text).filter((r) => re.test(r.join('\t'))).length;

function retitle(golden: Golden, titles: Record<string, string>): Golden {
  return { ...golden, tables: golden.tables.map((t) => ({ ...t, title: titles[t.id] ?? t.title })) };
}

function withoutLines(golden: Golden): Golden {
  return {
    ...golden,
    tables: golden.tables.map((t) => (t.id === '01' || t.id === '04' ? { ...t, rows: t.rows.map(({ line: _line, ...r }) => r) } : t)),
  };
}

function totalLast(golden: Golden): Golden {
  const coded = new Set(['02', '03', '05', '07', '08']);
  return {
    ...golden,
    tables: golden.tables.map((t) =>
      coded.has(t.id) ? { ...t, rows: [...t.rows.filter((r) => r.key !== 'total'), ...t.rows.filter((r) => r.key === 'total')] } : t,
    ),
  };
}

const VARIANTS: Variant[] = [
  {
    name: 'no 栏次 rows (columns mapped by header labels)',
    make: (text) => ({ text: withoutColumnNumbers(text) }),
    changed: (t, o) => countRows(o, /栏次/) > 0 && countRows(t, /栏次/) === 0,
  },
  {
    name: 'continued pages without a repeated header',
    seeds: ['000', '001'],
    make: (text) => ({ text: withoutRepeatedHeaders(text) }),
    changed: (t, o) => countRows(t, /^\s*项目\t/) < countRows(o, /^\s*项目\t/) || countRows(t, /人员经费\t/) < countRows(o, /人员经费\t/),
  },
  {
    name: 'no 栏次 rows and no repeated headers',
    make: (text) => ({ text: withoutRepeatedHeaders(withoutColumnNumbers(text)) }),
    changed: (t, o) => countRows(t, /栏次/) === 0 && t.length < o.length,
  },
  {
    name: 'page breaks lost: parts and repeated headers in one run of rows',
    make: (text) => ({ text: withoutPageBreaks(text) }),
    changed: (t, o) => segments(t).filter((s) => s.kind === 'table').length < segments(o).filter((s) => s.kind === 'table').length,
  },
  {
    name: 'repeated title with （续表） and the unit line before continued parts',
    make: (text) => ({ text: withContinuedTitles(text, 'title（续表）') }),
    changed: (t) => t.includes('收入支出决算总表（续表）'),
  },
  {
    name: 'a line （续表） before continued parts',
    make: (text) => ({ text: withContinuedTitles(text, '（续表）') }),
    changed: (t) => /^（续表）$/m.test(t),
  },
  {
    name: 'a single （续表） line, before the first continued part only',
    make: (text) => ({ text: withContinuedTitles(text, '（续表）', true) }),
    changed: (t) => t.split('\n').filter((l) => l === '（续表）').length === 1,
  },
  {
    name: 'a single `续表` line, no repeated header',
    make: (text) => ({ text: withContinuedTitles(withoutRepeatedHeaders(text), '续表', true) }),
    changed: (t) => t.split('\n').filter((l) => l === '续表').length === 1,
  },
  {
    name: 'a line 续表 before continued parts, no repeated header',
    make: (text) => ({ text: withContinuedTitles(withoutRepeatedHeaders(text), '续表') }),
    changed: (t) => /^续表$/m.test(t),
  },
  {
    name: 'title(续) before continued parts',
    make: (text) => ({ text: withContinuedTitles(text, 'title(续)') }),
    changed: (t) => t.includes('收入支出决算总表(续)'),
  },
  {
    name: 'page numbers `- n -` between parts',
    make: (text) => ({ text: withPageNumbers(text, '- n -') }),
    changed: (t) => /^- \d+ -$/m.test(t),
  },
  {
    name: 'page numbers `第 n 页` and a running header between parts, no repeated header',
    make: (text) => ({ text: withPageNumbers(withoutRepeatedHeaders(text), '第 n 页', '2023年度部门决算公开') }),
    changed: (t) => /^第 \d+ 页$/m.test(t),
  },
  {
    name: 'page numbers `第n页 共m页` between parts',
    make: (text) => ({ text: withPageNumbers(text, '第n页 共m页') }),
    changed: (t) => /^第\d+页 共40页$/m.test(t),
  },
  {
    name: 'bare page numbers between parts',
    make: (text) => ({ text: withPageNumbers(text, 'n') }),
    changed: (t) => /^\d{1,2}$/m.test(t),
  },
  {
    name: 'titles printed as `表1 收入支出决算总表`',
    make: (text) => ({ text: withTitleStyle(text, '表n title').text }),
    changed: (t) => /^表1 收入支出决算总表$/m.test(t),
  },
  {
    name: 'titles printed as `一、收入支出决算总表`',
    make: (text) => ({ text: withTitleStyle(text, '一、title').text }),
    changed: (t) => /^四、财政拨款收入支出决算总表$/m.test(t),
  },
  {
    name: 'titles printed as `附表1：收入支出决算总表`',
    make: (text) => ({ text: withTitleStyle(text, '附表n：title').text }),
    changed: (t) => /^附表1：收入支出决算总表$/m.test(t),
  },
  {
    name: 'titles printed as `收入支出决算总表（公开01表）`',
    make: (text) => ({ text: withTitleStyle(text, 'title（公开0n表）').text }),
    changed: (t) => /^收入支出决算总表（公开01表）$/m.test(t),
  },
  {
    name: 'titles printed with the year (`2023年度收入决算表`)',
    make: (text, seed) => {
      const v = withTitleStyle(text, 'year title');
      return { text: v.text, golden: retitle(seed.golden, v.titles) };
    },
    changed: (t) => /^2023年度收入决算表$/m.test(t),
  },
  {
    name: 'titles printed with the entity and the year',
    make: (text, seed) => {
      const v = withTitleStyle(text, 'entity year title', seed.golden.entity);
      return { text: v.text, golden: retitle(seed.golden, v.titles) };
    },
    changed: (t) => /^\S+2023年度收入决算表$/m.test(t),
  },
  {
    name: 'tables in reverse order (the Report keeps id order)',
    make: (text) => ({ text: withTablesReversed(text) }),
    changed: (t) => {
      const ids = findTables(segments(t)).map((x) => x.id);
      return ids.length > 1 && ids[0]! > ids[ids.length - 1]!;
    },
  },
  {
    name: '合计 printed as the last row (rows keep the printed order)',
    make: (text, seed) => ({ text: withTotalLast(text), golden: totalLast(seed.golden) }),
    changed: (t, o) => t !== o,
  },
  {
    name: 'code and name in one cell (`208 社会保障和就业支出`)',
    make: (text) => ({ text: withCodeAndNameInOneCell(text) }),
    changed: (t) => /^208 社会保障和就业支出\t/m.test(t) && /^30101 基本工资\t/m.test(t),
  },
  {
    name: 'code and name in one cell without a space (`208社会保障和就业支出`), no 栏次',
    make: (text) => ({ text: withCodeAndNameInOneCell(withoutColumnNumbers(text), '') }),
    changed: (t) => /^208社会保障和就业支出\t/m.test(t),
  },
  {
    name: 'tables 01 and 04 headed 收入项目 / 支出项目',
    make: (text) => ({ text: withSideLabels(text) }),
    changed: (t) => /^收入项目\t行次\t/m.test(t),
  },
  {
    name: 'tables 01 and 04 without the 行次 column (rows carry no line)',
    make: (text, seed) => ({ text: withoutLineColumn(text), golden: withoutLines(seed.golden) }),
    changed: (t) => !/^项目\t行次\t(?:决算数|金额)\t项目/m.test(t) && /^项目\t(?:决算数|金额)\t项目/m.test(t),
  },
  {
    name: 'codes printed in three columns 类 | 款 | 项',
    make: (text) => ({ text: withCodeInThreeColumns(text) }),
    changed: (t) => /^208\t01\t99\t/m.test(t) || /^208\t01\t10\t/m.test(t),
  },
  {
    name: 'table 09 transposed into a 预算数 row and a 决算数 row',
    make: (text) => ({ text: withT09Transposed(text) }),
    changed: (t) => /^预算数\t/m.test(t) || /^项目\t合计\t因公出国/m.test(t),
  },
  {
    name: 'table 06 printed as one column group (人员经费 rows, then 公用经费 rows)',
    make: (text) => ({ text: withT06Stacked(text) }),
    changed: (t) => /^30399\t.*\n\t人员经费合计\t/m.test(t),
  },
  {
    name: 'no thousands separators',
    seeds: ['000', '001'],
    make: (text) => ({ text: withoutThousandsSeparators(text) }),
    changed: (t, o) => countRows(o, /\d,\d{3}/) > 0 && countRows(t, /\d,\d{3}/) === 0,
  },
  {
    name: 'an empty margin column left of every table',
    make: (text) => ({ text: withMarginColumn(text) }),
    changed: (t) => /^\t一、一般公共预算财政拨款收入\t/m.test(t),
  },
  {
    name: 'CRLF line ends',
    make: (text) => ({ text: withCrlf(text) }),
    changed: (t) => t.includes('\r\n'),
  },
  {
    name: 'full-width digits in every numeric cell',
    make: (text) => ({ text: withFullWidthDigits(text) }),
    changed: (t) => /２０８/.test(t),
  },
  {
    name: 'all at once: no 栏次, no repeated header, 续表 titles, page numbers, one-cell codes, no separators, CRLF',
    make: (text) => ({
      text: withCrlf(
        withoutThousandsSeparators(withCodeAndNameInOneCell(withPageNumbers(withContinuedTitles(withoutRepeatedHeaders(withoutColumnNumbers(text)), 'title（续表）'), '- n -'))),
      ),
    }),
    changed: (t) => t.includes('\r\n') && /^- \d+ -\r$/m.test(t),
  },
];

const TABLE_SEEDS = ['000', '001', '003'];

describe.skipIf(!HAVE_SEEDS)(`layout variants of the seeds (${SEEDS_DIR})`, () => {
  for (const seed of seeds().filter((s) => TABLE_SEEDS.includes(s.id))) {
    const original = readFileSync(seed.path, 'utf8');
    for (const v of VARIANTS.filter((x) => !x.seeds || x.seeds.includes(seed.id))) {
      it(`${seed.id} · ${v.name}`, () => {
        const { text, golden } = v.make(original, seed);
        expect(v.changed(text, original)).toBe(true);
        const report: Report = extract(text, { path: `${seed.id}.txt` });
        const result = compareWithGolden(report, golden ?? seed.golden);
        expect(result.mismatches).toEqual([]);
        expect(result.cells).toBeGreaterThan(500);
        expect(report.diagnostics.filter((d) => d.level === 'warning')).toEqual([]);
      });
    }
  }

  it('reversed tables: the Report lists them by id, each with its own source lines', () => {
    const seed = seeds().find((s) => s.id === '001')!;
    const report = extract(withTablesReversed(readFileSync(seed.path, 'utf8')), { path: '001.txt' });
    expect(report.tables.map((t) => t.id)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    const lines = report.tables.map((t) => t.source.line);
    expect([...lines].sort((a, b) => b - a)).toEqual(lines);
  });

  it('no 栏次 rows: the columns are mapped by labels, not by position', () => {
    const seed = seeds().find((s) => s.id === '000')!;
    const report = extract(withoutColumnNumbers(readFileSync(seed.path, 'utf8')), { path: '000.txt' });
    for (const t of report.tables.filter((x) => !['06', '10'].includes(x.id))) expect([t.id, t.recognition.columnsBy]).toEqual([t.id, 'labels']);
  });
});

it.skipIf(HAVE_SEEDS)('seed folder is absent: layout tests were skipped', () => {
  console.warn(`[layouts] 未找到 ${SEEDS_DIR}，版式变体对照测试已跳过`);
});
