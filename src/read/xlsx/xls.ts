/**
 * Excel 97-2003 `.xls` reader: the OLE container is opened with `cfb`, the BIFF8 records of its
 * Workbook stream are read here by hand. Written by hand because exceljs does not read .xls and the
 * npm copy of `xlsx` (SheetJS 0.18.5) has unfixed vulnerabilities when reading untrusted files
 * (prototype pollution, ReDoS); the handful of records a published table needs is small.
 *
 * Records read: BOF/EOF, FILEPASS (encrypted), BOUNDSHEET (names, hidden state, offsets), SST with
 * CONTINUE, FORMAT and XF (number formats → displayed decimals), LABELSST, LABEL, RSTRING, NUMBER,
 * RK, MULRK, BOOLERR, FORMULA with its cached number or string (STRING), MERGEDCELLS, ROW (hidden),
 * COLINFO (hidden). DATEMODE is ignored (the 1900 system is assumed for the rare date cell).
 * The sheets then go through the same sheet → blocks step as .xlsx (./sheet.ts). `timeoutMs` is
 * checked every 4,096 records and per sheet (./deadline.ts); the OLE container's parse (cfb) is
 * synchronous and bounded by the file's size.
 */
import CFB from 'cfb';
import { JuesuanError } from '../../model/errors.js';
import type { BinaryReadOptions, BinaryReadResult } from '../binary.js';
import { Deadline } from './deadline.js';
import { formatDate, formatNumber, isDateFormat, serialToDate } from './numfmt.js';
import { sheetsToBlocks, type SheetData } from './sheet.js';
import { DEFAULT_MAX_CELLS } from './zip.js';

/** Built-in number formats (ECMA-376 §18.8.30 and the Chinese locale's date ids). */
const BUILTIN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 5: '#,##0;-#,##0', 6: '#,##0;[Red]-#,##0',
  7: '#,##0.00;-#,##0.00', 8: '#,##0.00;[Red]-#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  41: '#,##0', 42: '#,##0', 43: '#,##0.00', 44: '#,##0.00', 48: '##0.0E+0', 49: '@',
};
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

interface Record_ {
  type: number;
  data: Buffer;
  /** Offsets in `data` where a CONTINUE record's data begins. */
  breaks: number[];
  offset: number;
}

class Corrupt extends Error {}

/**
 * Records from the BOF at `offset` to its EOF (an embedded chart's BOF…EOF inside is passed over),
 * CONTINUE records appended to the record they continue.
 */
function* records(stream: Buffer, offset: number, deadline?: Deadline): Generator<Record_> {
  let pos = offset;
  let depth = 0;
  let pending: Record_ | undefined;
  let count = 0;
  while (pos + 4 <= stream.length) {
    if ((++count & 4095) === 0) deadline?.check();
    const type = stream.readUInt16LE(pos);
    const len = stream.readUInt16LE(pos + 2);
    if (pos + 4 + len > stream.length) throw new Corrupt('record past the end of the stream');
    const data = stream.subarray(pos + 4, pos + 4 + len);
    const at = pos;
    pos += 4 + len;
    if (type === 0x003c && pending) {
      pending.breaks.push(pending.data.length);
      pending.data = Buffer.concat([pending.data, data]);
      continue;
    }
    if (pending) yield pending;
    pending = { type, data, breaks: [], offset: at };
    if (type === 0x0809) depth++;
    if (type === 0x000a && --depth <= 0) {
      yield pending;
      return;
    }
  }
  if (pending) yield pending;
}

/** Reads strings out of a record's data, following the CONTINUE breaks (a new high-byte flag after each). */
class StringReader {
  pos: number;
  constructor(
    private readonly rec: Record_,
    start: number,
  ) {
    this.pos = start;
  }

  private nextBreak(): number {
    for (const b of this.rec.breaks) if (b > this.pos) return b;
    return this.rec.data.length;
  }

  u8(): number {
    if (this.pos + 1 > this.rec.data.length) throw new Corrupt('string past the end');
    return this.rec.data[this.pos++]!;
  }

  u16(): number {
    if (this.pos + 2 > this.rec.data.length) throw new Corrupt('string past the end');
    const v = this.rec.data.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }

  u32(): number {
    if (this.pos + 4 > this.rec.data.length) throw new Corrupt('string past the end');
    const v = this.rec.data.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  /** XLUnicodeRichExtendedString (SST, STRING, LABEL): cch is 16-bit unless `shortCount`. */
  string(shortCount = false): string {
    const cch = shortCount ? this.u8() : this.u16();
    const flags = this.u8();
    let high = (flags & 1) !== 0;
    const runs = flags & 8 ? this.u16() : 0;
    const ext = flags & 4 ? this.u32() : 0;
    const data = this.rec.data;
    let out = '';
    let left = cch;
    while (left > 0) {
      const end = this.nextBreak();
      const room = high ? (end - this.pos) >> 1 : end - this.pos;
      const n = Math.min(left, room);
      if (n > 0) {
        out += high ? data.toString('utf16le', this.pos, this.pos + 2 * n) : data.toString('latin1', this.pos, this.pos + n);
        this.pos += high ? 2 * n : n;
        left -= n;
      }
      if (left > 0) {
        if (this.pos >= data.length) throw new Corrupt('string past the end');
        // The continued characters start with their own compression flag.
        high = (this.u8() & 1) !== 0;
      }
    }
    this.pos += runs * 4 + ext;
    return out;
  }
}

function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(0, 0);
    b.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
    v = b.readDoubleLE(0);
  }
  return rk & 1 ? v / 100 : v;
}

export async function readXls(bytes: Uint8Array, options: BinaryReadOptions): Promise<BinaryReadResult> {
  const path = options.path;
  const deadline = new Deadline(options.timeoutMs, 'Excel 97-2003 工作簿', path);
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch (err) {
    throw new JuesuanError('corrupt', `Office 文件已损坏或不完整，无法读取（${(err instanceof Error ? err.message : String(err)).slice(0, 80)}）：${path}`, path);
  }
  const has = (name: string) => {
    try {
      return CFB.find(container, name);
    } catch {
      return null;
    }
  };
  if (has('EncryptionInfo') || has('EncryptedPackage')) {
    // An encrypted .xlsx or .docx is an OLE container holding the encrypted package.
    const kind = /\.doc[xm]?$/i.test(path) ? 'Word 文档' : /\.(?:xls[xmb]?|et)$/i.test(path) ? 'Excel 工作簿' : 'Office 文件';
    throw new JuesuanError('encrypted', `${kind}已加密（设有打开密码），请先解除密码保护后再读取：${path}`, path);
  }
  const workbook = has('Workbook') ?? has('Book');
  if (!workbook || !workbook.content || workbook.content.length === 0) {
    if (has('WordDocument')) throw new JuesuanError('unsupported_format', `不支持读取 Word 97-2003（.doc）文件，请另存为 .docx：${path}`, path);
    throw new JuesuanError('corrupt', `不是有效的 Excel 97-2003 工作簿（找不到 Workbook 数据流）：${path}`, path);
  }
  const stream = Buffer.from(workbook.content as Uint8Array);
  try {
    deadline.check(); // CFB.read cannot be interrupted: checked after it
    return readWorkbook(stream, options, deadline);
  } catch (err) {
    if (err instanceof JuesuanError) throw err;
    if (err instanceof Corrupt || err instanceof RangeError) {
      throw new JuesuanError('corrupt', `Excel 97-2003 工作簿已损坏或不完整（${err.message}），无法读取：${path}`, path);
    }
    throw err;
  }
}

interface BoundSheet {
  name: string;
  offset: number;
  hidden: boolean;
  worksheet: boolean;
}

function readWorkbook(stream: Buffer, options: BinaryReadOptions, deadline: Deadline): BinaryReadResult {
  const path = options.path;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const sst: string[] = [];
  const formats = new Map<number, string>();
  const xfFormat: number[] = [];
  const sheets: BoundSheet[] = [];
  let first = true;
  for (const rec of records(stream, 0, deadline)) {
    const d = rec.data;
    if (first) {
      first = false;
      if (rec.type !== 0x0809 || d.length < 4) throw new Corrupt('no BOF record');
      const version = d.readUInt16LE(0);
      if (version !== 0x0600) {
        throw new JuesuanError('unsupported_format', `不支持 Excel 5.0/95 及更早的 .xls 格式，请另存为 .xlsx：${path}`, path);
      }
      continue;
    }
    switch (rec.type) {
      case 0x002f:
        throw new JuesuanError('encrypted', `Excel 工作簿已加密（设有打开密码），请先解除密码保护后再读取：${path}`, path);
      case 0x0085: {
        if (d.length < 8) throw new Corrupt('short BOUNDSHEET');
        const r = new StringReader(rec, 6);
        sheets.push({ offset: d.readUInt32LE(0), hidden: (d[4]! & 3) !== 0, worksheet: d[5] === 0, name: r.string(true) });
        break;
      }
      case 0x00fc: {
        const r = new StringReader(rec, 8);
        const unique = d.readUInt32LE(4);
        for (let i = 0; i < unique && r.pos < d.length; i++) sst.push(r.string());
        break;
      }
      case 0x041e: {
        const r = new StringReader(rec, 2);
        formats.set(d.readUInt16LE(0), r.string());
        break;
      }
      case 0x00e0:
        xfFormat.push(d.length >= 4 ? d.readUInt16LE(2) : 0);
        break;
      default:
        break;
    }
  }
  const formatOf = (ixfe: number): { fmt: string | undefined; date: boolean } => {
    const id = xfFormat[ixfe] ?? 0;
    const fmt = formats.get(id) ?? BUILTIN[id];
    return { fmt, date: DATE_IDS.has(id) || isDateFormat(fmt) };
  };
  const show = (v: number, ixfe: number): string => {
    const { fmt, date } = formatOf(ixfe);
    return date ? formatDate(serialToDate(v), fmt) : formatNumber(v, fmt);
  };

  let cellCount = 0;
  const out: SheetData[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden || !sheet.worksheet) continue;
    if (sheet.offset >= stream.length) throw new Corrupt(`sheet ${sheet.name} past the end`);
    const data: SheetData = { name: sheet.name, cells: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set() };
    const put = (r: number, c: number, text: string) => {
      if (++cellCount > maxCells) {
        throw new JuesuanError('limit_exceeded', `Excel 工作簿的单元格超过 ${maxCells} 个上限，已停止读取：${path}`, path);
      }
      if (text === '') return;
      let row = data.cells.get(r + 1);
      if (!row) data.cells.set(r + 1, (row = new Map()));
      row.set(c + 1, text);
    };
    let formulaCell: [number, number] | undefined;
    let firstRecord = true;
    deadline.check();
    for (const rec of records(stream, sheet.offset, deadline)) {
      const d = rec.data;
      if (firstRecord) {
        firstRecord = false;
        if (rec.type !== 0x0809) throw new Corrupt(`sheet ${sheet.name} has no BOF`);
        continue;
      }
      const need = (n: number) => {
        if (d.length < n) throw new Corrupt(`short record 0x${rec.type.toString(16)}`);
      };
      switch (rec.type) {
        case 0x00fd: // LABELSST
          need(10);
          put(d.readUInt16LE(0), d.readUInt16LE(2), sst[d.readUInt32LE(6)] ?? '');
          break;
        case 0x0204: // LABEL
        case 0x00d6: // RSTRING
          need(8);
          put(d.readUInt16LE(0), d.readUInt16LE(2), new StringReader(rec, 6).string());
          break;
        case 0x0203: // NUMBER
          need(14);
          put(d.readUInt16LE(0), d.readUInt16LE(2), show(d.readDoubleLE(6), d.readUInt16LE(4)));
          break;
        case 0x027e: // RK
          need(10);
          put(d.readUInt16LE(0), d.readUInt16LE(2), show(rkValue(d.readUInt32LE(6)), d.readUInt16LE(4)));
          break;
        case 0x00bd: {
          // MULRK: row, first column, (ixfe, rk) pairs, last column.
          need(6);
          const r = d.readUInt16LE(0);
          const c0 = d.readUInt16LE(2);
          const n = Math.floor((d.length - 6) / 6);
          for (let i = 0; i < n; i++) put(r, c0 + i, show(rkValue(d.readUInt32LE(4 + 6 * i + 2)), d.readUInt16LE(4 + 6 * i)));
          break;
        }
        case 0x0005: // BOOLERR
          need(8);
          put(d.readUInt16LE(0), d.readUInt16LE(2), d[7] ? '#ERR' : d[6] ? 'TRUE' : 'FALSE');
          break;
        case 0x0006: {
          // FORMULA: the cached result; a string result follows in a STRING record.
          need(20);
          const r = d.readUInt16LE(0);
          const c = d.readUInt16LE(2);
          if (d.readUInt16LE(12) === 0xffff) {
            const kind = d[6];
            if (kind === 0) formulaCell = [r, c];
            else if (kind === 1) put(r, c, d[8] ? 'TRUE' : 'FALSE');
          } else put(r, c, show(d.readDoubleLE(6), d.readUInt16LE(4)));
          break;
        }
        case 0x0207: // STRING
          if (formulaCell) {
            put(formulaCell[0], formulaCell[1], new StringReader(rec, 0).string());
            formulaCell = undefined;
          }
          break;
        case 0x00e5: {
          // MERGEDCELLS
          need(2);
          const n = Math.min(d.readUInt16LE(0), Math.floor((d.length - 2) / 8));
          for (let i = 0; i < n; i++) {
            const o = 2 + 8 * i;
            data.merges.push({ top: d.readUInt16LE(o) + 1, bottom: d.readUInt16LE(o + 2) + 1, left: d.readUInt16LE(o + 4) + 1, right: d.readUInt16LE(o + 6) + 1 });
          }
          break;
        }
        case 0x0208: // ROW: fDyZero (bit 5 of the option flags) hides the row
          need(16);
          if (d.readUInt16LE(12) & 0x20) data.hiddenRows.add(d.readUInt16LE(0) + 1);
          break;
        case 0x007d: {
          // COLINFO
          need(10);
          if (d.readUInt16LE(8) & 1) {
            const last = Math.min(d.readUInt16LE(2), 16383);
            for (let c = d.readUInt16LE(0); c <= last; c++) data.hiddenCols.add(c + 1);
          }
          break;
        }
        case 0x0809: {
          // An embedded substream (a chart): skip to its EOF by reading on; its cells are not ours.
          break;
        }
        default:
          break;
      }
    }
    out.push(data);
  }
  return sheetsToBlocks(out, { deadline, path, allNames: sheets.filter((s) => s.worksheet).map((s) => s.name) });
}
