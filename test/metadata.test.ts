/** Metadata and narrative structure recognised from a document's own words (issue #2 §3). */
import { describe, expect, it } from 'vitest';
import { extract, JuesuanError } from '../src/index.js';
import type { Section } from '../src/model/report.js';

const T = '\t';
/** A minimal table 09 so a document has one standard table. */
const TABLE_09 = [
  '财政拨款“三公”经费支出决算表',
  '单位：万元',
  ['预算数', '', '', '', '', '', '决算数', '', '', '', '', ''].join(T),
  Array.from({ length: 12 }, (_, i) => String(i + 1)).join(T),
  ['3.00', '0.00', '2.00', '0.00', '2.00', '1.00', '2.50', '0.00', '2.00', '0.00', '2.00', '0.50'].join(T),
].join('\n');

function doc(...lines: string[]): string {
  return lines.join('\n\n') + '\n';
}

describe('metadata', () => {
  it('joins a cover title broken over two lines and takes entity, year and kind from it', () => {
    const r = extract(doc('2024年度示例市第一档案服', '务中心部门决算', '目 录', '第一部分 概况', TABLE_09));
    // Two cover lines separated by a blank line are two paragraphs; the title joins them.
    expect(r.title).toBe('2024年度示例市第一档案服务中心部门决算');
    expect(r.entity).toBe('示例市第一档案服务中心');
    expect(r.year).toBe(2024);
    expect(r.kind).toBe('final-accounts');
  });

  it('reads the entity before the year (Shanxi cover) and skips watermark lines', () => {
    const r = extract(doc('仅供内部审核', '仅供内部审核', '示例县就业服务中心', '2024年度单位决算公开', '仅供内部审核', '目 录', TABLE_09));
    expect(r.title).toBe('示例县就业服务中心2024年度单位决算公开');
    expect(r.entity).toBe('示例县就业服务中心');
    expect(r.scope).toBe('unit');
  });

  it.each([
    ['a 单位决算 title', ['2024年度示例局单位决算'], 'unit'],
    ['a 部门整体 self-evaluation', ['2024年度示例局部门整体支出绩效自评报告'], 'department'],
    ['no subordinate units', ['2024年度示例中心部门决算', '一、决算单位构成', '我单位没有下属单位，单独编制本单位决算。'], 'unit'],
    ['the units it consolidates', ['2024年度示例局部门决算', '一、决算单位构成', '纳入我部门2024年度部门决算编报范围的单位共3个，包括本级和下属2个预算单位。'], 'department'],
    ['the tables headed 单位：', ['2024年度示例中心决算', TABLE_09.replace('单位：万元', '单位：示例中心\n\n单位：万元')], 'unit'],
    ['only 部门决算 in the title', ['2024年度示例局部门决算'], 'department'],
  ])('scope from %s', (_what, lines, scope) => {
    const withTable = lines.some((l) => l.includes('决算表')) ? lines : [...lines, TABLE_09];
    expect(extract(doc(...withTable)).scope).toBe(scope);
  });

  it.each([
    ['2024年度示例局部门决算', 'final-accounts'],
    ['2025年示例局部门预算', 'budget'],
    ['2024年度示例局部门整体支出绩效自评报告', 'performance-evaluation'],
    ['示例局2024年度项目支出绩效评价报告', 'performance-evaluation'],
  ])('kind of %s', (title, kind) => {
    expect(extract(doc(title, '一、基本情况', '本年度收入100.00万元。')).kind).toBe(kind);
  });

  it('money unit from the tables, else 万元 when the narrative uses it', () => {
    expect(extract(doc('2024年度示例局部门决算', TABLE_09.replace('单位：万元', '金额单位：元'))).moneyUnit).toBe('元');
    expect(extract(doc('2024年度示例局部门整体支出绩效自评报告', '一、概况', '整体收支规模12.5亿元，其中项目资金3,000.00万元。')).moneyUnit).toBe('万元');
  });

  it('refuses text in which no disclosure is recognised', () => {
    let error: unknown;
    try {
      extract(doc('会议纪要', '一、参会人员', '张三、李四。'), { path: '纪要.txt' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JuesuanError);
    expect((error as JuesuanError).code).toBe('not_a_document');
    expect((error as JuesuanError).message).toContain('纪要.txt');
  });
});

function outline(sections: Section[], depth = 0): string[] {
  return sections.flatMap((s) => [`${'  '.repeat(depth)}${s.level}:${s.number}:${s.title}(${s.paragraphs.length})`, ...outline(s.children, depth + 1)]);
}

describe('narrative sections', () => {
  const text = doc(
    '2024年度示例局部门决算',
    '目 录',
    '第一部分 部门概况',
    '一、部门职责',
    '第二部分 部门决算情况说明',
    '第一部分 部门概况',
    '一、部门职责',
    '负责全市示例工作。',
    '二、机构设置',
    '本部门下设单位包括：',
    '1. 示例局综合服务中心',
    '2. 示例局信息中心',
    '第二部分 部门决算情况说明',
    '一、收入支出决算总体情况说明',
    '（一）收入总体情况',
    '1. 一般公共预算财政拨款收入100.00万元，比上年增加10.00万元，增长11.1%。',
    '2. 其他收入0万元，与上年持平。',
    '（二）支出总体情况',
    '本年支出合计',
    '98.00万元。',
    TABLE_09,
    '注：本表反映本年度“三公”经费支出情况。',
    '第三部分 名词解释',
    '1. 财政拨款收入：指本级财政当年拨付的资金。',
  );
  const report = extract(text);

  it('builds the tree and keeps the contents, the cover, tables and notes out of it', () => {
    expect(outline(report.sections)).toEqual([
      '1:第一部分:部门概况(0)',
      '  2:一:部门职责(1)',
      '  2:二:机构设置(3)',
      '1:第二部分:部门决算情况说明(0)',
      '  2:一:收入支出决算总体情况说明(0)',
      '    3:一:收入总体情况(2)',
      '    3:二:支出总体情况(2)',
      '1:第三部分:名词解释(1)',
    ]);
  });

  it('keeps each paragraph with its exact span in the source', () => {
    for (const s of report.sections.flatMap(function all(x: Section): Section[] {
      return [x, ...x.children.flatMap(all)];
    })) {
      for (const p of s.paragraphs) {
        expect(text.slice(p.span.start, p.span.end)).toBe(p.text);
        expect(text.split('\n')[p.span.line! - 1]).toBe(p.text);
      }
    }
  });
});
