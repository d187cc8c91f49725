/** Within-table rules (rules.md §2.1), one module per rule id, in the order of rules.md. */
import type { Rule } from '../../types.js';
import { rule as t01r1 } from './t01-r1.js';
import { rule as t01r2 } from './t01-r2.js';
import { rule as t01r3 } from './t01-r3.js';
import { rule as t01r4 } from './t01-r4.js';
import { rule as t01r5 } from './t01-r5.js';
import { rule as t01r6 } from './t01-r6.js';
import { rule as t01r7 } from './t01-r7.js';
import { rule as t02r1 } from './t02-r1.js';
import { rule as t02r2 } from './t02-r2.js';
import { rule as t03r1 } from './t03-r1.js';
import { rule as t03r2 } from './t03-r2.js';
import { rule as t04r1 } from './t04-r1.js';
import { rule as t04r2 } from './t04-r2.js';
import { rule as t04r3 } from './t04-r3.js';
import { rule as t04r4 } from './t04-r4.js';
import { rule as t04r5 } from './t04-r5.js';
import { rule as t04r6 } from './t04-r6.js';
import { rule as t04r7 } from './t04-r7.js';
import { rule as t04r8 } from './t04-r8.js';
import { rule as t04r9 } from './t04-r9.js';
import { rule as t05r1 } from './t05-r1.js';
import { rule as t05r2 } from './t05-r2.js';
import { rule as t06r1 } from './t06-r1.js';
import { rule as t06r2 } from './t06-r2.js';
import { rule as t06r3 } from './t06-r3.js';
import { rule as t06r4 } from './t06-r4.js';
import { rule as t07r1 } from './t07-r1.js';
import { rule as t07r2 } from './t07-r2.js';
import { rule as t07r3 } from './t07-r3.js';
import { rule as t08r1 } from './t08-r1.js';
import { rule as t09r1 } from './t09-r1.js';
import { rule as t09r2 } from './t09-r2.js';
import { rule as t09r3 } from './t09-r3.js';
import { rule as t10r1 } from './t10-r1.js';
import { rule as t10r2 } from './t10-r2.js';
import { rule as t10r3 } from './t10-r3.js';

export const TABLE_RULES: Rule[] = [
  t01r1,
  t01r2,
  t01r3,
  t01r4,
  t01r5,
  t01r6,
  t01r7,
  t02r1,
  t02r2,
  t03r1,
  t03r2,
  t04r1,
  t04r2,
  t04r3,
  t04r4,
  t04r5,
  t04r6,
  t04r7,
  t04r8,
  t04r9,
  t05r1,
  t05r2,
  t06r1,
  t06r2,
  t06r3,
  t06r4,
  t07r1,
  t07r2,
  t07r3,
  t08r1,
  t09r1,
  t09r2,
  t09r3,
  t10r1,
  t10r2,
  t10r3,
];
