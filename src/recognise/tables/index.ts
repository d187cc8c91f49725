/** Table modules by id: one parser per layout family, chosen by the table's identity. */
import type { Table, TableHeader } from '../../model/report.js';
import type { LocatedTable } from '../locate.js';
import { parseCoded } from './coded.js';
import { isScTableId } from '../../model/sc-tables.js';
import { parseSc } from './sc.js';
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
      if (isScTableId(id)) return parseSc(id, located.region, ctx);
      return parseCoded(id, located.region, ctx);
  }
}

/** The header lines above the table: entity, year (its own line, after the name, or in the title) and unit. */
function headerOf(located: LocatedTable): TableHeader | undefined {
  const titleYear = /((?:19|20)\d{2})年/.exec(located.match.title)?.[1];
  const year = located.year ?? (titleYear ? Number(titleYear) : undefined);
  const header: TableHeader = {
    ...(located.entityLine ? { entity: located.entityLine[1] } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(located.unit ? { unit: located.unit } : {}),
  };
  return Object.keys(header).length > 0 ? header : undefined;
}

export function buildTable(located: LocatedTable, ctx: TableContext): Table {
  const id = located.match.id;
  const parsed = parse(id, located, ctx);
  const printed = parsed.rows.length + parsed.unmatched.length;
  const firstRow = located.region.parts.flat()[0];
  const header = headerOf(located);
  return {
    id,
    title: located.match.title,
    empty: located.empty,
    columns: parsed.columns,
    rows: parsed.rows,
    decimals: parsed.decimals || 2,
    ...(located.match.label ? { label: located.match.label } : {}),
    ...(header ? { header } : {}),
    source: {
      line: located.line,
      endLine: located.endLine,
      ...(firstRow?.page !== undefined ? { page: firstRow.page } : {}),
      ...(firstRow?.sheet !== undefined ? { sheet: firstRow.sheet } : {}),
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
