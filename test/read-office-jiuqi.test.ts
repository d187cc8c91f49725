/**
 * The 久其 部门决算 export: sheets named `Z01 收入支出决算总表(财决01表)` cut at Excel's 31
 * characters, no title row. A title cut in the middle of a word is completed from the known tables'
 * titles; a sheet named by its code alone (`Z05`) is titled from its code when the workbook is
 * evidently a 久其 export (its other sheets' titles match their numbers), in any sheet order; a
 * workbook whose sheets are named Z01… by chance is not misread.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extractAsync } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { readDocumentAsync } from '../src/read/index.js';
import { sheetTitles, type SheetPos } from '../src/read/xlsx/sheet.js';
import { renderText } from '../src/render/index.js';
import { compareTables, convertWithSoffice, printedTables, SOFFICE, tablesToXlsx, type WorkbookOptions } from './read-office-fixtures.js';
import { syntheticReport } from './support/synthetic.js';

const T05 = '一般公共预算财政拨款支出决算表';
const T06 = '一般公共预算财政拨款基本支出决算明细表';

describe('sheet names → titles', () => {
  it('completes a title cut in the middle of a word', () => {
    const titles = sheetTitles(['Z01 收入支出决算总表(财决01表)', 'Z06 一般公共预算财政拨款基本支出决算明', 'Z07 政府性基金预算财政拨款收入支出决算表(财']);
    expect(titles.get('Z06 一般公共预算财政拨款基本支出决算明')).toBe(T06);
    expect(titles.get('Z07 政府性基金预算财政拨款收入支出决算表(财')).toBe('政府性基金预算财政拨款收入支出决算表');
    // Outside a 久其 export too: the cut title begins one known title only.
    expect(sheetTitles(['2023年一般公共预算财政拨款基本支出决']).get('2023年一般公共预算财政拨款基本支出决')).toBe(T06);
  });

  it('titles a code-only sheet, and a cut title that begins several titles, from the code in a 久其 export, in any order', () => {
    const names = ['Z03 支出决算表(财决03表)', 'Z05', 'Z01 收入支出决算总表(财决01表)', 'Z02 收入决算表(财决02表)', 'Z08 一般公共预算财政拨款支出决算', 'Z09'];
    const titles = sheetTitles(names);
    expect(titles.get('Z05')).toBe(T05);
    expect(titles.get('Z09')).toBe('财政拨款“三公”经费支出决算表');
    // 一般公共预算财政拨款支出决算… begins table 05's title and Sichuan's 明细表: the code decides.
    expect(titles.get('Z08 一般公共预算财政拨款支出决算')).toBe('一般公共预算财政拨款支出决算');
    const z05 = sheetTitles(['Z01 收入支出决算总表', 'Z02 收入决算表', 'Z05 一般公共预算财政拨款支出决算']);
    expect(z05.get('Z05 一般公共预算财政拨款支出决算')).toBe(T05);
    // Codes written without a blank or with an underscore.
    const joined = sheetTitles(['Z01收入支出决算总表', 'Z02_收入决算表(财决02表)', 'Z03-支出决算表', 'Z05']);
    expect([...joined.values()]).toEqual(['收入支出决算总表', '收入决算表', '支出决算表', T05]);
  });

  it('gives no title to sheets named Z01… by chance', () => {
    for (const names of [
      ['Z01', 'Z02', 'Z05'],
      ['Z01 人员名单', 'Z02 车辆清单', 'Z05'],
      // Titles that contradict their numbers: not a 久其 numbering.
      ['Z01 收入决算表', 'Z02 支出决算表', 'Z05'],
      // One agreeing sheet is not evidence enough.
      ['Z01 收入支出决算总表', 'Z05'],
    ]) {
      expect(sheetTitles(names).get('Z05'), names.join(',')).toBe('');
    }
    // A short name is a name of its own, not a cut title.
    expect(sheetTitles(['收入支出']).get('收入支出')).toBe('收入支出');
  });
});

/** Tables sorted by id (the sheets may come in another order than the national one). */
function byId(report: Report): Report {
  return { ...report, tables: [...report.tables].sort((a, b) => a.id.localeCompare(b.id)) };
}

describe('久其 workbooks read back cell for cell', () => {
  const report = syntheticReport(31, { template: 'gd', classes: 4 });
  const tables = async () => printedTables(await readDocumentAsync(Buffer.from(renderText(report, { template: 'gd' })), { path: 'x.txt' }));

  it('code-only sheets, a title cut mid-word, sheets in another order', async () => {
    const printed = await tables();
    expect(printed.length).toBe(9);
    const options: WorkbookOptions = {
      layout: 'jiuqi',
      amounts: 'text',
      mergeHeaders: true,
      // 05 and 08 by their code alone, 06 cut inside its title.
      sheetName: (t, _title, name) => (t === 4 || t === 7 ? name.slice(0, 3) : t === 5 ? name.slice(0, 4 + 16) : name),
      order: [2, 0, 4, 1, 3, 8, 5, 7, 6],
    };
    const bytes = await tablesToXlsx(printed, options);
    const doc = await readDocumentAsync(bytes, { path: 'jq.xlsx' });
    const z05 = doc.blocks.find((b) => (b.pos as SheetPos).sheet === 'Z05')!;
    expect(z05).toMatchObject({ kind: 'paragraph', text: T05 });
    // The sheets in the workbook's order.
    const sheets = doc.blocks.filter((b) => b.kind === 'table').map((b) => (b.pos as SheetPos).sheet.slice(0, 3));
    expect(sheets.filter((s, i) => s !== sheets[i - 1])).toEqual(['Z03', 'Z01', 'Z05', 'Z02', 'Z04', 'Z09', 'Z06', 'Z08', 'Z07']);
    const back = await extractAsync(bytes, { path: 'jq.xlsx' });
    expect(back.tables.map((t) => t.id).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    // Titles (from codes: the national names), cells, row keys, names and codes all equal.
    const cmp = compareTables(byId(back), byId(report));
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.cells).toBeGreaterThan(200);
    if (!SOFFICE) return;
    // The same workbook as .xls (LibreOffice): the BIFF reader titles its sheets the same way.
    const [xls] = convertWithSoffice([{ name: 'jq.xlsx', bytes }], 'xls');
    const fromXls = await extractAsync(xls!, { path: 'jq.xls' });
    expect(fromXls.source.format).toBe('xls');
    expect(compareTables(byId(fromXls), byId(report)).mismatches).toEqual([]);
  }, 60_000);

  it('a workbook whose sheets are named Z01, Z02 by chance is not read as the 久其 tables', async () => {
    const wb = new ExcelJS.Workbook();
    const people = wb.addWorksheet('Z01');
    people.addRow(['序号', '姓名', '岗位', '基本工资', '津贴补贴']);
    for (let i = 1; i <= 6; i++) people.addRow([String(i), `职工${i}`, '科员', `${i},234.00`, '560.00']);
    const cars = wb.addWorksheet('Z02');
    cars.addRow(['序号', '车牌号', '用途', '运行费', '购置年份']);
    cars.addRow(['1', '粤A12345', '机要通信', '12,000.00', '2018']);
    cars.addRow(['2', '粤A54321', '应急保障', '8,500.00', '2020']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const doc = await readDocumentAsync(bytes, { path: 'z.xlsx' });
    expect(doc.blocks.filter((b) => b.kind !== 'table')).toEqual([]);
    // No table title anywhere: not a disclosure, rather than tables 01 and 02 made up.
    const err = await extractAsync(bytes, { path: 'z.xlsx' }).then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(err?.code).toBe('not_a_document');
  });
});
