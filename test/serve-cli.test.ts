/**
 * `serve()` and `juesuan serve`: the demo reports fill an empty store (five units × three years, so
 * the comparisons have data); the command prints the URL in Chinese and SIGTERM stops it cleanly.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serve } from '../src/serve/index.js';

const ROOT = join(import.meta.dirname, '..');
const BUILT = existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'));

describe('serve()', () => {
  it('loads the demo into an empty store once, answers, and closes', async () => {
    const running = await serve({ port: 0, db: 'memory://', demo: true, webRoot: false });
    try {
      expect(running.demoReports).toBeGreaterThanOrEqual(15);
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const entity = '广州市示例档案局';
      const compare = (await (await fetch(`${running.url}api/compare/entity?entity=${encodeURIComponent(entity)}`)).json()) as any;
      expect(compare.items.map((i: any) => i.year)).toEqual([2022, 2023, 2024]);
      const year = (await (await fetch(`${running.url}api/compare/year?year=2024`)).json()) as any;
      expect(year.items.length).toBeGreaterThanOrEqual(5);
      // The demo's deliberate error: 广州 2024 prints 本年收入合计 10.00 too high.
      const list = (await (await fetch(`${running.url}api/reports?entity=${encodeURIComponent(entity)}&year=2024`)).json()) as any;
      expect(list.items[0].errors).toBeGreaterThan(0);
      const regions = (await (await fetch(`${running.url}api/regions`)).json()) as any;
      expect(regions.items.map((r: any) => r.region)).toEqual(expect.arrayContaining(['广东省/广州市', '四川省/成都市', '山西省/太原市']));
    } finally {
      await running.close();
    }
    await expect(fetch(running.url + 'api/health')).rejects.toThrow();
  }, 60_000);
});

describe.skipIf(!BUILT)('juesuan serve', () => {
  it('prints the URL in Chinese, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'juesuan.js'), 'serve', '--port', '0', '--db', 'memory://'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        const m = /决算通工作台已启动：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const health = (await (await fetch(`${url}api/health`)).json()) as any;
    expect(health).toMatchObject({ status: 'ok' });
    expect(health.reports).toBe(0);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stderr).toContain('工作台已停止');
  }, 60_000);

  it('refuses a bad port with a Chinese message and exit code 2', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'juesuan.js'), 'serve', '--port', '七十'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('端口应为');
  });
});
