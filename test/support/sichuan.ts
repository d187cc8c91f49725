/**
 * Sichuan 13-table reports for tests: a synthetic report with the four extra tables derived from its
 * standard ones (render/templates/sc-derive.ts), and its plain text with those tables printed in
 * the genre's layout (tab-separated rows under their header block).
 */
import { syntheticReport } from '../../bench/corpus.js';
import type { Report, Table } from '../../src/model/report.js';
import { isScTableId } from '../../src/model/sc-tables.js';
import { formatAmount } from '../../src/render/layout.js';
import { withScTables } from '../../src/render/templates/sc-derive.js';
import { scTableGrid, scTableNote } from '../../src/render/templates/sc-tables.js';
import { renderText } from '../../src/render/text.js';

/** The first synthetic seed (1…200) whose report satisfies `pred`, with the Sichuan tables added. */
export function sichuanReport(pred: (r: Report) => boolean = () => true): Report {
  for (let seed = 1; seed <= 200; seed++) {
    const r = syntheticReport(seed);
    if (pred(r)) return withScTables(r, { seed });
  }
  throw new Error('no synthetic report fits');
}

export const total = (r: Report, id: string, col: string): number => r.tables.find((t) => t.id === id)?.rows.find((x) => x.key === 'total')?.cells[col] ?? 0;

/** The text of one Sichuan table as a document prints it: title, entity and unit lines, grid, note. */
export function sichuanTableText(report: Report, table: Table): string {
  const grid = scTableGrid(table, { template: 'gd', amounts: (row, keys) => keys.map((k) => formatAmount(row?.cells[k])) })!;
  return [
    table.title,
    '',
    `部门：${report.entity}`,
    '',
    `单位：${report.moneyUnit}`,
    '',
    ...grid.header.map((row) => row.map((c) => c.text).join('\t')),
    ...grid.body.map((cells) => cells.join('\t')),
    '',
    `注：${scTableNote(table.id, '部门')}`,
    '',
  ].join('\n');
}

/**
 * The report as plain text: the standard tables by renderText, and the Sichuan tables after them
 * (unless renderText already prints them, once the layouts carry them).
 */
export function sichuanText(report: Report): string {
  const text = renderText(report);
  const extra = report.tables.filter((t) => isScTableId(t.id) && !text.includes(`\n${t.title}\n`));
  if (extra.length === 0) return text;
  const at = text.lastIndexOf('第三部分');
  return text.slice(0, at) + extra.map((t) => sichuanTableText(report, t)).join('\n') + '\n' + text.slice(at);
}
