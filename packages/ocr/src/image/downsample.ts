/** A smaller ink mask: a cell of factor×factor pixels is ink if any of its pixels is (thin strokes survive). */
import type { InkMask } from "./types.ts";

export function downsampleInk(mask: InkMask, factor: number): InkMask {
  if (factor <= 1) return mask;
  const w = Math.ceil(mask.width / factor), h = Math.ceil(mask.height / factor);
  const data = new Uint8Array(w * h);
  const src = mask.data, sw = mask.width;
  for (let y = 0; y < mask.height; y++) {
    const srcRow = y * sw, dstRow = ((y / factor) | 0) * w;
    for (let x = 0; x < sw; x++) if (src[srcRow + x] !== 0) data[dstRow + ((x / factor) | 0)] = 1;
  }
  return { width: w, height: h, data };
}
