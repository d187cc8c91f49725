/**
 * Excel `.xlsx` reader (exceljs). The package is checked first (zip bomb, cell count: ./zip.ts),
 * then every visible sheet, in workbook order, becomes paragraphs and table blocks (./sheet.ts).
 * Numbers are shown as the cell's number format displays them (./numfmt.ts); formulas give their
 * cached result; numbers stored as text keep their text (recognition parses `2,169.36`).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../model/lazy.js';
import { JuesuanError } from '../../model/errors.js';
import type { BinaryReadOptions, BinaryReadResult } from '../binary.js';
import { formatDate, formatNumber } from './numfmt.js';
import { sheetsToBlocks, type MergeRange, type SheetData } from './sheet.js';
import { DEFAULT_MAX_CELLS, DEFAULT_MAX_UNPACKED, guardZip } from './zip.js';

export async function readXlsx(bytes: Uint8Array, options: BinaryReadOptions): Promise<BinaryReadResult> {
  const path = options.path;
  const kind = 'Excel 工作簿';
  const guard = guardZip(bytes, {
    path,
    kind,
    maxUnpackedBytes: options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED,
    maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
    cellParts: /^\/?xl\/worksheets\/[^/]+\.xml$/i,
  });
  if (!guard.entries.some((e) => /^\/?xl\/workbook\.xml$/i.test(e.name))) {
    throw new JuesuanError('corrupt', `不是有效的 Excel 工作簿（缺少 xl/workbook.xml）：${path}`, path);
  }
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    throw new JuesuanError('corrupt', `Excel 工作簿已损坏，无法读取（${shortReason(err)}）：${path}`, path);
  }
  const sheets: SheetData[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    sheets.push(sheetData(ws));
  }
  const result = sheetsToBlocks(sheets);
  const title = workbook.title?.trim();
  return { ...result, ...(title ? { title } : {}) };
}

function shortReason(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.length > 80 ? `${m.slice(0, 80)}…` : m;
}

function sheetData(ws: ExcelJS.Worksheet): SheetData {
  const cells = new Map<number, Map<number, string>>();
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) hiddenRows.add(r);
    const out = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A covered position of a merged range reports the master's value: only the master counts.
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const text = displayed(cell);
      if (text !== '') out.set(c, text);
    });
    if (out.size > 0) cells.set(r, out);
  });
  for (const col of ws.columns ?? []) {
    if (col.hidden && col.number) hiddenCols.add(col.number);
  }
  const merges: MergeRange[] = [];
  const internal = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  for (const m of Object.values(internal)) {
    if (m) merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  return { name: ws.name, cells, merges, hiddenRows, hiddenCols };
}

/** The text a cell displays. */
function displayed(cell: ExcelJS.Cell): string {
  const fmt = cell.numFmt;
  return valueText(cell.value, typeof fmt === 'string' ? fmt : undefined);
}

function valueText(value: ExcelJS.CellValue | undefined, fmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, fmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDate(value, fmt);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((p) => p.text ?? '').join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result && typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error);
      return valueText(result as ExcelJS.CellValue | undefined, fmt);
    }
    if ('error' in value) return String(value.error);
    if ('text' in value) {
      const t = (value as { text: unknown }).text;
      if (typeof t === 'string') return t;
      if (t && typeof t === 'object' && 'richText' in t) return valueText(t as ExcelJS.CellValue, fmt);
    }
  }
  return '';
}
