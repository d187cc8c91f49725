/**
 * `juesuan render` as a user runs it: the compiled bin in a child process (npm test builds first).
 * Report JSON → md / html / docx, read back with `juesuan extract`; the format from --to or the
 * output name; exit code 2 and one Chinese line for a bad input or option.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readBack } from '../../test/support/render-documents.js';
import { HAVE_SEEDS, seed, seedReport } from '../../test/support/seeds.js';
import { syntheticReport } from '../../test/support/synthetic.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'juesuan.js');
const dir = mkdtempSync(join(tmpdir(), 'juesuan-render-'));

async function juesuan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('juesuan render', () => {
  const reportJson = join(dir, 'report.json');
  writeFileSync(reportJson, JSON.stringify(syntheticReport(21, { template: 'gd', classes: 5 })));

  it('renders a Report JSON to md and html that extract reads back into the same tables', async () => {
    const source = syntheticReport(21, { template: 'gd', classes: 5 });
    await Promise.all(
      (['md', 'html'] as const).map(async (to) => {
        const out = join(dir, `out.${to}`);
        const r = await juesuan('render', reportJson, '--to', to, '-o', out);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain(`已生成 ${out}`);
        const back = await juesuan('extract', out);
        expect(back.code, back.stderr).toBe(0);
        expect(JSON.parse(back.stdout).tables.length).toBe(source.tables.length);
        const result = readBack(readFileSync(out, 'utf8'), `x.${to}`, source);
        expect(result.mismatches).toEqual([]);
      }),
    );
  });

  it('takes the format from the output name, the template from --template, and writes md to stdout without -o', async () => {
    const docx = join(dir, '公开.docx');
    const r = await juesuan('render', reportJson, '-o', docx, '--template', 'sc');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
    const back = await juesuan('extract', docx);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout).tables.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['01', '02', '03', '04', '05', '06', '07', '08', '09']));
    const md = await juesuan('render', reportJson, '--to', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /);
    // With the prior year's report (here another synthetic unit), the narrative compares against it.
    const priorJson = join(dir, 'prior.json');
    writeFileSync(priorJson, JSON.stringify({ ...syntheticReport(22, { template: 'gd', classes: 5 }), year: 2023 }));
    const withPrior = await juesuan('render', reportJson, '--to', 'md', '--prior', priorJson);
    expect(withPrior.code, withPrior.stderr).toBe(0);
    expect(withPrior.stdout).not.toBe(md.stdout);
    expect(withPrior.stdout).toMatch(/比上年|较上年|上年/);
  });

  it('renders an input workbook: Report JSON → xlsx → render → md gives the same tables', async () => {
    const xlsx = join(dir, '输入.xlsx');
    const md = join(dir, 'from-workbook.md');
    expect((await juesuan('render', reportJson, '-o', xlsx)).code).toBe(0);
    const r = await juesuan('render', xlsx, '-o', md);
    expect(r.code, r.stderr).toBe(0);
    const result = readBack(readFileSync(md, 'utf8'), 'x.md', syntheticReport(21, { template: 'gd', classes: 5 }));
    expect(result.mismatches).toEqual([]);
  });

  it('answers a bad input or option with exit code 2 and one Chinese line', async () => {
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{"hello": 1}');
    const cases: [string[], RegExp][] = [
      [['render', join(dir, 'missing.json'), '--to', 'md'], /文件不存在/],
      [['render', notJson, '--to', 'md'], /不是 juesuan 报告 JSON/],
      [['render', reportJson, '--to', 'rtf', '-o', join(dir, 'a.rtf')], /不支持的输出格式/],
      [['render', reportJson, '-o', join(dir, 'a.unknown')], /请用 --to 指定输出格式/],
      [['render', reportJson, '--to', 'md', '--template', 'zz'], /不支持的模板/],
      [['render', reportJson, '--to', 'pdf'], /需要用 -o 指定输出文件/],
    ];
    const results = await Promise.all(cases.map(([args]) => juesuan(...args)));
    results.forEach((r, i) => {
      const [args, message] = cases[i]!;
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    });
  });

  it.skipIf(!HAVE_SEEDS)('renders the extraction of a seed (its JSON as extract prints it)', async () => {
    const json = join(dir, '003.json');
    const extracted = await juesuan('extract', seed('003').path);
    writeFileSync(json, extracted.stdout);
    const out = join(dir, '003.html');
    const r = await juesuan('render', json, '-o', out);
    expect(r.code, r.stderr).toBe(0);
    const result = readBack(readFileSync(out, 'utf8'), 'x.html', await seedReport('003'));
    expect(result.mismatches).toEqual([]);
  });
});
