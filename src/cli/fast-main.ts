/**
 * `juesuan extract` and `juesuan check`: the entry bin/juesuan.js bundles into one script
 * (dist/cli.cjs, with pdf.js and the checker) and runs with a V8 code cache, so that reading or
 * checking one document does not pay for loading and compiling some hundred modules (see
 * code-cache.ts). Same commands, same output as main.ts.
 */
import { pdfjsLoaded } from '../read/pdf/index.js';
import { createProgram, registerCheckCommand, registerExtractCommand, runProgram } from './program.js';

let checked = false;

export function run(argv: string[]): Promise<number> {
  const program = createProgram();
  registerExtractCommand(program);
  registerCheckCommand(program);
  program.hook('preAction', (_, command) => {
    if (command.name() === 'check') checked = true;
  });
  return runProgram(program, argv);
}

/** What this run compiled beyond the common path (the code cache is written again to hold it). */
export function features(): string[] {
  return [...(checked ? ['check'] : []), ...(pdfjsLoaded() ? ['pdf'] : [])];
}
