/**
 * `serve({ port, host, db })`: open the store, start the HTTP server (@hono/node-server), and give
 * back a handle whose `close()` stops accepting requests, closes the store and the PDF renderer.
 */
import type { AddressInfo } from 'node:net';
import { serve as nodeServe } from '@hono/node-server';
import { openStore, type Store } from '../store/index.js';
import { createApp, type AppOptions } from './app.js';
import { loadDemo } from './demo.js';
import { closePdfRenderer } from './download.js';

export interface ServeOptions extends AppOptions {
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1: the workbench is local unless asked otherwise). */
  host?: string;
  /** Store target: a PGlite folder, `memory://`, or `postgres://…` (default: DATABASE_URL, else ./juesuan-data). */
  db?: string;
  /** Load the bundled fictional examples when the store holds no report. */
  demo?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** Reports loaded by `demo` (0 when the store was not empty). */
  demoReports: number;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const store = await openStore(options.db);
  let server: ReturnType<typeof nodeServe> | undefined;
  try {
    const demoReports = options.demo ? await loadDemo(store) : 0;
    const app = createApp(store, {
      ...options,
      onError:
        options.onError ??
        ((error, c) => {
          process.stderr.write(`juesuan：处理 ${c.req.method} ${c.req.path} 时出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        }),
    });
    const host = options.host ?? '127.0.0.1';
    const info = await new Promise<AddressInfo>((resolve, reject) => {
      server = nodeServe({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, resolve);
      server.once('error', reject);
    });
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${shown}:${info.port}/`,
      port: info.port,
      store,
      demoReports,
      close: () =>
        (closing ??= (async () => {
          await new Promise<void>((resolve) => {
            const s = server as unknown as { close(cb: () => void): void; closeAllConnections?: () => void };
            s.close(() => resolve());
            // Keep-alive connections would hold close() open; idle ones are dropped now.
            (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          });
          await closePdfRenderer();
          await store.close();
        })()),
    };
  } catch (error) {
    (server as unknown as { close?: () => void } | undefined)?.close?.();
    await store.close().catch(() => {});
    throw error;
  }
}
