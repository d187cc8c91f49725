#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`).
import('../dist/src/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('juesuan：尚未编译，请先在项目目录运行 npm run build\n');
    process.exit(2);
  }
  throw error;
});
