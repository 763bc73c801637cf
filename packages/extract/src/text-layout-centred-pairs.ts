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
 * weight) or a header row (their heads and tails: 三级指标(长 / 期) round 二级指标(长期)) are joined to it when both hold words only, in three cells or more,
 * in the same columns, all empty on the row's line: the first and last lines
 * of its cells centred on it. So are they when the row's cells of words wrap
 * over three lines and its line is their middle one: the lines either side
 * hold words in exactly those columns, and nothing over the row's values.
 */
import type { FoundCell } from "./pdf/page-tables.ts";
import type { DocTable } from "./pdf/continuation.ts";
import { LINE_GAP, overlapsAcross } from "./text-geometry.ts";
import { isHeaderWord, isValueCell } from "./text-stream.ts";
import { isLevelLabel, isWordsOnly, mergeLines } from "./text-wrapped-rows.ts";
import { cellsByRow } from "./text-grid-rows.ts";

/** Cells a line has at least to be left to this step (fewer: the wrapped-row step joins it). */
const MIN_PAIR_CELLS = 3;
/** Column words that make a row a header row. */
const MIN_HEADER_WORDS = 2;

export function joinCentredPairs(t: DocTable): DocTable {
  const byRow = cellsByRow(t);
  const top = byRow.map((cells) => Math.min(...cells.map((c) => c.bbox.y0)));
  const bottom = byRow.map((cells) => Math.max(...cells.map((c) => c.bbox.y1)));
  const adjacent = (a: number, b: number) => top[b]! - bottom[a]! <= LINE_GAP + 0.01;
  const wrapped = (r: number) =>
    byRow[r]!.length >= MIN_PAIR_CELLS && byRow[r]!.every((c) => c.rowSpan === 1 && c.text.trim() !== "" && isWordsOnly(c.text));
  const columns = (r: number) => columnKey(byRow[r]!);
  const free = (line: number, row: number) => clearOf(byRow[line]!, byRow[row]!);
  const target: (number | null)[] = byRow.map(() => null);
  // The head each of a header's tails joins, where their columns differ.
  const column = new Map<FoundCell, FoundCell>();
  for (let r = 1; r + 1 < t.nRows; r++) {
    const above = r - 1, below = r + 1;
    // A row with a value, or a header row (一级指标 | 二级指标(长期) … with 三级指标(长 / 期) round it).
    const header = byRow[r]!.filter((c) => isHeaderWord(c.text)).length >= MIN_HEADER_WORDS;
    if (target[above] !== null || !(header || byRow[r]!.some((c) => isValueCell(c.text)))) continue;
    if (!wrapped(above) || !wrapped(below) || !adjacent(above, r) || !adjacent(r, below)) continue;
    if (!header && threeLineCells(byRow, above, r, below)) {
      target[above] = r;
      target[below] = r;
      continue;
    }
    if (header && columns(above) !== columns(below)) {
      // A header's heads and tails are centred on their cells: a tail (期)) may start a column right of
      // its head (指标值(长), but lies under it, one under each; it takes its head's column.
      const heads = sortedByX(byRow[above]!), tails = sortedByX(byRow[below]!);
      if (heads.length !== tails.length || !tails.every((c, k) => overlapsAcross(c, heads[k]!) && heads.every((h, j) => j === k || !overlapsAcross(c, h)))) continue;
      if (!free(above, r)) continue;
      tails.forEach((c, k) => column.set(c, heads[k]!));
    } else if (columns(above) !== columns(below) || !free(above, r)) continue;
    target[above] = r;
    target[below] = r;
  }
  if (column.size === 0) return mergeLines(t, target);
  const cells = t.cells.map((c) => { const h = column.get(c); return h ? { ...c, col: h.col, colSpan: h.colSpan } : c; });
  return mergeLines({ ...t, cells }, target);
}

const sortedByX = (cells: readonly FoundCell[]) => [...cells].sort((a, b) => a.bbox.x0 - b.bbox.x0);

/**
 * A row whose cells of words each wrap over three lines, its one-line cells (the score) on the middle one:
 * the lines above and below hold words in exactly the columns of the middle line's words (groups' labels
 * left of them aside), and nothing in the columns of its values (企业把握政治导 / 向和文化方向情 … 20 / 况).
 */
function threeLineCells(byRow: readonly FoundCell[][], above: number, r: number, below: number): boolean {
  return wordsInRowColumns(byRow, above, r) && wordsInRowColumns(byRow, below, r);
}

/** A line holds words in exactly the columns of the row's words (groups' labels left of them aside), and nothing over its values. */
function wordsInRowColumns(byRow: readonly FoundCell[][], line: number, r: number): boolean {
  const values = byRow[r]!.filter((c) => isValueCell(c.text));
  const lineWords = byRow[line]!.filter((c) => !isLevelLabel(c.text));
  if (values.length === 0 || lineWords.length === 0) return false;
  // (Words left of the wrapped cells are the labels of the row's groups, 社会效益 指标 printed across two cells.)
  const first = Math.min(...lineWords.map((c) => c.col));
  const words = byRow[r]!.filter((c) => !isValueCell(c.text) && !isLevelLabel(c.text) && c.col >= first);
  return columnKey(lineWords) === columnKey(words) && clearOf(byRow[line]!, values);
}

/** The columns cells stand in, as a key to compare lines by. */
const columnKey = (cells: readonly FoundCell[]) => cells.map((c) => `${c.col}+${c.colSpan}`).sort().join(" ");
/** Whether no cell of `cells` shares a column with one of `others`. */
const clearOf = (cells: readonly FoundCell[], others: readonly FoundCell[]) =>
  cells.every((c) => !others.some((o) => o.col < c.col + c.colSpan && c.col < o.col + o.colSpan));
