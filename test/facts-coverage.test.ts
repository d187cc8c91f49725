/**
 * Coverage of the narrative facts (issue #4 item 5). Per seed 000/001/003, in the 情况说明 part
 * (the level-1 section titled …情况说明, 第三部分):
 * - numbers: every amount (万元/元/亿元, or a decimal printed with no unit) and every percentage;
 *   captured = a fact of the same paragraph prints the same number (in reading order);
 * - linkable: amount facts of the current year whose subject names a table quantity (a dictionary
 *   entry with a cell, or a classification code) and whose table is printed with rows;
 *   linked = those carrying `link`.
 * The counter below is deliberately independent of the extractor's tokenizer.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../src/index.js';
import type { Fact, Report, Section } from '../src/model/report.js';
import { SUBJECTS } from '../src/recognise/narrative/fact-subjects.js';
import { HAVE_SEEDS, seed } from './support/seeds.js';

const NUMBER = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:万\s*元|亿元|元|%|％)|(?=[，。；,;]))/g;

function compactNumber(s: string): string {
  return s.replace(/\s+/g, '').replace(/％/g, '%');
}

function narrativeSection(report: Report): Section | undefined {
  return report.sections.find((s) => s.level === 1 && /情况说明/.test(s.title)) ?? report.sections.find((s) => /情况说明/.test(s.title));
}

interface Coverage {
  numbers: number;
  captured: number;
  missed: string[];
  linkable: number;
  linked: number;
  unlinked: string[];
}

function coverage(report: Report, whole = false): Coverage {
  const section: Section | undefined = whole ? { number: '', title: '', level: 0, paragraphs: [], children: report.sections, span: { start: 0, end: 0 } } : narrativeSection(report);
  const facts = report.facts ?? [];
  const result: Coverage = { numbers: 0, captured: 0, missed: [], linkable: 0, linked: 0, unlinked: [] };
  if (!section) return result;
  const withRows = new Set(report.tables.filter((t) => t.rows.length > 0).map((t) => t.id));
  const cellOf = new Map(SUBJECTS.filter((e) => e.cell).map((e) => [e.subject, e.cell!]));
  let factAt = 0;
  const inSection: Fact[] = [];
  const visit = (s: Section) => {
    for (const p of s.paragraphs) {
      while (factAt < facts.length && facts[factAt]!.span.start < p.span.start) factAt++;
      const mine: Fact[] = [];
      for (let k = factAt; k < facts.length && facts[k]!.span.start < p.span.end; k++) mine.push(facts[k]!);
      inSection.push(...mine);
      const texts = mine.map((f) => compactNumber(f.text));
      let from = 0;
      for (const m of p.text.matchAll(NUMBER)) {
        const after = p.text.slice(m.index! + m[0].length, m.index! + m[0].length + 6);
        if (/^(?:[（(]含[)）])?及?以上/.test(after)) continue; // a threshold (100万元以上设备), not a quantity
        if (!/[万元%％]/.test(m[0]) && !/[.,]/.test(m[0])) continue; // a bare integer before a comma
        if (m.index! > 0 && /[年月]/.test(p.text[m.index! - 1]!) && !/[万元%]/.test(m[0])) continue;
        result.numbers++;
        const want = compactNumber(m[0]);
        const k = texts.findIndex((t, i) => i >= from && t.startsWith(want.replace(/万元$|元$|%$/, '')));
        if (k >= 0) {
          result.captured++;
          from = k + 1;
        } else {
          result.missed.push(`${p.span.line}:${want}`);
        }
      }
    }
    s.children.forEach(visit);
  };
  visit(section);
  for (const f of inSection) {
    if (f.measure !== 'amount' || f.basis !== 'current') continue;
    const cell = f.link ?? cellOf.get(f.subject);
    const code = /^\d{3,7}$/.test(f.subject);
    if (!cell && !code) continue;
    if (cell && !withRows.has(cell.table)) continue;
    result.linkable++;
    if (f.link) result.linked++;
    else result.unlinked.push(`${f.span.line}:${f.subject}=${f.text}`);
  }
  return result;
}

const lines: string[] = [];

describe.skipIf(!HAVE_SEEDS)('narrative facts cover the 情况说明 of the seeds', () => {
  for (const id of ['000', '001', '003']) {
    it(`seed ${id}: every amount and percentage is captured; ≥ 95% of table quantities are linked`, async () => {
      const report = await extractFile(seed(id).path);
      const c = coverage(report);
      lines.push(
        `[facts] seed ${id}: ${c.captured}/${c.numbers} numbers captured; ${c.linked}/${c.linkable} table-quantity amounts linked; ${report.facts?.length ?? 0} facts` +
          (c.missed.length ? `; missed ${c.missed.slice(0, 8).join(' ')}` : '') +
          (c.unlinked.length ? `; unlinked ${c.unlinked.slice(0, 8).join(' ')}` : ''),
      );
      expect(c.numbers).toBeGreaterThan(50);
      expect(c.missed).toEqual([]);
      expect(c.linked / c.linkable).toBeGreaterThanOrEqual(0.95);
    });
  }

  // Seeds 004 (no tables printed) and 002 (a self-evaluation report, no 情况说明): the numbers are printed,
  // and every amount and percentage must still be captured.
  for (const [id, whole] of [['004', false], ['002', true]] as const) {
    it(`seed ${id}: every amount and percentage of ${whole ? 'the text' : 'the 情况说明'} is captured`, async () => {
      const report = await extractFile(seed(id).path);
      const c = coverage(report, whole);
      lines.push(
        `[facts] seed ${id}: ${c.captured}/${c.numbers} numbers captured; ${c.linked}/${c.linkable} table-quantity amounts linked (no tables printed); ${report.facts?.length ?? 0} facts` +
          (c.missed.length ? `; missed ${c.missed.slice(0, 8).join(' ')}` : ''),
      );
      expect(c.numbers).toBeGreaterThan(40);
      expect(c.missed).toEqual([]);
    });
  }

  it('seed 004: table 05 is rebuilt from the 项 statements of §五（三）', async () => {
    const report = await extractFile(seed('004').path);
    expect(report.tables).toEqual([]); // the rebuilt table is not a printed one
    const t = report.reconstructed?.find((x) => x.id === '05');
    expect(t?.rebuilt?.from).toBe('narrative');
    const rows = t!.rows.map((r) => [r.key, r.cells['1'], r.source?.line]);
    // rules.md §2.4 N-R7/N-R8: 15 项 statements, lines 147–175; 类/款 are their sums (208: 2832.41 against the
    // stated 2832.4); 合计 is the stated 一般公共预算支出决算数 3030.4 (line 145; the items sum to 3030.41).
    expect(rows).toEqual([
      ['total', 3030.4, 145],
      ['208', 2832.41, 147],
      ['20801', 901.45, 147],
      ['2080101', 572.52, 147],
      ['2080108', 6.74, 149],
      ['2080112', 16.04, 151],
      ['2080199', 306.15, 153],
      ['20802', 2.36, 155],
      ['2080202', 2.36, 155],
      ['20805', 153.19, 157],
      ['2080501', 17.76, 157],
      ['2080505', 116.97, 159],
      ['2080506', 18.46, 161],
      ['20807', 1764.59, 163],
      ['2080799', 1764.59, 163],
      ['20828', 10.82, 165],
      ['2082801', 10.82, 165],
      ['210', 59.25, 167],
      ['21011', 59.25, 167],
      ['2101101', 36.82, 167],
      ['2101102', 16.35, 169],
      ['2101103', 6.08, 171],
      ['213', 44.25, 173],
      ['21305', 44.25, 173],
      ['2130599', 44.25, 173],
      ['221', 94.5, 175],
      ['22102', 94.5, 175],
      ['2210201', 94.5, 175],
    ]);
    // Names: the printed 项 names, the catalogue's 类/款 names; each 项 row points at its statement.
    const item = t!.rows.find((r) => r.key === '2130599')!;
    expect(item.name).toBe('其他巩固脱贫衔接乡村振兴支出');
    const fact = report.facts!.find((f) => f.id === item.facts![0]);
    expect(fact).toMatchObject({ subject: '2130599', measure: 'amount', basis: 'current', value: 44.25 });
    expect(item.span).toEqual(fact!.span);
    expect(t!.rows.find((r) => r.key === '21305')!.name).toBe('巩固脱贫攻坚成果衔接乡村振兴');
  });

  afterAll(() => {
    for (const l of lines) console.log(l);
  });
});
