import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { edit, exampleReport, row, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester, runRule } from '../../../../test/support/rule-tester.js';
import { setCatalogDir } from '../../../catalog/index.js';
import type { Report } from '../../../model/report.js';
import { rule } from './lbl-1.js';

/** Real codes (文化和旅游 › 文化和旅游管理事务) that the observed 2023 catalogue has not seen. */
const UNKNOWN = ['20701', '2070101'];
const CODED = ['02', '03', '05', '07', '08'];

/** The example as a report of the given year (all its codes are in the catalogue). */
function known(year = 2023): Report {
  return edit(exampleReport(), (r) => {
    r.year = year;
  });
}

/** The example with two codes the catalogue does not know, printed in table 02. */
function withUnknownCodes(): Report {
  return edit(exampleReport(), (r) => {
    const t02 = r.tables.find((t) => t.id === '02')!;
    t02.rows.push(
      { key: '20701', code: '20701', name: '文化和旅游管理事务', cells: { ...t02.rows[0]!.cells } },
      { key: '2070101', code: '2070101', name: '行政运行', cells: { ...t02.rows[0]!.cells } },
    );
  });
}

ruleTester(rule, {
  valid: [
    { name: 'every code known, under its catalogue name', report: () => known() },
    {
      name: 'brackets of either width are the same name',
      report: () =>
        edit(known(), (r) => {
          const x = row(r, '05', '21011');
          x.code = '20131';
          x.name = '党委办公厅(室)及相关机构事务';
        }),
    },
    { name: '2299999 其他支出 is in the catalogue as printed in seed 001', report: () => edit(known(), (r) => Object.assign(row(r, '03', '2210201'), { code: '2299999', name: '其他支出' })) },
  ],
  invalid: [
    {
      name: 'a known code under another name is an error where it differs',
      report: () => edit(known(), (r) => (row(r, '05', '2080505').name = '机关事业单位基本养老保险缴费')),
      findings: [
        { messageId: 'name', status: 'fail', severity: 'error', location: { table: '05', row: '2080505' }, expected: '机关事业单位基本养老保险缴费支出', actual: '机关事业单位基本养老保险缴费' },
      ],
    },
    {
      name: 'the same misname in two tables: one error each',
      report: () =>
        edit(known(), (r) => {
          row(r, '02', '2101102').name = '事业单位医疗支出';
          row(r, '03', '2101102').name = '事业单位医疗支出';
        }),
      findings: [
        { messageId: 'name', severity: 'error', location: { table: '02', row: '2101102' } },
        { messageId: 'name', severity: 'error', location: { table: '03', row: '2101102' } },
      ],
    },
    {
      name: 'codes missing from the incomplete catalogue: a warning once per code',
      report: withUnknownCodes,
      findings: UNKNOWN.map((code) => ({ messageId: 'unknown', status: 'fail' as const, severity: 'warning' as const, location: { table: '02', row: code }, actual: code })),
    },
    {
      name: 'a catalogue of an earlier year: a name difference is only a warning',
      report: () => edit(known(2024), (r) => (row(r, '05', '2080505').name = '机关事业单位基本养老保险缴费')),
      findings: [{ messageId: 'name', severity: 'warning', location: { table: '05', row: '2080505' } }],
    },
    {
      name: 'no coded table',
      report: () => CODED.reduce((r, id) => withoutTable(r, id), exampleReport()),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable', severity: 'info' }],
    },
  ],
});

describe('LBL-1 with a complete catalogue of the report year', () => {
  afterEach(() => setCatalogDir());

  it('an unknown code is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-lbl1-'));
    try {
      const observed = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'catalogs');
      for (const f of ['functional-classes-2023.csv', 'economic-classification-dept-2023.csv']) copyFileSync(join(observed, f), join(dir, f));
      writeFileSync(join(dir, 'functional-codes-2024.csv'), ['code,name', '201,一般公共服务支出', '20126,档案事务', '2012604,档案馆', '208,社会保障和就业支出'].join('\n'));
      setCatalogDir(dir);
      const findings = runRule(rule, exampleReport());
      expect(findings.map((f) => `${f.severity} ${f.messageId} ${f.location.table}/${f.location.row}`)).toEqual([
        'error unknown 02/2012650',
        'error unknown 02/20805',
        'error unknown 02/2080505',
        'error unknown 02/2080506',
        'error unknown 02/210',
        'error unknown 02/21011',
        'error unknown 02/2101102',
        'error unknown 02/221',
        'error unknown 02/22102',
        'error unknown 02/2210201',
      ]);
    } finally {
      setCatalogDir();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
