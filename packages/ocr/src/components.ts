/**
 * Connected regions of a probability map above a threshold (8-neighbours):
 * each becomes one candidate text box with its mean probability, as in
 * PaddleOCR's DB post-processing but with upright boxes — the scan is
 * deskewed before recognition, so a text line is level.
 */

export interface Component {
  x0: number;
  y0: number;
  /** Exclusive right and bottom edge. */
  x1: number;
  y1: number;
  pixels: number;
  meanProbability: number;
}

export function componentsAbove(prob: Float32Array, width: number, height: number, threshold: number): Component[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const out: Component[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (seen[start] || prob[start]! <= threshold) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = width, y0 = height, x1 = -1, y1 = -1, pixels = 0, sum = 0;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % width, y = (i - x) / width;
      pixels++;
      sum += prob[i]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (!seen[j] && prob[j]! > threshold) {
            seen[j] = 1;
            stack[top++] = j;
          }
        }
      }
    }
    out.push({ x0, y0, x1: x1 + 1, y1: y1 + 1, pixels, meanProbability: sum / pixels });
  }
  return out;
}
