/**
 * Delimited text (CSV, tab-separated) as a one-sheet workbook. Many 财政 systems export a table as
 * CSV or tab-separated text and name it `.xls`; a `.csv` is the same. Fields are split as RFC 4180
 * says (quoted fields may hold the delimiter, `""` and line breaks: `"1,234.56"`), then the sheet
 * goes through the same sheet → blocks step as a workbook (./sheet.ts): title and unit lines above
 * the grid, the grid, notes below.
 */
import type { BinaryReadResult } from '../binary.js';
import { sheetsToBlocks, type SheetData } from './sheet.js';

/** The delimiter of a text: the one that splits most of its first lines into the same number of fields. */
export function detectDelimiter(text: string): ',' | '\t' | ';' | undefined {
  const lines = text.split('\n', 40).filter((l) => l.trim() !== '');
  let best: { d: ',' | '\t' | ';'; score: number } | undefined;
  for (const d of [',', '\t', ';'] as const) {
    const counts = lines.map((l) => splitRecords(l, d)[0]?.length ?? 1);
    const multi = counts.filter((n) => n >= 3);
    if (multi.length < 2) continue;
    // The most common field count among the multi-field lines: a table's width.
    const freq = new Map<number, number>();
    for (const n of multi) freq.set(n, (freq.get(n) ?? 0) + 1);
    const score = Math.max(...freq.values());
    if (!best || score > best.score) best = { d, score };
  }
  return best?.d;
}

/** Records of delimited text (RFC 4180 quoting). */
export function splitRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      i++;
      continue;
    }
    if (ch === delimiter) {
      record.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A delimited text read as a one-sheet workbook named `name`. */
export function readDelimited(text: string, delimiter: string, name: string): BinaryReadResult {
  const sheet: SheetData = { name, cells: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set() };
  splitRecords(text, delimiter).forEach((record, r) => {
    const row = new Map<number, string>();
    record.forEach((field, c) => {
      if (field.trim() !== '') row.set(c + 1, field);
    });
    if (row.size > 0) sheet.cells.set(r + 1, row);
  });
  return sheetsToBlocks([sheet], { path: name });
}
