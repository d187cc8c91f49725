/**
 * Documents with a complete narrative, for the completeness and narrative label rules: the shipped
 * example's cover, 概况 and tables, followed by a 情况说明 that covers the whole checklist of
 * rules.md §6.2. Tests break it by editing the text (drop a section, change a sentence) and read it
 * again with `extract`, so the sections and spans are the reader's own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/index.js';
import type { Report } from '../../src/model/report.js';

const EXAMPLE_PATH = join(import.meta.dirname, '..', '..', 'examples', '示例单位2024年度单位决算.txt');

/** The example up to its 情况说明: cover, contents, 概况 and the nine tables. */
export function exampleHead(): string {
  const text = readFileSync(EXAMPLE_PATH, 'utf8');
  const marker = '第三部分：';
  const body = text.indexOf(marker, text.indexOf('财政拨款“三公”经费支出决算表'));
  if (body < 0) throw new Error('示例文档中找不到第三部分');
  return text.slice(0, body);
}

/**
 * A 情况说明 and 名词解释 covering rules.md §6.2 (Shanxi order; it satisfies every template). Written
 * for the completeness rules: seven of its amounts differ from the example's tables (基本支出 380 vs 382,
 * 项目支出 128 vs 130, 201 428 vs 426, 221 18 vs 20, 2080505 34 vs 33, 人员经费 330 vs 340, 公用经费 50
 * vs 40), which N-R1 reports; the narrative rules' tests correct or use them as they need (n-r1.test.ts).
 * The shipped example itself checks clean.
 */
export const FULL_NARRATIVE = `第三部分：示例市档案数字化服务中心2024年度单位决算情况说明

一、2024年度收入支出决算总体情况说明

（一）年度收入总体情况

示例市档案数字化服务中心2024年度收入总计536.00万元，其中本年收入516.00万元，比上年增加16.00万元，主要原因是档案数字化业务量增加。

（二）年度支出总体情况

示例市档案数字化服务中心2024年度支出总计536.00万元，其中本年支出512.00万元：基本支出380.00万元，项目支出128.00万元。

二、2024年度财政拨款收入支出总表说明

（一）2024年度财政拨款收入说明

2024年度财政拨款收入合计510.00万元。其中：一般公共预算财政拨款收入510.00万元；政府性基金预算财政拨款收入0万元；国有资本经营预算财政拨款收入0万元。

（二）2024年度财政拨款支出说明

2024年度财政拨款支出合计508.00万元。其中：一般公共预算财政拨款支出508.00万元，比年初预算数减少12.00万元；政府性基金预算财政拨款支出0万元；国有资本经营预算财政拨款支出0万元。

三、2024年度一般公共预算财政拨款支出决算情况说明

（一）一般公共预算财政拨款支出决算结构情况

一般公共服务支出（类）428.00万元，占84.3%；社会保障和就业支出（类）50.00万元，占9.8%；卫生健康支出（类）12.00万元，占2.4%；住房保障支出（类）18.00万元，占3.5%。

（二）一般公共预算财政拨款支出决算具体情况

1. 一般公共服务支出（类）档案事务（款）档案馆（项）：支出决算为128.00万元，完成年初预算的100%。

2. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为34.00万元，完成年初预算的100%。

（三）一般公共预算财政拨款基本支出决算情况

2024年度一般公共预算财政拨款基本支出380.00万元，其中：人员经费330.00万元，主要包括基本工资、津贴补贴、绩效工资；公用经费50.00万元，主要包括办公费、差旅费、维修（护）费。

四、2024年度政府性基金预算财政拨款收支决算情况说明

本年度无此项支出。

五、2024年度国有资本经营预算财政拨款支出决算情况说明

本年度无此项支出。

六、2024年度财政拨款“三公”经费支出决算情况说明

（一）“三公”经费财政拨款支出决算总体情况说明

2024年度“三公”经费财政拨款支出决算3.00万元，完成全年预算4.00万元的75.0%，比上年决算数减少0.50万元。主要原因是严格控制公务用车运行维护费。

（二）“三公”经费财政拨款支出决算具体情况说明

1. 因公出国（境）费支出0万元。全年使用财政拨款安排出国（境）团组0个、累计0人次。

2. 公务用车购置及运行维护费支出2.40万元，其中：公务用车购置支出0万元，公务用车购置数0辆；公务用车运行维护费支出2.40万元，公务用车保有量为1辆。

3. 公务接待费支出0.60万元，共接待国外、境外来访团组0个，来访外宾0人次；发生国内接待5次，接待人数共40人。

七、其他重要事项的情况说明

（一）机关运行经费支出情况

本单位为非参公事业单位，不在机关运行经费统计范围内。

（二）政府采购支出情况说明

2024年度本单位政府采购支出总额20.00万元，其中：政府采购货物支出5.00万元、政府采购工程支出0万元、政府采购服务支出15.00万元。授予中小企业合同金额20.00万元，占政府采购支出总额的100%，其中：授予小微企业合同金额12.00万元，占授予中小企业合同金额的60%。

（三）国有资产占用情况说明

截至2024年12月31日，本单位共有车辆1辆，其中，其他用车1辆；单位价值100万元以上设备（不含车辆）0台（套）。

（四）预算绩效情况说明

本单位组织对2024年度2个项目开展绩效自评，涉及资金128.00万元，占项目支出总额的100%。

档案数字化加工项目绩效自评情况：项目全年预算数为80.00万元，执行数为80.00万元，完成预算的100%，评价等级为优。

数字档案保存项目绩效自评情况：项目全年预算数为48.00万元，执行数为48.00万元，完成预算的100%，评价等级为优。

第四部分：名词解释

一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款。

二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。

三、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。
`;

/** The example's head with a narrative (by default the complete one), read as a document. */
export function narrativeReport(narrative: string = FULL_NARRATIVE, head: string = exampleHead()): Report {
  return extract(head + narrative, { path: 'x.txt' });
}

/** The complete narrative with each `from` replaced by its `to` (each must occur). */
export function edited(...pairs: [from: string | RegExp, to: string][]): string {
  let text = FULL_NARRATIVE;
  for (const [from, to] of pairs) {
    const changed = text.replace(from, to);
    if (changed === text) throw new Error(`情况说明中没有 ${String(from)}`);
    text = changed;
  }
  return text;
}

/** The complete narrative with `from` replaced by `to` (which must occur), read as a document. */
export function narrativeWith(from: string | RegExp, to: string): Report {
  return narrativeReport(edited([from, to]));
}

/** The complete narrative without the section that starts with `heading` (up to the next heading at its level or above). */
export function narrativeWithout(heading: string): Report {
  const start = FULL_NARRATIVE.indexOf(heading);
  if (start < 0) throw new Error(`情况说明中没有 ${heading}`);
  const level = /^第[一二三四五六七八九十]+部分/.test(heading) ? 1 : /^[一二三四五六七八九十]+、/.test(heading) ? 2 : 3;
  const next = [
    /\n第[一二三四五六七八九十]+部分/g,
    ...(level >= 2 ? [/\n[一二三四五六七八九十]+、/g] : []),
    ...(level >= 3 ? [/\n（[一二三四五六七八九十]+）/g] : []),
  ]
    .map((re) => {
      re.lastIndex = start + heading.length;
      return re.exec(FULL_NARRATIVE)?.index ?? FULL_NARRATIVE.length;
    })
    .reduce((a, b) => Math.min(a, b), FULL_NARRATIVE.length);
  return narrativeReport(FULL_NARRATIVE.slice(0, start) + FULL_NARRATIVE.slice(next + 1));
}

/** The 1-based line where `needle` first occurs in the narrative of the document narrativeReport(narrative) reads. */
export function lineOf(needle: string, narrative: string = FULL_NARRATIVE): number {
  const head = exampleHead();
  const doc = head + narrative;
  const at = doc.indexOf(needle, head.length);
  if (at < 0) throw new Error(`文档中没有 ${needle}`);
  return doc.slice(0, at).split('\n').length;
}
