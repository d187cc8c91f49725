/**
 * Formats: the seed documents turned into the HTML pages and markdown files publishers put online
 * (generated here from the seed text, never stored), read back cell by cell against the golden
 * extraction. Encodings as they occur on government sites: GBK declared in a meta tag, GB18030 with
 * no declaration, UTF-16LE and UTF-8 with a BOM.
 */
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, type Section } from '../src/index.js';
import { stripOrdinal } from '../src/recognise/index.js';
import { compareWithGolden } from './support/golden.js';
import { seedToHtml, seedToMarkdown, type HtmlOptions, type MarkdownOptions } from './support/seed-forms.js';
import { HAVE_SEEDS, SEEDS_DIR, seeds } from './support/seeds.js';

const TABLE_SEEDS = ['000', '001', '003'];
const tableSeeds = () => seeds().filter((s) => TABLE_SEEDS.includes(s.id));

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function withBom(bom: number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom, 0);
  out.set(body, bom.length);
  return out;
}

/** Characters that GB18030 encodes (in four bytes) and GBK does not. */
const GB18030_ONLY = '附注：金额单位€，䶮、𠀀。';

interface Variant {
  name: string;
  options: HtmlOptions;
  encode: (html: string) => Uint8Array;
  encoding: string;
}

const HTML_VARIANTS: Variant[] = [
  { name: 'UTF-8, merged header cells', options: { charset: 'utf-8' }, encode: utf8, encoding: 'utf-8' },
  { name: 'GBK declared by <meta charset="gbk">', options: { charset: 'gbk', shortMeta: true }, encode: (h) => iconv.encode(h, 'gbk'), encoding: 'gb18030' },
  { name: 'GBK declared in <meta http-equiv>', options: { charset: 'gbk' }, encode: (h) => iconv.encode(h, 'gbk'), encoding: 'gb18030' },
  { name: 'gb2312 declared in <meta> (GBK bytes)', options: { charset: 'gb2312', titleTag: 'h3' }, encode: (h) => iconv.encode(h, 'gbk'), encoding: 'gb18030' },
  {
    name: 'GB18030 without a declaration, with characters GBK lacks',
    options: { footer: GB18030_ONLY },
    encode: (h) => iconv.encode(h, 'gb18030'),
    encoding: 'gb18030',
  },
  { name: 'UTF-16LE with BOM', options: {}, encode: (h) => withBom([0xff, 0xfe], iconv.encode(h, 'utf-16le')), encoding: 'utf-16le' },
  { name: 'UTF-16BE with BOM', options: {}, encode: (h) => withBom([0xfe, 0xff], iconv.encode(h, 'utf-16be')), encoding: 'utf-16be' },
  { name: 'UTF-8 with BOM, GBK wrongly declared', options: { charset: 'gbk' }, encode: (h) => withBom([0xef, 0xbb, 0xbf], utf8(h)), encoding: 'utf-8' },
  { name: 'UTF-8 without BOM, gb2312 wrongly declared', options: { charset: 'gb2312' }, encode: utf8, encoding: 'utf-8' },
  { name: 'no merged cells', options: { merge: false }, encode: utf8, encoding: 'utf-8' },
  { name: 'page parts joined into one <table>', options: { joinParts: true }, encode: utf8, encoding: 'utf-8' },
  { name: 'title and 单位：万元 as the first rows of the <table>', options: { titleInTable: true }, encode: utf8, encoding: 'utf-8' },
  { name: 'title rows in a <table> that holds all its page parts', options: { titleInTable: true, joinParts: true }, encode: utf8, encoding: 'utf-8' },
  { name: 'layout tables wrapping the content tables', options: { layoutTables: true }, encode: utf8, encoding: 'utf-8' },
  { name: 'source lines wrapped (CRLF) inside Chinese words and at spaces, as Word exports', options: { wrapSource: 7, charset: 'gb2312' }, encode: (h) => iconv.encode(h, 'gbk'), encoding: 'gb18030' },
  { name: 'header rows as <th> in <thead>', options: { th: true }, encode: utf8, encoding: 'utf-8' },
  { name: 'an empty margin column in every table (spreadsheet export)', options: { marginColumn: true, titleInTable: true }, encode: utf8, encoding: 'utf-8' },
  { name: 'layout tables, GBK, parts joined', options: { layoutTables: true, joinParts: true, charset: 'GBK' }, encode: (h) => iconv.encode(h, 'gbk'), encoding: 'gb18030' },
];

describe.skipIf(!HAVE_SEEDS)(`seeds as HTML pages (${SEEDS_DIR})`, () => {
  for (const seed of tableSeeds()) {
    for (const v of HTML_VARIANTS) {
      it(`${seed.id} · ${v.name}: every golden cell`, () => {
        const html = seedToHtml(readFileSync(seed.path, 'utf8'), v.options);
        const report = extract(v.encode(html), { path: `${seed.id}.html` });
        expect(report.source.format).toBe('html');
        expect(report.source.encoding).toBe(v.encoding);
        if (v.options.footer) expect(narrative(report.sections)).toContain(v.options.footer);
        const result = compareWithGolden(report, seed.golden);
        expect(result.mismatches).toEqual([]);
        expect(result.cells).toBeGreaterThan(500);
        expect(report.diagnostics.filter((d) => d.level === 'warning')).toEqual([]);
      });
    }
  }

  it('the merged header cells really are merged (colspan over 收入, rowspan beside the 科目 row)', () => {
    const seed = tableSeeds()[0]!;
    const html = seedToHtml(readFileSync(seed.path, 'utf8'));
    expect(html).toMatch(/<td colspan=3[^>]*>(?:<[^>]+>)*收入</);
    expect(html).toMatch(/<td colspan=2[^>]*>(?:<[^>]+>)*项目</);
    expect(html).toMatch(/<td rowspan="2"[^>]*>(?:<[^>]+>)*本年收入合计</);
  });
});

/** Every section title and paragraph of the narrative, in order. */
function narrative(sections: Section[]): string[] {
  return sections.flatMap((s) => [`${s.number} ${s.title}`, ...s.paragraphs.map((p) => p.text), ...narrative(s.children)]);
}

describe.skipIf(!HAVE_SEEDS)(`the narrative read from HTML (${SEEDS_DIR})`, () => {
  for (const seed of tableSeeds()) {
    it(`${seed.id}: source lines wrapped inside Chinese words give the same narrative as unwrapped ones`, () => {
      const text = readFileSync(seed.path, 'utf8');
      const plain = extract(seedToHtml(text), { path: 'a.html' });
      const wrapped = extract(seedToHtml(text, { wrapSource: 9 }), { path: 'b.html' });
      const paragraphs = narrative(plain.sections);
      expect(paragraphs.length).toBeGreaterThan(20);
      expect(narrative(wrapped.sections)).toEqual(paragraphs);
      expect(wrapped.title).toBe(plain.title);
    });

    it(`${seed.id}: the HTML narrative has the paragraphs of the text narrative`, () => {
      const text = readFileSync(seed.path, 'utf8');
      // The text reader joins a paragraph the PDF copy broke over two lines (001: `…承办费92.4` /
      // `万元，…`); HTML keeps one <p> per line, so the first half may read as a numbered heading.
      // Compared: the narrative as one string, without ordinals.
      const flat = (sections: Section[]): string =>
        sections.map((s) => `${s.title}${s.paragraphs.map((p) => stripOrdinal(p.text)).join('')}${flat(s.children)}`).join('');
      const fromText = flat(extract(text, { path: 'a.txt' }).sections);
      const fromHtml = flat(extract(seedToHtml(text), { path: 'a.html' }).sections);
      expect(fromText.length).toBeGreaterThan(2000);
      expect(fromHtml).toBe(fromText);
    });
  }
});

const MARKDOWN_VARIANTS: { name: string; options: MarkdownOptions }[] = [
  { name: '## titles, padded pipe rows', options: {} },
  { name: '**bold** titles, tight rows, alignment marks', options: { boldTitles: true, tight: true } },
];

describe.skipIf(!HAVE_SEEDS)(`seeds as markdown with pipe tables (${SEEDS_DIR})`, () => {
  for (const seed of tableSeeds()) {
    for (const v of MARKDOWN_VARIANTS) {
      it(`${seed.id} · ${v.name}: every golden cell`, () => {
        const md = seedToMarkdown(readFileSync(seed.path, 'utf8'), v.options);
        expect(md).toMatch(/^\|.*\|$/m);
        expect(md).toMatch(/^\|(?: ?:?---:? ?\|)+$/m);
        expect(md).not.toMatch(/\t/);
        const report = extract(md, { path: `${seed.id}.md` });
        expect(report.source.format).toBe('markdown');
        const result = compareWithGolden(report, seed.golden);
        expect(result.mismatches).toEqual([]);
        expect(result.cells).toBeGreaterThan(500);
        expect(report.diagnostics.filter((d) => d.level === 'warning')).toEqual([]);
      });
    }
  }
});

it.skipIf(HAVE_SEEDS)('seed folder is absent: format tests were skipped', () => {
  console.warn(`[formats] 未找到 ${SEEDS_DIR}，HTML/markdown 格式对照测试已跳过`);
});
