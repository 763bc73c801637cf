/**
 * Pale marks above the ink's level become paper before recognition: what a
 * seal leaves after its red is dropped (its strokes' JPEG-greyed edges, light
 * grey), show-through and JPEG haze. Left, the recogniser read a seal's 医疗
 * into the cells under it, with full confidence. Grey levels from the page's
 * ink/paper threshold up to WHITE_POINT_SHARE of the way to white are
 * stretched onto the full range; anything lighter is white.
 *
 * Only for a page that had seal ink (hasSealInk): on a grey JPEG at q40 it
 * also thinned the print's light strokes (15个 read as 15↑) and cost a
 * speckled 200-dpi fixture 19 points of its fields.
 */
import type { RasterImage } from "./image/types.ts";

/** Where white starts, as a share of the way from the ink threshold to 255. */
const WHITE_POINT_SHARE = 0.35;

export function whitenPaper(gray: RasterImage, inkThreshold: number): RasterImage {
  const white = inkThreshold + (255 - inkThreshold) * WHITE_POINT_SHARE;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = v >= white ? 255 : Math.round((v / white) * 255);
  const data = new Uint8Array(gray.width * gray.height);
  for (let i = 0; i < data.length; i++) data[i] = lut[gray.data[i]!]!;
  return { width: gray.width, height: gray.height, channels: 1, data };
}

/** Share of sampled pixels that must be red-dominant for a page to have a seal on it. */
const SEAL_SHARE = 0.001;
/** Red above green and blue by this much (0–255) is seal ink (as the grayscale step, image/grayscale.ts). */
const RED_DOMINANCE = 40;
/** Every SAMPLE_STEP-th pixel is looked at. */
const SAMPLE_STEP = 7;

/** Whether a colour page carries red seal ink. */
export function hasSealInk(img: RasterImage): boolean {
  if (img.channels < 3) return false;
  const n = img.width * img.height;
  let red = 0, seen = 0;
  for (let i = 0; i < n; i += SAMPLE_STEP, seen++) {
    const p = i * img.channels;
    const r = img.data[p]!, g = img.data[p + 1]!, b = img.data[p + 2]!;
    if (r - g > RED_DOMINANCE && r - b > RED_DOMINANCE) red++;
  }
  return red > SEAL_SHARE * seen;
}
