/** Completeness rules (rules.md §2.6), one module per rule id. */
import type { Rule } from '../../types.js';
import { rule as cr1 } from './c-r1.js';
import { rule as cr10 } from './c-r10.js';
import { rule as cr2 } from './c-r2.js';
import { rule as cr3 } from './c-r3.js';
import { rule as cr4 } from './c-r4.js';
import { rule as cr5 } from './c-r5.js';
import { rule as cr6 } from './c-r6.js';
import { rule as cr7 } from './c-r7.js';
import { rule as cr8 } from './c-r8.js';
import { rule as cr9 } from './c-r9.js';

export const COMPLETENESS_RULES: Rule[] = [cr1, cr2, cr3, cr4, cr5, cr6, cr7, cr8, cr9, cr10];
