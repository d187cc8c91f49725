/** Label and catalogue rules (rules.md §2.3), one module per rule id. */
import type { Rule } from '../../types.js';

export const LABEL_RULES: Rule[] = [];
