/**
 * The grid of a borderless CJK form region: columns from aligned left edges
 * (cjk-columns.ts), cells as blocks of wrapped lines laid on rows
 * (cjk-rows.ts). Two cells of one row that land in one column show a column
 * the alignment missed (a header over an empty column, 未完成原因分析): it is
 * added and the grid is read again once.
 */
import { unionBox } from "./geometry.ts";
import type { LooseLine } from "./layout.ts";
import type { FoundCell, PageTable } from "./page-tables.ts";
import type { Chunk } from "./unruled.ts";
import { ALIGN_TOLERANCE, addColumnStart, addOrMoveColumnStart, alignedColumnStarts, columnAt, splitAtColumnStarts } from "./cjk-columns.ts";
import { type CellBlock, type PlacedChunk, blockText, cellBlocks, placeBlocks } from "./cjk-rows.ts";
import { joinWrappedLines } from "./words.ts";

/** Characters a cell has at least for a column start to be moved to it. */
const MIN_MOVING_CELL = 2;

/** The most common font size of the region's words (their body text). */
function bodySize(rows: readonly Chunk[][]): number {
  const counts = new Map<number, number>();
  for (const w of rows.flat().flatMap((c) => c.words)) {
    const s = Math.round(w.size * 10) / 10;
    counts.set(s, (counts.get(s) ?? 0) + w.text.length);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 10;
}

function readGrid(rows: readonly Chunk[][], starts: readonly number[], size: number) {
  const tolerance = ALIGN_TOLERANCE * size;
  const placed: PlacedChunk[] = rows.flatMap((chunks, line) =>
    splitAtColumnStarts(chunks, starts, size).map((chunk) => {
      const col = columnAt(starts, chunk.x0 + tolerance);
      return { line, chunk, col, colEnd: Math.max(col, columnAt(starts, chunk.x1 - tolerance)) };
    }),
  );
  const blocks = cellBlocks(placed);
  const { rows: bands, place } = placeBlocks(blocks);
  const slots = new Map<string, CellBlock[]>();
  blocks.forEach((b, i) => {
    const key = `${place[i]!.row}:${b.col}`;
    const shared = slots.get(key);
    if (shared) shared.push(b);
    else slots.set(key, [b]);
  });
  return { blocks, bands, place, slots };
}

export function cjkRegionToTable(page: number, lines: readonly LooseLine[], rows: readonly Chunk[][]): PageTable | null {
  const size = bodySize(rows);
  const starts = alignedColumnStarts(rows, size);
  let grid = readGrid(rows, starts, size);
  // A column the alignment missed: two cells of one row, side by side, in one column.
  let added = false;
  for (const shared of grid.slots.values()) {
    const byX = [...shared].sort((a, b) => a.x0 - b.x0);
    for (let k = 1; k < byX.length; k++) {
      if (byX[k]!.x0 <= byX[k - 1]!.x1) continue;
      // (A start is moved only for a cell of words, not for a character a justified line set apart, 部门整体支出 年.)
      const words = Array.from(blockText(byX[k]!).replace(/\s+/g, "")).length >= MIN_MOVING_CELL;
      added = (words ? addOrMoveColumnStart(starts, byX[k]!.x0, size) : addColumnStart(starts, byX[k]!.x0, size)) || added;
    }
  }
  if (added) grid = readGrid(rows, starts, size);
  if (starts.length < 2 || grid.bands.length === 0) return null;
  const { blocks, place, slots } = grid;
  const indexOf = new Map(blocks.map((b, i) => [b, i]));
  const cells: FoundCell[] = [];
  for (const shared of slots.values()) {
    // Cells still sharing a slot are read as one, top to bottom.
    const inOrder = [...shared].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    const first = inOrder[0]!;
    const { row, rowSpan } = place[indexOf.get(first)!]!;
    cells.push({
      row,
      col: first.col,
      rowSpan,
      colSpan: Math.max(...inOrder.map((b) => b.colEnd)) - first.col + 1,
      text: joinWrappedLines(inOrder.map(blockText)),
      page,
      bbox: unionBox(inOrder),
    });
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  // A cell spanning into a slot another cell starts in gives way there.
  const taken = new Set<string>();
  for (const c of cells) taken.add(`${c.row}:${c.col}`);
  for (const c of cells) {
    for (let k = c.col + 1; k < c.col + c.colSpan; k++) {
      if (taken.has(`${c.row}:${k}`)) { c.colSpan = k - c.col; break; }
    }
    for (let r = c.row + 1; r < c.row + c.rowSpan; r++) {
      if ([...Array(c.colSpan).keys()].some((d) => taken.has(`${r}:${c.col + d}`))) { c.rowSpan = r - c.row; break; }
    }
  }
  const box = unionBox(lines);
  const xs = [...starts, Math.max(box.x1, starts[starts.length - 1]! + 1)];
  return { page, bbox: box, xs, ys: [box.y0, box.y1], nRows: grid.bands.length, nCols: starts.length, cells, ruled: false };
}
