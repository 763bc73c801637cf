/**
 * Tables ruled only in part: many reports draw column lines in the header and
 * none in the body, or rule every group of rows but not each row, or rule
 * column groups but not the columns inside them. The lattice then finds one
 * wide cell per body row, or one tall cell holding a column of stacked
 * values. Three refinements put the values back in place:
 * - a ruled column whose lines all leave a column-wide gap at one x (but a
 *   heading that spans it) is split there (textGapBorders);
 * - a merged cell whose words each sit inside one column of the table (none
 *   straddles a column border) is split along those borders;
 * - a row whose filled cells (two or more) stack three or more lines at
 *   shared heights is split into one row per line (stackedLineBorders).
 * Otherwise the rules decide the rows: a cell whose text wraps onto a second
 * line (a header, "Improved / Speed") stays one cell, however many of its
 * neighbours wrap too. Form cells do not look like stacked values either: a
 * merged CJK cell's text runs across the borders, and wrapped text fills its
 * cell's width line after line.
 */
import { type Box, type Glyph, centreY } from "./geometry.ts";
import { freeStrips } from "./free-strips.ts";
import { isListMarker } from "./prose.ts";
import type { PdfSettings } from "./settings.ts";
import { type TextLine, linesFromGlyphs, wordsFromLine } from "./words.ts";

export interface CellPiece {
  box: Box;
  glyphs: Glyph[];
}

/** A row split needs at least this many filled cells with two or more lines on shared heights. */
const MIN_ALIGNED_CELLS = 2;
/** ...or this many when none of them holds numbers. */
const MIN_ALIGNED_WORD_CELLS = 3;
/** A row band is split into lines only when one of its cells stacks at least this many: two lines are a wrapped cell. */
const MIN_STACKED_LINES = 3;
/** Share of letters among a cell's characters from which its lines are words (that may wrap), not numbers. */
const WRAPPED_LETTER_SHARE = 0.5;
/** A line ending within this many font sizes of its cell's right border may have wrapped there. */
const WRAP_SLACK = 2;
/** Every cell of words with two or more lines in a stacked row has at least this share of the row's lines (wrapped texts of one row differ more; a column of numbers may have values missing). */
const MIN_STACK_FILL = 0.75;
/** A ruled column is split at a gap only if at least this many of its lines have text on both sides of it. */
const MIN_GAP_LINES = 3;
/**
 * Font sizes: the narrowest gap that splits a ruled column. Narrower than a
 * gap between borderless columns (settings.chunkGap): a strip free on every
 * line of the column is evidence enough, and a word space is a third of this.
 */
const MIN_RULED_COLUMN_GAP = 0.8;
/** Share of a column's lines that may cross its gap, one at least (a heading over the columns inside a column group). */
const GAP_CROSSING_SHARE = 0.1;

/** Each piece's lines, found once: the steps below and the cell's text all read them. */
const linesCache = new WeakMap<CellPiece, TextLine[]>();
export function pieceLines(piece: CellPiece, settings: PdfSettings): TextLine[] {
  let lines = linesCache.get(piece);
  if (!lines) linesCache.set(piece, (lines = linesFromGlyphs(piece.glyphs, settings.lineOverlap)));
  return lines;
}

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
  for (const line of pieceLines(piece, settings)) {
    let start = 0, before = "", column = -1, end = 0;
    for (const w of wordsFromLine(line, settings.wordGap)) {
      const glyphs = line.glyphs.slice(start, start + Array.from(w.text).length);
      start += glyphs.length;
      const k0 = columnOf(xs, w.x0 + 0.5), k1 = columnOf(xs, w.x1 - 0.5);
      if (k0 !== k1) return [piece];
      if (column >= 0 && k0 !== column) {
        // A bracket left open before another column's word: one label with a wide space,
        // centred across a border that only a neighbouring table draws ("(7 分)").
        if (opensBracket(before)) return [piece];
        // Words a word space apart are one phrase, whatever border other rows draw between
        // them: a merged cell's "2023 年 4 月-2024 年 2 月" (spaced CJK and digits) is one value.
        if (w.x0 - end < MIN_RULED_COLUMN_GAP * Math.max(...glyphs.map((g) => g.size))) return [piece];
      }
      end = w.x1;
      before += w.text;
      column = k0;
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

/**
 * Whether a cell's lines are wrapped text: each line but the last runs up to
 * the cell's right border, and the next line's first word would not have
 * fitted after it; and they hold words, not numbers set flush right. Stacked
 * labels ("Under 1 year" over "1 - 2 years") leave that room, or end short
 * of the border.
 */
function isWrappedText(piece: CellPiece, lines: readonly TextLine[], settings: PdfSettings): boolean {
  if (lines.length < 2) return false;
  const right = Math.max(...lines.map((l) => l.x1));
  for (let j = 0; j + 1 < lines.length; j++) {
    const line = lines[j]!;
    // Leader dots run a label up to the border ("All ages . . . ."): that line did not wrap.
    if (line.glyphs.length >= 2 && line.glyphs.slice(-2).every((g) => g.text === ".")) return false;
    if (line.x1 < piece.box.x1 - WRAP_SLACK * line.size) return false;
    const next = wordsFromLine(lines[j + 1]!, settings.wordGap)[0]!;
    if (line.x1 + settings.wordGap * line.size + (next.x1 - next.x0) <= right) return false;
  }
  return isWords(lines);
}

/** Whether lines are mostly letters (words, not numbers). */
function isWords(lines: readonly TextLine[]): boolean {
  const glyphs = lines.flatMap((l) => l.glyphs);
  return glyphs.filter((g) => /\p{L}/u.test(g.text)).length >= WRAPPED_LETTER_SHARE * glyphs.length;
}

/** Whether a piece's text is tall enough for MIN_STACKED_LINES lines (most rows are one line: no lines need finding). */
function holdsStackedLines(piece: CellPiece): boolean {
  let y0 = Infinity, y1 = -Infinity, size = Infinity;
  for (const g of piece.glyphs) {
    if (g.y0 < y0) y0 = g.y0;
    if (g.y1 > y1) y1 = g.y1;
    if (g.size < size) size = g.size;
  }
  return y1 - y0 >= (MIN_STACKED_LINES - 0.5) * size;
}

/**
 * Line boundaries (y) that split a row band whose filled cells stack values,
 * or null. The cell with the most lines gives the heights; every line of the
 * other cells must sit on one of them (a missing value leaves a hole, not a
 * shift).
 */
export function stackedLineBorders(pieces: readonly CellPiece[], settings: PdfSettings): number[] | null {
  const filled = pieces.filter((p) => p.glyphs.length > 0);
  if (filled.length < MIN_ALIGNED_CELLS || !filled.some(holdsStackedLines)) return null;
  const lines: TextLine[][] = filled.map((p) => pieceLines(p, settings));
  const ref = lines.reduce((a, b) => (b.length > a.length ? b : a));
  const n = ref.length;
  const multi = lines.filter((l) => l.length >= 2);
  if (n < MIN_STACKED_LINES || multi.length < MIN_ALIGNED_CELLS) return null;
  // Two cells of words stacking lines side by side are two lists (目标1…, 目标1完成情况…), kept whole; values come with numbers.
  if (multi.length < MIN_ALIGNED_WORD_CELLS && multi.every(isWords)) return null;
  if (lines.some((l) => l.length >= 2 && l.length < MIN_STACK_FILL * n && isWords(l))) return null;
  if (filled.some((p, i) => isWrappedText(p, lines[i]!, settings))) return null;
  const bottom = new Array<number>(n).fill(-Infinity), top = new Array<number>(n).fill(Infinity);
  for (const cellLines of lines) {
    for (const l of cellLines) {
      const y = centreY(l);
      const j = ref.findIndex((r) => Math.abs(centreY(r) - y) <= 0.5 * l.size);
      if (j < 0) return null;
      bottom[j] = Math.max(bottom[j]!, l.y1);
      top[j] = Math.min(top[j]!, l.y0);
    }
  }
  const borders: number[] = [];
  for (let j = 0; j + 1 < n; j++) {
    if (bottom[j]! > top[j + 1]!) return null;
    borders.push((bottom[j]! + top[j + 1]!) / 2);
  }
  return borders;
}

/**
 * Column borders inside ruled columns: for each column, the middles of the
 * strips at least MIN_RULED_COLUMN_GAP font sizes wide that no line of its
 * cells covers, but a few crossing ones, with text on both sides on at least
 * MIN_GAP_LINES lines. Characters, not words, cover the strips: a word space
 * is far narrower than a gap.
 */
export function textGapBorders(pieces: readonly CellPiece[], xs: readonly number[], settings: PdfSettings): number[] {
  const columnAt = new Map(xs.map((x, k) => [x, k]));
  const byColumn = new Map<number, TextLine[]>();
  for (const p of pieces) {
    const k = columnAt.get(p.box.x0);
    if (k === undefined || xs[k + 1] !== p.box.x1 || p.glyphs.length === 0) continue;
    const list = byColumn.get(k) ?? byColumn.set(k, []).get(k)!;
    list.push(...pieceLines(p, settings));
  }
  const out: number[] = [];
  for (const [k, lines] of byColumn) {
    if (lines.length < MIN_GAP_LINES) continue;
    const glyphs = lines.flatMap((line) => line.glyphs);
    const size = glyphs.reduce((sum, g) => sum + g.size, 0) / glyphs.length;
    const allowed = Math.max(1, Math.floor(lines.length * GAP_CROSSING_SHARE));
    for (const [a, b] of freeStrips(lines.map((line) => line.glyphs), xs[k]!, xs[k + 1]!, allowed)) {
      if (b - a < MIN_RULED_COLUMN_GAP * size) continue;
      // A column of list markers (bullets before wrapped items) is no column.
      const both = lines.filter((line) => {
        const left = line.glyphs.filter((g) => g.x1 <= a + 1).map((g) => g.text).join("");
        return left !== "" && !isListMarker(left) && line.glyphs.some((g) => g.x0 >= b - 1);
      }).length;
      if (both >= MIN_GAP_LINES) out.push((a + b) / 2);
    }
  }
  return out.sort((a, b) => a - b);
}

/** Text that leaves a bracket open: its line goes on after it. */
function opensBracket(text: string): boolean {
  const open = (text.match(/[(（\[【]/g) ?? []).length, close = (text.match(/[)）\]】]/g) ?? []).length;
  return open > close;
}

/** Splits a piece at the given heights, each glyph going with the band holding its centre. */
export function splitAtHeights(piece: CellPiece, borders: readonly number[]): CellPiece[] {
  const ys = [piece.box.y0, ...borders, piece.box.y1];
  return ys.slice(0, -1).map((y0, j) => ({
    box: { ...piece.box, y0, y1: ys[j + 1]! },
    glyphs: piece.glyphs.filter((g) => centreY(g) >= y0 && centreY(g) < ys[j + 1]!),
  }));
}
