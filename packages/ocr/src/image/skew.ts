/**
 * Skew estimate by projection profile: when the page is turned so its rulings
 * and text lines are level, ink piles into few rows and the row profile is
 * sharpest (largest sum of squares). A coarse search over ±`maxDegrees` is
 * refined around its best angle.
 *
 * Sign: positive = the content is turned clockwise (as seen, y down), i.e. a
 * level line now falls towards the right; turn by −skew to straighten it.
 */
import type { InkMask } from "./types.ts";

export interface SkewSettings {
  /**
   * The widest tilt looked for, either way. 8°: a page fed or photographed 5° askew is
   * no rarity, and left unlevelled its rows run into each other (an undated 2017 目标表
   * scanned 5° askew gave 5 of its 56 fields); the wider search costs ~4 ms a page.
   */
  maxDegrees: number;
  coarseStep: number;
  fineStep: number;
  /** Use every n-th ink column in the coarse pass (speed; rows stay exact). */
  coarseColumnStride: number;
  fineColumnStride: number;
}

export const DEFAULT_SKEW_SETTINGS: SkewSettings = { maxDegrees: 8, coarseStep: 0.1, fineStep: 0.01, coarseColumnStride: 16, fineColumnStride: 8 };

/** Ink pixel coordinates, taking every `stride`-th column. */
function inkPoints(mask: InkMask, stride: number): { xs: Int32Array; ys: Int32Array } {
  const { width, height, data } = mask;
  let n = 0;
  for (let y = 0; y < height; y++) for (let x = 0, i = y * width; x < width; x += stride, i += stride) n += data[i]!;
  const xs = new Int32Array(n), ys = new Int32Array(n);
  let k = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x += stride, i += stride) {
      if (data[i] !== 0) { xs[k] = x; ys[k] = y; k++; }
    }
  }
  return { xs, ys };
}

/** Sum of squares of the row profile after shearing the points level for `degrees`. */
function profileSharpness(xs: Int32Array, ys: Int32Array, degrees: number, cx: number, margin: number, profile: Float64Array): number {
  profile.fill(0);
  const t = Math.tan((degrees * Math.PI) / 180);
  for (let i = 0; i < xs.length; i++) {
    const row = (ys[i]! - (xs[i]! - cx) * t + margin) | 0;
    profile[row]!++;
  }
  let s = 0;
  for (let i = 0; i < profile.length; i++) s += profile[i]! * profile[i]!;
  return s;
}

/** The sharpest angle from `from` to `to` in steps of `step`, refined between steps. */
function bestAngle(xs: Int32Array, ys: Int32Array, width: number, height: number, from: number, to: number, step: number): number {
  const margin = Math.ceil(width * Math.tan((Math.max(Math.abs(from), Math.abs(to)) * Math.PI) / 180)) + 2;
  const profile = new Float64Array(height + 2 * margin);
  const angles: number[] = [], scores: number[] = [];
  for (let a = from; a <= to + 1e-9; a += step) {
    angles.push(a);
    scores.push(profileSharpness(xs, ys, a, width / 2, margin, profile));
  }
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  let angle = angles[best]!;
  // Parabola through the best score and its neighbours places the peak between steps.
  if (best > 0 && best < scores.length - 1) {
    const l = scores[best - 1]!, c = scores[best]!, r = scores[best + 1]!;
    const d = l - 2 * c + r;
    if (d < 0) angle += (step * (l - r)) / (2 * d);
  }
  return angle;
}

/** The page's skew in degrees (positive = turned clockwise), within ±maxDegrees; 0 for a blank page. */
export function estimateSkew(mask: InkMask, settings: SkewSettings = DEFAULT_SKEW_SETTINGS): number {
  const coarse = inkPoints(mask, settings.coarseColumnStride);
  if (coarse.xs.length < 100) return 0;
  const m = settings.maxDegrees;
  const around = bestAngle(coarse.xs, coarse.ys, mask.width, mask.height, -m, m, settings.coarseStep);
  const fine = inkPoints(mask, settings.fineColumnStride);
  const angle = bestAngle(fine.xs, fine.ys, mask.width, mask.height, around - 1.5 * settings.coarseStep, around + 1.5 * settings.coarseStep, settings.fineStep);
  return Math.max(-m, Math.min(m, angle));
}
