/**
 * The scanner's bed round a page: a page laid on the glass with the lid open,
 * or smaller than the scan, is framed in thick black running off the image's
 * edges. Left as ink, the frame is taken for the table's outer rulings and the
 * title above the table for its cells. What is dark and thick (thicker than
 * any stroke of print or ruling) and reaches the image's edge is made paper.
 *
 * A page with no such frame, every scan fixture, is handed back as it is.
 */
import { labelComponents } from "./components.ts";
import type { InkMask, RasterImage } from "./types.ts";

export interface ScannerBedSettings {
  /** Dark areas at least this thick, as a share of the image's shorter side, are no print (a bold title's stroke is ~0.4%). */
  minThickness: number;
  /** The frame is painted over this many pixels further, for the greyed rim a JPEG leaves round it. */
  rim: number;
}

export const DEFAULT_SCANNER_BED_SETTINGS: ScannerBedSettings = { minThickness: 0.008, rim: 3 };

/**
 * Along each line of `len` pixels (first pixel at `start(i)`, next `step` on), 1 where every (erode) or any
 * (dilate) pixel within `r` is 1; beyond the image counts as 1 for erosion (a frame is cut by the edge, not thinned).
 */
function linePass(src: Uint8Array, out: Uint8Array, lines: number, len: number, lineStride: number, step: number, r: number, erode: boolean, gap: Int32Array): void {
  // `gap[k]`: how far pixel k is from the nearest pixel of the value that decides (0 for erosion, 1 for dilation).
  const decides = erode ? 0 : 1;
  const FAR = len + r + 1;
  for (let i = 0; i < lines; i++) {
    const base = i * lineStride;
    let last = -FAR;
    for (let k = 0, p = base; k < len; k++, p += step) { if (src[p] === decides) last = k; gap[k] = k - last; }
    last = len + FAR;
    for (let k = len - 1, p = base + (len - 1) * step; k >= 0; k--, p -= step) {
      if (src[p] === decides) last = k;
      const d = Math.min(gap[k]!, last - k);
      out[p] = erode ? (d > r ? 1 : 0) : d <= r ? 1 : 0;
    }
  }
}

/** A square erosion or dilation of radius `r`, rows then columns. */
function squareFilter(src: Uint8Array, w: number, h: number, r: number, erode: boolean): Uint8Array {
  const gap = new Int32Array(Math.max(w, h));
  const rows = new Uint8Array(w * h), out = new Uint8Array(w * h);
  linePass(src, rows, h, w, w, 1, r, erode, gap);
  linePass(rows, out, w, h, 1, w, r, erode, gap);
  return out;
}

/** Pixels of the components of `thick` (labelled as ink is, image/components.ts) that reach the image's edge. */
function reachingEdge(thick: Uint8Array, w: number, h: number): Uint8Array | null {
  const c = labelComponents({ width: w, height: h, data: thick });
  const atEdge = new Uint8Array(c.count);
  let any = false;
  for (let k = 0; k < c.count; k++) {
    if (c.x0[k] === 0 || c.y0[k] === 0 || c.x1[k] === w - 1 || c.y1[k] === h - 1) {
      atEdge[k] = 1;
      any = true;
    }
  }
  if (!any) return null;
  const out = new Uint8Array(w * h);
  for (let run = 0; run < c.runRow.length; run++) {
    if (atEdge[c.runComponent[run]!]) out.fill(1, c.runRow[run]! * w + c.runFrom[run]!, c.runRow[run]! * w + c.runTo[run]! + 1);
  }
  return out;
}

/** The page with the scanner's bed round it made paper, or the page itself when it has none. */
export function withoutScannerBed(gray: RasterImage, mask: InkMask, settings: ScannerBedSettings = DEFAULT_SCANNER_BED_SETTINGS): RasterImage {
  const { width: w, height: h } = mask;
  const r = Math.max(2, Math.round((Math.min(w, h) * settings.minThickness) / 2));
  // Cheap first: a frame reaches the edge, so an edge with no run of ink 2r+1 long has none.
  let edgeInk = false;
  for (let x = 0, run = 0; x < w && !edgeInk; x++) { run = mask.data[x] || mask.data[(h - 1) * w + x] ? run + 1 : 0; edgeInk = run > 2 * r; }
  for (let y = 0, run = 0; y < h && !edgeInk; y++) { run = mask.data[y * w] || mask.data[y * w + w - 1] ? run + 1 : 0; edgeInk = run > 2 * r; }
  if (!edgeInk) return gray;
  const thick = squareFilter(squareFilter(mask.data, w, h, r, true), w, h, r, false);
  const bed = reachingEdge(thick, w, h);
  if (!bed) return gray;
  const paint = squareFilter(bed, w, h, settings.rim, false);
  const data = Uint8Array.from(gray.data);
  for (let i = 0; i < data.length; i++) if (paint[i]) data[i] = 255;
  return { width: w, height: h, channels: 1, data };
}
