/** Placeholder until the reader lands (issue #6): says clearly that the format cannot be read yet. */
import { JuesuanError } from '../../model/errors.js';
import type { BinaryReadResult, BinaryReadOptions } from '../binary.js';

export async function readXlsx(bytes: Uint8Array, options: BinaryReadOptions): Promise<BinaryReadResult> {
  void bytes;
  throw new JuesuanError('unsupported_format', `暂不支持读取 Excel（.xlsx） 文件：${options.path}`, options.path);
}
