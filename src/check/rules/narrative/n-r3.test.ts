import { lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './n-r3.js';

const INCOME = '其中本年收入516.00万元，比上年增加16.00万元';
const SANGONG = '比上年决算数减少0.50万元';

ruleTester(rule, {
  valid: [
    { name: 'the complete example (no rate stated)', report: () => narrativeReport() },
    { name: '增长3.2%: 16.00 on 516.00, prior 500.00 → 3.20%', report: () => narrativeWith(INCOME, `${INCOME}，增长3.2%`) },
    { name: '下降14.3%: −0.50 on 3.00, prior 3.50 → 14.29%', report: () => narrativeWith(SANGONG, `${SANGONG}，下降14.3%`) },
    { name: 'the direction word is N-R4’s business: 增加 16.00 with 下降3.2% is a magnitude of 3.2', report: () => narrativeWith(INCOME, `${INCOME}，下降3.2%`) },
    {
      name: 'a rate with no change beside it is not judged (12345 工单 增加了15.44%)',
      report: () => narrativeWith('主要原因是档案数字化业务量增加。', '主要原因是档案数字化业务量增加，全年办结工单1,200件，与去年同期对比增加了15.44%。'),
    },
    {
      name: 'a zero prior is N-R4’s business',
      report: () => narrativeWith(INCOME, '其中本年收入516.00万元，比上年增加516.00万元，增长100%'),
    },
  ],
  invalid: [
    {
      name: '增长3.3% for 3.20% (interval 3.20%–3.20%, widened by 0.05)',
      report: () => narrativeWith(INCOME, `${INCOME}，增长3.3%`),
      findings: [{ messageId: 'rate', status: 'fail', severity: 'error', expected: 3.2, actual: 3.3, location: { span: { line: lineOf('其中本年收入516.00万元') } } }],
    },
    {
      name: 'seed 000 pattern: 下降14.4% for 14.29%, inside the interval 14.14%–14.43% → info',
      report: () => narrativeWith(SANGONG, `${SANGONG}，下降14.4%`),
      findings: [{ messageId: 'round', status: 'round', severity: 'info', expected: 14.3, actual: 14.4, location: { span: { line: lineOf(SANGONG) } } }],
    },
    {
      name: 'against the 年初预算: 比年初预算数减少12.00万元，下降2.30% (508 on 520 → 2.308%, truncated) → info',
      report: () => narrativeWith('比年初预算数减少12.00万元', '比年初预算数减少12.00万元，下降2.30%'),
      findings: [{ messageId: 'round', status: 'round', severity: 'info', expected: 2.31, actual: 2.3 }],
    },
    {
      name: 'against the 年初预算, beyond the interval: 下降3.3%',
      report: () => narrativeWith('比年初预算数减少12.00万元', '比年初预算数减少12.00万元，下降3.3%'),
      findings: [{ messageId: 'rate', status: 'fail', severity: 'error', expected: 2.3, actual: 3.3 }],
    },
  ],
});
