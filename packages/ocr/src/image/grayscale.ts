/**
 * Colour to one channel, dropping red seal ink on the way.
 *
 * A seal (红章) is red ink laid over the print; where it covers black digits the
 * scanner sees their product (multiply). Red ink barely darkens the red
 * channel, so for a red-dominant pixel the red channel alone is a good estimate
 * of what the paper showed without the seal: white where the seal lay on paper,
 * still dark where it lay on a digit, and grey on a digit's anti-aliased edge.
 */
import type { RasterImage } from "./types.ts";

export interface GrayscaleSettings {
  /** A pixel is seal ink when its red channel exceeds both green and blue by this much (0–255). */
  minRedDominance: number;
  /** Replace seal ink by the red channel (true) or keep ordinary luminance (false). */
  dropRed: boolean;
}

/**
 * 20, not more: JPEG halves colour resolution, so a seal stroke's edges are a
 * paler red, and at 40 they stayed as grey outlines of the seal's characters.
 * Taking a dark pixel for seal ink by mistake is harmless: its red channel is
 * dark too.
 */
export const DEFAULT_GRAYSCALE_SETTINGS: GrayscaleSettings = { minRedDominance: 20, dropRed: true };

/** One byte per pixel, luminance by Rec. 601 weights; seal ink turned to its red-channel value. */
export function toGrayscale(img: RasterImage, settings: GrayscaleSettings = DEFAULT_GRAYSCALE_SETTINGS): RasterImage {
  const { width, height, channels, data } = img;
  const n = width * height;
  const out = new Uint8Array(n);
  if (channels === 1) {
    out.set(data.subarray(0, n));
    return { width, height, channels: 1, data: out };
  }
  const minDominance = settings.minRedDominance;
  const dropRed = settings.dropRed;
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    const r = data[p]!, g = data[p + 1]!, b = data[p + 2]!;
    if (dropRed && r - g > minDominance && r - b > minDominance) out[i] = r;
    // Integer weights 77/150/29 (sum 256) keep this loop free of floats.
    else out[i] = (r * 77 + g * 150 + b * 29) >> 8;
  }
  return { width, height, channels: 1, data: out };
}
