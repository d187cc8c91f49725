/**
 * The workbench web app: Vite root `web/`, built to `dist/web`, which `juesuan serve` serves at `/`.
 * `npx vite build --config web/vite.config.ts`; for development `npx vite --config web/vite.config.ts`
 * proxies /api to a running `juesuan serve` (JUESUAN_API, default http://127.0.0.1:8080).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': process.env['JUESUAN_API'] ?? 'http://127.0.0.1:8080' } },
});
