/**
 * Grey-level histograms of a page, and the levels that cut off a share of
 * them: the paper's level (the lightest tenth), the darkest print (the
 * darkest 0.2%). Counted on a sample: a page's levels are the same from a
 * third of its pixels.
 */
import type { RasterImage } from "./types.ts";

export interface GrayHistogram {
  counts: Uint32Array;
  /** Pixels counted. */
  n: number;
}

/** Every `step`-th pixel's grey level counted. */
export function sampledHistogram(gray: RasterImage, step: number): GrayHistogram {
  const counts = new Uint32Array(256);
  let n = 0;
  for (let i = 0; i < gray.data.length; i += step, n++) counts[gray.data[i]!]!++;
  return { counts, n };
}

/** The lightest grey level with at least `share` of the counted pixels at or below it. */
export function levelFromDark({ counts, n }: GrayHistogram, share: number): number {
  let need = Math.max(1, Math.round(n * share)), v = 0;
  for (; v < 255; v++) if ((need -= counts[v]!) <= 0) break;
  return v;
}

/** The darkest grey level with at least `share` of the counted pixels at or above it. */
export function levelFromLight({ counts, n }: GrayHistogram, share: number): number {
  let need = Math.max(1, Math.round(n * share)), v = 255;
  for (; v > 0; v--) if ((need -= counts[v]!) <= 0) break;
  return v;
}
