/**
 * Browser tests of the workbench: the web app built by Vite into a temporary folder, the real
 * server on an ephemeral port with a fresh in-memory PGlite store, and Debian's Chromium driven by
 * playwright-core (never a downloaded browser). One of each per test file.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath } from '../../src/render/formats/pdf.js';
import { serve, type RunningServer } from '../../src/serve/server.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export interface Workbench {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Absolute URL of an app path. */
  url(path: string): string;
  /** Save a screenshot under test-artifacts/ (kept as a test artefact). */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Build web/ into a fresh folder (never the shared dist/web, which other runs may be serving). */
export async function buildWeb(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'juesuan-web-'));
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  return out;
}

export async function startWorkbench(options: { width?: number; height?: number } = {}): Promise<Workbench> {
  const webRoot = await buildWeb();
  const server = await serve({ port: 0, db: 'memory://', webRoot, onError: (e) => console.error(e) });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(ARTIFACTS, { recursive: true });
  const base = server.url.replace(/\/$/, '');
  return {
    server,
    browser,
    context,
    page,
    url: (path) => base + path,
    shot: async (name) => {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
    },
    close: async () => {
      await browser.close().catch(() => {});
      await server.close();
      rmSync(webRoot, { recursive: true, force: true });
      if (errors.length) throw new Error(`页面脚本出错：${errors.join('; ')}`);
    },
  };
}
