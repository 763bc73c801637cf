/**
 * Ruling candidates that lie wholly inside a detected text line are strokes
 * of large characters (a bold title's 一 and 丨 run 100+ px at 200 dpi), not
 * table rules: kept, they cut the title into a "table" and the line into
 * pieces. A real rule is longer than the text it borders or crosses.
 */
import type { Region } from "./gray-resize.ts";
import type { PixelSegment } from "./image/types.ts";

/** How far (px) a stroke may stick out of the text line and still be inside it. */
const SLACK = 3;

const inside = (s: PixelSegment, r: Region) =>
  Math.min(s.x0, s.x1) >= r.x0 - SLACK && Math.max(s.x0, s.x1) <= r.x1 + SLACK &&
  Math.min(s.y0, s.y1) >= r.y0 - SLACK && Math.max(s.y0, s.y1) <= r.y1 + SLACK;

export function rulingsOutsideText(
  rulings: { horizontal: readonly PixelSegment[]; vertical: readonly PixelSegment[] },
  lines: readonly Region[],
): { horizontal: PixelSegment[]; vertical: PixelSegment[] } {
  const keep = (s: PixelSegment) => !lines.some((r) => inside(s, r));
  return { horizontal: rulings.horizontal.filter(keep), vertical: rulings.vertical.filter(keep) };
}
