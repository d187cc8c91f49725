/**
 * Heavy libraries loaded on first use, so that `juesuan extract 文档.txt` does not pay for exceljs
 * (~200 ms) or mammoth at every start. pdf.js is loaded the same way by its reader.
 */
import type ExcelJS from 'exceljs';

let excel: Promise<typeof ExcelJS> | undefined;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((m) => (m as unknown as { default: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS));
  return excel;
}
