/**
 * Excel 2003 XML (SpreadsheetML: `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`),
 * which web-based 财政 systems export under the name `.xls`. A flat format read by a tag scanner:
 * Worksheet (name; WorksheetOptions/Visible hides it), Column and Row (ss:Index, ss:Span,
 * ss:Hidden), Cell (ss:Index, ss:MergeAcross, ss:MergeDown, ss:StyleID), Data (ss:Type; rich text
 * inside is reduced to its text) and the styles' NumberFormat. Numbers are shown as their format
 * displays them (./numfmt.ts); then the same sheet → blocks step as the other workbooks (./sheet.ts).
 */
import { JuesuanError } from '../../model/errors.js';
import type { BinaryReadResult } from '../binary.js';
import type { Deadline } from './deadline.js';
import { formatNumber } from './numfmt.js';
import { sheetsToBlocks, type SheetData } from './sheet.js';
import { DEFAULT_MAX_CELLS } from './zip.js';

/** Whether a text is an Excel 2003 XML workbook. */
export function isSpreadsheetXml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /urn:schemas-microsoft-com:office:spreadsheet/.test(head) && /<(?:\w+:)?Workbook[\s>]/.test(head);
}

/** The named number formats of SpreadsheetML, as format codes. */
const NAMED: Record<string, string> = {
  General: 'General',
  'General Number': 'General',
  Fixed: '0.00',
  Standard: '#,##0.00',
  Percent: '0.00%',
  Scientific: '0.00E+00',
  '0': '0',
  '0.00': '0.00',
};

const TAG = /<(\/?)(?:[\w.-]+:)?(Worksheet|WorksheetOptions|Visible|Table|Column|Row|Cell|Data|Style|NumberFormat)\b([^>]*?)(\/?)>/g;
const ATTR = /(?:[\w.-]+:)?([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(text); m; m = ATTR.exec(text)) out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g, (_, dec: string, hex: string, name: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
    if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name as 'lt']!;
  });
}

/** Excel's sheet size: positions beyond it are a broken or hostile file. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export function readSpreadsheetXml(text: string, options: { path: string; maxCells?: number; deadline?: Deadline }): BinaryReadResult {
  const { path } = options;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const formats = new Map<string, string>();
  const sheets: (SheetData & { hidden: boolean })[] = [];
  let sheet: (SheetData & { hidden: boolean }) | undefined;
  let style: string | undefined;
  let row = 0;
  let col = 0;
  let column = 0;
  let cellStyle: string | undefined;
  let cellCount = 0;
  const index = (value: string | undefined, next: number, max: number, what: string): number => {
    const n = value === undefined ? next : Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new JuesuanError('corrupt', `Excel 2003 XML 工作簿已损坏（${what}位置 ${value ?? n} 无效），无法读取：${path}`, path);
    return n;
  };
  const span = (value: string | undefined, max: number) => Math.min(Math.max(0, Math.floor(Number(value ?? 0)) || 0), max);
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const [, close, name, attrText, selfClosing] = m;
    if (close) {
      if (name === 'Worksheet') sheet = undefined;
      continue;
    }
    const attrs = attributes(attrText!);
    switch (name) {
      case 'Style':
        style = attrs.get('ID');
        break;
      case 'NumberFormat':
        if (style && !sheet) formats.set(style, NAMED[attrs.get('Format') ?? ''] ?? attrs.get('Format') ?? 'General');
        break;
      case 'Worksheet':
        sheet = { name: attrs.get('Name') ?? `Sheet${sheets.length + 1}`, cells: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set(), hidden: false };
        sheets.push(sheet);
        row = 0;
        column = 0;
        options.deadline?.check();
        break;
      case 'Visible': {
        if (!sheet || selfClosing) break;
        const end = text.indexOf('<', TAG.lastIndex);
        if (/Hidden/i.test(text.slice(TAG.lastIndex, end < 0 ? undefined : end))) sheet.hidden = true;
        break;
      }
      case 'Column': {
        if (!sheet) break;
        column = index(attrs.get('Index'), column + 1, MAX_COL, '列');
        const more = span(attrs.get('Span'), MAX_COL - column);
        if (attrs.get('Hidden') === '1') for (let c = column; c <= column + more; c++) sheet.hiddenCols.add(c);
        column += more;
        break;
      }
      case 'Row': {
        if (!sheet) break;
        row = index(attrs.get('Index'), row + 1, MAX_ROW, '行');
        col = 0;
        if (attrs.get('Hidden') === '1') sheet.hiddenRows.add(row);
        if ((row & 255) === 0) options.deadline?.check();
        if (selfClosing) row += span(attrs.get('Span'), MAX_ROW - row);
        break;
      }
      case 'Cell': {
        if (!sheet) break;
        col = index(attrs.get('Index'), col + 1, MAX_COL, '列');
        cellStyle = attrs.get('StyleID');
        if (++cellCount > maxCells) {
          throw new JuesuanError('limit_exceeded', `Excel 工作簿的单元格超过 ${maxCells} 个上限，已停止读取：${path}`, path);
        }
        const across = span(attrs.get('MergeAcross'), MAX_COL - col);
        const down = span(attrs.get('MergeDown'), MAX_ROW - row);
        if (across > 0 || down > 0) sheet.merges.push({ top: row, left: col, bottom: row + down, right: col + across });
        const r = row;
        const c = col;
        col += across;
        if (selfClosing) break;
        // The cell's Data, if any, before the cell closes.
        const cellEnd = text.slice(TAG.lastIndex).search(/<\/(?:[\w.-]+:)?Cell>/);
        const inner = cellEnd < 0 ? '' : text.slice(TAG.lastIndex, TAG.lastIndex + cellEnd);
        const data = /<(?:[\w.-]+:)?Data\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?Data>)/.exec(inner);
        if (data) {
          const type = attributes(data[1]!).get('Type') ?? 'String';
          const raw = unescapeXml((data[2] ?? '').replace(/<[^>]*>/g, ''));
          const shown = cellText(raw, type, formats.get(cellStyle ?? ''));
          if (shown !== '') {
            let cells = sheet.cells.get(r);
            if (!cells) sheet.cells.set(r, (cells = new Map()));
            cells.set(c, shown);
          }
        }
        if (cellEnd >= 0) TAG.lastIndex += cellEnd;
        break;
      }
      default:
        break;
    }
  }
  if (sheets.length === 0) throw new JuesuanError('corrupt', `Excel 2003 XML 工作簿中没有工作表，无法读取：${path}`, path);
  const visible = sheets.filter((s) => !s.hidden);
  return sheetsToBlocks(visible, { ...(options.deadline ? { deadline: options.deadline } : {}), path, allNames: sheets.map((s) => s.name) });
}

function cellText(raw: string, type: string, fmt: string | undefined): string {
  if (type === 'Number') {
    const v = Number(raw.trim());
    return Number.isFinite(v) && raw.trim() !== '' ? formatNumber(v, fmt) : raw;
  }
  if (type === 'Boolean') return raw.trim() === '1' ? 'TRUE' : 'FALSE';
  if (type === 'DateTime') return raw.replace(/T00:00:00(?:\.000)?$/, '');
  return raw;
}
