/**
 * Tables ruled only in part: many reports draw column lines in the header and
 * none in the body, or rule every group of rows but not each row. The
 * lattice then finds one wide cell per body row, or one tall cell holding a
 * column of stacked values. Two refinements put the values back in place:
 * - a merged cell whose words each sit inside one column of the table (none
 *   straddles a column border) is split along those borders;
 * - a row whose filled cells (three or more) hold the same number of lines
 *   at the same heights is split into one row per line.
 * Form cells do not look like that: a merged CJK cell's text runs across the
 * borders, and wrapped cells in one row wrap to different line counts.
 */
import { type Box, type Glyph, centreY } from "./geometry.ts";
import type { PdfSettings } from "./settings.ts";
import { type TextLine, linesFromGlyphs, wordsFromLine } from "./words.ts";

export interface CellPiece {
  box: Box;
  glyphs: Glyph[];
}

/** A row split needs at least this many filled cells with aligned lines. */
const MIN_ALIGNED_CELLS = 3;

const columnOf = (xs: readonly number[], x: number) => {
  let k = 0;
  while (k < xs.length - 2 && x >= xs[k + 1]!) k++;
  return k;
};

/** Splits a cell spanning columns when each of its words lies within one column. */
export function splitAcrossColumns(piece: CellPiece, xs: readonly number[], settings: PdfSettings): CellPiece[] {
  const first = xs.findIndex((x) => Math.abs(x - piece.box.x0) < 0.01);
  const last = xs.findIndex((x) => Math.abs(x - piece.box.x1) < 0.01);
  if (first < 0 || last - first < 2 || piece.glyphs.length === 0) return [piece];
  const byColumn = new Map<number, Glyph[]>();
  for (const line of linesFromGlyphs(piece.glyphs, settings.lineOverlap)) {
    let start = 0;
    for (const w of wordsFromLine(line, settings.wordGap)) {
      const glyphs = line.glyphs.slice(start, start + Array.from(w.text).length);
      start += glyphs.length;
      const k0 = columnOf(xs, w.x0 + 0.5), k1 = columnOf(xs, w.x1 - 0.5);
      if (k0 !== k1) return [piece];
      byColumn.set(k0, [...(byColumn.get(k0) ?? []), ...glyphs]);
    }
  }
  if (byColumn.size < 2) return [piece];
  const out: CellPiece[] = [];
  for (let k = first; k < last; k++) {
    out.push({ box: { ...piece.box, x0: xs[k]!, x1: xs[k + 1]! }, glyphs: byColumn.get(k) ?? [] });
  }
  return out;
}

/** Line boundaries (y) that split a row band whose filled cells stack the same lines, or null. */
export function stackedLineBorders(pieces: readonly CellPiece[], settings: PdfSettings): number[] | null {
  const filled = pieces.filter((p) => p.glyphs.length > 0);
  if (filled.length < MIN_ALIGNED_CELLS) return null;
  const lines: TextLine[][] = filled.map((p) => linesFromGlyphs(p.glyphs, settings.lineOverlap));
  const n = lines[0]!.length;
  if (n < 2 || lines.some((l) => l.length !== n)) return null;
  for (let j = 0; j < n; j++) {
    const y = centreY(lines[0]![j]!);
    if (lines.some((l) => Math.abs(centreY(l[j]!) - y) > 0.5 * l[j]!.size)) return null;
  }
  const borders: number[] = [];
  for (let j = 0; j + 1 < n; j++) {
    const bottom = Math.max(...lines.map((l) => l[j]!.y1));
    const top = Math.min(...lines.map((l) => l[j + 1]!.y0));
    borders.push((bottom + top) / 2);
  }
  return borders;
}

/** Splits a piece at the given heights, each glyph going with the band holding its centre. */
export function splitAtHeights(piece: CellPiece, borders: readonly number[]): CellPiece[] {
  const ys = [piece.box.y0, ...borders, piece.box.y1];
  return ys.slice(0, -1).map((y0, j) => ({
    box: { ...piece.box, y0, y1: ys[j + 1]! },
    glyphs: piece.glyphs.filter((g) => centreY(g) >= y0 && centreY(g) < ys[j + 1]!),
  }));
}
