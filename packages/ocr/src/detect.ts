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
/** PaddleOCR's defaults: pixel threshold, box score threshold, and how far a box is grown (its area × ratio / perimeter). */
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
/**
 * Regions shorter than this on their longer side (detector pixels) are
 * specks; a flat one (一, a dash) is kept when it is long enough.
 */
const MIN_LENGTH = 5;
const MEANS = [0.485, 0.456, 0.406] as const;
const STDS = [0.229, 0.224, 0.225] as const;

export async function detectTextLines(runtime: OcrRuntime, gray: RasterImage): Promise<Region[]> {
  const scale = Math.min(1, DETECT_MAX_SIDE / Math.max(gray.width, gray.height));
  const w = Math.max(32, Math.ceil((gray.width * scale) / 32) * 32);
  const h = Math.max(32, Math.ceil((gray.height * scale) / 32) * 32);
  const input = new Float32Array(3 * w * h);
  sampleInto(gray, { x0: 0, y0: 0, x1: gray.width, y1: gray.height }, w, h, input, 0, w, MEANS, STDS);
  const { detector } = runtime;
  const outputs = await detector.run({ [detector.inputNames[0]!]: runtime.tensor(input, [1, 3, h, w]) });
  const map = outputs[detector.outputNames[0]!]!;
  const sx = gray.width / w, sy = gray.height / h;
  const regions: Region[] = [];
  for (const c of mergeLinePieces(componentsAbove(map.data, w, h, PIXEL_THRESHOLD).filter((c) => Math.max(c.x1 - c.x0, c.y1 - c.y0) >= MIN_LENGTH && c.meanProbability >= BOX_THRESHOLD))) {
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
