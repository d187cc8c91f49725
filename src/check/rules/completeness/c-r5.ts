import type { Rule } from '../../types.js';
import { checkDetails, type Detail } from './details.js';

export const DETAILS: Detail[] = [
  { key: 'vehicles', label: '车辆总数', all: [/车辆|用车|公务用车/, /\d+辆/], tableRow: { table: '10', name: /车辆数/ }, unfilled: /车辆(?:总)?数/ },
  {
    key: 'vehicle_types',
    label: '车辆按用途的分类（如机要通信用车、应急保障用车、其他用车）',
    all: [/(?:用车|轿车|越野车|客车|汽车)\d+辆|(?:共有|拥有)?车辆0辆/],
    tableRow: { table: '10', name: /用车/ },
    unfilled: /各类用车|用车数量|按用途/,
  },
  {
    key: 'equipment',
    label: '单价100万元（含）以上设备数量',
    all: [/100万元|一百万元|百万元/, /设备/, /\d+(?:台|套)/],
    tableRow: { table: '10', name: /100万元/ },
    unfilled: /设备/,
  },
];

/**
 * C-R5: the 国有资产占用 explanation gives the vehicles (total and by use) and the number of items of
 * equipment worth 100万元 or more. A unit with no vehicles needs no breakdown (`共有车辆0辆`).
 * When the narrative has no such part, Shanxi's 公开10表 rows (车辆数, 用车, 100万元以上设备) count.
 * A 【待填写：…】 marker naming a detail counts as that detail, unfilled (C-R10 reports it).
 */
export const rule: Rule = {
  meta: {
    id: 'C-R5',
    title: '国有资产占用说明包含车辆和大型设备',
    severity: 'error',
    category: 'completeness',
    tables: ['10'],
    tolerance: { kind: 'none' },
    source: 'rules.md §2.6, §6.1 [SRC 1; SEED]',
    doc: '国有资产占用情况说明须写明车辆总数及按用途分类的数量、单价100万元（含）以上设备数量（山西模板可由公开10表列示）。',
    messages: { missing: '{{topic}}未写明{{label}}' },
  },
  check(ctx) {
    checkDetails(ctx, { title: /国有资产|资产占用|资产占有/, topic: '国有资产占用情况说明', details: DETAILS, messageId: 'missing' });
  },
};
