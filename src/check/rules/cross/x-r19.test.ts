import type { Report } from '../../../model/report.js';
import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r19.js';

const relabel = (report: Report, table: string, key: string, name: string) =>
  edit(report, (r) => {
    r.tables.find((t) => t.id === table)!.rows.find((x) => x.key === key)!.name = name;
  });

ruleTester(rule, {
  valid: [
    { name: 'the example: the 26 labels agree', report: exampleReport },
    { name: 'spaces do not count', report: () => relabel(exampleReport(), '04', 'exp.201', '一般公共 服务支出') },
  ],
  invalid: [
    {
      name: 'seed 003 pattern: table 04 drops 等',
      report: () => relabel(exampleReport(), '04', 'exp.215', '资源勘探工业信息支出'),
      findings: [{ messageId: 'differs', status: 'fail', severity: 'warning', location: { table: '04', row: 'exp.215' }, expected: '资源勘探工业信息等支出', actual: '资源勘探工业信息支出' }],
    },
    {
      name: 'the non-standard label is in table 01: reported there',
      report: () => relabel(exampleReport(), '01', 'exp.220', '自然资源海洋气象支出'),
      findings: [{ messageId: 'differs', status: 'fail', severity: 'warning', location: { table: '01', row: 'exp.220' }, expected: '自然资源海洋气象等支出', actual: '自然资源海洋气象支出' }],
    },
    {
      name: 'neither label is the standard one',
      report: () => relabel(relabel(exampleReport(), '01', 'exp.216', '商业服务业支出'), '04', 'exp.216', '商业服务支出'),
      findings: [{ messageId: 'differsNoStandard', status: 'fail', severity: 'warning', location: { table: '04', row: 'exp.216' }, expected: '商业服务业支出', actual: '商业服务支出' }],
    },
    { name: 'table 04 absent', report: () => withoutTable(exampleReport(), '04'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 01 partly read', report: () => partlyRead(exampleReport(), '01'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
