/**
 * From pieces to lines. A ruling appears as several pieces: one per pixel row
 * of its thickness, a staircase of pieces when it is slightly tilted, and
 * pieces separated by breaks where the scan lost ink. Pieces whose positions
 * differ by at most `linkDistance` and whose extents overlap or leave a gap of
 * at most `joinGap` belong to one line (union–find over the chain).
 */
import type { Piece } from "./ruling-pieces.ts";

/** A straight line found in pixels: position across it, extent along it, ink thickness. */
export interface Line {
  at: number;
  from: number;
  to: number;
  thickness: number;
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/** Pieces sorted by `at` → lines; a line's position is the length-weighted mean of its pieces'. */
export function piecesToLines(pieces: readonly Piece[], linkDistance: number, joinGap: number): Line[] {
  const n = pieces.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  let windowStart = 0;
  for (let i = 0; i < n; i++) {
    const p = pieces[i]!;
    while (pieces[windowStart]!.at < p.at - linkDistance) windowStart++;
    for (let j = windowStart; j < i; j++) {
      const q = pieces[j]!;
      // Overlapping, or at most `joinGap` blank pixels between them.
      if (q.from <= p.to + joinGap + 1 && p.from <= q.to + joinGap + 1) {
        const a = find(parent, i), b = find(parent, j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const byRoot = new Map<number, { weighted: number; length: number; from: number; to: number; minAt: number; maxAt: number }>();
  for (let i = 0; i < n; i++) {
    const p = pieces[i]!;
    const root = find(parent, i);
    const len = p.to - p.from + 1;
    const acc = byRoot.get(root);
    if (acc) {
      acc.weighted += p.at * len;
      acc.length += len;
      acc.from = Math.min(acc.from, p.from);
      acc.to = Math.max(acc.to, p.to);
      acc.minAt = Math.min(acc.minAt, p.at);
      acc.maxAt = Math.max(acc.maxAt, p.at);
    } else byRoot.set(root, { weighted: p.at * len, length: len, from: p.from, to: p.to, minAt: p.at, maxAt: p.at });
  }
  const lines: Line[] = [];
  for (const acc of byRoot.values()) {
    const extent = acc.to - acc.from + 1;
    // Ink per unit of extent is the thickness (a tilted line's staircase counts once per step).
    lines.push({ at: acc.weighted / acc.length, from: acc.from, to: acc.to, thickness: Math.max(1, Math.round(acc.length / extent)) });
  }
  return lines.sort((a, b) => a.at - b.at || a.from - b.from);
}

/**
 * Merges parallel duplicates: a thick or doubled rule, or one line split by a
 * tilt larger than `linkDistance`, shows as lines a few pixels apart whose
 * extents overlap. They become one line at their length-weighted position.
 */
export function mergeParallelLines(lines: readonly Line[], distance: number, joinGap: number): Line[] {
  const sorted = [...lines].sort((a, b) => a.at - b.at);
  const out: (Line & { weight: number })[] = [];
  for (const l of sorted) {
    const w = l.to - l.from + 1;
    let merged = false;
    for (let k = out.length - 1; k >= 0; k--) {
      const m = out[k]!;
      if (l.at - m.at > distance) break;
      if (l.from <= m.to + joinGap + 1 && m.from <= l.to + joinGap + 1) {
        m.at = (m.at * m.weight + l.at * w) / (m.weight + w);
        m.thickness = Math.max(m.thickness, l.thickness);
        m.weight += w;
        m.from = Math.min(m.from, l.from);
        m.to = Math.max(m.to, l.to);
        merged = true;
        break;
      }
    }
    if (!merged) out.push({ ...l, weight: w });
  }
  return out.map(({ weight: _weight, ...l }) => l);
}
