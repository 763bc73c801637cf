/** Bounding boxes of ink components as parallel typed arrays, and their quarter turns. */
import type { Components } from "./components.ts";
import type { QuarterTurn } from "./rotate.ts";

export interface Boxes {
  x0: Int32Array;
  y0: Int32Array;
  x1: Int32Array;
  y1: Int32Array;
  count: number;
}

export function componentBoxes(c: Components): Boxes {
  return { x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, count: c.count };
}

/** The boxes as they lie after turning the width×height image clockwise by `degrees` (see rotateImage). */
export function turnBoxes(b: Boxes, width: number, height: number, degrees: QuarterTurn): Boxes {
  if (degrees === 0) return b;
  const n = b.count;
  const x0 = new Int32Array(n), y0 = new Int32Array(n), x1 = new Int32Array(n), y1 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = b.x0[i]!, c = b.y0[i]!, d = b.x1[i]!, e = b.y1[i]!;
    if (degrees === 90) { x0[i] = height - 1 - e; x1[i] = height - 1 - c; y0[i] = a; y1[i] = d; }
    else if (degrees === 180) { x0[i] = width - 1 - d; x1[i] = width - 1 - a; y0[i] = height - 1 - e; y1[i] = height - 1 - c; }
    else { x0[i] = c; x1[i] = e; y0[i] = width - 1 - d; y1[i] = width - 1 - a; }
  }
  return { x0, y0, x1, y1, count: n };
}
