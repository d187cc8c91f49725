/** The performance rules P-R1 … P-R13 (rules.md §2.5, §5): self-evaluations (Report.evaluations). */
import type { Rule } from '../../types.js';
import { rule as pR1 } from './p-r1.js';
import { rule as pR2 } from './p-r2.js';
import { rule as pR3 } from './p-r3.js';
import { rule as pR4 } from './p-r4.js';
import { rule as pR5 } from './p-r5.js';
import { rule as pR6 } from './p-r6.js';
import { rule as pR7 } from './p-r7.js';
import { rule as pR8 } from './p-r8.js';
import { rule as pR9 } from './p-r9.js';
import { rule as pR10 } from './p-r10.js';
import { rule as pR11 } from './p-r11.js';
import { rule as pR12 } from './p-r12.js';
import { rule as pR13 } from './p-r13.js';

export const PERFORMANCE_RULES: readonly Rule[] = [pR1, pR2, pR3, pR4, pR5, pR6, pR7, pR8, pR9, pR10, pR11, pR12, pR13];
