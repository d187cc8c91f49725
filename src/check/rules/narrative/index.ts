/** The narrative rules N-R1 … N-R15 (rules.md §2.4): the 情况说明 against the tables and itself. */
import type { Rule } from '../../types.js';
import { rule as nR1 } from './n-r1.js';
import { rule as nR2 } from './n-r2.js';
import { rule as nR3 } from './n-r3.js';
import { rule as nR4 } from './n-r4.js';
import { rule as nR5 } from './n-r5.js';
import { rule as nR6 } from './n-r6.js';
import { rule as nR7 } from './n-r7.js';
import { rule as nR8 } from './n-r8.js';
import { rule as nR9 } from './n-r9.js';
import { rule as nR10 } from './n-r10.js';
import { rule as nR11 } from './n-r11.js';
import { rule as nR12 } from './n-r12.js';
import { rule as nR13 } from './n-r13.js';
import { rule as nR14 } from './n-r14.js';
import { rule as nR15 } from './n-r15.js';

export const NARRATIVE_RULES: readonly Rule[] = [
  nR1,
  nR2,
  nR3,
  nR4,
  nR5,
  nR6,
  nR7,
  nR8,
  nR9,
  nR10,
  nR11,
  nR12,
  nR13,
  nR14,
  nR15,
];
