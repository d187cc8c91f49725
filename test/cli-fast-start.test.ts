/**
 * `juesuan extract` and `juesuan check` run from the bundled script (dist/cli.cjs) with a V8 code
 * cache (src/cli/code-cache.ts). These tests run the real bin in child processes: the bundle must
 * print exactly what the modules print (JUESUAN_FAST_START=0) for every format — text, PDF, XLSX,
 * DOCX — for checks (one file in this thread, several in worker threads) and for errors; the cache
 * must be written once, used after, renewed when a run compiles more (a PDF, the checker), replaced
 * when V8 rejects it, and never be needed (a folder that cannot be written still gives the right
 * output).
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'juesuan.js');
const EXAMPLE = join(ROOT, 'examples', '示例单位2024年度单位决算.txt');
const HAVE_BUNDLE = existsSync(join(ROOT, 'dist', 'cli.cjs'));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function juesuan(args: string[], env: Record<string, string>): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'juesuan-fast-'));
const files: Record<string, string> = {};

/** The example rendered by our own `juesuan render` into the binary formats. */
beforeAll(async () => {
  const json = join(dir, 'report.json');
  const extracted = await juesuan(['extract', EXAMPLE], { JUESUAN_FAST_START: '0' });
  expect(extracted.code).toBe(0);
  writeFileSync(json, extracted.stdout);
  for (const format of ['pdf', 'xlsx', 'docx']) {
    const out = join(dir, `示例.${format}`);
    const rendered = await juesuan(['render', json, '-o', out], {});
    expect(rendered.code, rendered.stderr).toBe(0);
    files[format] = out;
  }
  files['txt'] = EXAMPLE;
  files['broken'] = join(dir, 'broken.pdf');
  writeFileSync(files['broken'], '%PDF-1.7\n1 0 obj << /Type /Catalog');
}, 180_000);

describe.skipIf(!HAVE_BUNDLE)('juesuan extract from the bundle', () => {
  it('is newer than the compiled modules (else bin/juesuan.js runs the modules: `npm test` and `npm run build` bundle after tsc)', () => {
    const bundled = statSync(join(ROOT, 'dist', 'cli.cjs')).mtimeMs;
    expect(bundled, 'dist/cli.cjs is older than dist/src: run `node scripts/bundle-cli.mjs` after tsc').toBeGreaterThanOrEqual(statSync(join(ROOT, 'dist', 'src', 'cli', 'program.js')).mtimeMs);
  });

  it.each(['txt', 'pdf', 'xlsx', 'docx'])('prints what the modules print (%s)', async (format) => {
    const cache = mkdtempSync(join(tmpdir(), 'juesuan-cache-'));
    const modules = await juesuan(['extract', files[format]!, '--format', 'csv'], { JUESUAN_FAST_START: '0' });
    const first = await juesuan(['extract', files[format]!, '--format', 'csv'], { JUESUAN_CACHE_DIR: cache });
    const second = await juesuan(['extract', files[format]!, '--format', 'csv'], { JUESUAN_CACHE_DIR: cache });
    expect(modules.code).toBe(0);
    expect(modules.stdout.split('\n').length).toBeGreaterThan(100); // the nine tables, cell by cell
    expect(first).toEqual(modules);
    expect(second).toEqual(modules);
    // One cache, marked as holding pdf.js when the run read a PDF.
    const written = readdirSync(cache);
    expect(written).toHaveLength(1);
    expect(written[0]!.endsWith('-pdf.v8')).toBe(format === 'pdf');
  }, 120_000);

  it('checks as the modules check: one file, and several in worker threads', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'juesuan-cache-'));
    const wrong = join(dir, '有错误.txt');
    writeFileSync(wrong, readFileSync(EXAMPLE, 'utf8').replace('一、一般公共预算财政拨款收入\t1\t510.00', '一、一般公共预算财政拨款收入\t1\t511.00'));
    for (const args of [
      ['check', files['pdf']!],
      ['check', EXAMPLE, '--format', 'json'],
      ['check', EXAMPLE, wrong, files['docx']!, '--jobs', '2'],
      ['check', files['broken']!, EXAMPLE],
    ]) {
      const modules = await juesuan(args, { JUESUAN_FAST_START: '0' });
      const bundled = await juesuan(args, { JUESUAN_CACHE_DIR: cache });
      expect(bundled, args.join(' ')).toEqual(modules);
    }
    // The check of several files found the error in the changed copy (exit 1), the broken PDF is exit 2.
    expect((await juesuan(['check', EXAMPLE, wrong, '--jobs', '2'], { JUESUAN_CACHE_DIR: cache })).code).toBe(1);
    expect((await juesuan(['check', files['broken']!, EXAMPLE], { JUESUAN_CACHE_DIR: cache })).code).toBe(2);
    // The cache holds what the runs compiled: the checker and pdf.js.
    expect(readdirSync(cache)).toEqual([expect.stringMatching(/-check-pdf\.v8$/)]);
  }, 120_000);

  it('gives the same Chinese messages and exit codes', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'juesuan-cache-'));
    for (const args of [['extract', files['broken']!], ['extract', join(dir, '没有这个文件.pdf')], ['extract'], ['extract', EXAMPLE, '--format', 'xml'], ['extract', '--help']]) {
      const modules = await juesuan(args, { JUESUAN_FAST_START: '0' });
      const bundled = await juesuan(args, { JUESUAN_CACHE_DIR: cache });
      expect(bundled, args.join(' ')).toEqual(modules);
      expect(modules.code).toBe(args.includes('--help') ? 0 : 2);
    }
  }, 60_000);

  it('uses its cache, renews it after a PDF and replaces one V8 rejects', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'juesuan-cache-'));
    const env = { JUESUAN_CACHE_DIR: cache };
    await juesuan(['extract', EXAMPLE, '--format', 'csv'], env);
    const [base] = readdirSync(cache);
    expect(base).toMatch(/^cli-v\d+.*\.v8$/);
    const made = statSync(join(cache, base!)).mtimeMs;
    // A second text run uses the cache as it is.
    await juesuan(['extract', EXAMPLE, '--format', 'csv'], env);
    expect(readdirSync(cache)).toEqual([base]);
    expect(statSync(join(cache, base!)).mtimeMs).toBe(made);
    // A PDF run compiles pdf.js: its cache replaces the one made without it.
    await juesuan(['extract', files['pdf']!, '--format', 'csv'], env);
    const [pdf] = readdirSync(cache);
    expect(readdirSync(cache)).toHaveLength(1);
    expect(pdf).toMatch(/-pdf\.v8$/);
    const size = statSync(join(cache, pdf!)).size;
    expect(size).toBeGreaterThan(statSync(EXAMPLE).size);
    // A cache of an earlier build of the bundle is removed when this one writes its own.
    const stale = join(cache, `cli-${process.version}-${process.arch}-1-1-x-pdf.v8`);
    writeFileSync(stale, 'old');
    await juesuan(['check', EXAMPLE], env);
    expect(existsSync(stale)).toBe(false);
    const [checked] = readdirSync(cache);
    expect(checked).toMatch(/-check-pdf\.v8$/);
    // Garbage in the cache file: V8 rejects it, the output is right, a good cache takes its place.
    writeFileSync(join(cache, checked!), Buffer.alloc(size, 7));
    const modules = await juesuan(['extract', files['pdf']!, '--format', 'csv'], { JUESUAN_FAST_START: '0' });
    const rejected = await juesuan(['extract', files['pdf']!, '--format', 'csv'], env);
    expect(rejected).toEqual(modules);
    expect(readdirSync(cache)).toEqual([expect.stringMatching(/-pdf\.v8$/)]);
    expect(readFileSync(join(cache, readdirSync(cache)[0]!)).equals(Buffer.alloc(size, 7))).toBe(false);
  }, 120_000);

  it('works without a cache when the cache folder cannot be written', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'juesuan-cache-'));
    const blocked = join(parent, 'file-not-folder');
    writeFileSync(blocked, 'x');
    const modules = await juesuan(['extract', EXAMPLE, '--format', 'csv'], { JUESUAN_FAST_START: '0' });
    const bundled = await juesuan(['extract', EXAMPLE, '--format', 'csv'], { JUESUAN_CACHE_DIR: join(blocked, 'cache') });
    expect(bundled).toEqual(modules);
    // A folder without write permission (as root the permission does not hold; the case above does).
    const readOnly = join(parent, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    expect(await juesuan(['extract', EXAMPLE, '--format', 'csv'], { JUESUAN_CACHE_DIR: readOnly })).toEqual(modules);
  }, 60_000);

  it('reads a PDF without loading Node\'s fetch, and Response works after (with bytes, as pdf.js expects)', async () => {
    const script = `
      const { extractFile } = await import(${JSON.stringify(join(ROOT, 'dist', 'src', 'index.js'))});
      const report = await extractFile(${JSON.stringify(files['pdf'])});
      const undiciBefore = process.moduleLoadList.some((m) => m.includes('undici'));
      const bytes = await new Response(new Uint8Array([1, 2, 3])).bytes();
      console.log(JSON.stringify({ tables: report.tables.length, undiciBefore, bytes: [...bytes], name: Response.name }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual({ tables: 9, undiciBefore: false, bytes: [1, 2, 3], name: 'Response' });
  }, 60_000);
});
