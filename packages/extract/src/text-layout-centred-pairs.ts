/**
 * The two lines a row's wrapped cells put either side of its line, in layout
 * text read a row per line (text-layout.ts). A form centres each cell in its
 * row, so a row whose cells of words wrap over two lines (完成1部宣传 / 片,2套方案
 * under 年初目标值 and 实际完成值, beside a name of four lines) is printed as
 * a line of those cells' first lines, the row's line (its one-line cells: 数量指标,
 * the score) and a line of their second lines. Lines of three cells or more
 * are no lines of wrapped cells to the wrapped-row step (text-wrapped-rows.ts),
 * which would read them as rows of their own.
 *
 * The lines right above and right below a row with a value (a score, a
 * weight) are joined to it when both hold words only, in three cells or more,
 * in the same columns, all empty on the row's line: the first and last lines
 * of its cells centred on it.
 */
import type { FoundCell } from "./pdf/page-tables.ts";
import type { DocTable } from "./pdf/continuation.ts";
import { LINE_GAP } from "./text-geometry.ts";
import { isValueCell } from "./text-stream.ts";
import { isWordsOnly, mergeLines } from "./text-wrapped-rows.ts";

/** Cells a line has at least to be left to this step (fewer: the wrapped-row step joins it). */
const MIN_PAIR_CELLS = 3;

export function joinCentredPairs(t: DocTable): DocTable {
  const byRow: FoundCell[][] = Array.from({ length: t.nRows }, () => []);
  for (const c of t.cells) byRow[c.row]?.push(c);
  const top = byRow.map((cells) => Math.min(...cells.map((c) => c.bbox.y0)));
  const bottom = byRow.map((cells) => Math.max(...cells.map((c) => c.bbox.y1)));
  const adjacent = (a: number, b: number) => top[b]! - bottom[a]! <= LINE_GAP + 0.01;
  const wrapped = (r: number) =>
    byRow[r]!.length >= MIN_PAIR_CELLS && byRow[r]!.every((c) => c.rowSpan === 1 && c.text.trim() !== "" && isWordsOnly(c.text));
  const columns = (r: number) => byRow[r]!.map((c) => `${c.col}+${c.colSpan}`).sort().join(" ");
  const free = (line: number, row: number) =>
    byRow[line]!.every((c) => !byRow[row]!.some((o) => o.col < c.col + c.colSpan && c.col < o.col + o.colSpan));
  const target: (number | null)[] = byRow.map(() => null);
  for (let r = 1; r + 1 < t.nRows; r++) {
    const above = r - 1, below = r + 1;
    if (target[above] !== null || !byRow[r]!.some((c) => isValueCell(c.text))) continue;
    if (!wrapped(above) || !wrapped(below) || !adjacent(above, r) || !adjacent(r, below)) continue;
    if (columns(above) !== columns(below) || !free(above, r)) continue;
    target[above] = r;
    target[below] = r;
  }
  return mergeLines(t, target);
}
