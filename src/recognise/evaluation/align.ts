/**
 * Aligning a printed row with the roles its header names. Text copied out of Word drops the empty
 * cells of merged ranges unevenly (seed 003: `工伤鉴定完成 …` starts in the first column, `成本指标
 * 成本指标 未填报 …` one column left of its header), so a row is matched against the header's role
 * sequence by content — numbers where the header says 分值/得分/预算数, the known words of 一级/二级
 * indicators where it says so — trying every shift and dropping a stray empty cell, never by
 * position alone. The header's own positions only break ties.
 */

export interface Role<R extends string> {
  role: R;
  /** The header column the role was printed in (for tie-breaking). */
  column: number;
}

export type CellScorer<R extends string> = (role: R | undefined, text: string) => number;

export interface Alignment<R extends string> {
  /** role → the cell text (trimmed) and its index in the printed row. */
  cells: Map<R, { text: string; index: number }>;
  score: number;
}

const DROP_PENALTY = 0.8;

/**
 * The best assignment of the row's cells to the roles: cell j (after dropping up to `maxDrops`
 * empty cells) goes to role j + shift. Cells outside the role range are scored with role undefined.
 */
export function alignRow<R extends string>(cells: string[], roles: Role<R>[], score: CellScorer<R>, maxDrops = 1): Alignment<R> {
  const trimmed = cells.map((c) => c.trim());
  let last = trimmed.length - 1;
  while (last >= 0 && trimmed[last] === '') last--;
  const row = trimmed.slice(0, last + 1).map((text, index) => ({ text, index }));
  const variants: { row: { text: string; index: number }[]; drops: number }[] = [{ row, drops: 0 }];
  if (maxDrops > 0) {
    // Drop one empty cell that sits between two printed cells (an artefact of a merged column).
    const first = row.findIndex((c) => c.text !== '');
    for (let k = first + 1; k < row.length - 1; k++) {
      if (row[k]!.text === '') variants.push({ row: row.filter((_, i) => i !== k), drops: 1 });
    }
  }
  let best: Alignment<R> = { cells: new Map(), score: -Infinity };
  for (const v of variants) {
    for (let shift = -v.row.length; shift <= roles.length; shift++) {
      let total = -v.drops * DROP_PENALTY;
      let positional = 0;
      const map = new Map<R, { text: string; index: number }>();
      v.row.forEach((c, j) => {
        const r = roles[j + shift];
        total += score(r?.role, c.text);
        if (r) {
          map.set(r.role, c);
          if (r.column === c.index) positional++;
        }
      });
      // Roles left of the printed cells are carried down (no score); roles right of them were
      // printed empty (the row is trimmed), and are scored as such.
      for (let r = v.row.length + shift; r < roles.length; r++) if (r >= 0) total += score(roles[r]!.role, '');
      total += positional * 0.05;
      if (total > best.score) best = { cells: map, score: total };
    }
  }
  return best;
}
