// Bundles `juesuan extract` and `juesuan check` (dist/src/cli/fast-main.js, compiled by tsc) with pdf.js into one
// CommonJS script, dist/cli.cjs, that bin/juesuan.js runs with a V8 code cache
// (src/cli/code-cache.ts). Packages that are native, large and rarely needed for one extraction
// stay outside and are loaded from node_modules when used.
import { build } from 'rolldown';

await build({
  input: 'dist/src/cli/fast-main.js',
  platform: 'node',
  external: ['@napi-rs/canvas', 'exceljs', 'mammoth', 'playwright-core', 'docx', 'pg', '@electric-sql/pglite', 'hono', '@hono/node-server'],
  logLevel: 'warn',
  // pdf.js builds a few functions with eval on purpose; nothing to act on.
  onLog: (level, log, handler) => (log.code === 'EVAL' ? undefined : handler(level, log)),
  output: { file: 'dist/cli.cjs', format: 'cjs', codeSplitting: false, dynamicImportInCjs: false, minify: { mangle: false, compress: false } },
});
