import type { Report } from '../../../model/report.js';
import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r13.js';

/** A copy with the name of one code changed in one table. */
const renamed = (report: Report, table: string, code: string, name: string) =>
  edit(report, (r) => {
    r.tables.find((t) => t.id === table)!.rows.find((x) => x.code === code)!.name = name;
  });

ruleTester(rule, {
  valid: [
    { name: 'the example: every code has one name', report: exampleReport },
    { name: 'spaces do not count', report: () => renamed(exampleReport(), '03', '2012650', '事业 运行') },
    {
      name: 'full- and half-width brackets are the same',
      report: () => renamed(renamed(renamed(exampleReport(), '02', '20126', '档案事务（本级）'), '03', '20126', '档案事务(本级)'), '05', '20126', '档案事务（本级)'),
    },
  ],
  invalid: [
    {
      name: 'seed 001 pattern: one table differs from the other two',
      report: () => renamed(exampleReport(), '05', '2012604', '档案管'),
      findings: [{ messageId: 'differs', status: 'fail', severity: 'error', location: { table: '05', row: '2012604' }, expected: '档案馆', actual: '档案管' }],
    },
    {
      name: 'two tables, two names: no majority, reported at the later table',
      report: () => renamed(withoutTable(exampleReport(), '03'), '05', '2012604', '档案管'),
      findings: [{ messageId: 'differsNoMajority', status: 'fail', severity: 'error', location: { table: '05', row: '2012604' }, expected: '档案馆', actual: '档案管' }],
    },
    {
      name: 'fewer than two coded tables',
      report: () => ['02', '03', '05', '07'].reduce((r, id) => withoutTable(r, id), exampleReport()),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
    { name: 'table 05 partly read', report: () => partlyRead(exampleReport(), '05'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
