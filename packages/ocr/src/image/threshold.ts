/** Grey to ink/paper: a global Otsu threshold, which suits scans of printed forms on even paper. */
import type { InkMask, RasterImage } from "./types.ts";

/**
 * The grey level that best separates the histogram into two classes (Otsu
 * 1979); pixels ≤ it are ink. Every `sampleStep`-th pixel is counted: a
 * page's histogram is the same from a third of its pixels.
 */
export function otsuThreshold(gray: RasterImage, sampleStep = 3): number {
  const hist = new Float64Array(256);
  const data = gray.data;
  const total = gray.width * gray.height;
  let n = 0;
  for (let i = 0; i < total; i += sampleStep, n++) hist[data[i]!]!++;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v]!;
  let weightBelow = 0, sumBelow = 0, best = 0, bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    weightBelow += hist[t]!;
    if (weightBelow === 0) continue;
    const weightAbove = n - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += t * hist[t]!;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / weightAbove;
    const variance = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

/** 1 where the grey level is at or below `threshold`. */
export function grayToInkMask(gray: RasterImage, threshold: number): InkMask {
  const n = gray.width * gray.height;
  const data = new Uint8Array(n);
  const src = gray.data;
  for (let i = 0; i < n; i++) data[i] = src[i]! <= threshold ? 1 : 0;
  return { width: gray.width, height: gray.height, data };
}

/**
 * Otsu, clamped so a nearly blank page (whose histogram is all paper and
 * noise) does not get a threshold in the middle of the paper's grey.
 */
export function inkThreshold(gray: RasterImage, maxThreshold = 200): number {
  return Math.min(otsuThreshold(gray), maxThreshold);
}

/** A box's pixels clamped to the image, and the grey halfway between its lightest and darkest pixel: ink below it. */
export interface BoxInk {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Darkest minus lightest: a box of paper alone has little. */
  contrast: number;
  cut: number;
  /** The grey at (x, y) (the first channel). */
  value(x: number, y: number): number;
}

export function boxInk(gray: RasterImage, box: { x0: number; y0: number; x1: number; y1: number }): BoxInk {
  const x0 = Math.max(0, Math.floor(box.x0)), x1 = Math.min(gray.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0)), y1 = Math.min(gray.height, Math.ceil(box.y1));
  const value = (x: number, y: number) => gray.data[(y * gray.width + x) * gray.channels]!;
  let lo = 255, hi = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) { const v = value(x, y); if (v < lo) lo = v; if (v > hi) hi = v; }
  return { x0, y0, x1, y1, contrast: hi - lo, cut: (lo + hi) / 2, value };
}
