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
  // Each output column's two source columns and weight, worked out once for all rows (the same numbers per row).
  const left = new Int32Array(outW), right = new Int32Array(outW), weight = new Float64Array(outW);
  for (let x = 0; x < outW; x++) {
    const fx = Math.min(width - 1, Math.max(0, region.x0 + (x + 0.5) * sx - 0.5));
    left[x] = Math.floor(fx);
    right[x] = Math.min(width - 1, left[x]! + 1);
    weight[x] = fx - left[x]!;
  }
  const [m0, m1, m2] = means, [s0, s1, s2] = stds;
  for (let y = 0; y < outH; y++) {
    const fy = Math.min(height - 1, Math.max(0, region.y0 + (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy), y1 = Math.min(height - 1, y0 + 1), wy = fy - y0;
    const row0 = y0 * width, row1 = y1 * width, rowOut = offset + y * rowWidth;
    for (let x = 0; x < outW; x++) {
      const x0 = left[x]!, x1 = right[x]!, wx = weight[x]!;
      const top = data[row0 + x0]! * (1 - wx) + data[row0 + x1]! * wx;
      const bottom = data[row1 + x0]! * (1 - wx) + data[row1 + x1]! * wx;
      const v = (top * (1 - wy) + bottom * wy) / 255;
      const i = rowOut + x;
      out[i] = (v - m0) / s0;
      out[i + plane] = (v - m1) / s1;
      out[i + 2 * plane] = (v - m2) / s2;
    }
  }
}
