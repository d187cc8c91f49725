/**
 * What differs between the template families, as data: headings, the order of the 情况说明 sections,
 * the precision of percentages, the change and reason wording, the table order, the glossary style.
 * A new province is a new entry here (plus, where its tables differ, a layout in src/render/).
 */
import { SC_PRINT_ORDER } from '../../model/sc-tables.js';
import type { TemplateId } from '../document/model.js';

export type SectionKey = 'overall' | 'income' | 'spending' | 'fiscal' | 'gpb' | 'basic' | 'fund' | 'capital' | 'three' | 'other';

export interface TemplateWords {
  id: TemplateId;
  /** Tables printed, in order (only those the report holds are printed). */
  tables: string[];
  /** Where the tables go: the second part (gd, sx) or an appended part after the glossary (sc). */
  tablesLast: boolean;
  /** Percentages: decimals (seed 003 prints 11.72%, the others 4.5%). */
  percentDecimals: number;
  /** The 第X部分 headings; {entity} {year} {kind} are filled in. */
  parts: { overview: string; tables: string; narrative: string; glossary: string };
  /** The 概况 subsections. {scope} is 部门 or 单位. */
  overview: { duties: string; institutions: string; units: string };
  /** Section order of the 情况说明. */
  order: SectionKey[];
  /** Section titles; {year} is filled in. */
  titles: Record<SectionKey, string>;
  /** Subsection titles of the sections that have them. */
  sub: {
    income: string;
    spending: string;
    fiscalIncome: string;
    fiscalSpending: string;
    gpbTotal: string;
    gpbStructure: string;
    gpbDetail: string;
    threeTotal: string;
    threeDetail: string;
    running: string;
    procurement: string;
    assets: string;
    performance: string;
  };
  /** gd: income and spending are subsections of the overall section (seeds 000, 001). */
  incomeUnderOverall: boolean;
  /** 比上年决算数 / 与上年相比 … */
  priorAgainst: string;
  priorFlat: string;
  /** Reasons: 主要变动情况： / 主要原因是 */
  reasonLead: string;
  /** Glossary entries numbered (一、… sx; 1. sc) or plain (gd). */
  glossaryNumbering: 'none' | 'chinese' | 'arabic';
  /** Sichuan lists the 项-level definition of every item of the 一般公共预算 detail. */
  itemDefinitions: boolean;
}

const TABLES = ['01', '02', '03', '04', '05', '06', '07', '08', '09'];

const SUB_COMMON = {
  gpbTotal: '（一）一般公共预算财政拨款支出决算总体情况',
  gpbStructure: '（二）一般公共预算财政拨款支出决算结构情况',
  gpbDetail: '（三）一般公共预算财政拨款支出决算具体情况',
  threeTotal: '（一）“三公”经费财政拨款支出决算总体情况说明',
  threeDetail: '（二）“三公”经费财政拨款支出决算具体情况说明',
};

export const TEMPLATES: Record<TemplateId, TemplateWords> = {
  gd: {
    id: 'gd',
    tables: TABLES,
    tablesLast: false,
    percentDecimals: 1,
    parts: {
      overview: '第一部分：{entity}概况',
      tables: '第二部分：{entity}{year}年度{kind}表',
      narrative: '第三部分：{entity}{year}年度{kind}情况说明',
      glossary: '第四部分：名词解释',
    },
    overview: { duties: '一、{scope}主要职责', institutions: '二、{scope}机构设置', units: '三、部门决算单位构成' },
    order: ['overall', 'fiscal', 'gpb', 'basic', 'fund', 'capital', 'three', 'other'],
    titles: {
      overall: '{year}年度收入支出决算总体情况说明',
      income: '',
      spending: '',
      fiscal: '{year}年度财政拨款收入支出决算总体情况说明',
      gpb: '{year}年度一般公共预算财政拨款支出决算情况说明',
      basic: '{year}年度一般公共预算财政拨款基本支出决算情况说明',
      fund: '{year}年度政府性基金预算财政拨款收支决算情况说明',
      capital: '{year}年度国有资本经营预算财政拨款支出决算情况说明',
      three: '{year}年度财政拨款“三公”经费支出决算情况说明',
      other: '其他重要事项的情况说明',
    },
    sub: {
      ...SUB_COMMON,
      income: '（一）年度收入总体情况',
      spending: '（二）年度支出总体情况',
      fiscalIncome: '（一）{year}年度财政拨款收入说明',
      fiscalSpending: '（二）{year}年度财政拨款支出说明',
      running: '（一）机关运行经费支出情况',
      procurement: '（二）政府采购支出情况说明',
      assets: '（三）国有资产占用情况说明',
      performance: '（四）{year}年度绩效评价情况的说明',
    },
    incomeUnderOverall: true,
    priorAgainst: '比上年决算数',
    priorFlat: '与上年决算数持平',
    reasonLead: '主要变动情况：',
    glossaryNumbering: 'none',
    itemDefinitions: false,
  },
  sx: {
    id: 'sx',
    tables: [...TABLES, '10'],
    tablesLast: false,
    percentDecimals: 2,
    parts: { overview: '第一部分 概况', tables: '第二部分 {year}年部门决算表', narrative: '第三部分 情况说明', glossary: '第四部分 名词解释' },
    overview: { duties: '一、本部门（单位）职责', institutions: '二、机构设置情况', units: '三、决算单位构成' },
    order: ['overall', 'income', 'spending', 'fiscal', 'gpb', 'basic', 'fund', 'capital', 'three', 'other'],
    titles: {
      overall: '收入支出决算总体情况说明',
      income: '收入决算情况说明',
      spending: '支出决算情况说明',
      fiscal: '财政拨款收支决算总体情况说明',
      gpb: '一般公共预算财政拨款支出决算情况说明',
      basic: '一般公共预算财政拨款基本支出决算情况说明',
      fund: '政府性基金预算财政拨款收支决算情况说明',
      capital: '国有资本经营预算财政拨款支出决算情况说明',
      three: '财政拨款“三公”经费支出决算情况说明',
      other: '其他重要事项情况说明',
    },
    sub: {
      ...SUB_COMMON,
      income: '',
      spending: '',
      fiscalIncome: '',
      fiscalSpending: '',
      running: '（一）机关运行经费支出情况说明',
      procurement: '（二）政府采购情况说明',
      assets: '（三）国有资产占用情况说明',
      performance: '（四）预算绩效情况说明',
    },
    incomeUnderOverall: false,
    priorAgainst: '与上年相比',
    priorFlat: '与上年持平',
    reasonLead: '主要原因是',
    glossaryNumbering: 'chinese',
    itemDefinitions: false,
  },
  sc: {
    id: 'sc',
    tables: [...SC_PRINT_ORDER],
    tablesLast: true,
    percentDecimals: 1,
    parts: { overview: '第一部分 部门概况', tables: '第四部分 附表', narrative: '第二部分 {year}年度部门决算情况说明', glossary: '第三部分 名词解释' },
    overview: { duties: '一、部门职责', institutions: '二、机构设置', units: '三、决算单位构成' },
    order: ['overall', 'income', 'spending', 'fiscal', 'gpb', 'basic', 'three', 'fund', 'capital', 'other'],
    titles: {
      overall: '收入支出决算总体情况说明',
      income: '收入决算情况说明',
      spending: '支出决算情况说明',
      fiscal: '财政拨款收入支出决算总体情况说明',
      gpb: '一般公共预算财政拨款支出决算情况说明',
      basic: '一般公共预算财政拨款基本支出决算情况说明',
      fund: '政府性基金预算支出决算情况说明',
      capital: '国有资本经营预算支出决算情况说明',
      three: '财政拨款“三公”经费支出决算情况说明',
      other: '其他重要事项的情况说明',
    },
    sub: {
      ...SUB_COMMON,
      income: '',
      spending: '',
      fiscalIncome: '',
      fiscalSpending: '',
      running: '（一）机关运行经费支出情况',
      procurement: '（二）政府采购支出情况',
      assets: '（三）国有资产占有使用情况',
      performance: '（四）预算绩效管理情况',
    },
    incomeUnderOverall: false,
    priorAgainst: '与上年相比',
    priorFlat: '与上年持平',
    reasonLead: '主要原因是',
    glossaryNumbering: 'arabic',
    itemDefinitions: true,
  },
};

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
