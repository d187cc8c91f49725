import { lineOf, narrativeReport, narrativeWith } from '../../../../test/support/narrative.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './n-r6.js';

const SANGONG = '完成全年预算4.00万元的75.0%';
const PROJECT = '项目全年预算数为48.00万元，执行数为48.00万元，完成预算的100%';
const RECEPTION = '3. 公务接待费支出0.60万元，';

ruleTester(rule, {
  valid: [
    { name: 'the complete example: 三公 3.00 / 4.00 = 75.0%, projects 100%', report: () => narrativeReport() },
    {
      name: 'seed 001 pattern: X万元，已支出Y万元，结余Z万元，支出率…',
      report: () => narrativeWith(PROJECT, '项目资金48.00万元，已支出47.50万元，结余0.50万元，支出率98.96%'),
    },
    {
      name: 'seed 001 line 825: the rate is of the funds actually allotted (实际到位), not the 年初预算',
      report: () => narrativeWith(PROJECT, '项目年初预算60.00万元，年中调减12.00万元，实际到位48.00万元，已支出48.00万元，支出率为100%'),
    },
    {
      name: 'seed 001 line 1710: X万元（其中：a, b），实际支出X万元 — the budget is the total, not its last part',
      report: () => narrativeWith(PROJECT, '项目资金48.00万元（其中：设备费40.00万元，耗材费8.00万元），实际支出48.00万元，支出率100%'),
    },
    {
      name: 'seed 001 line 1704: X万元，其中：a, b，支出率100% — no actual stated, not judged',
      report: () => narrativeWith(PROJECT, '项目资金48.00万元，其中：设备费40.00万元，耗材费8.00万元，支出率为100%'),
    },
    { name: 'a 三公 item against its T09 预算 cell: 0.60 / 1.00 = 60%', report: () => narrativeWith(RECEPTION, '3. 公务接待费支出0.60万元，完成预算的60%，') },
    { name: 'a zero budget is N-R4’s business', report: () => narrativeWith(PROJECT, '项目全年预算数为0万元，执行数为0万元，完成预算的0%') },
  ],
  invalid: [
    {
      name: 'seed 001: 完成预算的99.95% for 99.76% (12,783.25 / 12,813.42)',
      report: () => narrativeWith(PROJECT, '项目全年预算数为12,813.42万元，执行数为12,783.25万元，完成预算的99.95%'),
      findings: [{ messageId: 'completion', status: 'fail', severity: 'error', expected: 99.76, actual: 99.95, location: { span: { line: lineOf('数字档案保存项目绩效自评情况') } } }],
    },
    {
      name: 'seed 001 项目三: 92.4万元，已支出91.5万元，结余0.9万元，支出率99.01% for 99.03%',
      report: () => narrativeWith(PROJECT, '项目资金92.4万元，已支出91.5万元，结余0.9万元，支出率99.01%'),
      findings: [{ messageId: 'completion', status: 'fail', severity: 'error', expected: 99.03, actual: 99.01 }],
    },
    {
      name: 'seed 001 项目十三(2): 91.88% for 91.889% (truncated) → info',
      report: () => narrativeWith(PROJECT, '项目资金9万元，已支出8.27万元，结余0.73万元，支出率91.88%'),
      findings: [{ messageId: 'round', status: 'round', severity: 'info', expected: 91.89, actual: 91.88 }],
    },
    {
      name: '三公: 完成全年预算4.00万元的76.0% for 75.0%',
      report: () => narrativeWith(SANGONG, '完成全年预算4.00万元的76.0%'),
      findings: [{ messageId: 'completion', status: 'fail', severity: 'error', expected: 75, actual: 76, location: { span: { line: lineOf(SANGONG) } } }],
    },
    {
      name: 'a 三公 item against its T09 预算 cell: 0.60 / 1.00 stated as 100%',
      report: () => narrativeWith(RECEPTION, '3. 公务接待费支出0.60万元，完成预算的100%，'),
      findings: [{ messageId: 'completion', status: 'fail', expected: 60, actual: 100, location: { table: '09', row: 'main', column: '6' } }],
    },
  ],
});
