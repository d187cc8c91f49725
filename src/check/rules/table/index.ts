/** Within-table rules (rules.md §2.1), one module per rule id. */
import type { Rule } from '../../types.js';
import { rule as t01r1 } from './t01-r1.js';
import { rule as t02r1 } from './t02-r1.js';
import { rule as t02r2 } from './t02-r2.js';

export const TABLE_RULES: Rule[] = [t01r1, t02r1, t02r2];
