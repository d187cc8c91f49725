/** Cross-table rules (rules.md §2.2), one module per rule id. */
import type { Rule } from '../../types.js';
import { rule as xr1 } from './x-r1.js';

export const CROSS_RULES: Rule[] = [xr1];
