/** Cross-table rules (rules.md §2.2), one module per rule id. */
import type { Rule } from '../../types.js';
import { rule as xr1 } from './x-r1.js';
import { rule as xr2 } from './x-r2.js';
import { rule as xr3 } from './x-r3.js';
import { rule as xr4 } from './x-r4.js';
import { rule as xr5 } from './x-r5.js';
import { rule as xr6 } from './x-r6.js';
import { rule as xr7 } from './x-r7.js';
import { rule as xr8 } from './x-r8.js';
import { rule as xr9 } from './x-r9.js';
import { rule as xr10 } from './x-r10.js';
import { rule as xr11 } from './x-r11.js';
import { rule as xr12 } from './x-r12.js';
import { rule as xr13 } from './x-r13.js';
import { rule as xr14 } from './x-r14.js';
import { rule as xr15 } from './x-r15.js';
import { rule as xr16 } from './x-r16.js';
import { rule as xr17 } from './x-r17.js';
import { rule as xr18 } from './x-r18.js';
import { rule as xr19 } from './x-r19.js';
import { rule as xr20 } from './x-r20.js';
import { rule as xr21 } from './x-r21.js';
import { rule as xr22 } from './x-r22.js';

export const CROSS_RULES: Rule[] = [xr1, xr2, xr3, xr4, xr5, xr6, xr7, xr8, xr9, xr10, xr11, xr12, xr13, xr14, xr15, xr16, xr17, xr18, xr19, xr20, xr21, xr22];
