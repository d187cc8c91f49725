/**
 * The known disclosure tables by title: the national nine plus 10 (相关信息统计表) and Sichuan's
 * four extra tables (rules.md §1.1, §1.13). Data only, so that the read stage (sheet names of a
 * 久其 export cut at 31 characters) and recognition (tables/titles.ts) share one list.
 */

export interface TitleEntry {
  id: string;
  /** The national name, used when a document prints none. */
  name: string;
  aliases: string[];
}

export const TABLE_TITLES: TitleEntry[] = [
  { id: '01', name: '收入支出决算总表', aliases: ['收入支出决算总表', '收支决算总表'] },
  { id: '02', name: '收入决算表', aliases: ['收入决算表', '收入决算总表'] },
  { id: '03', name: '支出决算表', aliases: ['支出决算表', '支出决算总表'] },
  { id: '04', name: '财政拨款收入支出决算总表', aliases: ['财政拨款收入支出决算总表', '财政拨款收入支出决算表', '财政拨款收支决算总表'] },
  { id: '05', name: '一般公共预算财政拨款支出决算表', aliases: ['一般公共预算财政拨款支出决算表'] },
  {
    id: '06',
    name: '一般公共预算财政拨款基本支出决算明细表',
    aliases: ['一般公共预算财政拨款基本支出决算明细表', '一般公共预算财政拨款基本支出决算表'],
  },
  { id: '07', name: '政府性基金预算财政拨款收入支出决算表', aliases: ['政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款支出决算表'] },
  { id: '08', name: '国有资本经营预算财政拨款支出决算表', aliases: ['国有资本经营预算财政拨款支出决算表'] },
  {
    id: '09',
    name: '财政拨款“三公”经费支出决算表',
    aliases: [
      '财政拨款三公经费支出决算表',
      '一般公共预算财政拨款三公经费支出决算表',
      '一般公共预算财政拨款三公经费及会议费培训费支出决算表',
      '三公经费行政参公单位机关运行经费情况表',
      '三公经费支出决算表',
    ],
  },
  { id: '10', name: '部门决算公开相关信息统计表', aliases: ['部门决算公开相关信息统计表', '部门决算相关信息统计表', '单位决算公开相关信息统计表'] },
  // Sichuan's 13-table set adds four tables (rules.md §1.13); their expected layout is data in model/sc-tables.ts (tables/sc.ts).
  { id: 'sc-fiscal-detail', name: '财政拨款支出决算明细表', aliases: ['财政拨款支出决算明细表'] },
  { id: 'sc-gpb-detail', name: '一般公共预算财政拨款支出决算明细表', aliases: ['一般公共预算财政拨款支出决算明细表'] },
  { id: 'sc-gpb-project', name: '一般公共预算财政拨款项目支出决算表', aliases: ['一般公共预算财政拨款项目支出决算表'] },
  { id: 'sc-state-capital', name: '国有资本经营预算财政拨款收入支出决算表', aliases: ['国有资本经营预算财政拨款收入支出决算表', '国有资本经营预算财政拨款收支决算表'] },
];
