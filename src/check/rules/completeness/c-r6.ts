import type { Rule } from '../../types.js';
import { checkDetails, type Detail } from './details.js';

const AMOUNT = /\d(?:[\d,，]*\d)?(?:\.\d+)?万?元/;
export const DETAILS: Detail[] = [
  { key: 'goods', label: '政府采购货物支出', all: [/货物/, AMOUNT], tableRow: { table: '10', name: /^货物/ }, unfilled: /货物/ },
  { key: 'works', label: '政府采购工程支出', all: [/工程/, AMOUNT], tableRow: { table: '10', name: /^工程/ }, unfilled: /工程/ },
  { key: 'services', label: '政府采购服务支出', all: [/服务/, AMOUNT], tableRow: { table: '10', name: /^服务/ }, unfilled: /服务/ },
  { key: 'sme', label: '授予中小企业合同金额及占比', all: [/中小企业/, /\d+(?:\.\d+)?%/], unfilled: /中小企业/ },
  { key: 'small_micro', label: '授予小微企业合同金额及占比', all: [/小微/, /\d+(?:\.\d+)?(?:%|万元|元)/], unfilled: /小微/ },
];

/**
 * C-R6: the 政府采购 explanation splits the spending into 货物 / 工程 / 服务 and gives the contracts
 * awarded to 中小企业 (amount and share) and, among them, to 小微企业. A document that says there
 * was no procurement (本年度无政府采购) needs no split. A 【待填写：…】 marker naming a detail counts as
 * that detail, unfilled (C-R10 reports it).
 */
export const rule: Rule = {
  meta: {
    id: 'C-R6',
    title: '政府采购说明包含采购类别和中小企业份额',
    severity: 'error',
    category: 'completeness',
    tables: ['10'],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.6, §6.2 [SEED]',
    doc: '政府采购情况说明须写明货物、工程、服务采购支出，授予中小企业合同金额及占比、其中授予小微企业合同金额及占比；写明本年度无政府采购的除外。',
    messages: { missing: '{{topic}}未写明{{label}}' },
  },
  check(ctx) {
    checkDetails(ctx, {
      title: /政府采购/,
      topic: '政府采购情况说明',
      details: DETAILS,
      none: /(?:无|没有|未发生|未开展)(?:发生)?政府采购/,
      messageId: 'missing',
    });
  },
};
