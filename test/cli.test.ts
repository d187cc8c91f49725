/**
 * The `juesuan` command as a user runs it: the compiled bin in a child process (npm test builds
 * first). Asserts outputs, exit codes and the one-line Chinese error messages.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HAVE_SEEDS, seed } from './support/seeds.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'juesuan.js');
const EXAMPLE = join(import.meta.dirname, '..', 'examples', '示例单位2024年度单位决算.txt');

async function juesuan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'juesuan-cli-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('juesuan extract', () => {
  it('prints the Report of the example as JSON', async () => {
    const r = await juesuan('extract', EXAMPLE);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('juesuan/report@1');
    expect(report.entity).toBe('示例市档案数字化服务中心');
    expect(report.year).toBe(2024);
    expect(report.scope).toBe('unit');
    expect(report.tables.map((t: { id: string }) => t.id)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    const t01 = report.tables[0];
    expect(t01.rows.find((row: { key: string }) => row.key === 'inc.grand_total').cells).toEqual({ '1': 536 });
  });

  it('prints one CSV line per cell', async () => {
    const r = await juesuan('extract', EXAMPLE, '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('table,row_key,code,name,column,value');
    expect(lines).toContain('02,2012604,2012604,档案馆,2,128');
    expect(lines).toContain('09,main,,,12,0.6');
    expect(lines).toContain('01,inc.opening,,年初结转和结余,1,20');
    const report = JSON.parse((await juesuan('extract', EXAMPLE)).stdout);
    const cellCount = report.tables.reduce((n: number, t: { rows: { cells: object }[] }) => n + t.rows.reduce((m, row) => m + Object.keys(row.cells).length, 0), 0);
    expect(lines.length - 1).toBe(cellCount);
  });

  it('says on stderr what it could not read or recognise; the output stays as its format says', async () => {
    const odd = file('有一行认不出.txt', readFileSync(EXAMPLE, 'utf8').replace(/^\t9\t\t/m, '说不清的一行\t9\t0.00\t'));
    const r = await juesuan('extract', odd, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^juesuan：注意：表 01「收入支出决算总表」第 \d+ 行未能识别：说不清的一行\n$/);
    expect(r.stdout.split('\n')[0]).toBe('table,row_key,code,name,column,value');
    const json = await juesuan('extract', odd);
    expect(JSON.parse(json.stdout).diagnostics).toContainEqual(expect.objectContaining({ level: 'warning', message: expect.stringContaining('说不清的一行') }));
    expect((await juesuan('extract', EXAMPLE, '--format', 'csv')).stderr).toBe('');
  });

  it.skipIf(!HAVE_SEEDS)('CSV of a Shanxi seed keeps blank cells blank', async () => {
    const r = await juesuan('extract', seed('003').path, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n06,30901,30901,房屋建筑物构建,amount,\n');
    expect(r.stdout).toContain('\n10,L1,,合计,amount,1.73\n');
  });

  it.skipIf(!HAVE_SEEDS)('--format facts prints the narrative facts as CSV, linked to their cells', async () => {
    const r = await juesuan('extract', seed('000').path, '--format', 'facts');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id,subject,basis,measure,value,unit,direction,text,line,table,row,column,base,related');
    // The same quantity in the 财政拨款 section (f36) is related; the change carries its direction word.
    expect(lines).toContain('f4,一般公共预算财政拨款收入,current,amount,2169.36,万元,,"2,169.36万元",357,01,inc.gpb,1,,f36');
    expect(lines).toContain('f5,一般公共预算财政拨款收入,prior,change,94.16,万元,increase,94.16万元,357,,,,,f37');
    expect(lines.some((l) => /^f\d+,三公经费,current,amount,2\.67,万元,,2\.67万元,403,09,main,7,/.test(l))).toBe(true);
  });

  const failures: [string, () => string[], RegExp][] = [
    ['a missing file', () => [join(dir, '不存在.txt')], /文件不存在或无法访问：.*不存在\.txt/],
    ['a folder', () => [dir], /不是文件/],
    ['an empty file', () => [file('empty.txt', '')], /文件为空：.*empty\.txt/],
    ['a file of blank lines', () => [file('blank.txt', '\n \n\t\n')], /文件为空/],
    ['a binary file', () => [file('data.txt', new Uint8Array([1, 2, 0, 0, 5, 6, 0, 7]))], /不是文本文件/],
    ['a broken PDF', () => [file('report.pdf', '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj')], /PDF.*report\.pdf|report\.pdf.*PDF/],
    ['an unknown extension', () => [file('notes.xyz', '一些文字')], /不支持的文件类型“\.xyz”/],
    ['text that is no disclosure', () => [file('poem.txt', '床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n')], /未识别出决算、预算或绩效评价文档.*poem\.txt/],
    ['an unknown output format', () => [EXAMPLE, '--format', 'xml'], /不支持的输出格式“xml”/],
  ];
  for (const [what, args, message] of failures) {
    it(`exits 2 with a one-line Chinese message for ${what}`, async () => {
      const r = await juesuan('extract', ...args());
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^juesuan：/);
      expect(lines[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat \S+ \(|Error:/); // no stack trace
    });
  }

  it('exits 2 without a file argument', async () => {
    const r = await juesuan('extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument|缺少/);
  });
});

describe('juesuan --help and demo', () => {
  it('lists the commands in Chinese', async () => {
    const r = await juesuan('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('extract');
    expect(r.stdout).toContain('读取一份决算公开文档');
  });

  it('demo prints the tables of the shipped example', async () => {
    const r = await juesuan('demo');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2024年度示例市档案数字化服务中心单位决算');
    expect(r.stdout).toContain('共识别 9 张表');
    expect(r.stdout).toMatch(/2012604 档案馆\s+128\.00\s+128\.00/);
  });
});
