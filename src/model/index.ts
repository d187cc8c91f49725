export type * from './document.js';
export type * from './report.js';
export * from './amount.js';
export * from './errors.js';
export { sourceOffset } from './document.js';
export type * from './finding.js';
export type * from './evaluation.js';
