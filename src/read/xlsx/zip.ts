/**
 * A guard for ZIP-based Office files (xlsx, docx), run before a library unpacks them. The libraries
 * (exceljs, mammoth → jszip) inflate whole parts into memory with no limit, so a zip bomb would
 * exhaust memory: the central directory's declared sizes are checked first, then every part is
 * inflated here with a hard output cap (declared sizes can lie), counting what the package really
 * unpacks to. Also counts the cells of the worksheets (`<c ` elements) before exceljs builds them.
 */
import { inflateRawSync } from 'node:zlib';
import { JuesuanError } from '../../model/errors.js';
import type { Deadline } from './deadline.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  flags: number;
}

export interface ZipGuardOptions {
  path: string;
  maxUnpackedBytes: number;
  /** Counts `<c ` elements in parts whose name matches, against this limit. */
  maxCells?: number;
  cellParts?: RegExp;
  /** What the file is, for messages: `Excel 工作簿`, `Word 文档`. */
  kind: string;
  /** Checked between parts and while counting cells (a package of many big parts takes time). */
  deadline?: Deadline;
}

export interface ZipGuardResult {
  entries: ZipEntry[];
  unpacked: number;
  cells: number;
  /** Parts inflated during the check, by name (only those asked for with `keep`). */
  kept: Map<string, Buffer>;
}

export const DEFAULT_MAX_UNPACKED = 500 * 1024 * 1024;
export const DEFAULT_MAX_CELLS = 2_000_000;

function corrupt(options: ZipGuardOptions, why: string): JuesuanError {
  return new JuesuanError('corrupt', `${options.kind}已损坏或不完整（${why}），无法读取：${options.path}`, options.path);
}

function tooBig(options: ZipGuardOptions, bytes: number): JuesuanError {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
  return new JuesuanError(
    'limit_exceeded',
    `${options.kind}解压后超过 ${mib(options.maxUnpackedBytes)}（已达 ${mib(bytes)}，疑似压缩炸弹），已停止读取：${options.path}`,
    options.path,
  );
}

/** The entries listed in the central directory. */
export function centralDirectory(buf: Buffer, options: ZipGuardOptions): ZipEntry[] {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0 && i >= buf.length - 22 - 65535; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(options, '找不到 ZIP 目录，文件可能被截断');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    // ZIP64: the locator sits just before the EOCD record.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw corrupt(options, 'ZIP64 目录缺失');
    const rec = Number(buf.readBigUInt64LE(loc + 8));
    if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== 0x06064b50) throw corrupt(options, 'ZIP64 目录损坏');
    count = Number(buf.readBigUInt64LE(rec + 32));
    cdSize = Number(buf.readBigUInt64LE(rec + 40));
    cdOffset = Number(buf.readBigUInt64LE(rec + 48));
  }
  if (cdOffset + cdSize > buf.length) throw corrupt(options, 'ZIP 目录超出文件末尾，文件可能被截断');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt(options, 'ZIP 目录项损坏');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extended information: the 64-bit values present in this order, only for fields that overflow.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = buf.readUInt16LE(e);
        const len = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) (size = Number(buf.readBigUInt64LE(q))), (q += 8);
          if (compressedSize === 0xffffffff) (compressedSize = Number(buf.readBigUInt64LE(q))), (q += 8);
          if (localOffset === 0xffffffff) localOffset = Number(buf.readBigUInt64LE(q));
          break;
        }
        e += 4 + len;
      }
    }
    entries.push({ name, method, compressedSize, size, localOffset, flags });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const CELL_TAG = /<(?:\w+:)?c[\s>]/g;

/**
 * Check a package: declared sizes first (cheap: a bomb is refused before anything is inflated), then
 * each part inflated with a cap equal to the budget left. Returns the parts named in `keep`.
 */
export function guardZip(bytes: Uint8Array, options: ZipGuardOptions, keep: (name: string) => boolean = () => false): ZipGuardResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buf, options);
  let declared = 0;
  for (const e of entries) {
    declared += e.size;
    if (declared > options.maxUnpackedBytes) throw tooBig(options, declared);
  }
  let unpacked = 0;
  let cells = 0;
  const kept = new Map<string, Buffer>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    options.deadline?.check();
    if (e.flags & 1) throw new JuesuanError('encrypted', `${options.kind}已加密（ZIP 加密），请先解除密码保护：${options.path}`, options.path);
    const local = e.localOffset;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw corrupt(options, `部件 ${e.name} 的位置无效`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + e.compressedSize > buf.length) throw corrupt(options, `部件 ${e.name} 超出文件末尾，文件可能被截断`);
    const data = buf.subarray(start, start + e.compressedSize);
    const budget = options.maxUnpackedBytes - unpacked;
    let out: Buffer;
    if (e.method === 0) {
      out = data;
    } else if (e.method === 8) {
      try {
        // One byte over the budget tells a bomb from a part that fills the budget exactly.
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooBig(options, options.maxUnpackedBytes + 1);
        throw corrupt(options, `部件 ${e.name} 无法解压`);
      }
    } else {
      throw corrupt(options, `部件 ${e.name} 使用了不支持的压缩方式 ${e.method}`);
    }
    unpacked += out.length;
    if (unpacked > options.maxUnpackedBytes) throw tooBig(options, unpacked);
    if (options.cellParts && options.maxCells !== undefined && options.cellParts.test(e.name)) {
      const xml = out.toString('latin1');
      CELL_TAG.lastIndex = 0;
      while (CELL_TAG.exec(xml)) {
        if ((++cells & 0xffff) === 0) options.deadline?.check();
        if (cells > options.maxCells) {
          throw new JuesuanError('limit_exceeded', `${options.kind}的单元格超过 ${options.maxCells} 个上限，已停止读取：${options.path}`, options.path);
        }
      }
    }
    if (keep(e.name)) kept.set(e.name, out);
  }
  return { entries, unpacked, cells, kept };
}
