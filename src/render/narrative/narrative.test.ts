import { describe, expect, it } from 'vitest';
import { syntheticReport } from '../../../test/support/synthetic.js';
import type { Report } from '../../model/report.js';
import { REASON_KEYS, SUPPLEMENT_FIELDS } from '../../model/supplement.js';
import { composeDocument } from '../document/compose.js';
import type { DisclosureDocument } from '../document/model.js';

function texts(doc: DisclosureDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : []));
}

function tableIds(doc: DisclosureDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.id] : []));
}

/** A copy of the report with one cell changed (the synthetic reports are built fresh per call). */
function withCell(r: Report, table: string, row: string, column: string, value: number | null): Report {
  const copy = structuredClone(r);
  copy.tables.find((t) => t.id === table)!.rows.find((x) => x.key === row)!.cells[column] = value;
  return copy;
}

describe('templates', () => {
  it('gd: 第一…第四部分 with the tables second, income and spending under the overall section', () => {
    const doc = composeDocument(syntheticReport(3), {}, { template: 'gd' });
    const headings = doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
    expect(headings.map((h) => h.slice(0, 4))).toEqual(['第一部分', '第二部分', '第三部分', '第四部分']);
    expect(tableIds(doc)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(texts(doc)).toContain('（一）年度收入总体情况');
    expect(doc.blocks[0]).toEqual({ kind: 'toc' });
  });
  it('sx: prints table 10 and percentages with two decimals', () => {
    const report = syntheticReport(7, { template: 'sx' });
    const doc = composeDocument(report, {}, { template: 'sx' });
    expect(tableIds(doc)).toContain('10');
    expect(texts(doc)).toContain('二、收入决算情况说明');
    expect(texts(doc).join('\n')).toMatch(/占本年收入合计的\d+\.\d{2}%/);
  });
  it('sc: 情况说明 second, 名词解释 third with the 项 definitions, the tables appended last', () => {
    const report = syntheticReport(5);
    const doc = composeDocument(report, {}, { template: 'sc' });
    const level1 = doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
    expect(level1[1]).toMatch(/^第二部分 \d{4}年度部门决算情况说明$/);
    expect(level1[2]).toBe('第三部分 名词解释');
    expect(level1[3]).toBe('第四部分 附表');
    const lastTable = doc.blocks.map((b) => b.kind).lastIndexOf('table');
    const glossary = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '第三部分 名词解释');
    expect(lastTable).toBeGreaterThan(glossary);
    const items = report.tables.find((t) => t.id === '05')!.rows.filter((r) => r.code?.length === 7 && r.cells['1']);
    const defs = texts(doc).filter((t) => /（项）：反映/.test(t));
    expect(defs).toHaveLength(items.length);
    // 三公 before 政府性基金 (seed 004's order)
    const all = texts(doc);
    expect(all.findIndex((t) => /三公/.test(t))).toBeLessThan(all.findIndex((t) => /政府性基金预算支出决算情况说明/.test(t)));
  });
});

describe('wording from the data', () => {
  it('本年度无此项支出 for an empty 政府性基金 / 国有资本经营 table', () => {
    let report = syntheticReport(3);
    report = withCell(report, '07', 'total', '3', 0);
    report = withCell(report, '08', 'total', '1', 0);
    const all = texts(composeDocument(report, {}, { template: 'gd' }));
    const at = (title: RegExp) => all[all.findIndex((t) => title.test(t)) + 1];
    expect(at(/政府性基金预算财政拨款收支决算情况说明/)).toBe('本年度无此项支出。');
    expect(at(/国有资本经营预算财政拨款支出决算情况说明/)).toBe('本年度无此项支出。');
  });
  it('a change needs a reason: supplied it is printed, missing it is a marker', () => {
    const report = syntheticReport(3);
    const prior = withCell(syntheticReport(3), '03', 'total', '2', 1);
    const without = texts(composeDocument(report, {}, { prior, template: 'gd' })).find((t) => t.includes('基本支出') && /^\d\./.test(t))!;
    expect(without).toMatch(/比上年决算数增加[\d,.]+万元，增长[\d,.]+%。主要变动情况：【待填写：基本支出比上年增减变动原因】/);
    const withReason = texts(composeDocument(report, { reasons: { 基本支出: '新增在编人员' } }, { prior, template: 'gd' })).find(
      (t) => t.includes('基本支出') && /^\d\./.test(t),
    )!;
    expect(withReason).toMatch(/主要变动情况：新增在编人员。$/);
  });
  it('持平 with no change and 不可比 when the prior year was zero', () => {
    const report = syntheticReport(3);
    const all = texts(composeDocument(report, {}, { prior: withCell(syntheticReport(3), '01', 'inc.other', '1', 0), template: 'gd' }));
    expect(all.find((t) => t.includes('上级补助收入') && /^\d\./.test(t))).toMatch(/与上年决算数持平。$/);
    const other = report.tables.find((t) => t.id === '01')!.rows.find((r) => r.key === 'inc.other')!.cells['1'];
    if (other) expect(all.find((t) => t.includes('其他收入') && /^\d\./.test(t))).toMatch(/增长--（基数为0，不可比）/);
  });
  it('the 项 detail gives 年初预算 and completion when budgets are supplied', () => {
    const report = syntheticReport(3);
    const item = report.tables.find((t) => t.id === '05')!.rows.find((r) => r.code?.length === 7)!;
    const actual = item.cells['1'] as number;
    const all = texts(composeDocument(report, { budgets: { initial: { [item.code!]: actual * 2 } } }, { template: 'gd' }));
    const line = all.find((t) => t.includes(`${item.name}（项）`))!;
    expect(line).toMatch(/年初预算为[\d,.]+万元，支出决算为[\d,.]+万元，完成年初预算的50\.0%。主要变动情况：【待填写：.+决算数与年初预算差异原因】/);
  });
});

describe('supplement fields', () => {
  it('describes every field with a Chinese label and help, paths unique', () => {
    const paths = SUPPLEMENT_FIELDS.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const f of SUPPLEMENT_FIELDS) {
      expect(f.label).toMatch(/[\u4e00-\u9fff]/);
      expect(f.help).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const r of REASON_KEYS) expect(paths).toContain(`reasons.${r.key}`);
    for (const p of ['overview.duties', 'threePublic.outboundGroups', 'procurement.sme', 'assets.equipmentOver1m', 'performance.projects'])
      expect(paths).toContain(p);
  });
});
