/**
 * Painted rectangles that look like a grid but do not rule a table's columns: a frame drawn round a
 * borderless table, a shaded header band, zebra-striped rows. Their edges enclose one column that
 * holds whole rows of the table — several cells side by side, far apart — and taken as a grid they
 * would make that row one cell. Such grids are dropped before layout, and the table is rebuilt
 * from its text positions as any borderless table is; the lines of grids that do rule cells stay.
 */
import { findGrids, groupLines, type Rule, type Run } from './layout.js';

type Grid = ReturnType<typeof findGrids>[number];

const TOL = 2;
/** An amount as printed (separators, decimals, negatives); a piece that is one is a cell of its own. */
const AMOUNT = /^[(（-]?[\d,，]*\d\.\d+[)）]?$/;

/** Whether a line holds several cells: three pieces apart, or two with one an amount. */
function rowOfCells(line: Run[]): boolean {
  const pieces: string[] = [];
  let end = -Infinity;
  for (const run of [...line].sort((a, b) => a.x - b.x)) {
    // (A gap of two ems: wider than letter-spacing in `合 计`, narrower than between columns.)
    if (pieces.length === 0 || run.x - end > 2 * run.size) pieces.push(run.text.trim());
    else pieces[pieces.length - 1] += run.text.trim();
    end = Math.max(end, run.x + run.w);
  }
  return pieces.length >= 3 || (pieces.length === 2 && pieces.some((p) => AMOUNT.test(p)));
}

/** A one-column grid with a row of cells inside: a frame or a shading, not a ruled cell. */
function isFrame(grid: Grid, runs: Run[]): boolean {
  if (grid.xs.length !== 2) return false;
  const [left, right] = [grid.xs[0]! - TOL, grid.xs[1]! + TOL];
  const [top, bottom] = [grid.ys[0]! - TOL, grid.ys[grid.ys.length - 1]! + TOL];
  const inside = runs.filter((r) => r.x >= left && r.x + r.w <= right && r.y >= top && r.y - r.size <= bottom);
  return inside.length >= 2 && groupLines(inside).some(rowOfCells);
}

/** The rules less those of frames and shadings (see above). */
export function withoutFrames(runs: Run[], rules: Rule[]): Rule[] {
  if (rules.length === 0) return rules;
  const frames = findGrids(rules).filter((g) => isFrame(g, runs));
  if (frames.length === 0) return rules;
  const ofFrame = (r: Rule) =>
    frames.some((g) =>
      Math.abs(r.y1 - r.y2) <= 0.5
        ? g.h.some((h) => Math.abs(h.y - r.y1) <= TOL && Math.min(r.x1, r.x2) >= h.x1 - TOL && Math.max(r.x1, r.x2) <= h.x2 + TOL)
        : g.v.some((v) => Math.abs(v.x - r.x1) <= TOL && Math.min(r.y1, r.y2) >= v.y1 - TOL && Math.max(r.y1, r.y2) <= v.y2 + TOL),
    );
  return rules.filter((r) => !ofFrame(r));
}
