/** Completeness rules (rules.md §2.6), one module per rule id. */
import type { Rule } from '../../types.js';

export const COMPLETENESS_RULES: Rule[] = [];
