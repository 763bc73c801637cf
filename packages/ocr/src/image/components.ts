/**
 * Connected ink components (8-connected), found run by run: each row's runs
 * are united with the runs of the row above that touch them. No per-pixel
 * label image is kept; a component is its bounding box, area and runs.
 */
import type { InkMask } from "./types.ts";

export interface Components {
  /** Per run: row, first and last column, component index. */
  runRow: Int32Array;
  runFrom: Int32Array;
  runTo: Int32Array;
  runComponent: Int32Array;
  /** Per component: ink pixel count and bounding box (inclusive). */
  area: Int32Array;
  x0: Int32Array;
  y0: Int32Array;
  x1: Int32Array;
  y1: Int32Array;
  count: number;
}

class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

export function labelComponents(mask: InkMask): Components {
  const { width, height, data } = mask;
  const rows = new IntList(), froms = new IntList(), tos = new IntList();
  const rowStart = new Int32Array(height + 1);
  for (let y = 0; y < height; y++) {
    rowStart[y] = rows.length;
    const base = y * width;
    let x = 0;
    while (x < width) {
      if (data[base + x] === 0) { x++; continue; }
      const from = x;
      while (x < width && data[base + x] !== 0) x++;
      rows.push(y); froms.push(from); tos.push(x - 1);
    }
  }
  rowStart[height] = rows.length;
  const n = rows.length;
  const runFrom = froms.view(), runTo = tos.view();
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  for (let y = 1; y < height; y++) {
    let j = rowStart[y - 1]!;
    const jEnd = rowStart[y]!;
    for (let i = rowStart[y]!; i < rowStart[y + 1]!; i++) {
      // Runs of the row above that end before this one starts (diagonal contact allowed) cannot touch it or later runs.
      while (j < jEnd && runTo[j]! < runFrom[i]! - 1) j++;
      for (let k = j; k < jEnd && runFrom[k]! <= runTo[i]! + 1; k++) {
        const a = find(parent, i), b = find(parent, k);
        if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
      }
    }
  }
  const index = new Int32Array(n).fill(-1);
  const runComponent = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = find(parent, i);
    if (index[r] === -1) index[r] = count++;
    runComponent[i] = index[r]!;
  }
  const area = new Int32Array(count);
  const x0 = new Int32Array(count).fill(width), y0 = new Int32Array(count).fill(height);
  const x1 = new Int32Array(count).fill(-1), y1 = new Int32Array(count).fill(-1);
  const runRow = rows.view();
  for (let i = 0; i < n; i++) {
    const c = runComponent[i]!;
    area[c]! += runTo[i]! - runFrom[i]! + 1;
    if (runFrom[i]! < x0[c]!) x0[c] = runFrom[i]!;
    if (runTo[i]! > x1[c]!) x1[c] = runTo[i]!;
    if (runRow[i]! < y0[c]!) y0[c] = runRow[i]!;
    if (runRow[i]! > y1[c]!) y1[c] = runRow[i]!;
  }
  return { runRow, runFrom, runTo, runComponent, area, x0, y0, x1, y1, count };
}

/** Ink pixels of the mask inside the inclusive box, clipped to the image. */
export function inkInBox(mask: InkMask, bx0: number, by0: number, bx1: number, by1: number): number {
  const { width, height, data } = mask;
  const xa = Math.max(0, bx0), xb = Math.min(width - 1, bx1);
  const ya = Math.max(0, by0), yb = Math.min(height - 1, by1);
  let sum = 0;
  for (let y = ya; y <= yb; y++) {
    const base = y * width;
    for (let x = xa; x <= xb; x++) sum += data[base + x]!;
  }
  return sum;
}

/** Sets every pixel of the chosen components to `value` in a one-byte-per-pixel buffer of the mask's width (in place). */
export function paintComponents(target: Uint8Array, width: number, c: Components, chosen: Uint8Array, value: number): void {
  const { runRow, runFrom, runTo, runComponent } = c;
  for (let i = 0; i < runRow.length; i++) {
    if (chosen[runComponent[i]!] === 0) continue;
    const base = runRow[i]! * width;
    target.fill(value, base + runFrom[i]!, base + runTo[i]! + 1);
  }
}
