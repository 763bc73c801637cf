/**
 * A name wrapped round a line of values, in layout text read a row per line
 * (text-layout.ts). A form centres each cell in its row, so an indicator whose
 * name wraps over two lines beside one-line values is printed as the name's
 * first line, a line of the values alone and the name's last line:
 *
 *     指标 1 工程资
 *                   43.2   37.24   10   9
 *     金金额
 *
 * The wrapped-row step (text-wrapped-rows.ts) shares the lines between two
 * rows by halves, which goes wrong when the lines round one row are many
 * (a name above, a name below, the next rows' labels and the tails of a long
 * reason in another column). So first, a row whose line holds values only
 * takes the line right above and the line right below it when both hold
 * words only, in one or two cells starting in the same columns, all empty on
 * the row's line, neither across a blank line: the first and last lines of
 * its cells centred on it. A row whose line holds the labels of its groups
 * left of the name (产出指标 数量指标, centred on it too) and values right of
 * it takes only the name's lines (the last cell of each line), when the
 * lines' other cells lie left of the whole row and no more lines of the name's
 * column go on above or below them (the wrapped-row step shares such a run by
 * halves, and taking two of its lines away would tip them). A row of label |
 * value pairs takes the lines of its labels wrapped round it the same way
 * (部门(单位) / 广水市教育局 … / 名称; labelsWrappedRound).
 */
import type { FoundCell } from "./pdf/page-tables.ts";
import type { DocTable } from "./pdf/continuation.ts";
import { COLUMN, LINE_GAP } from "./text-geometry.ts";
import { isStreamValueCell } from "./text-stream-words.ts";
import { isWordsOnly, mergeCells } from "./text-wrapped-rows.ts";
import { namesMoneySource } from "./text-layout-money-sources.ts";
import { cellsByRow } from "./text-grid-rows.ts";

/** Cells a line round a bare row may hold: more are left to the centred-pair step (text-layout-centred-pairs.ts). */
const MAX_BARE_PAIR_CELLS = 2;
/** Labels wrapped round one row's line at most (the label | value pairs of a header block's row). */
const MAX_WRAPPED_LABELS = 3;
/** Characters of each line of a label wrapped round its row's line at most: longer is a paragraph's. */
const MAX_WRAPPED_LABEL_CHARS = 10;
/** Columns a line of a wrapped name may start left of the name's other lines (a centred line is a little wider). */
const NAME_LINE_SHIFT = 2;
/** Longest unit read with a 万 before it (万平方米). */
const MAX_UNIT_CHARS = 5;

export function joinBarePairs(t: DocTable): DocTable {
  const byRow = cellsByRow(t);
  const top = byRow.map((cells) => Math.min(...cells.map((c) => c.bbox.y0)));
  const bottom = byRow.map((cells) => Math.max(...cells.map((c) => c.bbox.y1)));
  const adjacent = (a: number, b: number) => top[b]! - bottom[a]! <= LINE_GAP + 0.01;
  const wrapped = (r: number) => {
    const cells = byRow[r]!;
    return cells.length >= 1 && cells.length <= MAX_BARE_PAIR_CELLS &&
      cells.every((c) => c.rowSpan === 1 && c.text.trim() !== "" && isWordsOnly(c.text));
  };
  // (A value: an amount, a share, a unit alone or a quantity with its unit after a space: 公里, 15 万元.)
  // A unit counted in ten thousands (万亩, 万人) and a comparison in its other form (≧%) are values too.
  const isValue = (c: FoundCell) => {
    const text = c.text.replace(/≧/g, "≥").replace(/≦/g, "≤");
    return isStreamValueCell(text) || (Array.from(text).length <= MAX_UNIT_CHARS && isStreamValueCell(text.replace(/^[万亿千]/, "")));
  };
  const bare = (r: number) => byRow[r]!.length > 0 && byRow[r]!.every((c) => c.rowSpan === 1 && isValue(c));
  // (Matched by the columns the cells start in: a name's first line may run a character into the next,
  // empty, column, its last line not.)
  const columns = (r: number) => byRow[r]!.map((c) => c.col).sort((a, b) => a - b).join(" ");
  const free = (line: number, row: number) =>
    byRow[line]!.every((c) => !byRow[row]!.some((o) => o.col < c.col + c.colSpan && c.col < o.col + o.colSpan));
  const target = new Map<FoundCell, number>();
  const taken = (line: number) => byRow[line]!.some((c) => target.has(c));
  // Pairs round a row of group labels and values, with the column of their name: kept below unless more
  // lines of that column, of no such pair, go on round them.
  const general: { r: number; above: number; below: number; col: number; cells: FoundCell[] }[] = [];
  for (let r = 1; r + 1 < t.nRows; r++) {
    const above = r - 1, below = r + 1;
    if (taken(above) || taken(below) || !adjacent(above, r) || !adjacent(r, below)) continue;
    if (!wrapped(above) || !wrapped(below)) continue;
    if (bare(r)) {
      if (columns(above) !== columns(below) || !free(above, r) || !free(below, r)) continue;
      for (const c of [...byRow[above]!, ...byRow[below]!]) target.set(c, r);
      continue;
    }
    const labels = labelsWrappedRound(byRow, above, r, below, adjacent);
    if (labels) {
      for (const c of labels) target.set(c, r);
      continue;
    }
    // Values right of the name, labels of groups left of it (一级 and 二级 labels, a vertical label's
    // characters 绩 / 效 centred down their rows): only the name's lines, each the last cell of its line, join.
    const nameAbove = lastCell(byRow[above]!), nameBelow = lastCell(byRow[below]!);
    const col = nameAbove.col;
    if (nameBelow.col !== col) continue;
    // The lines' other cells are group labels left of the whole row (a cell of its own row's columns
    // wrapped beside the name keeps its lines together in the wrapped-row step).
    const first = Math.min(...byRow[r]!.map((c) => c.col));
    const others = [...byRow[above]!, ...byRow[below]!].filter((c) => c !== nameAbove && c !== nameBelow);
    if (!others.every((c) => c.col + c.colSpan <= first)) continue;
    const right = byRow[r]!.filter((c) => c.col + c.colSpan > col);
    if (right.length === 0 || !right.every((c) => c.col > col && c.rowSpan === 1 && isValue(c))) continue;
    // (By where the words end: a first line run into the next column's slot, 年度资金总 over 861.10, still ends left of it.)
    if (right.some((o) => o.bbox.x0 < Math.max(nameAbove.bbox.x1, nameBelow.bbox.x1))) continue;
    target.set(nameAbove, r);
    target.set(nameBelow, r);
    general.push({ r, above, below, col, cells: [nameAbove, nameBelow] });
  }
  // A line of words in the name's column right above or below the pair that no pair took: the name may go
  // on in it, and the wrapped-row step shares such a run by halves, which taking two of its lines would tip.
  const wordsLine = (k: number) => k >= 0 && k < t.nRows && byRow[k]!.length > 0 && byRow[k]!.every((c) => isWordsOnly(c.text));
  // (A budget line with blank amounts, 地方资金(万元) under 其中:中央补助(万 / 元), is a row of its own, no name's line.)
  // (A line whose words start well left of the name's is the tail of a label beside it, 年度预算申 / 请 over 年度资金总.)
  const loose = (k: number, col: number, name: FoundCell) =>
    wordsLine(k) && byRow[k]!.some((c) => c.col === col && !target.has(c) && c.bbox.x0 > name.bbox.x0 - NAME_LINE_SHIFT * COLUMN) &&
    !byRow[k]!.every((c) => namesMoneySource(c.text));
  for (let dropped = true; dropped;) {
    dropped = false;
    for (const g of general) {
      if (!target.has(g.cells[0]!)) continue;
      const goesOn = (loose(g.above - 1, g.col, g.cells[0]!) && adjacent(g.above - 1, g.above)) || (loose(g.below + 1, g.col, g.cells[1]!) && adjacent(g.below, g.below + 1));
      if (!goesOn) continue;
      for (const c of g.cells) target.delete(c);
      dropped = true;
    }
  }
  return target.size === 0 ? t : mergeCells(t, (c) => target.get(c) ?? null);
}

const lastCell = (cells: readonly FoundCell[]) => [...cells].sort((a, b) => b.col - a.col)[0]!;

/**
 * Labels wrapped round their row's line of cells (部门(单位) / 广水市教育局 填报人 何永华 … / 名称; 项目主管单 |
 * 项目实施单 / their values / 位 | 位): as many short cells above as below, each lower one under its upper one,
 * nothing on the row's line under a pair and a value right of each, and no more lines of a pair's column round
 * it (a label printed a character per line, a paragraph's lines). Their cells, or null.
 */
function labelsWrappedRound(byRow: readonly FoundCell[][], above: number, r: number, below: number, adjacent: (a: number, b: number) => boolean): FoundCell[] | null {
  const [labelsAbove, labelsBelow, row] = [byRow[above]!, byRow[below]!, byRow[r]!];
  const k = labelsAbove.length;
  if (k < 1 || k > MAX_WRAPPED_LABELS || labelsBelow.length !== k || row.length < Math.max(2, 2 * k)) return null;
  // A line of the label's column right up against it goes on with the label, unless it holds words right of
  // the label (a row of its own: 项目名称 beside its value) or starts with a label of its own left of it
  // (项目属性 | 1、常年性 … | 4、新增性□).
  const continues = (line: number, c: FoundCell, x0: number) => line >= 0 && line < byRow.length &&
    byRow[line]!.some((o) => o.bbox.x0 < c.bbox.x1 && o.bbox.x1 > c.bbox.x0) &&
    !byRow[line]!.some((o) => o.bbox.x0 >= c.bbox.x1) && !(byRow[line]!.length >= 2 && byRow[line]!.some((o) => o.bbox.x1 <= x0));
  const wrapped = (top: FoundCell, bottom: FoundCell) => {
    // (The last line of a centred label starts under its first line, not always in the same column.)
    if (bottom.bbox.x0 < top.bbox.x0 - 0.01 || bottom.bbox.x0 >= top.bbox.x1) return false;
    const x0 = top.bbox.x0, x1 = Math.max(top.bbox.x1, bottom.bbox.x1);
    // (A first line of one character is the tail of a label above, or a label printed a character per line.)
    const short = [top, bottom].every((c) => Array.from(c.text.trim()).length <= MAX_WRAPPED_LABEL_CHARS) && Array.from(top.text.trim()).length >= 2;
    const goesOn = (continues(above - 1, top, x0) && adjacent(above - 1, above)) || (continues(below + 1, bottom, x0) && adjacent(below, below + 1));
    return short && !goesOn && row.every((c) => c.bbox.x1 <= x0 || c.bbox.x0 > x1) && row.some((c) => c.bbox.x0 > x1);
  };
  // (One label merged down over several rows, printed halfway down them, has rows right up against it on both
  // sides; labels side by side on one row are no such cells.)
  const spansRows = k === 1 && above > 0 && adjacent(above - 1, above) && below + 1 < byRow.length && adjacent(below, below + 1);
  return !spansRows && labelsAbove.every((c, i) => wrapped(c, labelsBelow[i]!)) ? [...labelsAbove, ...labelsBelow] : null;
}
