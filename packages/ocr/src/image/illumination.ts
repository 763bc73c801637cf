/**
 * Uneven light made even: a page photographed under a lamp, or scanned with
 * its fold lifted off the glass, is bright paper in one corner and grey paper
 * in another. One global ink/paper threshold then takes the grey paper for
 * ink (or the faint print in the light for paper), and the recogniser reads
 * low-contrast lines. The paper's brightness is estimated on a coarse grid
 * (each cell's brightest pixels, spread over the ink of text and rulings,
 * smoothed), and every pixel is divided by it: paper becomes white
 * everywhere, ink keeps its contrast to the paper round it.
 *
 * A page whose paper is even (every scan the fixtures were made from, grey
 * JPEG haze and seals included) is returned as given, the same object: the
 * step costs one pass over a sample of the pixels there.
 */
import { levelFromLight } from "./histogram.ts";
import type { RasterImage } from "./types.ts";

export interface IlluminationSettings {
  /** Cells of the paper-brightness grid across the page's shorter side. */
  cellsAcross: number;
  /** A cell's paper brightness: this share of its sampled pixels is at least as bright. */
  paperQuantile: number;
  /** Cells either side over which the brightest paper is spread (bridges a table's dense text and a dark header fill). */
  spreadCells: number;
  /** Paper brightness varying by less than this ratio (darkest paper / brightest) is even: the page is left as it is. */
  evenRatio: number;
  /** Cells darker than this (0–255) are no paper at all (a scanner's dark bed, a black bar): their estimate is left to their neighbours. */
  minPaper: number;
}

export const DEFAULT_ILLUMINATION_SETTINGS: IlluminationSettings = {
  cellsAcross: 48,
  paperQuantile: 0.1,
  spreadCells: 2,
  evenRatio: 0.8,
  minPaper: 40,
};

/** Every SAMPLE_STEP-th pixel of a cell's rows and columns is counted in its histogram. */
const SAMPLE_STEP = 2;

/** The paper's brightness per grid cell (Float32, row-major), before spreading. */
function cellPaper(gray: RasterImage, cell: number, cols: number, rows: number, quantile: number): Float32Array {
  const paper = new Float32Array(cols * rows);
  const hist = new Uint32Array(256);
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      hist.fill(0);
      let n = 0;
      const x1 = Math.min(gray.width, (cx + 1) * cell), y1 = Math.min(gray.height, (cy + 1) * cell);
      for (let y = cy * cell; y < y1; y += SAMPLE_STEP) {
        const row = y * gray.width;
        for (let x = cx * cell; x < x1; x += SAMPLE_STEP, n++) hist[gray.data[row + x]!]!++;
      }
      paper[cy * cols + cx] = levelFromLight({ counts: hist, n }, quantile);
    }
  }
  return paper;
}

/** Each cell's brightest paper within `r` cells (a max filter), then the mean over the same reach. */
function spread(paper: Float32Array, cols: number, rows: number, r: number, minPaper: number): Float32Array {
  const max = new Float32Array(paper.length);
  for (let cy = 0; cy < rows; cy++)
    for (let cx = 0; cx < cols; cx++) {
      let m = 0;
      for (let y = Math.max(0, cy - r); y <= Math.min(rows - 1, cy + r); y++)
        for (let x = Math.max(0, cx - r); x <= Math.min(cols - 1, cx + r); x++) m = Math.max(m, paper[y * cols + x]!);
      max[cy * cols + cx] = Math.max(m, minPaper);
    }
  const mean = new Float32Array(paper.length);
  for (let cy = 0; cy < rows; cy++)
    for (let cx = 0; cx < cols; cx++) {
      let s = 0, k = 0;
      for (let y = Math.max(0, cy - r); y <= Math.min(rows - 1, cy + r); y++)
        for (let x = Math.max(0, cx - r); x <= Math.min(cols - 1, cx + r); x++, k++) s += max[y * cols + x]!;
      mean[cy * cols + cx] = s / k;
    }
  return mean;
}

/**
 * The page with its paper made evenly white, or the page itself when its
 * paper is already even (see the module comment).
 */
export function evenIllumination(gray: RasterImage, settings: IlluminationSettings = DEFAULT_ILLUMINATION_SETTINGS): RasterImage {
  const cell = Math.max(8, Math.round(Math.min(gray.width, gray.height) / settings.cellsAcross));
  const cols = Math.ceil(gray.width / cell), rows = Math.ceil(gray.height / cell);
  if (cols < 2 || rows < 2) return gray;
  const raw = cellPaper(gray, cell, cols, rows, settings.paperQuantile);
  const paper = spread(raw, cols, rows, settings.spreadCells, settings.minPaper);
  let lo = 255, hi = 0;
  for (const v of paper) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (lo >= hi * settings.evenRatio) return gray;

  // Each pixel over the paper interpolated between the centres of the four cells round it.
  const out = new Uint8Array(gray.width * gray.height);
  const rowPaper = new Float32Array(cols);
  for (let y = 0; y < gray.height; y++) {
    const fy = Math.min(rows - 1, Math.max(0, (y + 0.5) / cell - 0.5));
    const y0 = Math.floor(fy), y1 = Math.min(rows - 1, y0 + 1), ty = fy - y0;
    for (let cx = 0; cx < cols; cx++) rowPaper[cx] = paper[y0 * cols + cx]! * (1 - ty) + paper[y1 * cols + cx]! * ty;
    const row = y * gray.width;
    for (let x = 0; x < gray.width; x++) {
      const fx = Math.min(cols - 1, Math.max(0, (x + 0.5) / cell - 0.5));
      const x0 = Math.floor(fx), x1 = Math.min(cols - 1, x0 + 1), tx = fx - x0;
      const p = rowPaper[x0]! * (1 - tx) + rowPaper[x1]! * tx;
      const v = (gray.data[row + x]! * 255) / p;
      out[row + x] = v >= 255 ? 255 : v;
    }
  }
  return { width: gray.width, height: gray.height, channels: 1, data: out };
}
