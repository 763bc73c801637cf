/**
 * Show-through: the print of a sheet's other side seen through thin paper,
 * mirrored and light grey. The detector finds lines in it and the recogniser
 * reads its glyphs into the cells of the side scanned (黄石市…经费工申的市斌示…),
 * so on such a page every grey lighter than the print is made paper before
 * lines are looked for (whiten-paper.ts, as for a seal's remains).
 *
 * Told from a clean page by where its light greys lie: on a clean page, grey
 * between the print and the paper is the anti-aliased or JPEG-blurred edge of
 * a stroke and lies next to one; show-through lies on open paper, away from
 * any print.
 */
import { levelFromLight, sampledHistogram } from "./histogram.ts";
import type { RasterImage } from "./types.ts";

export interface ShowThroughSettings {
  /** Pixels this far (px) from any ink pixel are on open paper. */
  reach: number;
  /** Grey lighter than the ink threshold by this share of the way to the paper counts as a light mark (not a stroke's dark core). */
  lightFrom: number;
  /** ...and darker than the paper by at least this (0–255): not the paper's own grain or JPEG haze. */
  belowPaper: number;
  /** Light marks on open paper over this share of the page: the page shows its other side through. */
  minShare: number;
}

export const DEFAULT_SHOW_THROUGH_SETTINGS: ShowThroughSettings = { reach: 4, lightFrom: 0.25, belowPaper: 24, minShare: 0.005 };

/** Every PAPER_SAMPLE_STEP-th pixel is counted for the paper's grey. */
const PAPER_SAMPLE_STEP = 7;

/** Every SAMPLE_STEP-th pixel of every SAMPLE_STEP-th row is looked at (a share needs no more, and a page's 4 M pixels cost ~60 ms). */
const SAMPLE_STEP = 3;

/** Whether a pixel at or below `ink` lies within `r` of (x, y). */
function inkWithin(gray: RasterImage, x: number, y: number, r: number, ink: number): boolean {
  const { width: w, height: h, data } = gray;
  for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
    const row = yy * w;
    for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) if (data[row + xx]! <= ink) return true;
  }
  return false;
}

/** Share of the page (sampled) that is light marks on open paper (see the module comment). */
export function showThroughShare(gray: RasterImage, inkThreshold: number, settings: ShowThroughSettings = DEFAULT_SHOW_THROUGH_SETTINGS): number {
  // The paper's grey: the level of the lightest tenth of the page.
  const paper = levelFromLight(sampledHistogram(gray, PAPER_SAMPLE_STEP), 0.1);
  const lo = inkThreshold + (paper - inkThreshold) * settings.lightFrom, hi = paper - settings.belowPaper;
  if (hi <= lo) return 0;
  let marks = 0, seen = 0;
  for (let y = 0; y < gray.height; y += SAMPLE_STEP) {
    for (let x = 0; x < gray.width; x += SAMPLE_STEP, seen++) {
      const v = gray.data[y * gray.width + x]!;
      if (v > lo && v < hi && !inkWithin(gray, x, y, settings.reach, inkThreshold)) marks++;
    }
  }
  return marks / Math.max(1, seen);
}

export function showsThrough(gray: RasterImage, inkThreshold: number, settings: ShowThroughSettings = DEFAULT_SHOW_THROUGH_SETTINGS): boolean {
  return showThroughShare(gray, inkThreshold, settings) > settings.minShare;
}
