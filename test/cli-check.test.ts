/** `juesuan check` as a user runs it: outputs, exit codes 0/1/2, filters, config, parallel runs. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'juesuan.js');
const EXAMPLE = join(import.meta.dirname, '..', 'examples', '示例单位2024年度单位决算.txt');

async function juesuan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'juesuan-check-'));
const example = readFileSync(EXAMPLE, 'utf8');
// The example with 收入决算表's 合计 本年收入合计 misprinted (516.00 → 519.00): T02-R1, T02-R2 and X-R1 break.
const broken = join(dir, '错误示例.txt');
writeFileSync(broken, example.replace('\t合计\t516.00\t510.00', '\t合计\t519.00\t510.00'));
const config = join(dir, 'config.json');

describe('juesuan check', () => {
  it('exits 0 on a consistent document and says so per file', async () => {
    const r = await juesuan('check', EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/合计：错误 0，警告 0/);
  });

  it('exits 1 with findings grouped by table when an amount is wrong', async () => {
    const r = await juesuan('check', broken);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('【表02 收入决算表】');
    expect(r.stdout).toMatch(/错误 T02-R1 +收入决算表 合计行 本年收入合计 519\.00 ≠ 各列之和 516\.00，相差 3\.00 万元/);
    expect(r.stdout).toMatch(/合计：错误 [1-9]/);
  });

  it('prints the JSON contract', async () => {
    const r = await juesuan('check', broken, '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.files).toHaveLength(1);
    const file = json.files[0];
    expect(file).toMatchObject({ file: broken, entity: '示例市档案数字化服务中心', year: 2024 });
    expect(Object.keys(file.summary).sort()).toEqual(['error', 'info', 'not_applicable', 'warning']);
    const t02 = file.findings.find((f: { rule: string }) => f.rule === 'T02-R1');
    expect(t02).toMatchObject({ severity: 'error', table: '02', row: 'total', column: '1', expected: 516, actual: 519, difference: 3 });
    for (const f of file.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'table', 'row', 'column', 'span', 'expected', 'actual', 'difference', 'message']));
  });

  it('--min-severity error hides warnings and infos but keeps the counts', async () => {
    const r = await juesuan('check', broken, '--format', 'json', '--min-severity', 'error');
    const file = JSON.parse(r.stdout).files[0];
    expect(file.findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
  });

  it('a config file can turn rules off or change their severity', async () => {
    writeFileSync(config, JSON.stringify({ rules: { 'T02-R1': 'off', 'T02-R2': { severity: 'warning' }, 'X-R1': { severity: 'warning' } } }));
    const r = await juesuan('check', broken, '--format', 'json', '--config', config);
    const findings = JSON.parse(r.stdout).files[0].findings as { rule: string; severity: string }[];
    expect(findings.some((f) => f.rule === 'T02-R1')).toBe(false);
    expect(findings.filter((f) => f.rule === 'T02-R2' || f.rule === 'X-R1').every((f) => f.severity === 'warning')).toBe(true);
  });

  it('rejects a bad config with exit 2 and a Chinese message', async () => {
    writeFileSync(config, JSON.stringify({ rules: { 'T99-R1': 'off' } }));
    const r = await juesuan('check', EXAMPLE, '--config', config);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/配置文件 .* 有误：没有编号为 T99-R1 的规则/);
  });

  it('checks a folder in parallel, the same as one by one, and exits 2 when a file cannot be read', async () => {
    const folder = join(dir, 'batch');
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 4; i++) writeFileSync(join(folder, `doc${i}.txt`), i % 2 ? example : readFileSync(broken));
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'ignored.bin'), 'x');
    const parallel = await juesuan('check', folder, '--format', 'json', '--jobs', '2');
    const serial = await juesuan('check', folder, '--format', 'json', '--jobs', '1');
    expect(parallel.code).toBe(2);
    expect(parallel.stdout).toBe(serial.stdout);
    const files = JSON.parse(parallel.stdout).files;
    expect(files.map((f: { file: string }) => f.file.split('/').pop())).toEqual(['doc0.txt', 'doc1.txt', 'doc2.txt', 'doc3.txt', 'empty.txt']);
    expect(files[4].error).toMatchObject({ code: 'empty' });
    expect(files[0].summary.error).toBeGreaterThan(0);
    expect(files[1].summary.error).toBe(0);
  });

  it('says what it could not read or recognise before the findings (text and JSON)', async () => {
    // A row of table 01 whose label is no row of the template: left out of the table, and said.
    const odd = join(dir, '有一行认不出.txt');
    writeFileSync(odd, example.replace(/^\t9\t\t/m, '说不清的一行\t9\t0.00\t'));
    const text = await juesuan('check', odd);
    expect(text.stdout).toMatch(/【读取与识别】\n\s+注意 表 01「收入支出决算总表」第 \d+ 行未能识别：说不清的一行\n/);
    expect(text.stdout.indexOf('【读取与识别】')).toBeLessThan(text.stdout.indexOf('合计：'));
    const json = JSON.parse((await juesuan('check', odd, '--format', 'json')).stdout);
    expect(json.files[0].warnings).toEqual([expect.stringMatching(/^表 01「收入支出决算总表」第 \d+ 行未能识别：说不清的一行$/)]);
    // A clean document has none, and no such heading.
    const clean = await juesuan('check', EXAMPLE);
    expect(clean.stdout).not.toContain('【读取与识别】');
    expect(JSON.parse((await juesuan('check', EXAMPLE, '--format', 'json')).stdout).files[0].warnings).toEqual([]);
  });

  it('rejects an unknown severity', async () => {
    const r = await juesuan('check', EXAMPLE, '--min-severity', 'fatal');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不支持的级别“fatal”/);
  });
});
