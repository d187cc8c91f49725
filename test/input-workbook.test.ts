/**
 * The input workbook: `juesuan template` writes it, a preparer fills it (here: programmatically, from
 * the golden seeds' Reports and from synthetic ones), readInputWorkbook reads it back into the same
 * tables, cell for cell; totals left to the formulas are computed exactly; bad input gives Chinese
 * diagnostics naming sheet and cell. renderXlsx writes a workbook that is itself a valid input.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInputTemplate, readInputWorkbook, readReportJson } from '../src/input/index.js';
import { scanTable, type ScannedRow } from '../src/input/scan.js';
import { JuesuanError } from '../src/model/errors.js';
import type { Report, Row, Table } from '../src/model/report.js';
import { labelKey } from '../src/recognise/normalise.js';
import { renderXlsx, tableSheetName } from '../src/render/formats/xlsx.js';
import type { DisclosureDocument } from '../src/render/document/model.js';
import { HAVE_SEEDS, seedReport } from './support/seeds.js';
import { syntheticReport } from './support/synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'juesuan-input-'));

type Mode = 'all' | 'leaves';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const isFormulaCell = (sheet: ExcelJS.Worksheet, address: string) => {
  const v = sheet.getCell(address).value;
  return typeof v === 'object' && v !== null && 'formula' in v;
};

/**
 * Fill a blank template from a Report as a preparer would: find each row by its label, code or 行次
 * and type the amounts; `leaves` leaves every formula (totals) alone, `all` types over them too.
 */
async function fillTemplate(template: Uint8Array, report: Report, family: 'gd' | 'sx', mode: Mode): Promise<Uint8Array> {
  const wb = await load(template);
  const info = wb.getWorksheet('基本信息')!;
  info.getCell('B2').value = report.entity;
  info.getCell('B3').value = report.year;
  info.getCell('B4').value = report.scope === 'unit' ? '单位决算' : '部门决算';
  info.getCell('B6').value = report.title;
  for (const table of report.tables) {
    const sheet = wb.getWorksheet(tableSheetName(table.id, tableTitleOf(table.id)))!;
    const scanned = scanTable(sheet, table.id, family)!;
    const put = (row: Row, target: ScannedRow) => {
      for (const [col, value] of Object.entries(row.cells)) {
        const ref = target.cells[col];
        if (!ref) throw new Error(`${table.id} ${row.key} column ${col} has no cell`);
        if (mode === 'leaves' && isFormulaCell(sheet, ref.address)) continue;
        if (value === null) sheet.getCell(ref.address).value = row.dashes?.includes(col) ? '——' : null;
        else sheet.getCell(ref.address).value = value;
      }
    };
    if (table.id === '01' || table.id === '04') {
      let afterOpening = false;
      const income = table.rows.filter((r) => r.key.startsWith('inc.'));
      const expense = table.rows.filter((r) => r.key.startsWith('exp.'));
      for (const target of scanned.rows) {
        const side = target.side === 'inc' ? income : expense;
        let row = side.find((r) => labelKey(r.name) === labelKey(target.label) || labelKey(r.name.replace(/等支出$/, '支出')) === labelKey(target.label.replace(/等支出$/, '支出')));
        if (table.id === '04' && target.side === 'inc' && afterOpening && row && /^inc\.(gpb|gov_fund|state_capital)$/.test(row.key)) row = income.find((r) => r.key === `inc.opening.${row!.key.slice(4)}`);
        if (row?.key === 'inc.opening') afterOpening = true;
        if (!row) row = side.find((r) => r.line === target.line);
        if (row) put(row, target);
      }
    } else if (table.id === '09') {
      if (table.rows[0]) put(table.rows[0], scanned.rows[0]!);
    } else if (table.id === '10') {
      for (const row of table.rows) put(row, scanned.rows.find((t) => t.line === row.line)!);
    } else if (table.id === '06') {
      for (const row of table.rows) {
        const target = row.code ? scanned.rows.find((t) => t.code === row.code) : scanned.rows.find((t) => !t.code && labelKey(t.label) === labelKey(row.name));
        if (!target) throw new Error(`06 ${row.key} not in the template`);
        put(row, target);
      }
    } else {
      const spare = scanned.rows.filter((t) => !t.code && t.label === '');
      for (const row of table.rows) {
        let target = row.key === 'total' ? scanned.rows.find((t) => t.label === '合计' || t.code === '合计') : scanned.rows.find((t) => t.code === row.code);
        if (!target) {
          // A code the catalogue lacks: type it (and its name) into a blank row at the bottom.
          target = spare.shift()!;
          sheet.getCell(target.codeCell?.address ?? `A${target.labelCell.row}`).value = row.code!;
          sheet.getCell(target.labelCell.address).value = row.name;
        }
        put(row, target);
      }
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function tableTitleOf(id: string): string {
  return (
    {
      '01': '收入支出决算总表',
      '02': '收入决算表',
      '03': '支出决算表',
      '04': '财政拨款收入支出决算总表',
      '05': '一般公共预算财政拨款支出决算表',
      '06': '一般公共预算财政拨款基本支出决算明细表',
      '07': '政府性基金预算财政拨款收入支出决算表',
      '08': '国有资本经营预算财政拨款支出决算表',
      '09': '财政拨款“三公”经费支出决算表',
      '10': '部门决算公开相关信息统计表',
    } as Record<string, string>
  )[id]!;
}

/** Cell-for-cell differences: keys in order, codes, 行次 and every amount (a blank reads as 0; —— stays null). */
function differences(expected: Table[], got: Table[], options: { names?: boolean } = {}): string[] {
  const out: string[] = [];
  const ids = (ts: Table[]) => ts.map((t) => t.id).join(',');
  if (ids(expected) !== ids(got)) out.push(`tables: ${ids(expected)} ≠ ${ids(got)}`);
  for (const e of expected) {
    const g = got.find((t) => t.id === e.id);
    if (!g) continue;
    if (e.empty !== g.empty) out.push(`${e.id} empty ${e.empty} ≠ ${g.empty}`);
    const ek = e.rows.map((r) => r.key).join(' ');
    const gk = g.rows.map((r) => r.key).join(' ');
    if (ek !== gk) out.push(`${e.id} keys\n  ${ek}\n  ${gk}`);
    for (const er of e.rows) {
      const gr = g.rows.find((r) => r.key === er.key);
      if (!gr) continue;
      if ((er.code ?? '') !== (gr.code ?? '')) out.push(`${e.id} ${er.key} code ${er.code} ≠ ${gr.code}`);
      if (er.line !== undefined && er.line !== gr.line) out.push(`${e.id} ${er.key} line ${er.line} ≠ ${gr.line}`);
      if (options.names && er.name !== gr.name) out.push(`${e.id} ${er.key} name ${er.name} ≠ ${gr.name}`);
      for (const [col, v] of Object.entries(er.cells)) {
        const dash = er.dashes?.includes(col) && v === null;
        const want = dash ? null : (v ?? 0);
        if (gr.cells[col] !== want) out.push(`${e.id} ${er.key}[${col}] ${want} ≠ ${gr.cells[col]}`);
      }
      const extra = Object.keys(gr.cells).filter((c) => !(c in er.cells));
      if (extra.length) out.push(`${e.id} ${er.key} extra columns ${extra}`);
    }
  }
  return out;
}

const templates = new Map<string, Uint8Array>();
async function blank(year: number, template: 'gd' | 'sx'): Promise<Uint8Array> {
  const key = `${year}/${template}`;
  let t = templates.get(key);
  if (!t) templates.set(key, (t = await buildInputTemplate({ year, template, scope: 'unit' })));
  return t;
}

describe('the blank input workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await blank(2024, 'gd'));
  });

  it('has the guide, the information sheet, one sheet per standard table, the supplement and the catalogue', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '填表说明',
      '基本信息',
      '表1 收入支出决算总表',
      '表2 收入决算表',
      '表3 支出决算表',
      '表4 财政拨款收入支出决算总表',
      '表5 一般公共预算财政拨款支出决算表',
      '表6 一般公共预算财政拨款基本支出决算明细表',
      '表7 政府性基金预算财政拨款收入支出决算表',
      '表8 国有资本经营预算财政拨款支出决算表',
      '表9 财政拨款“三公”经费支出决算表',
      '文字与补充数据',
      '各项预算数',
      '绩效项目',
      '科目代码',
    ]);
    const guide = wb.getWorksheet('填表说明')!.getColumn(1).values.join('\n');
    expect(guide).toMatch(/万元/);
    expect(guide).toMatch(/两位小数/);
    expect(guide).toMatch(/类为3位.*款为5位.*项为7位/);
    expect(guide).toMatch(/自动计算/);
  });

  it('lays table 5 out like the published table: title, unit line, merged header, 栏次, catalogue codes, formulas, validation, protection', () => {
    const s = wb.getWorksheet('表5 一般公共预算财政拨款支出决算表')!;
    expect(s.getCell('A1').value).toBe('一般公共预算财政拨款支出决算表');
    expect(s.getCell('A3').value).toBe('单位：万元');
    expect(s.getCell('A4').value).toBe('项目');
    expect(s.getCell('A4').isMerged && s.getCell('B4').master.address).toBe('A4');
    expect(s.getCell('A5').value).toBe('功能分类科目编码');
    expect([s.getCell('C6').value, s.getCell('D6').value, s.getCell('E6').value]).toEqual(['1', '2', '3']);
    expect(s.getCell('B7').value).toBe('合计');
    // The catalogue's codes and names are printed; 类 and 合计 rows are formulas.
    const codes: string[] = [];
    s.eachRow((row, r) => {
      if (r > 7 && typeof row.getCell(1).value === 'string') codes.push(String(row.getCell(1).value));
    });
    expect(codes).toContain('2080505');
    expect(codes.length).toBeGreaterThan(40);
    const r208 = codes.indexOf('208') + 8;
    expect(s.getCell(`B${r208}`).value).toBe('社会保障和就业支出');
    expect(String((s.getCell(`C${r208}`).value as { formula: string }).formula)).toMatch(/SUMPRODUCT/);
    expect(String((s.getCell('C7').value as { formula: string }).formula)).toMatch(/LEN/);
    const leaf = codes.indexOf('2080505') + 8;
    expect((s.getCell(`C${leaf}`).value as { formula: string }).formula).toBe(`D${leaf}+E${leaf}`);
    expect(s.getCell(`D${leaf}`).dataValidation.type).toBe('custom');
    expect(s.getCell(`D${leaf}`).numFmt).toBe('#,##0.00');
    expect(s.getCell(`D${leaf}`).protection?.locked).toBe(false);
    expect(s.getCell(`B${leaf}`).protection?.locked).not.toBe(false);
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    // Blank rows: code typed by the preparer, name by lookup in the catalogue sheet.
    const spare = codes.length + 8 + 1;
    expect(String((s.getCell(`B${spare}`).value as { formula: string }).formula)).toMatch(/VLOOKUP\(TEXT\(A\d+,"0"\),'科目代码'/);
  });

  it('lists 基本信息 choices and the supplement fields with their paths', () => {
    const info = wb.getWorksheet('基本信息')!;
    expect(info.getCell('B4').dataValidation.type).toBe('list');
    const sup = wb.getWorksheet('文字与补充数据')!;
    const paths = sup.getColumn(5).values.filter((v) => typeof v === 'string') as string[];
    expect(paths).toContain('overview.duties');
    expect(paths).toContain('procurement.goods');
    expect(paths).toContain('assets.vehicleKinds.执法执勤用车');
  });

  it('reads back blank: every fixed row at 0, coded tables with only their 合计, empty tables marked', async () => {
    const { report, diagnostics } = await readInputWorkbook(await blank(2024, 'sx'));
    expect(report.tables.map((t) => `${t.id}:${t.rows.length}:${t.empty}`)).toEqual([
      '01:42:false', '02:1:true', '03:1:true', '04:38:false', '05:1:true', '06:111:true', '07:1:true', '08:1:true', '09:0:true', '10:16:false',
    ]);
    expect(diagnostics.filter((d) => d.level === 'error').map((d) => d.message)).toEqual([expect.stringMatching(/单位（部门）名称/)]);
  });
});

describe('template → filled by a preparer → readInputWorkbook', () => {
  for (const [seedNo, family] of [['000', 'gd'], ['001', 'gd'], ['003', 'sx']] as const) {
    it.skipIf(!HAVE_SEEDS)(`seed ${seedNo}: every cell typed (totals too) reads back cell for cell; the seed's own inconsistencies are diagnosed`, async () => {
      const source = await seedReport(seedNo);
      const filled = await fillTemplate(await blank(source.year, family), source, family, 'all');
      const { report, diagnostics } = await readInputWorkbook(filled, { path: `${seedNo}.xlsx` });
      expect(differences(source.tables, report.tables)).toEqual([]);
      expect(report.entity).toBe(source.entity);
      expect(report.year).toBe(source.year);
      for (const d of diagnostics.filter((x) => x.level === 'error')) expect(d.message).toMatch(/^表\d+ .+ [A-Z]+\d+：/);
    });
  }

  for (const family of ['gd', 'sx'] as const) {
    it(`synthetic ${family}: only the detail typed, every total computed by the reader, exactly (seeds 1–4)`, async () => {
      for (let s = 1; s <= 4; s++) {
        const source = syntheticReport(s, { template: family, classes: 2 + s, breadth: 3 });
        const filled = await fillTemplate(await blank(source.year, family), source, family, 'leaves');
        const { report, diagnostics } = await readInputWorkbook(filled);
        expect(differences(source.tables, report.tables, { names: true }), `seed ${s}`).toEqual([]);
        expect(diagnostics.filter((d) => d.level !== 'info'), `seed ${s}`).toEqual([]);
      }
    });
  }
});

describe('bad workbooks', () => {
  it('names sheet and cell for text in an amount cell and for a total that does not match', async () => {
    const source = syntheticReport(7, { template: 'gd', classes: 3 });
    const filled = await load(await fillTemplate(await blank(2024, 'gd'), source, 'gd', 'all'));
    const s = filled.getWorksheet('表5 一般公共预算财政拨款支出决算表')!;
    const scanned = scanTable(s, '05', 'gd')!;
    const leaf = scanned.rows.find((r) => r.code?.length === 7 && source.tables.find((t) => t.id === '05')!.rows.some((x) => x.code === r.code))!;
    s.getCell(leaf.cells['2']!.address).value = '一百万';
    const total = scanned.rows.find((r) => r.label === '合计')!;
    const was = Number(s.getCell(total.cells['3']!.address).value);
    s.getCell(total.cells['3']!.address).value = was + 10;
    const { diagnostics } = await readInputWorkbook(new Uint8Array(await filled.xlsx.writeBuffer()));
    const messages = diagnostics.map((d) => d.message);
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^表5 一般公共预算财政拨款支出决算表 ${leaf.cells['2']!.address}：.*“一百万”不是金额`)));
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^表5 一般公共预算财政拨款支出决算表 ${total.cells['3']!.address}：合计（项目支出）填写为 .*相差 10\\.00`)));
    expect(diagnostics.find((d) => d.cell === total.cells['3']!.address)?.level).toBe('error');
  });

  it('reports a missing table sheet and rejects a workbook with none', async () => {
    const wb = await load(await blank(2024, 'gd'));
    wb.removeWorksheet(wb.getWorksheet('表7 政府性基金预算财政拨款收入支出决算表')!.id);
    const { report, diagnostics } = await readInputWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(report.tables.map((t) => t.id)).not.toContain('07');
    expect(diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/缺少工作表“表7 政府性基金预算财政拨款收入支出决算表”/));
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '随便什么';
    const err = await readInputWorkbook(new Uint8Array(await other.xlsx.writeBuffer()), { path: '别的.xlsx' }).catch((e) => e);
    expect(err).toBeInstanceOf(JuesuanError);
    expect(err.message).toMatch(/别的\.xlsx 不是决算输入工作簿/);
    const junk = await readInputWorkbook(new TextEncoder().encode('not a zip'), { path: 'x.xlsx' }).catch((e) => e);
    expect(junk).toBeInstanceOf(JuesuanError);
    expect(junk.exitCode).toBe(2);
  });
});

describe('readReportJson', () => {
  it('reads a Report JSON and rejects a wrong schema or an unknown table id in Chinese', async () => {
    const report = syntheticReport(3);
    const good = join(dir, 'r.json');
    writeFileSync(good, JSON.stringify(report));
    expect((await readReportJson(good)).tables.length).toBe(report.tables.length);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...report, schema: 'x' }));
    await expect(readReportJson(bad)).rejects.toThrow(/schema 应为 "juesuan\/report@1"/);
    writeFileSync(bad, JSON.stringify({ ...report, tables: [{ id: '99', rows: [] }] }));
    await expect(readReportJson(bad)).rejects.toThrow(/表格编号 id "99" 未知/);
    writeFileSync(bad, '{');
    await expect(readReportJson(bad)).rejects.toBeInstanceOf(JuesuanError);
  });
});

describe('renderXlsx', () => {
  const doc = (report: Report, template: 'gd' | 'sx'): DisclosureDocument => ({
    title: report.title,
    entity: report.entity,
    year: report.year,
    template,
    report,
    supplement: { overview: { duties: '负责示例工作。', units: ['本级'] }, procurement: { goods: 12.5 }, threePublic: { vehiclesHeld: 3 }, budgets: { initial: { '2080505': 100.25 } } },
    blocks: [{ kind: 'heading', level: 1, text: '第一部分 概况' }, { kind: 'paragraph', text: '一段文字。' }, { kind: 'table', id: '01' }],
  });

  for (const template of ['gd', 'sx'] as const) {
    it(`${template}: one sheet per table with number formats, the narrative, and it reads back as an input workbook`, async () => {
      const report = syntheticReport(11, { template, classes: 4 });
      const bytes = await renderXlsx(doc(report, template));
      const wb = await load(bytes);
      expect(wb.worksheets[0]!.name).toBe('正文');
      expect(wb.getWorksheet('正文')!.getCell('A3').value).toBe('一段文字。');
      const t01 = wb.getWorksheet('表1 收入支出决算总表')!;
      const grand = report.tables[0]!.rows.find((r) => r.key === 'inc.grand_total')!.cells['1'];
      let found = false;
      t01.eachRow((row) => row.eachCell((c) => (found ||= c.value === grand && c.numFmt === '#,##0.00')));
      expect(found).toBe(true);
      const back = await readInputWorkbook(bytes);
      expect(differences(report.tables, back.report.tables, { names: true })).toEqual([]);
      expect(back.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
      expect(back.supplement.overview?.duties).toBe('负责示例工作。');
      expect(back.supplement.overview?.units).toEqual(['本级']);
      expect(back.supplement.procurement?.goods).toBe(12.5);
      expect(back.supplement.threePublic?.vehiclesHeld).toBe(3);
      expect(back.supplement.budgets?.initial?.['2080505']).toBe(100.25);
    });
  }
});

describe('juesuan template (CLI)', () => {
  const BIN = join(import.meta.dirname, '..', 'bin', 'juesuan.js');
  const run = promisify(execFile);
  it.skipIf(!existsSync(join(import.meta.dirname, '..', 'dist', 'src', 'cli', 'template-command.js')))('writes the blank workbook and rejects a bad year', async () => {
    const out = join(dir, '输入模板.xlsx');
    const ok = await run(process.execPath, [BIN, 'template', '--year', '2024', '--template', 'sx', '--scope', 'unit', '-o', out]);
    expect(ok.stderr).toMatch(/已生成/);
    const { report } = await readInputWorkbook(readFileSync(out));
    expect(report.tables.map((t) => t.id)).toContain('10');
    const bad = await run(process.execPath, [BIN, 'template', '--year', 'abc', '-o', out]).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/年度/);
  });
});
