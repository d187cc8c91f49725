#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`).
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A command that reads a file or two and exits runs most of its code only briefly: V8's optimising
// compiler (Turbofan) then costs more CPU than it saves (measured on Node 20 / V8 11.3: a 13-page PDF
// 0.88 s → 0.61 s of CPU, 283 pages 3.7 s → 2.8 s, `check` of 8 PDFs 2.9 s → 2.2 s). A 15 times
// larger interrupt budget leaves to Turbofan only the functions that stay hot. Only on the V8 it was
// measured on (flag names and tiering differ in others: an unknown flag is an error on stderr), and
// not for the long-running commands.
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (process.versions.v8.startsWith('11.3.') && !['serve', 'import', 'worker'].includes(command ?? '')) setFlagsFromString('--interrupt-budget=1000000');

// `juesuan extract` and `juesuan check` run from one bundled script with a V8 code cache
// (src/cli/code-cache.ts), when the bundle is newer than the compiled modules (tsc rewrites them all:
// a bundle older than one of them is stale). JUESUAN_FAST_START=0 runs them from the modules like
// every other command.
const bundle = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const modified = (file) => statSync(fileURLToPath(new URL(file, import.meta.url)), { throwIfNoEntry: false })?.mtimeMs ?? NaN;
if (['extract', 'check'].includes(command) && process.env.JUESUAN_FAST_START !== '0' && modified('../dist/cli.cjs') >= modified('../dist/src/cli/program.js')) {
  const { runBundled } = await import('../dist/src/cli/code-cache.js');
  process.exitCode = await runBundled(bundle, process.argv);
} else {
  await import('../dist/src/cli/main.js').catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write('juesuan：尚未编译，请先在项目目录运行 npm run build\n');
      process.exit(2);
    }
    throw error;
  });
}
