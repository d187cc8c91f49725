/**
 * Excel `.xlsx` reader (exceljs). The package is checked first (zip bomb, cell count: ./zip.ts),
 * then every visible sheet, in workbook order, becomes paragraphs and table blocks (./sheet.ts).
 * Numbers are shown as the cell's number format displays them (./numfmt.ts); formulas give their
 * cached result, and a formula saved without one (a workbook written by a program, never opened in
 * Excel) ends the read naming its cells rather than passing for zero; numbers stored as text keep
 * their text (recognition parses `2,169.36`, `１，２３４．５６`). `timeoutMs` is checked per part,
 * sheet and rows, and raced against exceljs' one call (./deadline.ts).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../model/lazy.js';
import { JuesuanError } from '../../model/errors.js';
import type { BinaryReadOptions, BinaryReadResult } from '../binary.js';
import { Deadline } from './deadline.js';
import { formatDate, formatNumber } from './numfmt.js';
import { sheetsToBlocks, type MergeRange, type SheetData } from './sheet.js';
import { DEFAULT_MAX_CELLS, DEFAULT_MAX_UNPACKED, guardZip } from './zip.js';

export async function readXlsx(bytes: Uint8Array, options: BinaryReadOptions): Promise<BinaryReadResult> {
  const path = options.path;
  const kind = 'Excel 工作簿';
  const deadline = new Deadline(options.timeoutMs, kind, path);
  const guard = guardZip(bytes, {
    deadline,
    path,
    kind,
    maxUnpackedBytes: options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED,
    maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
    cellParts: /^\/?xl\/worksheets\/[^/]+\.xml$/i,
  }, (name) => /^\/?xl\/(?:worksheets\/[^/]+\.xml|workbook\.xml|_rels\/workbook\.xml\.rels)$/i.test(name));
  if (!guard.entries.some((e) => /^\/?xl\/workbook\.xml$/i.test(e.name))) {
    throw new JuesuanError('corrupt', `不是有效的 Excel 工作簿（缺少 xl/workbook.xml）：${path}`, path);
  }
  const workbook = new (await deadline.race(loadExcelJs())).Workbook();
  try {
    // exceljs parses the whole package in one call: raced against the deadline. It cannot be
    // stopped; when it loses, it goes on in the background (the CLI should exit on the error).
    await deadline.race(workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer));
  } catch (err) {
    if (err instanceof JuesuanError) throw err;
    throw new JuesuanError('corrupt', `Excel 工作簿已损坏，无法读取（${shortReason(err)}）：${path}`, path);
  }
  const raw = formulaValues(guard.kept);
  const sheets: SheetData[] = [];
  const uncached: string[] = [];
  let uncachedCount = 0;
  for (const ws of workbook.worksheets) {
    deadline.check();
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    sheets.push(
      sheetData(ws, deadline, raw.get(ws.name), (address) => {
        if (uncachedCount++ < 5) uncached.push(`工作表“${ws.name}”的 ${address}`);
      }),
    );
  }
  if (uncachedCount > 0) {
    // A formula saved without its result (a workbook written by a program and never opened in
    // Excel): its value is unknown, and reading it as blank would pass it off as zero.
    const more = uncachedCount > uncached.length ? ` 等 ${uncachedCount} 个单元格` : '';
    throw new JuesuanError(
      'corrupt',
      `Excel 工作簿中的公式没有保存计算结果（${uncached.join('、')}${more}），无法得知其数值：请用 Excel 或 WPS 打开并保存后再读取：${path}`,
      path,
    );
  }
  const result = sheetsToBlocks(sheets, { deadline, path, allNames: workbook.worksheets.map((ws) => ws.name) });
  const title = workbook.title?.trim();
  return { ...result, ...(title ? { title } : {}) };
}

function shortReason(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.length > 80 ? `${m.slice(0, 80)}…` : m;
}

/** A formula cell's cached result as the sheet XML holds it: its type (`t`) and `<v>` text, or null when it has none. */
type RawFormula = { t: string; v: string } | null;

const XML_ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The cached results of the formula cells, by sheet name and address, read from the sheet XML:
 * exceljs drops a cached 0 or empty string (it tests the value for truth), so it cannot tell a
 * formula whose result is 0 from one saved without a result.
 */
function formulaValues(parts: Map<string, Buffer>): Map<string, Map<string, RawFormula>> {
  const part = (re: RegExp) => [...parts.entries()].find(([n]) => re.test(n))?.[1]?.toString('utf8') ?? '';
  const rels = new Map<string, string>();
  for (const m of part(/^\/?xl\/_rels\/workbook\.xml\.rels$/i).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.replace(/^\/?(?:xl\/)?/, 'xl/'));
  }
  const out = new Map<string, Map<string, RawFormula>>();
  for (const m of part(/^\/?xl\/workbook\.xml$/i).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const target = rid ? rels.get(rid) : undefined;
    const xml = target ? [...parts.entries()].find(([n]) => n.replace(/^\//, '').toLowerCase() === target.toLowerCase())?.[1]?.toString('utf8') : undefined;
    if (!name || !xml || !xml.includes('<f')) continue;
    const cells = new Map<string, RawFormula>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const inner = c[2] ?? '';
      if (!/<f[\s>/]/.test(inner)) continue;
      const r = /\br="([A-Z]+\d+)"/.exec(c[1]!)?.[1];
      if (!r) continue;
      const v = /<v>([\s\S]*?)<\/v>|<v\/>/.exec(inner);
      cells.set(r, v ? { t: /\bt="([^"]*)"/.exec(c[1]!)?.[1] ?? 'n', v: (v[1] ?? '').replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => XML_ENTITY[e]!) } : null);
    }
    out.set(name.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => XML_ENTITY[e]!), cells);
  }
  return out;
}

function sheetData(ws: ExcelJS.Worksheet, deadline: Deadline, raw: Map<string, RawFormula> | undefined, noResult: (address: string) => void): SheetData {
  const cells = new Map<number, Map<number, string>>();
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if ((r & 255) === 0) deadline.check();
    if (row.hidden) hiddenRows.add(r);
    const out = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A covered position of a merged range reports the master's value: only the master counts.
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      let text: string;
      if (hasNoResult(cell.value)) {
        const cached = raw?.get(cell.address);
        // No <v> at all: a formula saved without its result (hidden cells are not read). A cell
        // the scan did not find (no `r` attribute) is shown as exceljs has it.
        if (cached === null) {
          if (!row.hidden && !isHiddenColumn(ws, c)) noResult(cell.address);
          text = '';
        } else text = cached ? rawText(cached, typeof cell.numFmt === 'string' ? cell.numFmt : undefined) : displayed(cell);
      } else text = displayed(cell);
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

function isHiddenColumn(ws: ExcelJS.Worksheet, c: number): boolean {
  return ws.getColumn(c).hidden === true;
}

/** A formula cell saved without its cached result. */
function hasNoResult(value: ExcelJS.CellValue | undefined): boolean {
  if (!value || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) return false;
  const result = (value as { result?: unknown }).result;
  return result === undefined || result === null;
}

/** The text of a cached formula result read from the sheet XML. */
function rawText(cached: { t: string; v: string }, fmt: string | undefined): string {
  if (cached.t === 'str' || cached.t === 'inlineStr' || cached.t === 'e') return cached.v;
  if (cached.t === 'b') return cached.v === '1' ? 'TRUE' : 'FALSE';
  const n = Number(cached.v);
  return cached.v.trim() !== '' && Number.isFinite(n) ? formatNumber(n, fmt) : cached.v;
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
