/** One line per finding, for asserting a seed's findings as a list: `RULE severity status messageId where`. */
import type { Finding } from '../../src/model/finding.js';

/** where = @line of the narrative span when there is one, else table/row, else `-`. */
export function narrativeKey(f: Finding): string {
  const where = f.location.span ? `@${f.location.span.line}` : f.location.table ? `${f.location.table}/${f.location.row ?? ''}` : '-';
  return `${f.ruleId} ${f.severity} ${f.status} ${f.messageId} ${where}`;
}

/** where = table/row when there is one, else @line of the span, else `-`. */
export function tableKey(f: Finding): string {
  const where = f.location.table ? `${f.location.table}/${f.location.row ?? ''}` : f.location.span ? `@${f.location.span.line}` : '-';
  return `${f.ruleId} ${f.severity} ${f.status} ${f.messageId} ${where}`;
}
