/** Terminal helpers for the CLI: colour only on a TTY, a progress bar on stderr, input expansion. */
import { collectDocuments } from '../read/files.js';

/** Colour when stdout is a terminal and NO_COLOR is not set (https://no-color.org). */
export function useColour(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];
}

/** Files as given, and the documents inside folders (see collectDocuments). */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  return (await collectDocuments(inputs)).files;
}

/** A one-line progress bar on stderr, redrawn as files finish. */
export function progressBar(total: number): { update: (done: number, total: number, file: string) => void; done: () => void } {
  const width = 30;
  const started = Date.now();
  let last = 0;
  const draw = (done: number, file: string) => {
    const filled = Math.round((done / total) * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const name = file.length > 30 ? '…' + file.slice(-29) : file;
    process.stderr.write(`\r检查中 [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)} 个/秒  ${name}\x1b[K`);
  };
  return {
    update(done, _total, file) {
      const now = Date.now();
      if (done === total || now - last > 80) {
        last = now;
        draw(done, file);
      }
    },
    done() {
      process.stderr.write('\r\x1b[K');
    },
  };
}
