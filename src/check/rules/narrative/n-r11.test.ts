import { describe, expect, it } from 'vitest';
import { lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { procurementShares, rule } from './n-r11.js';

const PROCUREMENT = '2024年度本单位政府采购支出总额20.00万元';
const at = () => ({ span: { line: lineOf(PROCUREMENT) } });

/** The GD sentence on the categories' 中小企业 shares, after the 小微 share. */
const SMALL = '占授予中小企业合同金额的60%';
const categories = (goods: string, works: string, services: string) =>
  narrativeWith(
    SMALL,
    `${SMALL}；货物采购授予中小企业合同金额占货物支出金额的${goods}，工程采购授予中小企业合同金额占工程支出金额的${works}，服务采购授予中小企业合同金额占服务支出金额的${services}`,
  );

ruleTester(rule, {
  valid: [
    { name: 'the complete example: 20.00 = 5.00 + 0 + 15.00, 中小企业 20.00 ≤ 20.00, 小微 12.00 ≤ 20.00', report: () => narrativeReport() },
    {
      name: 'Shanxi / Sichuan wording: 小微 as a share of the total',
      report: () => narrativeWith('占授予中小企业合同金额的60%', '占政府采购支出总额的60%'),
    },
    { name: 'the categories’ shares give back 中小企业: 5 × 100% + 0 × 0% + 15 × 100% = 20', report: () => categories('100%', '0%', '100%') },
  ],
  invalid: [
    {
      name: 'the total is not 货物 + 工程 + 服务',
      report: () => narrativeWith('政府采购服务支出15.00万元', '政府采购服务支出16.00万元'),
      findings: [{ messageId: 'sum', status: 'fail', severity: 'error', expected: 21, actual: 20, difference: -1, location: at() }],
    },
    {
      name: 'seeds 000 / 001: 0.01 off over three parts is 尾数误差 (envelope 0.005 × 4)',
      report: () => narrativeWith('政府采购服务支出15.00万元', '政府采购服务支出14.99万元'),
      findings: [{ messageId: 'round', status: 'round', severity: 'info', expected: 19.99, actual: 20, difference: 0.01, location: at() }],
    },
    {
      name: '授予中小企业合同金额 above the total',
      report: () => narrativeWith('授予中小企业合同金额20.00万元，占政府采购支出总额的100%', '授予中小企业合同金额22.00万元，占政府采购支出总额的110%'),
      findings: [{ messageId: 'exceeds', status: 'fail', severity: 'error', expected: 20, actual: 22, difference: 2, location: at() }],
    },
    {
      name: '授予小微企业合同金额 above 授予中小企业合同金额',
      report: () => narrativeWith('授予小微企业合同金额12.00万元，占授予中小企业合同金额的60%', '授予小微企业合同金额21.00万元，占授予中小企业合同金额的105%'),
      findings: [{ messageId: 'exceeds', status: 'fail', expected: 20, actual: 21 }],
    },
    {
      name: 'the categories’ shares do not give back 中小企业 (5 + 15 × 80% = 17 ≠ 20)',
      report: () => categories('100%', '0%', '80%'),
      findings: [{ messageId: 'categories', status: 'fail', severity: 'error', expected: 20, location: at() }],
    },
    {
      name: 'a category share above 100%',
      report: () => categories('100%', '0%', '120%'),
      findings: [
        { messageId: 'categoryOver', status: 'fail', expected: 100, actual: 120 },
        { messageId: 'categories', status: 'fail' },
      ],
    },
  ],
});

describe('N-R11 defines the share denominators by the template wording', () => {
  it('GD wording: 中小企业 of the total, 小微 of 中小企业', () => {
    const shares = procurementShares(narrativeReport());
    expect(shares.map((s) => `${s.share.text} = ${s.part.text} ÷ ${s.base.text} (${s.wording})`)).toEqual(['100% = 20.00万元 ÷ 20.00万元 (of-total)', '60% = 12.00万元 ÷ 20.00万元 (of-sme)']);
  });

  it('SX / SC wording: 小微 of the total', () => {
    const r = narrativeWith('授予中小企业合同金额20.00万元，占政府采购支出总额的100%', '授予中小企业合同金额16.00万元，占政府采购支出总额的80%');
    const small = procurementShares(narrativeWith('占授予中小企业合同金额的60%', '占政府采购支出总额的60%')).find((s) => s.part.subject.endsWith('授予小微企业合同金额'));
    expect(small?.wording).toBe('of-total');
    expect(small?.base.text).toBe('20.00万元');
    expect(procurementShares(r).find((s) => s.wording === 'of-sme')?.base.text).toBe('16.00万元');
  });
});
