/** Report → JSON and CSV, the machine-readable outputs of `juesuan extract`. */
import type { Report } from '../model/report.js';

export function reportToJson(report: Report, pretty = true): string {
  return JSON.stringify(report, null, pretty ? 2 : undefined);
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line per cell: table,row_key,code,name,column,value (blank value = blank or —— cell). */
export function reportToCsv(report: Report): string {
  const lines = ['table,row_key,code,name,column,value'];
  for (const table of report.tables) {
    for (const row of table.rows) {
      for (const [column, value] of Object.entries(row.cells)) {
        lines.push([table.id, row.key, row.code ?? '', row.name, column, value].map(csvField).join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** One line per narrative fact: id,subject,basis,measure,value,unit,direction,text,line,table,row,column,base,related. */
export function factsToCsv(report: Report): string {
  const lines = ['id,subject,basis,measure,value,unit,direction,text,line,table,row,column,base,related'];
  for (const f of report.facts ?? []) {
    lines.push(
      [
        f.id,
        f.subject,
        f.basis,
        f.measure,
        f.notComparable ? '不可比' : f.value,
        f.unit,
        f.direction,
        f.text,
        f.span.line,
        f.link?.table,
        f.link?.row,
        f.link?.column,
        f.baseSubject ?? f.base,
        f.related?.join(' '),
      ].map(csvField).join(','),
    );
  }
  return lines.join('\n') + '\n';
}
