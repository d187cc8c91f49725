/**
 * The wall-clock limit of the Office readers (`ReadLimits.timeoutMs`), as the PDF reader has it:
 * `check()` at natural points of the readers' own loops (per part, per sheet, per rows, per BIFF
 * records), and `race()` for a library call that cannot be interrupted (exceljs, mammoth), so that
 * no Office file can hang the CLI. The message is the user's (exit 2).
 */
import { JuesuanError } from '../../model/errors.js';

export const DEFAULT_TIMEOUT_MS = 120_000;

export class Deadline {
  readonly at: number;
  readonly timeoutMs: number;

  /** `kind` names the file in the message: `Excel 工作簿`, `Word 文档`. */
  constructor(
    timeoutMs: number | undefined,
    private readonly kind: string,
    private readonly path: string,
  ) {
    this.timeoutMs = timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.at = Date.now() + this.timeoutMs;
  }

  error(): JuesuanError {
    // Whole seconds as the PDF reader says them; a limit under a second keeps its decimals.
    const seconds = this.timeoutMs >= 1000 ? Math.round(this.timeoutMs / 1000) : Math.round(this.timeoutMs) / 1000;
    return new JuesuanError('limit_exceeded', `读取 ${this.kind}超时（超过 ${seconds} 秒）：${this.path}`, this.path);
  }

  /** Throws the timeout error once the deadline has passed. */
  check(): void {
    if (Date.now() > this.at) throw this.error();
  }

  /**
   * `work` or the timeout, whichever comes first. The work goes on in the background when it
   * loses (a library call cannot be stopped); its outcome is then ignored.
   */
  async race<T>(work: Promise<T>): Promise<T> {
    this.check();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.error()), Math.max(0, this.at - Date.now()));
      timer.unref?.();
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
