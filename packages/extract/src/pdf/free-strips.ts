/**
 * Strips of x that (almost) no line's text covers: where a column gap may be.
 * The table finder looks for them in a region without rules (unruled.ts) and
 * inside a ruled column (stacked-cells.ts), each with its own test of what
 * lies either side.
 */

interface Span {
  x0: number;
  x1: number;
}

/**
 * The strips [a, b) between `from` and `to` (whole points) covered by at most
 * `allowed` of the lines, each line counted once however many of its boxes
 * cover a point.
 */
export function freeStrips(lines: readonly (readonly Span[])[], from: number, to: number, allowed: number): [number, number][] {
  const x0 = Math.floor(from), width = Math.ceil(to) - x0 + 1;
  const cover = new Uint16Array(width), stamp = new Int32Array(width).fill(-1);
  lines.forEach((boxes, n) => {
    for (const box of boxes) {
      const end = Math.min(width, Math.ceil(box.x1) - x0);
      for (let x = Math.max(0, Math.floor(box.x0) - x0); x < end; x++) {
        if (stamp[x] !== n) { stamp[x] = n; cover[x]!++; }
      }
    }
  });
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= width; i++) {
    const free = i < width && cover[i]! <= allowed;
    if (free && start < 0) start = i;
    if (free || start < 0) continue;
    out.push([x0 + start, x0 + i]);
    start = -1;
  }
  return out;
}
