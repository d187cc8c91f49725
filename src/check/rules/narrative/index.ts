/** The narrative rules N-R1 … N-R15 (rules.md §2.4): the 情况说明 against the tables and itself. */
import type { Rule } from '../../types.js';

export const NARRATIVE_RULES: readonly Rule[] = [
];
