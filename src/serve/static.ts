/**
 * The web app (built by Vite into dist/web) at `/`: files with their content types, hashed assets
 * (`/assets/name-HASH.js`) cached for a year, everything else revalidated, and index.html for any
 * other non-API path so that the app's own routes (/reports/12) load on a refresh.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** A Vite content hash in the name: `index-BkU3x9aQ.js`. */
const HASHED = /[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** dist/web of the package this module belongs to (from src/serve/ in tests, dist/src/serve/ when built). */
export function defaultWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web');
    dir = dirname(dir);
  }
  return resolve('dist', 'web');
}

export interface StaticFile {
  body: Uint8Array;
  type: string;
  cache: string;
}

/** The file for a request path, index.html for an unknown path, or undefined when no web app is built. */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    path = '/';
  }
  const base = resolve(root);
  const target = resolve(base, '.' + (path.endsWith('/') ? `${path}index.html` : path));
  if (target === base || target.startsWith(base + sep)) {
    const file = await readIfFile(target);
    if (file) {
      const name = target.slice(base.length);
      const hashed = name.startsWith(`${sep}assets${sep}`) && HASHED.test(name);
      return { body: file, type: TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream', cache: hashed ? 'public, max-age=31536000, immutable' : 'no-cache' };
    }
  }
  // A missing asset is a 404, not the app's page (a stale hashed name must not get HTML).
  if (extname(path) !== '' && extname(path) !== '.html') return undefined;
  const index = await readIfFile(join(base, 'index.html'));
  return index ? { body: index, type: TYPES['.html']!, cache: 'no-cache' } : undefined;
}

async function readIfFile(path: string): Promise<Uint8Array | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}
