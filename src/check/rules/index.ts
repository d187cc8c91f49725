/** Every rule, in the order of rules.md: table, cross-table, label, narrative, performance, completeness. */
import type { Rule } from '../types.js';
import { COMPLETENESS_RULES } from './completeness/index.js';
import { CROSS_RULES } from './cross/index.js';
import { LABEL_RULES } from './label/index.js';
import { NARRATIVE_RULES } from './narrative/index.js';
import { PERFORMANCE_RULES } from './performance/index.js';
import { TABLE_RULES } from './table/index.js';

const FAMILY_ORDER = ['T', 'X', 'LBL', 'N', 'P', 'C'];

function order(id: string): [number, number, number] {
  const m = /^([A-Z]+)(\d*)-R?(\d+)$/.exec(id);
  if (!m) return [99, 0, 0];
  return [FAMILY_ORDER.indexOf(m[1]!), Number(m[2] || 0), Number(m[3])];
}

export function compareRuleIds(a: string, b: string): number {
  const x = order(a);
  const y = order(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

export const RULES: readonly Rule[] = [...TABLE_RULES, ...CROSS_RULES, ...LABEL_RULES, ...NARRATIVE_RULES, ...PERFORMANCE_RULES, ...COMPLETENESS_RULES].sort((a, b) =>
  compareRuleIds(a.meta.id, b.meta.id),
);
