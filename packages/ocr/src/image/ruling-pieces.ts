/**
 * Ruling pieces: runs of ink along one row (for horizontal rulings) or one
 * column (for vertical rulings) long enough not to be a text stroke's part.
 * Gaps up to `runGap` pixels inside a run are bridged, so a stroke thinned by
 * JPEG or binarisation still counts as one run.
 */
import type { InkMask } from "./types.ts";

/** A run along one line of pixels: `at` is the row (or column), `from`..`to` inclusive along it. */
export interface Piece {
  at: number;
  from: number;
  to: number;
}

/** Runs along each row, in row order. */
export function rowPieces(mask: InkMask, runGap: number, minLength: number): Piece[] {
  const { width, height, data } = mask;
  const out: Piece[] = [];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1, lastInk = -1;
    for (let x = 0; x < width; x++) {
      if (data[row + x] === 0) continue;
      if (start >= 0 && x - lastInk - 1 > runGap) {
        if (lastInk - start + 1 >= minLength) out.push({ at: y, from: start, to: lastInk });
        start = x;
      } else if (start < 0) start = x;
      lastInk = x;
    }
    if (start >= 0 && lastInk - start + 1 >= minLength) out.push({ at: y, from: start, to: lastInk });
  }
  return out;
}

/**
 * Runs along each column, in column order. The image is walked row by row
 * (memory order) with one open run per column, not column by column.
 */
export function columnPieces(mask: InkMask, runGap: number, minLength: number): Piece[] {
  const { width, height, data } = mask;
  const start = new Int32Array(width).fill(-1);
  const lastInk = new Int32Array(width).fill(-1);
  const byColumn: Piece[][] = Array.from({ length: width }, () => []);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x] === 0) continue;
      const s = start[x]!, last = lastInk[x]!;
      if (s >= 0 && y - last - 1 > runGap) {
        if (last - s + 1 >= minLength) byColumn[x]!.push({ at: x, from: s, to: last });
        start[x] = y;
      } else if (s < 0) start[x] = y;
      lastInk[x] = y;
    }
  }
  for (let x = 0; x < width; x++) {
    const s = start[x]!, last = lastInk[x]!;
    if (s >= 0 && last - s + 1 >= minLength) byColumn[x]!.push({ at: x, from: s, to: last });
  }
  return byColumn.flat();
}
