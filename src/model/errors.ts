/** Errors the user can act on. The CLI prints `message` (Chinese) and exits with `exitCode`. */
export type JuesuanErrorCode =
  | 'not_found'
  | 'not_a_file'
  | 'empty'
  | 'binary'
  | 'unsupported_format'
  | 'undecodable'
  | 'not_a_document'
  | 'too_large'
  | 'bad_config'
  | 'needs_async'
  | 'encrypted'
  | 'corrupt'
  | 'no_text_layer'
  | 'limit_exceeded';

export class JuesuanError extends Error {
  readonly code: JuesuanErrorCode;
  readonly file: string | undefined;
  readonly exitCode: number;

  constructor(code: JuesuanErrorCode, message: string, file?: string, exitCode = 2) {
    super(message);
    this.name = 'JuesuanError';
    this.code = code;
    this.file = file;
    this.exitCode = exitCode;
  }
}
