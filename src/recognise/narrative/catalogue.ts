/** The classification catalogs fact extraction looks names up in (shared by recognise and refreshFacts). */
import { functionalClasses, functionalCodes, type FunctionalCode } from '../../catalog/index.js';

/** The functional catalogue of the report's year (nearest available), or none when no file is found. */
export function functionalCatalogue(year: number | undefined): readonly FunctionalCode[] | undefined {
  try {
    return functionalCodes(year).items;
  } catch {
    return undefined;
  }
}

let classNames: Map<string, string> | undefined;
export function classNameIndex(): Map<string, string> {
  if (!classNames) {
    classNames = new Map();
    try {
      for (const c of functionalClasses()) classNames.set(c.name, c.code);
    } catch {
      // no catalog: classes are found by the names of table 05 rows only
    }
  }
  return classNames;
}
