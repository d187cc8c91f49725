import type { Rule } from '../../types.js';
import { checkDetails, type Detail } from './details.js';

const PEOPLE = /\d+人/;
export const DETAILS: Detail[] = [
  { key: 'groups', label: '因公出国（境）团组数和人数', all: [/出国|出境|因公出/, /团组/, /\d+个/, PEOPLE], unfilled: /团组|出国[（(]境[)）]人/ },
  { key: 'purchases', label: '公务用车购置数', all: [/购置/, /\d+辆/], unfilled: /购置数|购置.*辆/ },
  { key: 'fleet', label: '公务用车保有量', all: [/保有量|共有公务用车|公务用车共|实有公务用车/, /\d+辆/], unfilled: /保有量|公务用车(?:总)?数/ },
  { key: 'domestic', label: '国内公务接待批次和人数', all: [/国内/, /\d+(?:批次|批|次)/, PEOPLE], unfilled: /国内.*接待/ },
  { key: 'foreign', label: '外事接待批次和人数', all: [/外事|外宾|国外|境外|国[（(]境[)）]外/, /\d+(?:批次|批|次|个)/, PEOPLE], unfilled: /外事接待|外宾|境外来访/ },
  { key: 'reasons', label: '支出增减变化（与预算、上年相比）的原因', all: [/原因|主要情况|由于|因为/], unfilled: /原因/ },
];

/**
 * C-R4: the 三公 explanation gives the counts the 操作规程 asks for — 因公出国（境）团组数及人数,
 * 公务用车购置数及保有量, 国内公务接待批次及人数 (and 外事接待) — and the reasons for the changes.
 * Zero counts must still be stated (all seeds print them). A detail is found when one sentence of
 * the 三公 part holds its words and a number (`团组0个、累计0人次`, `国内公务接待 16 批次，245 人次`),
 * or when a 【待填写：…】 marker of a generated document names it (unfilled: reported by C-R10).
 */
export const rule: Rule = {
  meta: {
    id: 'C-R4',
    title: '“三公”经费说明包含团组、车辆和接待数量',
    severity: 'error',
    category: 'completeness',
    tables: ['09'],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.6, §6.1 [SRC 1; SEED]',
    doc: '“三公”经费情况说明须写明：因公出国（境）团组数及人数；公务用车购置数及保有量；国内公务接待批次及人数、外事接待批次及人数；与预算和上年相比增减变化的原因。数量为0也须写明。',
    messages: { missing: '{{topic}}未写明{{label}}' },
  },
  check(ctx) {
    checkDetails(ctx, { title: /三公/, topic: '“三公”经费说明', details: DETAILS, messageId: 'missing' });
  },
};
