/** Label and catalogue rules (rules.md §2.3), one module per rule id. */
import type { Rule } from '../../types.js';
import { rule as lbl1 } from './lbl-1.js';
import { rule as lbl2 } from './lbl-2.js';
import { rule as lbl3 } from './lbl-3.js';
import { rule as lbl4 } from './lbl-4.js';
import { rule as lbl5 } from './lbl-5.js';

export const LABEL_RULES: Rule[] = [lbl1, lbl2, lbl3, lbl4, lbl5];
