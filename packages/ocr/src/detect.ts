/**
 * Text detection (PaddleOCR DBNet, PP-OCRv4): the page, scaled so its longer
 * side is at most DETECT_MAX_SIDE pixels, goes through the model; the
 * probability map's connected regions, grown by the unclip ratio, are the
 * text lines, in the page image's pixels.
 */
import { componentsAbove } from "./components.ts";
import { mergeLinePieces } from "./merge-line-pieces.ts";
import { sampleInto, type Region } from "./gray-resize.ts";
import type { RasterImage } from "./image/types.ts";
import type { OcrRuntime } from "./runtime.ts";

/**
 * Longer side of the image the detector sees. An A4 page at 1600 px is about
 * 140 dpi: 10.5 pt text is ~20 px high, plenty for finding lines (recognition
 * reads the full-resolution crops). Detection time and the runtime's memory
 * grow with the pixels: at 200 dpi (2339 px) one page took ~1.6 s and ~750 MB
 * of resident memory, at 1760 px ~0.9 s and ~550 MB.
 */
export const DETECT_MAX_SIDE = 1600;
/**
 * The detector sees the page in horizontal strips of this many rows of its
 * input (plus the margins below), not whole: it is fully convolutional, so a
 * strip gives nearly the same probabilities for the rows it owns (every line
 * of two characters or more is found alike; specks come and go), and the
 * runtime's activations shrink with the strip. Ingesting fixtures/scan/ with
 * two workers (2026-12-03): peak 750–850 MB and 18–20 s with strips of 256,
 * 830–860 MB with 416, 875–885 MB and 30–35 s on the whole page.
 */
export const DETECT_STRIP_ROWS = 256;
/**
 * Rows a strip reads above and below the rows it owns: what the model looks
 * at around a pixel, so a line cut by a strip's edge is seen whole.
 */
export const DETECT_STRIP_MARGIN = 96;
/** PaddleOCR's defaults: pixel threshold, box score threshold, and how far a box is grown (its area × ratio / perimeter). */
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
/**
 * Regions shorter than this on their longer side (detector pixels) are
 * specks; a flat one (一, a dash) is kept when it is long enough.
 */
const MIN_LENGTH = 5;
/**
 * A page pixel darker than this is ink to the blank-strip test: anything a reader could see. The
 * cleaned page's paper is white (image/preprocess.ts), so a strip with no such pixel is bare paper.
 */
const BLANK_INK = 200;
/** Detector rows either side of a strip's own rows that must be bare paper too before the strip is skipped. */
const BLANK_PAD = 4;
const MEANS = [0.485, 0.456, 0.406] as const;
const STDS = [0.229, 0.224, 0.225] as const;

/** How the detector's input is cut into strips (rows owned, margin read either side). */
export interface DetectStrips {
  rows: number;
  margin: number;
}
export const DEFAULT_DETECT_STRIPS: DetectStrips = { rows: DETECT_STRIP_ROWS, margin: DETECT_STRIP_MARGIN };

export async function detectTextLines(runtime: OcrRuntime, gray: RasterImage, strips: DetectStrips = DEFAULT_DETECT_STRIPS): Promise<Region[]> {
  const scale = Math.min(1, DETECT_MAX_SIDE / Math.max(gray.width, gray.height));
  const w = Math.max(32, Math.ceil((gray.width * scale) / 32) * 32);
  const h = Math.max(32, Math.ceil((gray.height * scale) / 32) * 32);
  const map = await probabilityMap(runtime, gray, w, h, strips);
  const sx = gray.width / w, sy = gray.height / h;
  const regions: Region[] = [];
  for (const c of mergeLinePieces(componentsAbove(map, w, h, PIXEL_THRESHOLD).filter((c) => Math.max(c.x1 - c.x0, c.y1 - c.y0) >= MIN_LENGTH && c.meanProbability >= BOX_THRESHOLD))) {
    const bw = c.x1 - c.x0, bh = c.y1 - c.y0;
    const grow = (bw * bh * UNCLIP_RATIO) / (2 * (bw + bh));
    regions.push({
      x0: Math.max(0, (c.x0 - grow) * sx),
      y0: Math.max(0, (c.y0 - grow) * sy),
      x1: Math.min(gray.width, (c.x1 + grow) * sx),
      y1: Math.min(gray.height, (c.y1 + grow) * sy),
    });
  }
  return regions;
}

/**
 * The detector's probability map of the whole input, strip by strip: each
 * strip owns `strips.rows` rows and reads `strips.margin` more on
 * either side; every strip has the same shape, so the runtime's memory arena
 * serves them all. Each strip is sampled from the page as it is read: the
 * whole page's input (three float planes, ~22 MB at 1600 × 1152) is never held.
 */
async function probabilityMap(runtime: OcrRuntime, gray: RasterImage, w: number, h: number, strips: DetectStrips): Promise<Float32Array> {
  const { detector } = runtime;
  const run = async (data: Float32Array, rows: number): Promise<Float32Array> =>
    (await detector.run({ [detector.inputNames[0]!]: runtime.tensor(data, [1, 3, rows, w]) }))[detector.outputNames[0]!]!.data;
  // Page rows per input row; input rows y0 … y0 + rows of the page scaled to w × h (the same sampling as the whole page at once).
  const sy = gray.height / h;
  const sample = (into: Float32Array, y0: number, rows: number) => {
    sampleInto(gray, { x0: 0, y0: y0 * sy, x1: gray.width, y1: (y0 + rows) * sy }, w, rows, into, 0, w, MEANS, STDS);
    return into;
  };
  const owned = Math.ceil(h / Math.ceil(h / strips.rows) / 32) * 32;
  const stripRows = Math.min(h, owned + 2 * strips.margin);
  if (stripRows >= h) return run(sample(new Float32Array(3 * w * h), 0, h), h);
  const map = new Float32Array(w * h);
  const strip = new Float32Array(3 * w * stripRows);
  const inked = inkedRows(gray);
  const bare = (from: number, to: number) => {
    for (let y = Math.max(0, Math.floor((from - BLANK_PAD) * sy)); y < Math.min(gray.height, Math.ceil((to + BLANK_PAD) * sy)); y++) if (inked[y]) return false;
    return true;
  };
  for (let from = 0; from < h; from += owned) {
    const to = Math.min(h, from + owned);
    // Rows of bare paper hold no text: their probabilities stay 0 without reading them (a form's margins,
    // the blank half under a short table: a fifth to a third of a page's strips).
    if (bare(from, to)) continue;
    const y0 = Math.max(0, Math.min(from - strips.margin, h - stripRows));
    const out = await run(sample(strip, y0, stripRows), stripRows);
    map.set(out.subarray((from - y0) * w, (to - y0) * w), from * w);
  }
  return map;
}

/** Which rows of the page hold a pixel of ink (BLANK_INK). */
function inkedRows(gray: RasterImage): Uint8Array {
  const rows = new Uint8Array(gray.height);
  const { width, data } = gray;
  for (let y = 0; y < gray.height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x]! < BLANK_INK) {
        rows[y] = 1;
        break;
      }
    }
  }
  return rows;
}
