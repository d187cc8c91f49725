import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../../index.js';
import type { Report, TableHeader } from '../../../model/report.js';
import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r22.js';

const withHeader = (report: Report, table: string, header: TableHeader | undefined) =>
  edit(report, (r) => {
    const t = r.tables.find((x) => x.id === table)!;
    if (header) t.header = header;
    else delete t.header;
  });

const ENTITY = '示例市档案数字化服务中心';
const EXAMPLE = join(import.meta.dirname, '..', '..', '..', '..', 'examples', '示例单位2024年度单位决算.txt');

/** The example text with the header of the n-th table (0-based) rewritten. */
function exampleWithHeader(n: number, header: string): Report {
  let i = 0;
  const text = readFileSync(EXAMPLE, 'utf8').replace(/单位：示例市档案数字化服务中心\n\n单位：万元/g, (m) => (i++ === n ? header : m));
  return extract(Buffer.from(text), { path: EXAMPLE });
}

ruleTester(rule, {
  valid: [
    { name: 'the example: every table prints 单位：示例市档案数字化服务中心 and 单位：万元', report: exampleReport },
    { name: 'headers do not depend on rows: a table read partly is judged', report: () => partlyRead(exampleReport(), '05') },
    { name: 'a table without a header line is not judged', report: () => withHeader(exampleReport(), '03', undefined) },
    { name: 'Shanxi header with the year line, read from the text', report: () => exampleWithHeader(2, `部门名称：${ENTITY}\n\n2024年度\n\n金额单位：万元`) },
  ],
  invalid: [
    {
      name: 'one table of another unit',
      report: () => withHeader(exampleReport(), '05', { entity: '示例市档案馆', unit: '万元' }),
      findings: [{ messageId: 'entity', status: 'fail', severity: 'warning', location: { table: '05' }, expected: ENTITY, actual: '示例市档案馆' }],
    },
    {
      name: 'one table of another year, read from the text (2023年度 in a 2024 report)',
      report: () => exampleWithHeader(2, `部门名称：${ENTITY}\n\n2023年度\n\n金额单位：万元`),
      findings: [{ messageId: 'year', status: 'fail', severity: 'warning', location: { table: '03' }, expected: 2024, actual: 2023 }],
    },
    {
      name: 'one table in 元',
      report: () => withHeader(exampleReport(), '06', { entity: ENTITY, unit: '元' }),
      findings: [{ messageId: 'unit', status: 'fail', severity: 'warning', location: { table: '06' }, expected: '万元', actual: '元' }],
    },
    { name: 'no tables', report: () => edit(exampleReport(), (r) => (r.tables = [])), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    {
      name: 'no header read on any table',
      report: () => edit(exampleReport(), (r) => r.tables.forEach((t) => delete t.header)),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
  ],
});
