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
import type { InkMask, RasterImage } from "./types.ts";

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

/** Every pixel within `r` of an ink pixel (a square max filter, rows then columns). */
function nearInk(mask: InkMask, r: number): Uint8Array {
  const { width: w, height: h, data } = mask;
  const rows = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let last = -Infinity;
    const o = y * w;
    for (let x = 0; x < w; x++) { if (data[o + x]) last = x; if (x - last <= r) rows[o + x] = 1; }
    last = Infinity;
    for (let x = w - 1; x >= 0; x--) { if (data[o + x]) last = x; if (last - x <= r) rows[o + x] = 1; }
  }
  const out = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) {
    let last = -Infinity;
    for (let y = 0; y < h; y++) { if (rows[y * w + x]) last = y; if (y - last <= r) out[y * w + x] = 1; }
    last = Infinity;
    for (let y = h - 1; y >= 0; y--) { if (rows[y * w + x]) last = y; if (last - y <= r) out[y * w + x] = 1; }
  }
  return out;
}

/** The page's paper grey: the level nine tenths of its (sampled) pixels are at or below. */
function paperLevel(gray: RasterImage): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let i = 0; i < gray.data.length; i += 7, n++) hist[gray.data[i]!]!++;
  let need = Math.round(n * 0.1), v = 255;
  for (; v > 0; v--) if ((need -= hist[v]!) <= 0) break;
  return v;
}

/** Share of the page's pixels that are light marks on open paper (see the module comment). */
export function showThroughShare(gray: RasterImage, mask: InkMask, inkThreshold: number, settings: ShowThroughSettings = DEFAULT_SHOW_THROUGH_SETTINGS): number {
  const paper = paperLevel(gray);
  const lo = inkThreshold + (paper - inkThreshold) * settings.lightFrom, hi = paper - settings.belowPaper;
  if (hi <= lo) return 0;
  const near = nearInk(mask, settings.reach);
  let marks = 0;
  for (let i = 0; i < gray.data.length; i++) {
    const v = gray.data[i]!;
    if (v > lo && v < hi && !near[i]) marks++;
  }
  return marks / gray.data.length;
}

export function showsThrough(gray: RasterImage, mask: InkMask, inkThreshold: number, settings: ShowThroughSettings = DEFAULT_SHOW_THROUGH_SETTINGS): boolean {
  return showThroughShare(gray, mask, inkThreshold, settings) > settings.minShare;
}
