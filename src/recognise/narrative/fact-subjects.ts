/**
 * The phrase → subject → cell dictionary of the narrative (rules.md §2.4), as data.
 *
 * Each entry: `match` is tested against the compacted noun phrase that precedes a number (after the
 * year, the entity name and fillers are removed); the first entry that matches names the subject.
 * `cell` is the table cell the subject restates when its basis is the current year (本年决算);
 * a cell is only linked when the report has that table, row and column.
 *
 * Entries are ordered from specific to general: 财政拨款收入合计 before 收入合计, 公务用车购置及运行维护费
 * before 公务用车购置费. Anchors (^ $) matter: the phrase is the whole noun phrase, not any substring.
 */
export interface SubjectEntry {
  /** Canonical subject name written into `Fact.subject`. */
  subject: string;
  match: RegExp;
  cell?: { table: string; row: string; column: string };
}

const GOV = '(?:财政拨款)?';

export const SUBJECTS: SubjectEntry[] = [
  // T04 财政拨款收入支出决算总表
  { subject: '财政拨款收入总计', match: /^财政拨款收入总计$/, cell: { table: '04', row: 'inc.grand_total', column: '1' } },
  { subject: '财政拨款收入合计', match: /^(?:本年)?财政拨款收入(?:合计)?$/, cell: { table: '04', row: 'inc.total', column: '1' } },
  { subject: '财政拨款支出总计', match: /^财政拨款支出总计$/, cell: { table: '04', row: 'exp.grand_total', column: '2' } },
  { subject: '财政拨款支出合计', match: /^(?:本年)?财政拨款支出(?:合计)?$/, cell: { table: '04', row: 'exp.total', column: '2' } },
  { subject: '年初财政拨款结转和结余', match: /^(?:年初财政拨款|财政拨款年初)结转(?:和|及)?结余$/, cell: { table: '04', row: 'inc.opening', column: '1' } },
  { subject: '年末财政拨款结转和结余', match: /^(?:年末财政拨款|财政拨款年末)结转(?:和|及)?结余$/, cell: { table: '04', row: 'exp.closing', column: '2' } },
  // T01 收入支出决算总表, income side
  { subject: '一般公共预算财政拨款收入', match: /^一般公共预算财政拨款收入$/, cell: { table: '01', row: 'inc.gpb', column: '1' } },
  { subject: '政府性基金预算财政拨款收入', match: /^政府性基金预算财政拨款收入$/, cell: { table: '01', row: 'inc.gov_fund', column: '1' } },
  { subject: '国有资本经营预算财政拨款收入', match: /^国有资本经营预算财政拨款收入$/, cell: { table: '01', row: 'inc.state_capital', column: '1' } },
  { subject: '上级补助收入', match: /^上级补助收入$/, cell: { table: '01', row: 'inc.superior', column: '1' } },
  { subject: '事业收入', match: /^事业收入$/, cell: { table: '01', row: 'inc.business', column: '1' } },
  { subject: '经营收入', match: /^经营收入$/, cell: { table: '01', row: 'inc.operating', column: '1' } },
  { subject: '附属单位上缴收入', match: /^附属单位上缴收入$/, cell: { table: '01', row: 'inc.affiliated', column: '1' } },
  { subject: '其他收入', match: /^其他收入$/, cell: { table: '01', row: 'inc.other', column: '1' } },
  { subject: '收入总计', match: /^(?:总收入|收入总计)$/, cell: { table: '01', row: 'inc.grand_total', column: '1' } },
  { subject: '本年收入合计', match: /^(?:本年收入(?:合计)?|收入合计)$/, cell: { table: '01', row: 'inc.total', column: '1' } },
  { subject: '支出总计', match: /^(?:总支出|支出总计)$/, cell: { table: '01', row: 'exp.grand_total', column: '2' } },
  { subject: '本年支出合计', match: /^(?:本年支出(?:合计)?|支出合计)$/, cell: { table: '01', row: 'exp.total', column: '2' } },
  // The other rows of T01 that make up its 总计 (a bare phrase: the unit's; 财政拨款… is T04's, above)
  { subject: '使用非财政拨款结余', match: /^使用非财政拨款结余(?:[（(]含专用结余[)）])?$/, cell: { table: '01', row: 'inc.use_nonfiscal_balance', column: '1' } },
  { subject: '年初结转和结余', match: /^年初结转(?:和|及)?结余$/, cell: { table: '01', row: 'inc.opening', column: '1' } },
  { subject: '结余分配', match: /^结余分配$/, cell: { table: '01', row: 'exp.surplus_distribution', column: '2' } },
  { subject: '年末结转和结余', match: /^年末结转(?:和|及)?结余$/, cell: { table: '01', row: 'exp.closing', column: '2' } },
  // T05 一般公共预算财政拨款支出决算表 (the class and item rows are found by name, see facts.ts)
  // 一般公共预算支出 alone is also the name of a fund's spending in other statements (涉及一般公共预算支出…);
  // with 决算 (一般公共预算支出决算数为 …) it is the year's fiscal total.
  { subject: '一般公共预算财政拨款支出', match: /^一般公共预算财政拨款(?:决算)?支出(?:决算)?$|^一般公共预算(?:财政拨款)?支出决算(?:数)?$/, cell: { table: '05', row: 'total', column: '1' } },
  { subject: '一般公共预算财政拨款基本支出', match: /^(?:一般公共预算)?财政拨款基本支出$/, cell: { table: '05', row: 'total', column: '2' } },
  { subject: '一般公共预算财政拨款项目支出', match: /^(?:一般公共预算)?财政拨款项目支出(?:总额)?$|^一般公共预算项目支出总额$/, cell: { table: '05', row: 'total', column: '3' } },
  { subject: '政府性基金预算财政拨款支出', match: /^政府性基金预算(?:财政)?拨款(?:决算)?支出$/, cell: { table: '07', row: 'total', column: '3' } },
  { subject: '政府性基金预算财政拨款项目支出', match: /^政府性基金预算财政拨款项目支出(?:总额)?$|^政府性基金预算项目支出总额$/, cell: { table: '07', row: 'total', column: '5' } },
  { subject: '国有资本经营预算财政拨款支出', match: /^国有资本经营预算(?:财政)?拨款(?:决算)?支出$/, cell: { table: '08', row: 'total', column: '1' } },
  { subject: '国有资本经营预算财政拨款项目支出', match: /^国有资本经营预算财政拨款项目支出(?:总额)?$|^国有资本经营预算项目支出总额$/, cell: { table: '08', row: 'total', column: '3' } },
  // T03 支出决算表
  { subject: '基本支出', match: /^基本支出$/, cell: { table: '03', row: 'total', column: '2' } },
  { subject: '项目支出', match: /^项目支出$/, cell: { table: '03', row: 'total', column: '3' } },
  { subject: '上缴上级支出', match: /^上缴上级支出$/, cell: { table: '03', row: 'total', column: '4' } },
  { subject: '经营支出', match: /^经营支出$/, cell: { table: '03', row: 'total', column: '5' } },
  { subject: '对附属单位补助支出', match: /^对附属单位补助支出$/, cell: { table: '03', row: 'total', column: '6' } },
  // T06 基本支出明细
  { subject: '人员经费', match: /^人员经费(?:支出)?$/, cell: { table: '06', row: 'personnel_total', column: 'amount' } },
  { subject: '公用经费', match: /^公用经费(?:支出)?$/, cell: { table: '06', row: 'public_total', column: 'amount' } },
  // T09 三公 (决算 columns 7–12; the 预算 columns 1–6 are budget-basis, not linked)
  { subject: '三公经费', match: new RegExp(`^[“"]?三公[”"]?经费${GOV}(?:支出)?(?:决算)?(?:数)?$`), cell: { table: '09', row: 'main', column: '7' } },
  { subject: '因公出国（境）费', match: /^因公出国[（(]境[)）](?:经?费用?)?(?:支出)?(?:决算)?$/, cell: { table: '09', row: 'main', column: '8' } },
  { subject: '公务用车购置及运行维护费', match: /^公务用车购置及运行维护费(?:支出)?(?:决算)?$/, cell: { table: '09', row: 'main', column: '9' } },
  { subject: '公务用车购置费', match: /^公务用车购置(?:费)?(?:支出)?(?:决算)?$/, cell: { table: '09', row: 'main', column: '10' } },
  { subject: '公务用车运行维护费', match: /^公务用车运行维护费(?:支出)?(?:决算)?$/, cell: { table: '09', row: 'main', column: '11' } },
  { subject: '公务接待费', match: /^公务接待费(?:支出)?(?:决算)?$/, cell: { table: '09', row: 'main', column: '12' } },
  // The two parts of 公务接待费 the narrative states (no cell of their own)
  { subject: '国内公务接待费', match: /^国内(?:公务)?接待(?:费|支出|费支出)(?:决算)?$/ },
  { subject: '外事接待费', match: /^(?:外事|国[（(]境[)）]外|境外)(?:公务)?接待(?:费|支出|费支出)(?:决算)?$/ },
  // Narrative-only quantities, or T10 (SX) where printed
  { subject: '机关运行经费', match: /^机关运行经费(?:支出)?$/ },
  { subject: '政府采购支出总额', match: /^政府采购(?:支出)?(?:总额|合计)?$/, cell: { table: '10', row: 'L1', column: 'amount' } },
  { subject: '政府采购货物支出', match: /^(?:政府采购)?货物(?:采购)?支出(?:金额)?$/, cell: { table: '10', row: 'L2', column: 'amount' } },
  { subject: '政府采购工程支出', match: /^(?:政府采购)?工程(?:采购)?支出(?:金额)?$/, cell: { table: '10', row: 'L3', column: 'amount' } },
  { subject: '政府采购服务支出', match: /^(?:政府采购)?服务(?:采购)?支出(?:金额)?$/, cell: { table: '10', row: 'L4', column: 'amount' } },
  { subject: '授予中小企业合同金额', match: /^(?:政府采购)?授予中小企业(?:的)?合同金额$/ },
  { subject: '授予小微企业合同金额', match: /^(?:政府采购)?授予小微企业(?:的)?合同金额$/ },
  // GD wording: 货物采购授予中小企业合同金额占货物支出金额的100% …
  { subject: '货物采购授予中小企业合同金额', match: /^货物(?:采购)?授予中小企业(?:的)?合同金额$/ },
  { subject: '工程采购授予中小企业合同金额', match: /^工程(?:采购)?授予中小企业(?:的)?合同金额$/ },
  { subject: '服务采购授予中小企业合同金额', match: /^服务(?:采购)?授予中小企业(?:的)?合同金额$/ },
  { subject: '车辆数', match: /^(?:共有)?车辆(?:数)?(?:合计)?$/, cell: { table: '10', row: 'L7', column: 'amount' } },
  { subject: '副部（省）级及以上领导用车', match: /^副部[（(]省[)）]级及以上领导用车$/, cell: { table: '10', row: 'L8', column: 'amount' } },
  { subject: '主要负责人用车', match: /^主要负责人用车$/, cell: { table: '10', row: 'L9', column: 'amount' } },
  { subject: '机要通信用车', match: /^机要通信用车$/, cell: { table: '10', row: 'L10', column: 'amount' } },
  { subject: '应急保障用车', match: /^应急保障用车$/, cell: { table: '10', row: 'L11', column: 'amount' } },
  { subject: '执法执勤用车', match: /^执法执勤用车$/, cell: { table: '10', row: 'L12', column: 'amount' } },
  { subject: '特种专业技术用车', match: /^特种专业技术用车$/, cell: { table: '10', row: 'L13', column: 'amount' } },
  { subject: '离退休干部服务用车', match: /^离退休干部服务用车$/, cell: { table: '10', row: 'L14', column: 'amount' } },
  { subject: '其他用车', match: /^其他用车$/, cell: { table: '10', row: 'L15', column: 'amount' } },
  { subject: '单价50万元以上通用设备', match: /^单(?:位价值|价)50万元.*通用设备/ },
  { subject: '单价100万元以上专用设备', match: /^单(?:位价值|价)100万元.*专用设备/ },
  { subject: '单价100万元以上设备', match: /^单(?:位价值|价)100万元.*设备/, cell: { table: '10', row: 'L17', column: 'amount' } },
];

/**
 * Counts with a subject of their own, tested before the dictionary above: the stock and the purchases
 * of 公务用车 (the 三公 section's wording). Receptions and trips abroad are named in facts.ts by kind.
 */
export const COUNT_SUBJECTS: SubjectEntry[] = [
  { subject: '公务用车保有量', match: /^(?:使用财政拨款负担的)?(?:共有)?公务用车(?:保有量|实有数)?(?:共|为)?$/ },
  { subject: '公务用车购置数', match: /^(?:使用财政拨款)?(?:共)?(?:按规定)?(?:更新)?购置(?:公务用车)?(?:数)?$|^公务用车购置数$/ },
];

/** Words before a noun phrase that are not part of it (order matters: longer first). */
export const LEADING_FILLERS = /^(?:其中[：:]?|主要包括|主要用于|具体情况如下|截至\d{4}年\d{1,2}月\d{1,2}日|本部门（单位）|本部门|本单位|我部门|我单位|我中心|全年使用财政拨款安排|全年|累计|共计|共有|共|合计|以及|和|及|、)+/;

/** Words after a noun phrase, before its number (为, 是, 达到 …). */
export const TRAILING_FILLERS = /(?:为|是|(?<!下)达到?|共计|共|约|均|各|分别)+$/;
