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
