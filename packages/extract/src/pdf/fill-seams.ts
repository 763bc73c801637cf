/**
 * Seams between shaded tiles are not rulings.
 *
 * Report generators shade a cell (or a whole banded row) with several
 * abutting rectangles of one colour: a padding strip, the text area, a strip
 * under it. On paper the shading is one even area; the tiles' shared sides
 * are invisible. Taken as edges they cut a row in two (a camelot test file
 * shades every other row so: each shaded row came out as a row of text and
 * an empty row). Browsers paint a cell's background and then its content's
 * over it, the same colour inside the same colour. A side of a shaded
 * rectangle is kept only where no tile of the same colour covers the other
 * side of it (abutting it or lying under it), or where a white line is drawn
 * along it: shaded cells parted by white rules (another camelot file) show
 * their borders as gaps in the shading.
 */
import type { Edge } from "./geometry.ts";

/** A filled axis-aligned rectangle thicker than a line, in page coordinates. */
export interface FillRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** "#rrggbb". */
  colour: string;
}

/** Two tiles share a side when their sides are this close (pt). */
export const SEAM_TOLERANCE = 0.5;
/** A white line this close (pt) to a seam shows it. */
const DIVIDER_TOLERANCE = 2;

type Span = [number, number];

/** What is left of [from, to] after taking the spans out. */
function subtract(from: number, to: number, spans: Span[]): Span[] {
  let left: Span[] = [[from, to]];
  for (const [a, b] of spans) {
    left = left.flatMap(([s, e]): Span[] => {
      if (b <= s || a >= e) return [[s, e]];
      const out: Span[] = [];
      if (a > s) out.push([s, a]);
      if (b < e) out.push([b, e]);
      return out;
    });
  }
  return left.filter(([s, e]) => e - s > SEAM_TOLERANCE);
}

/** Past this many shaded rectangles of one colour a page is not searched for seams (their sides are all kept). */
const MAX_TILES_PER_COLOUR = 4000;

/**
 * The visible sides of shaded rectangles: each side minus where a tile of the
 * same colour covers the other side of it (a tile abutting it, or one the
 * rectangle lies on), unless one of the white lines (`dividers`) runs there.
 */
export function fillRectsToEdges(rects: readonly FillRect[], dividers: readonly Edge[]): Edge[] {
  const byColour = new Map<string, FillRect[]>();
  for (const r of rects) {
    const list = byColour.get(r.colour);
    if (list) list.push(r); else byColour.set(r.colour, [r]);
  }
  const shown = (orientation: "h" | "v", at: number): Span[] =>
    dividers.filter((d) => d.orientation === orientation && Math.abs(d.at - at) <= DIVIDER_TOLERANCE).map((d): Span => [d.from, d.to]);
  const edges: Edge[] = [];
  for (const tiles of byColour.values()) {
    const searched = tiles.length <= MAX_TILES_PER_COLOUR;
    for (const r of tiles) {
      // The tiles covering the strip just outside each side (beyond SEAM_TOLERANCE), as spans along the side.
      const side = (orientation: "h" | "v", at: number, from: number, to: number, covers: (o: FillRect) => boolean) => {
        let seams: Span[] = [];
        if (searched) {
          for (const o of tiles) if (o !== r && covers(o)) seams.push(orientation === "h" ? [o.x0, o.x1] : [o.y0, o.y1]);
        }
        if (seams.length > 0) {
          const lines = shown(orientation, at);
          if (lines.length > 0) seams = seams.flatMap(([a, b]) => subtract(a, b, lines));
        }
        for (const [s, e] of subtract(from, to, seams)) edges.push({ orientation, at, from: s, to: e });
      };
      const overlapsX = (o: FillRect) => o.x0 < r.x1 && o.x1 > r.x0;
      const overlapsY = (o: FillRect) => o.y0 < r.y1 && o.y1 > r.y0;
      side("h", r.y0, r.x0, r.x1, (o) => overlapsX(o) && o.y0 < r.y0 - SEAM_TOLERANCE && o.y1 >= r.y0 - SEAM_TOLERANCE);
      side("h", r.y1, r.x0, r.x1, (o) => overlapsX(o) && o.y1 > r.y1 + SEAM_TOLERANCE && o.y0 <= r.y1 + SEAM_TOLERANCE);
      side("v", r.x0, r.y0, r.y1, (o) => overlapsY(o) && o.x0 < r.x0 - SEAM_TOLERANCE && o.x1 >= r.x0 - SEAM_TOLERANCE);
      side("v", r.x1, r.y0, r.y1, (o) => overlapsY(o) && o.x1 > r.x1 + SEAM_TOLERANCE && o.x0 <= r.x1 + SEAM_TOLERANCE);
    }
  }
  return edges;
}
