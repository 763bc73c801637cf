/**
 * Bilinear sampling of a gray image region into the float tensors the models
 * read: value → (value / 255 − mean) / std, the same value in all three
 * channel planes (the models take RGB; a cleaned scan is gray).
 */
import type { RasterImage } from "./image/types.ts";

export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Writes `region` of `gray` (1 channel), scaled to `outW` × `outH`, into
 * `out` as three planes of a tensor row `rowWidth` wide (the rest of each row
 * is left as it is: padding), starting at `offset`.
 */
export function sampleInto(
  gray: RasterImage, region: Region, outW: number, outH: number,
  out: Float32Array, offset: number, rowWidth: number, means: readonly [number, number, number], stds: readonly [number, number, number],
): void {
  const { width, height, data } = gray;
  const sx = (region.x1 - region.x0) / outW;
  const sy = (region.y1 - region.y0) / outH;
  const plane = rowWidth * outH;
  for (let y = 0; y < outH; y++) {
    const fy = Math.min(height - 1, Math.max(0, region.y0 + (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy), y1 = Math.min(height - 1, y0 + 1), wy = fy - y0;
    for (let x = 0; x < outW; x++) {
      const fx = Math.min(width - 1, Math.max(0, region.x0 + (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx), x1 = Math.min(width - 1, x0 + 1), wx = fx - x0;
      const top = data[y0 * width + x0]! * (1 - wx) + data[y0 * width + x1]! * wx;
      const bottom = data[y1 * width + x0]! * (1 - wx) + data[y1 * width + x1]! * wx;
      const v = (top * (1 - wy) + bottom * wy) / 255;
      const i = offset + y * rowWidth + x;
      out[i] = (v - means[0]) / stds[0];
      out[i + plane] = (v - means[1]) / stds[1];
      out[i + 2 * plane] = (v - means[2]) / stds[2];
    }
  }
}
