import { describe, expect, it } from 'vitest';
import { extract } from '../../index.js';
import type { Report } from '../../model/report.js';
import { SC_DETAIL_KEYS, SC_TABLE_IDS } from '../../model/sc-tables.js';
import { sichuanReport, sichuanText, total } from '../../../test/support/sichuan.js';
import { matchTitle } from './titles.js';

const read = (text: string): Report => extract(Buffer.from(text), { path: 'sc.txt' });
const row = (r: Report, id: string, key: string) => r.tables.find((t) => t.id === id)?.rows.find((x) => x.key === key);
const tab = (...cells: (string | number)[]) => cells.join('\t');
const blanks = (n: number) => Array.from({ length: n }, () => '');

describe('Sichuan titles', () => {
  it('each of the 13 附表 titles of seed 004 is its own table; the longest alias wins', () => {
    const ids = [
      '一、收入支出决算总表',
      '二、收入决算表',
      '三、支出决算表',
      '四、财政拨款收入支出决算总表',
      '五、财政拨款支出决算明细表',
      '六、一般公共预算财政拨款支出决算表',
      '七、一般公共预算财政拨款支出决算明细表',
      '八、一般公共预算财政拨款基本支出决算表',
      '九、一般公共预算财政拨款项目支出决算表',
      '十、政府性基金预算财政拨款收入支出决算表',
      '十一、国有资本经营预算财政拨款收入支出决算表',
      '十二、国有资本经营预算财政拨款支出决算表',
      '十三、财政拨款“三公”经费支出决算表',
    ].map((t) => matchTitle(t)?.id);
    expect(ids).toEqual(['01', '02', '03', '04', 'sc-fiscal-detail', '05', 'sc-gpb-detail', '06', 'sc-gpb-project', '07', 'sc-state-capital', '08', '09']);
    expect(matchTitle('国有资本经营预算财政拨款收支决算表')?.id).toBe('sc-state-capital');
    expect(matchTitle('某区某局2023年度一般公共预算财政拨款支出决算明细表')?.id).toBe('sc-gpb-detail');
  });
});

/**
 * A document in the genre's text layout (tab-separated rows, merged header cells printed once and
 * blank beside), with no 栏次 row, so the columns are found by their labels. 项目支出 is printed
 * before 基本支出 and its classes in another order than the model's, so that labels and the group
 * labels above them, not positions, decide.
 */
function handWritten(): string {
  const projectOrder = ['商品和服务支出', '工资福利支出', '对个人和家庭的补助', '资本性支出', '其他支出', '债务利息及费用支出', '资本性支出（基本建设）', '对企业补助（基本建设）', '对企业补助', '对社会保障基金补助'];
  const publicParts = ['商品和服务支出', '债务利息及费用支出', '资本性支出', '对企业补助', '对社会保障基金补助', '其他支出'];
  const detailHeader = [
    tab('项目', '', '合计', '项目支出', ...blanks(10), '基本支出', ...blanks(10)),
    tab('功能分类科目编码', '科目名称', '', '小计', ...projectOrder, '小计', '人员经费', '', '', '公用经费', ...blanks(6)),
    tab('', '', '', ...blanks(11), '', '小计', '工资福利支出', '对个人和家庭的补助', '小计', ...publicParts),
  ];
  // 合计 | 项目: 小计 302 301 303 310 399 307 309 311 312 313 | 基本: 小计 人员(小计 301 303) 公用(小计 302 307 310 312 313 399)
  const detailRow = (code: string, name: string) =>
    tab(code, name, '100.00', '20.00', '15.00', '0.00', '5.00', ...Array(7).fill('0.00'), '80.00', '70.00', '50.00', '20.00', '10.00', '10.00', ...Array(5).fill('0.00'));
  return [
    '某区某局2023年度部门决算',
    '',
    '第五部分 附表',
    '',
    '五、财政拨款支出决算明细表',
    '',
    '部门：某区某局',
    '',
    '单位：万元',
    '',
    ...detailHeader,
    detailRow('', '合计'),
    detailRow('208', '社会保障和就业支出'),
    detailRow('20805', '行政事业单位养老支出'),
    detailRow('2080501', '行政单位离退休'),
    '',
    '注：本表反映部门本年度财政拨款支出按经济分类的明细情况。',
    '',
    '九、一般公共预算财政拨款项目支出决算表',
    '',
    '部门：某区某局',
    '',
    '单位：万元',
    '',
    tab('经济分类科目编码', '科目名称', '金额'),
    tab('', '合计', '20.00'),
    tab('302', '商品和服务支出', '15.00'),
    tab('30227', '委托业务费', '15.00'),
    tab('303', '对个人和家庭的补助', '5.00'),
    tab('30305', '生活补助', '5.00'),
    '',
    '十一、国有资本经营预算财政拨款收入支出决算表',
    '',
    '部门：某区某局',
    '',
    '单位：万元',
    '',
    tab('项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'),
    tab('功能分类科目编码', '科目名称', '', '', '小计', '基本支出', '项目支出', ''),
    tab('', '合计', '1.00', '7.50', '7.50', '0.00', '7.50', '1.00'),
    tab('223', '国有资本经营预算支出', '1.00', '7.50', '7.50', '0.00', '7.50', '1.00'),
    tab('22301', '解决历史遗留问题及改革成本支出', '1.00', '7.50', '7.50', '0.00', '7.50', '1.00'),
    tab('2230199', '其他解决历史遗留问题及改革成本支出', '1.00', '7.50', '7.50', '0.00', '7.50', '1.00'),
    '',
  ].join('\n');
}

describe('Sichuan tables read from text', () => {
  it('maps three-level headers by their labels (小计 under 人员经费 is not 基本支出 小计)', () => {
    const r = read(handWritten());
    expect(r.template).toBe('sc');
    const t = r.tables.find((x) => x.id === 'sc-fiscal-detail')!;
    expect(t.recognition.columnsBy).toBe('labels');
    expect(t.recognition.unmatchedRows).toEqual([]);
    expect(t.rows.map((x) => x.key)).toEqual(['total', '208', '20805', '2080501']);
    const cells = row(r, 'sc-fiscal-detail', '2080501')!.cells;
    expect([cells['1'], cells[SC_DETAIL_KEYS.basic], cells[SC_DETAIL_KEYS.personnel], cells['4'], cells['5'], cells[SC_DETAIL_KEYS.public], cells['7']]).toEqual([100, 80, 70, 50, 20, 10, 10]);
    // 项目支出: 小计 20 = 302 15 + 303 5, whatever order the classes are printed in.
    expect(cells[SC_DETAIL_KEYS.project]).toBe(20);
    expect([cells['14'], cells['15'], cells['16']]).toEqual([0, 15, 5]);
  });

  it('reads the economic rows of the 项目支出决算表 and the 国有资本 收支表 like table 07', () => {
    const r = read(handWritten());
    expect(r.tables.find((x) => x.id === 'sc-gpb-project')!.rows.map((x) => [x.key, x.cells['amount']])).toEqual([
      ['total', 20],
      ['302', 15],
      ['30227', 15],
      ['303', 5],
      ['30305', 5],
    ]);
    expect(row(r, 'sc-state-capital', 'total')!.cells).toEqual({ '1': 1, '2': 7.5, '3': 7.5, '4': 0, '5': 7.5, '6': 1 });
    expect(row(r, 'sc-state-capital', '2230199')!.name).toBe('其他解决历史遗留问题及改革成本支出');
  });

  it('reads back the four tables of synthetic Sichuan reports cell for cell (by 栏次 numbers)', () => {
    let withFunds = 0;
    for (const pred of [(x: Report) => total(x, '08', '1') > 0 && total(x, '07', '3') > 0, (x: Report) => total(x, '08', '1') === 0, () => true]) {
      const report = sichuanReport(pred);
      if (total(report, 'sc-state-capital', '3') > 0) withFunds++;
      const back = read(sichuanText(report));
      expect(back.template).toBe('sc');
      for (const id of SC_TABLE_IDS) {
        const a = report.tables.find((t) => t.id === id)!;
        const b = back.tables.find((t) => t.id === id);
        expect(b, id).toBeDefined();
        expect(b!.recognition.unmatchedRows, id).toEqual([]);
        expect(b!.rows.map((x) => [x.key, x.name, x.cells]), id).toEqual(a.rows.map((x) => [x.key, x.name, x.cells]));
      }
    }
    expect(withFunds).toBeGreaterThan(0);
  });
});
