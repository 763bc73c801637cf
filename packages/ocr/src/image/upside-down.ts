/**
 * Whether level text is upside down, from decimal points. Budget forms are
 * full of numbers like 12.50 and 95.23; a decimal point sits on the baseline
 * between two digits of equal height, so both digits end level with its
 * bottom and rise well above it. Turned 180° they start level with its top
 * and hang below it. Dots inside Chinese characters (氵, 冫, the top of 主)
 * rarely have two equal, digit-shaped neighbours aligned with them, so they
 * seldom vote. Works on component boxes only, so any quarter turn is free.
 */
import type { Boxes } from "./boxes.ts";

export interface UpsideDownVote {
  upright: number;
  upsideDown: number;
}

/** Digit shape relative to the dot: how much taller than the dot, how narrow for its height. */
const DIGIT_HEIGHT_IN_DOTS = { min: 4, max: 10 };
const DIGIT_WIDTH_OF_HEIGHT = { min: 0.3, max: 0.75 };
/** Neighbour digits' heights may differ by this fraction; their aligned edge may miss the dot's by this fraction of their height. */
const EQUAL_HEIGHT = 0.15;
const ALIGN = 0.12;
/** A neighbour is at most this fraction of its height away from the dot, and the two gaps differ by at most UNEVEN_GAPS of it (the point is centred). */
const MAX_GAP = 0.35;
const UNEVEN_GAPS = 0.2;

/** Components bucketed by cell so neighbours of a dot are found without scanning them all. */
class BoxGrid {
  private readonly cells = new Map<number, number[]>();
  constructor(private readonly b: Boxes, private readonly cell: number, maxSize: number) {
    for (let i = 0; i < b.count; i++) {
      if (b.x1[i]! - b.x0[i]! > maxSize || b.y1[i]! - b.y0[i]! > maxSize) continue;
      for (let cy = Math.floor(b.y0[i]! / cell); cy <= Math.floor(b.y1[i]! / cell); cy++) {
        for (let cx = Math.floor(b.x0[i]! / cell); cx <= Math.floor(b.x1[i]! / cell); cx++) {
          const key = cy * 65536 + cx;
          const list = this.cells.get(key);
          if (list) list.push(i);
          else this.cells.set(key, [i]);
        }
      }
    }
  }
  /** Indices of boxes meeting the inclusive rectangle (each once). */
  query(x0: number, y0: number, x1: number, y1: number, out: Set<number>): void {
    out.clear();
    const b = this.b;
    for (let cy = Math.floor(y0 / this.cell); cy <= Math.floor(y1 / this.cell); cy++) {
      for (let cx = Math.floor(x0 / this.cell); cx <= Math.floor(x1 / this.cell); cx++) {
        for (const i of this.cells.get(cy * 65536 + cx) ?? []) {
          if (b.x1[i]! >= x0 && b.x0[i]! <= x1 && b.y1[i]! >= y0 && b.y0[i]! <= y1) out.add(i);
        }
      }
    }
  }
}

const ON_BASELINE = 1, UNDER_TOP = 2;

/** Counts dots that read as decimal points upright and upside down. `em` is a rough text height in pixels. */
export function voteUpsideDown(b: Boxes, em: number): UpsideDownVote {
  const minDot = Math.max(2, Math.round(em * 0.05)), maxDot = Math.max(minDot + 1, Math.round(em * 0.3));
  const grid = new BoxGrid(b, Math.max(8, Math.round(em)), Math.round(em * 3));
  const vote: UpsideDownVote = { upright: 0, upsideDown: 0 };
  const found = new Set<number>();
  const pairs = new Map<number, number>();
  for (let k = 0; k < b.count; k++) {
    const w = b.x1[k]! - b.x0[k]! + 1, h = b.y1[k]! - b.y0[k]! + 1;
    if (w < minDot || h < minDot || w > maxDot || h > maxDot || w > 2 * h || h > 2 * w) continue;
    const dot = Math.max(w, h);
    const reach = Math.round(dot * DIGIT_HEIGHT_IN_DOTS.max);
    grid.query(b.x0[k]! - reach, b.y0[k]! - reach, b.x1[k]! + reach, b.y1[k]! + reach, found);
    const left = nearestDigit(b, found, k, dot, -1);
    const right = nearestDigit(b, found, k, dot, 1);
    if (left < 0 || right < 0) continue;
    const hl = b.y1[left]! - b.y0[left]! + 1, hr = b.y1[right]! - b.y0[right]! + 1;
    if (Math.abs(hl - hr) > EQUAL_HEIGHT * Math.max(hl, hr)) continue;
    const tol = ALIGN * Math.max(hl, hr);
    // Two digits of one number: same top and same bottom.
    if (Math.abs(b.y0[left]! - b.y0[right]!) > tol || Math.abs(b.y1[left]! - b.y1[right]!) > tol) continue;
    const gapLeft = b.x0[k]! - b.x1[left]!, gapRight = b.x0[right]! - b.x1[k]!;
    if (Math.abs(gapLeft - gapRight) > UNEVEN_GAPS * Math.max(hl, hr)) continue;
    const bottoms = Math.abs(b.y1[left]! - b.y1[k]!) <= tol && Math.abs(b.y1[right]! - b.y1[k]!) <= tol;
    const tops = Math.abs(b.y0[left]! - b.y0[k]!) <= tol && Math.abs(b.y0[right]! - b.y0[k]!) <= tol;
    if (bottoms === tops) continue;
    const pair = left * b.count + right;
    pairs.set(pair, (pairs.get(pair) ?? 0) | (bottoms ? ON_BASELINE : UNDER_TOP));
  }
  // A speck above a real decimal point makes a colon-like pair of dots: such a pair says nothing.
  for (const seen of pairs.values()) {
    if (seen === ON_BASELINE) vote.upright++;
    else if (seen === UNDER_TOP) vote.upsideDown++;
  }
  return vote;
}

/** The nearest digit-shaped box beside dot k on one side (−1 left, +1 right) sharing rows with it, or −1. */
function nearestDigit(b: Boxes, candidates: Set<number>, k: number, dot: number, side: -1 | 1): number {
  let best = -1, bestGap = Infinity;
  for (const i of candidates) {
    if (i === k) continue;
    const h = b.y1[i]! - b.y0[i]! + 1, w = b.x1[i]! - b.x0[i]! + 1;
    if (h < DIGIT_HEIGHT_IN_DOTS.min * dot || h > DIGIT_HEIGHT_IN_DOTS.max * dot) continue;
    if (w < DIGIT_WIDTH_OF_HEIGHT.min * h || w > DIGIT_WIDTH_OF_HEIGHT.max * h) continue;
    if (b.y1[i]! < b.y0[k]! || b.y0[i]! > b.y1[k]!) continue;
    const gap = side < 0 ? b.x0[k]! - b.x1[i]! - 1 : b.x0[i]! - b.x1[k]! - 1;
    if (gap < 0 || gap > MAX_GAP * h) continue;
    if (gap < bestGap) { bestGap = gap; best = i; }
  }
  return best;
}
