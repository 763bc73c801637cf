/**
 * Columns of a borderless CJK form from the left edges of its text.
 *
 * In a form without rules, the cells of a column start at one x (the cell's
 * left padding), row after row; centred headers and merged cells start
 * anywhere. So a left edge shared by several lines is a column start, and two
 * starts closer than a plausible column width are one column (centred text a
 * few points right of the aligned data). Gap strips do not work here: a long
 * goal text or a spanning header crosses every gap of the rows above it.
 */
import { type Chunk, chunkOf } from "./unruled.ts";

/** Left edges within this many font sizes of the leftmost one are one alignment. */
export const ALIGN_TOLERANCE = 0.2;
/** Lines that must share a left edge for it to be a column start. */
export const MIN_ALIGNED_LINES = 2;
/** Lines sharing a left edge from which it is a column start even if most text of the column left of it runs past it. */
export const WELL_ALIGNED_LINES = 3;
/** Font sizes: a column narrower than this (two CJK characters and padding) is centred text, not a column. */
export const MIN_COLUMN_WIDTH = 2;
/** Font sizes: a gap this wide before a word starting at a column start splits a chunk (a cell ending where the next one starts). */
export const SPLIT_GAP = 0.5;

/**
 * Column starts, left to right: the region's left edge, then the left edges
 * shared by the most lines first, each kept only if no start kept so far lies
 * within a column width of it (and, shared by two lines only, if most chunks
 * of the column to its left end before it).
 */
export function alignedColumnStarts(lines: readonly Chunk[][], size: number): number[] {
  const edges = lines.flatMap((chunks, line) => chunks.map((c) => ({ x: c.x0, line }))).sort((a, b) => a.x - b.x);
  if (edges.length === 0) return [];
  const groups: { x: number; lines: Set<number> }[] = [];
  for (const e of edges) {
    const last = groups[groups.length - 1];
    if (last && e.x - last.x <= ALIGN_TOLERANCE * size) last.lines.add(e.line);
    else groups.push({ x: e.x, lines: new Set([e.line]) });
  }
  const starts = [edges[0]!.x];
  const chunks = lines.flat();
  // Chunks starting in the column left of x that run past x, against those that end before it.
  const crossedMostly = (x: number) => {
    const from = Math.max(...starts.filter((s) => s < x));
    const left = chunks.filter((c) => c.x0 >= from && c.x0 < x);
    return left.filter((c) => c.x1 > x + ALIGN_TOLERANCE * size).length > left.filter((c) => c.x1 <= x).length;
  };
  const aligned = groups.filter((g) => g.lines.size >= MIN_ALIGNED_LINES).sort((a, b) => b.lines.size - a.lines.size || a.x - b.x);
  for (const g of aligned) {
    if (!starts.every((s) => Math.abs(s - g.x) >= MIN_COLUMN_WIDTH * size)) continue;
    // Two lines only may be two centred headers of equal width (资金来源, 一级指标) inside a wider column.
    if (g.lines.size < WELL_ALIGNED_LINES && crossedMostly(g.x)) continue;
    starts.push(g.x);
  }
  return starts.sort((a, b) => a - b);
}

/** Adds a start unless one already lies within a column width of it; returns whether it was added. */
export function addColumnStart(starts: number[], x: number, size: number): boolean {
  if (starts.some((s) => Math.abs(s - x) < MIN_COLUMN_WIDTH * size)) return false;
  starts.push(x);
  starts.sort((a, b) => a - b);
  return true;
}

/**
 * addColumnStart, or, where a start lies within a column width right of x, that start moved to x: a column's
 * header centred over it (二级指标 at 193) put its start right of where its cells' text starts (数量指标 |
 * 社会效益指标 at 180, flush left), and those cells fell in the column before, two cells in one slot. Only
 * when that leaves a column width to the start before.
 */
export function addOrMoveColumnStart(starts: number[], x: number, size: number): boolean {
  const width = MIN_COLUMN_WIDTH * size;
  const right = starts.findIndex((s) => s > x && s - x < width);
  if (right < 0 || starts.some((s) => s < x && x - s < width)) return addColumnStart(starts, x, size);
  starts[right] = x;
  return true;
}

/** The word of a numbered item (指标 1, 目标 2, 任务 3) and the item's number after it: one cell's words. */
export const isItemHead = (word: string, next: string) => /^(?:指标|目标|任务)$/.test(word) && /^\d{1,2}(?![\d.,%])/.test(next);

/**
 * Splits chunks where a word starts right at a column start after a gap: a
 * cell whose text runs up to the next column (医保信息平台数据 ≥90%) was read as
 * one chunk because the gap was narrower than a column gap elsewhere. A word
 * merely near a start is a space in running text (目标 2: in a goal crossing
 * the column).
 */
export function splitAtColumnStarts(chunks: readonly Chunk[], starts: readonly number[], size: number): Chunk[] {
  const tolerance = ALIGN_TOLERANCE * size;
  const out: Chunk[] = [];
  for (const c of chunks) {
    let cur: Chunk["words"] = [];
    const flush = () => {
      if (cur.length) out.push(chunkOf(cur));
      cur = [];
    };
    for (const w of c.words) {
      const prev = cur[cur.length - 1];
      // (Never between a numbered item's word and its number, 指标 1 部门重点支出…: a list of items aligns its
      // numbers as if they were a column.)
      const cut = prev && w.x0 - prev.x1 >= SPLIT_GAP * size && starts.some((s) => s > prev.x1 && Math.abs(w.x0 - s) <= tolerance) &&
        !isItemHead(prev.text, w.text);
      if (cut) flush();
      cur.push(w);
    }
    flush();
  }
  return out;
}

/** Index of the column holding x (the last start at or left of it). */
export function columnAt(starts: readonly number[], x: number): number {
  let k = 0;
  while (k < starts.length - 1 && x >= starts[k + 1]!) k++;
  return k;
}
