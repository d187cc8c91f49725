import { lineOf, narrativeReport, narrativeWith, narrativeWithout } from '../../../../test/support/narrative.js';
import { edit, exampleReport, synthetic } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './c-r5.js';

const ASSETS = '（三）国有资产占用情况说明';

ruleTester(rule, {
  valid: [
    { name: 'vehicles by use and ≥100万 equipment', report: () => narrativeReport() },
    { name: 'no vehicles: no breakdown needed', report: () => narrativeWith('共有车辆1辆，其中，其他用车1辆', '共有车辆0辆') },
    { name: 'Shanxi: the numbers in 公开10表 instead', report: () => synthetic(5, 'sx') },
    {
      name: 'generated with markers in place of the counts (present, unfilled: C-R10)',
      report: () =>
        narrativeWith(
          '共有车辆1辆，其中，其他用车1辆；单位价值100万元以上设备（不含车辆）0台（套）。',
          '共有车辆【待填写：车辆总数】辆，其中：【待填写：各类用车数量】；单价100万元（含）以上设备（不含车辆）【待填写：单价100万元以上设备数】台（套）。',
        ),
    },
  ],
  invalid: [
    {
      name: 'a marker for the total does not stand for the vehicles by use',
      report: () => narrativeWith('共有车辆1辆，其中，其他用车1辆；', '共有车辆【待填写：车辆总数】辆；'),
      findings: [{ messageId: 'missing', status: 'fail', severity: 'error', location: { span: { line: lineOf(ASSETS) } }, expected: '车辆按用途的分类（如机要通信用车、应急保障用车、其他用车）' }],
    },
    {
      name: 'no equipment count, vehicles without their use',
      report: () => narrativeWith('共有车辆1辆，其中，其他用车1辆；单位价值100万元以上设备（不含车辆）0台（套）。', '共有车辆2辆。'),
      findings: [
        { messageId: 'missing', status: 'fail', severity: 'error', location: { span: { line: lineOf(ASSETS) } }, expected: '车辆按用途的分类（如机要通信用车、应急保障用车、其他用车）' },
        { messageId: 'missing', status: 'fail', severity: 'error', location: { span: { line: lineOf(ASSETS) } }, expected: '单价100万元（含）以上设备数量' },
      ],
    },
    {
      name: 'no 国有资产 section and no table 10',
      report: () => narrativeWithout(ASSETS),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
    {
      name: 'not a 决算',
      report: () => edit(exampleReport(), (r) => (r.kind = 'budget')),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});
