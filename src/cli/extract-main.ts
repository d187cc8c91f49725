/**
 * `juesuan extract` alone: the entry bin/juesuan.js bundles into one script (dist/extract.cjs, with
 * pdf.js) and runs with a V8 code cache, so a single extraction does not pay for loading and
 * compiling some hundred modules (see code-cache.ts). Same command, same output as main.ts.
 */
import { createProgram, registerExtractCommand, runProgram } from './program.js';

export function run(argv: string[]): Promise<number> {
  const program = createProgram();
  registerExtractCommand(program);
  return runProgram(program, argv);
}

/** Whether this run loaded pdf.js (the code cache is then written again to hold its functions). */
export { pdfjsLoaded } from '../read/pdf/index.js';
