/**
 * The detector, at the scale it runs at, does not see a character that is a
 * single flat stroke (一 of 一级指标, a dash) at the end of a line: the line's
 * region stops short of it. Each region is grown sideways over the ink next
 * to it on its line, up to a gap wider than GAP_SHARE of its height or a
 * ruling (a column of ink the whole height of the line). A stroke the
 * region's edge cuts counts whole.
 */
import type { Region } from "./gray-resize.ts";
import type { RasterImage } from "./image/types.ts";

/** A gap this wide (in line heights) ends the line: CJK text is set solid. */
const GAP_SHARE = 0.4;
/** How far (in line heights) a region may grow each way: one character. */
const REACH_SHARE = 1.2;
/**
 * The ink taken in must run on over this share of the line height across
 * (a flat stroke is as wide as a character): a speck, a few pixels across, is
 * left out, or it would be read as a stray . or 。.
 */
const STROKE_SHARE = 0.4;
/** A column inked over this share of the line's middle band is a ruling, not a character. */
const RULING_SHARE = 0.9;

export function extendToInk(gray: RasterImage, regions: readonly Region[], inkBelow: number): Region[] {
  return regions.map((r) => {
    const height = r.y1 - r.y0;
    // The middle of the line: the grown box's margins are paper, and keep neighbours' descenders out.
    const top = Math.max(0, Math.round(r.y0 + height * 0.2));
    const bottom = Math.min(gray.height, Math.round(r.y1 - height * 0.2));
    const inkIn = (x: number) => {
      let n = 0;
      for (let y = top; y < bottom; y++) if (gray.data[y * gray.width + x]! < inkBelow) n++;
      return n;
    };
    const grow = (from: number, step: -1 | 1): number => {
      let edge = from;
      // (A stroke the region's edge cuts, 一 of 一、投入目标 half inside it, counts whole: its ink inside the
      // edge starts the run.)
      let inside = 0;
      for (let x = from; x >= Math.floor(r.x0) && x <= Math.ceil(r.x1) && inkIn(x) > 0 && inside < height; x -= step) inside++;
      let gap = 0, run = inside, longest = 0;
      const maxGap = GAP_SHARE * height;
      for (let x = from + step, k = 0; x >= 0 && x < gray.width && k < REACH_SHARE * height; x += step, k++) {
        const ink = inkIn(x);
        if (ink >= RULING_SHARE * (bottom - top)) break;
        if (ink > 0) {
          edge = x;
          gap = 0;
          longest = Math.max(longest, ++run);
        } else {
          run = 0;
          if (++gap > maxGap) break;
        }
      }
      return longest >= STROKE_SHARE * height ? edge : from;
    };
    const x0 = grow(Math.floor(r.x0), -1);
    const x1 = grow(Math.ceil(r.x1) - 1, 1) + 1;
    return { ...r, x0: Math.min(r.x0, x0), x1: Math.max(r.x1, x1) };
  });
}
