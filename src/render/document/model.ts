/**
 * The generated disclosure as a sequence of blocks, between the writer of its texts (narrative,
 * glossary, overview: src/render/narrative/) and the writers of its formats (md, html, pdf, docx,
 * xlsx). A table block names a table of `report.tables`; each format lays it out with the template's
 * layout (src/render/layout.ts), so every format prints the same rows and columns.
 */
import type { Report } from '../../model/report.js';
import type { Supplement } from '../../model/supplement.js';

/** gd: national / Guangdong (seeds 000, 001); sx: Shanxi (seed 003); sc: Sichuan (seed 004). */
export type TemplateId = 'gd' | 'sx' | 'sc';

export type DocBlock =
  /** level 1: 第一部分 …; 2: 一、…; 3: （一）…; 4: 1. … */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string }
  /** A standard table of report.tables by id (an empty table prints its 本表无数据 note). */
  | { kind: 'table'; id: string }
  /** Where the table of contents goes: each format builds it from the level-1 and level-2 headings. */
  | { kind: 'toc' }
  | { kind: 'pageBreak' };

export interface DisclosureDocument {
  /** 广州市某局2024年度部门决算 */
  title: string;
  entity: string;
  year: number;
  template: TemplateId;
  /** The data: the tables are printed from here. */
  report: Report;
  supplement: Supplement;
  blocks: DocBlock[];
}
