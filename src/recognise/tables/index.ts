/** Table modules by id: one parser per layout family, chosen by the table's identity. */
import type { Table } from '../../model/report.js';
import type { LocatedTable } from '../locate.js';
import { parseCoded } from './coded.js';
import { parseT06 } from './t06.js';
import { parseT09 } from './t09.js';
import { parseT10 } from './t10.js';
import { parseTwoSided } from './two-sided.js';
import type { ParsedTable, TableContext } from './types.js';

export { TABLE_TITLES, matchTitle, titleKey } from './titles.js';
export type { TableContext } from './types.js';

function parse(id: string, located: LocatedTable, ctx: TableContext): ParsedTable {
  switch (id) {
    case '01':
    case '04':
      return parseTwoSided(id, located.region, ctx);
    case '06':
      return parseT06(located.region, ctx);
    case '09':
      return parseT09(located.region, ctx);
    case '10':
      return parseT10(located.region, ctx);
    default:
      return parseCoded(id, located.region, ctx);
  }
}

export function buildTable(located: LocatedTable, ctx: TableContext): Table {
  const id = located.match.id;
  const parsed = parse(id, located, ctx);
  const printed = parsed.rows.length + parsed.unmatched.length;
  const firstRow = located.region.parts.flat()[0];
  return {
    id,
    title: located.match.title,
    empty: located.empty,
    columns: parsed.columns,
    rows: parsed.rows,
    decimals: parsed.decimals || 2,
    ...(located.match.label ? { label: located.match.label } : {}),
    source: {
      line: located.line,
      endLine: located.endLine,
      ...(firstRow?.page !== undefined ? { page: firstRow.page } : {}),
    },
    recognition: {
      columnsBy: parsed.columnsBy,
      parts: located.region.parts.length,
      headerRowsDropped: parsed.headerRowsDropped,
      unmatchedRows: parsed.unmatched,
      confidence: printed === 0 ? 1 : Math.round((parsed.rows.length / printed) * 1000) / 1000,
      badCells: parsed.badCells,
    },
  };
}
