/**
 * Text runs set aslant across a page (a watermark, 内部资料 仅供参考 at 30°, or a
 * vector seal's ring of characters): printed over the form, not in its cells
 * (read-page.ts keeps them out of the glyphs and says so).
 */
import type { Matrix } from "./geometry.ts";
import { isSlanted, runDirection, type TextRun } from "./glyphs.ts";

/** The page's runs set aslant, with the upright and sideways characters of a seal's ring among them. */
export function aslantRuns(runs: readonly TextRun[], toPage: Matrix): TextRun[] {
  return inRings(runs, runs.filter((r) => r.str.trim() !== "" && isSlanted(runDirection(r, toPage), Array.from(r.str.trim()).length)));
}

/** Slanted characters a ring needs at least to be taken for a seal's. */
const MIN_RING_CHARACTERS = 4;
/** How far from the ring's circle a character may stand, as a share of its radius (origins sit off the glyphs' middles). */
const RING_SLACK = 0.25;
/** How far a character's turn may be from the ring's tangent where it stands, in degrees. */
const RING_TURN_SLACK = 15;

/**
 * The slanted runs with the rest of their seal's ring: a ring turns each character to follow it, so the ones at
 * its top and sides stand upright or sideways, as a cell's text may. Where the slanted single characters lie on
 * one circle, a single character on that circle turned as the circle runs where it stands is the ring's too; an
 * upright character the ring only passes over is not turned so.
 */
function inRings(runs: readonly TextRun[], slanted: TextRun[]): TextRun[] {
  const lone = (r: TextRun) => Array.from(r.str.trim()).length === 1;
  const ring = slanted.filter(lone);
  if (ring.length < MIN_RING_CHARACTERS) return slanted;
  const at = (r: TextRun): [number, number] => [r.transform[4]!, r.transform[5]!];
  const circle = fitCircle(ring.map(at));
  if (!circle) return slanted;
  const [cx, cy, radius] = circle;
  const onCircle = (r: TextRun) => Math.abs(Math.hypot(at(r)[0] - cx, at(r)[1] - cy) - radius) <= RING_SLACK * radius;
  if (!ring.every(onCircle)) return slanted;
  const followsRing = (r: TextRun) => {
    const tangent = (Math.atan2(at(r)[1] - cy, at(r)[0] - cx) * 180) / Math.PI + 90;
    const turn = (Math.atan2(r.transform[1]!, r.transform[0]!) * 180) / Math.PI;
    const off = Math.abs((((turn - tangent) % 180) + 270) % 180 - 90);
    return off <= RING_TURN_SLACK;
  };
  return [...slanted, ...runs.filter((r) => !slanted.includes(r) && lone(r) && onCircle(r) && followsRing(r))];
}

/** The circle nearest the points (a least-squares fit: x² + y² + a·x + b·y + c = 0), as [x, y, radius], or null. */
function fitCircle(points: readonly [number, number][]): [number, number, number] | null {
  // The normal equations of the fit, solved by Cramer's rule.
  let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, sz = 0, sxz = 0, syz = 0;
  for (const [x, y] of points) {
    const z = x * x + y * y;
    sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y; sz += z; sxz += x * z; syz += y * z;
  }
  const n = points.length;
  const m = [[sxx, sxy, sx], [sxy, syy, sy], [sx, sy, n]];
  const v = [-sxz, -syz, -sz];
  const det = (a: number[][]) => a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) - a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) + a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const d = det(m);
  if (Math.abs(d) < 1e-9) return null;
  const [a, b, c] = [0, 1, 2].map((k) => det(m.map((row, i) => row.map((x, j) => (j === k ? v[i]! : x)))) / d) as [number, number, number];
  const r2 = (a * a + b * b) / 4 - c;
  return r2 > 0 ? [-a / 2, -b / 2, Math.sqrt(r2)] : null;
}
