/**
 * One cell of a filled workbook as the reader sees it: blank, a formula (a computed cell: its value
 * is recomputed from its parts, exactly), a typed amount in integer hundredths, a —— (not
 * applicable), or text that is not an amount. Numbers are read from their shortest decimal form,
 * never multiplied as binary floats.
 */
import type ExcelJS from 'exceljs';
import { isNotApplicable, parseAmount } from '../model/amount.js';

export const SCALE = 2;

export type RawCell =
  | { kind: 'blank' }
  | { kind: 'formula'; result: unknown }
  | { kind: 'value'; units: number; /** more decimals than 2 were typed and rounded */ rounded?: boolean }
  | { kind: 'dash' }
  | { kind: 'bad'; text: string };

/** A decimal string ("2169.36", "-0.5", "1e-7") in integer units of 10^-scale, rounded half away from zero. */
export function decimalToUnits(text: string, scale = SCALE): { units: number; rounded: boolean } | undefined {
  let t = text.trim();
  if (/e/i.test(t)) {
    const n = Number(t);
    if (!Number.isFinite(n)) return undefined;
    t = n.toFixed(12);
  }
  const m = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  let units = Number((m[2] || '0') + frac.slice(0, scale).padEnd(scale, '0'));
  const rest = frac.slice(scale);
  if ((rest[0] ?? '0') >= '5') units += 1;
  if (!Number.isSafeInteger(units)) return undefined;
  return { units: m[1] === '-' && units !== 0 ? -units : units, rounded: /[1-9]/.test(rest) };
}

/** Plain text of a cell, whatever it holds (rich text, a formula's cached result, a hyperlink). */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v['richText'])) return (v['richText'] as { text: string }[]).map((p) => p.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return v['result'] === undefined || v['result'] === null ? '' : cellText(v['result'] as ExcelJS.CellValue);
    if (typeof v['text'] === 'string') return v['text'];
  }
  return '';
}

export function isFormula(value: ExcelJS.CellValue | undefined): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

export function rawCell(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (isFormula(value)) return { kind: 'formula', result: (value as { result?: unknown }).result };
  if (typeof value === 'number') {
    const u = decimalToUnits(String(value));
    return u ? { kind: 'value', units: u.units, ...(u.rounded ? { rounded: true } : {}) } : { kind: 'bad', text: String(value) };
  }
  const text = cellText(value).trim();
  if (text === '') return { kind: 'blank' };
  if (isNotApplicable(text)) return { kind: 'dash' };
  const amount = parseAmount(text);
  if (amount) {
    const u = decimalToUnits(text.replace(/[,，\s]/g, '').replace(/[－−]/, '-').replace(/^\((.*)\)$/, '-$1'));
    if (u) return { kind: 'value', units: u.units, ...(u.rounded ? { rounded: true } : {}) };
  }
  return { kind: 'bad', text };
}

/** Integer units → the JSON number of the Report (2169.36). */
export function unitsToNumber(units: number, scale = SCALE): number {
  const sign = units < 0 ? '-' : '';
  const abs = String(Math.abs(units)).padStart(scale + 1, '0');
  return Number(`${sign}${abs.slice(0, -scale)}.${abs.slice(-scale)}`);
}

/** A1 address of 1-based row and column. */
export function address(row: number, col: number): string {
  let c = col;
  let letters = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return `${letters}${row}`;
}
