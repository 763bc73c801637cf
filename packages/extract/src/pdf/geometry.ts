/**
 * The shapes the PDF table finder passes between its steps. Coordinates are
 * PDF points in the page as displayed: origin top-left, y growing downwards,
 * /Rotate already applied.
 */

/** A 2-D affine matrix in pdf.js order [a, b, c, d, e, f]. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2: the matrix that applies m2 first, then m1 (pdf.js Util.transform). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One character as placed on the page (pdf.js gives runs; characters are spread over the run's width). */
export interface Glyph extends Box {
  text: string;
  /** Font size in points, as displayed. */
  size: number;
  /** pdf.js put a space before this glyph inside its run (a gap of about 0.1–0.6 em). */
  spaceBefore: boolean;
  /** Index of the run the glyph came from: glyphs of one run are never reordered. */
  run: number;
}

/** Glyphs on one line without a word gap between them. */
export interface Word extends Box {
  text: string;
  size: number;
  /** The PDF has a space character before this word (not merely a gap). */
  spaceBefore: boolean;
}

/** A ruling line: horizontal at y = `at` from x `from` to `to`, or vertical at x = `at` from y `from` to `to`. */
export interface Edge {
  orientation: "h" | "v";
  at: number;
  from: number;
  to: number;
}

export interface Point {
  x: number;
  y: number;
}

/** One rectangle of a ruled table, bounded by edges on all four sides. */
export type CellBox = Box;

export const boxWidth = (b: Box) => b.x1 - b.x0;
export const boxHeight = (b: Box) => b.y1 - b.y0;
export const centreX = (b: Box) => (b.x0 + b.x1) / 2;
export const centreY = (b: Box) => (b.y0 + b.y1) / 2;

export function unionBox(boxes: readonly Box[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    if (b.x0 < x0) x0 = b.x0;
    if (b.y0 < y0) y0 = b.y0;
    if (b.x1 > x1) x1 = b.x1;
    if (b.y1 > y1) y1 = b.y1;
  }
  return { x0, y0, x1, y1 };
}

export function containsPoint(b: Box, x: number, y: number, slack = 0): boolean {
  return x >= b.x0 - slack && x <= b.x1 + slack && y >= b.y0 - slack && y <= b.y1 + slack;
}

export const round2 = (v: number) => Math.round(v * 100) / 100;
export const roundBox = (b: Box): Box => ({ x0: round2(b.x0), y0: round2(b.y0), x1: round2(b.x1), y1: round2(b.y1) });
