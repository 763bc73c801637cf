/**
 * A detected line that runs across a table's vertical ruling is two cells'
 * texts read as one (the detector sees 228 | 228 | 181.82 as one line when
 * the rules between them are faint or the digits touch them). Each line is
 * cut where a vertical ruling crosses its middle height, between the
 * characters either side; a doubtful stroke at a line's end that a ruling runs
 * through is that ruling, read, and is dropped.
 */
import type { PixelSegment } from "./image/types.ts";
import { boxFromChars, type TextBox } from "./text-box.ts";

/**
 * A ruling this close (px) inside a line's ends does not cut it: the
 * detector's box is grown past the text and may overlap the cell's own border.
 */
const END_MARGIN = 2;

/** Strokes a cell's border is read as when a line's box runs over it. */
const STROKE = /^[1lI|丨｜\[\]!]$/;
/** Below this, a stroke at a line's end that a ruling runs through is that ruling (a score cell's left border read as the 1 of 15 at 0.66, 200 dpi). */
const SURE_STROKE = 0.9;

/** A vertical ruling running past the height `mid`. */
const crosses = (v: PixelSegment, mid: number) => Math.min(v.y0, v.y1) <= mid && Math.max(v.y0, v.y1) >= mid;

/**
 * A line's first or last character that a vertical ruling runs through, read doubtfully as a
 * stroke (1, l, |), is the cell's border the detector's box ran over: 5 read as 15.
 */
function withoutBorderStrokes(box: TextBox, vertical: readonly PixelSegment[], mid: number): TextBox {
  const onRuling = (c: TextBox["chars"][number]) =>
    STROKE.test(c.text) && c.confidence < SURE_STROKE && vertical.some((v) => crosses(v, mid) && v.x0 >= c.x0 && v.x0 <= c.x1);
  let chars = box.chars;
  if (chars.length > 1 && onRuling(chars[0]!)) chars = chars.slice(1);
  if (chars.length > 1 && onRuling(chars[chars.length - 1]!)) chars = chars.slice(0, -1);
  return chars === box.chars ? box : boxFromChars(chars, box.y0, box.y1);
}

export function splitAtRulings(boxes: readonly TextBox[], vertical: readonly PixelSegment[]): TextBox[] {
  return boxes.flatMap((read) => {
    const mid = (read.y0 + read.y1) / 2;
    const box = withoutBorderStrokes(read, vertical, mid);
    const cuts = vertical
      .filter((v) => crosses(v, mid) && v.x0 > box.x0 + END_MARGIN && v.x0 < box.x1 - END_MARGIN)
      .map((v) => v.x0)
      .sort((a, b) => a - b);
    if (cuts.length === 0 || box.chars.length < 2) return [box];
    const parts: TextBox[] = [];
    let rest = box.chars;
    for (const x of cuts) {
      // Characters read left of the rule stay left: where the recogniser read a character, not the
      // middle of its edges, which sit halfway across the gap round the rule (量 | 3724.39: the 3's
      // edges straddle the rule, centred on it, though it is read 15 px right of it).
      const k = rest.findIndex((c) => (c.x ?? (c.x0 + c.x1) / 2) > x);
      if (k <= 0) continue;
      parts.push(boxFromChars(rest.slice(0, k).map((c, i, a) => (i === a.length - 1 ? { ...c, x1: Math.min(c.x1, x) } : c)), box.y0, box.y1));
      rest = rest.slice(k).map((c, i) => (i === 0 ? { ...c, x0: Math.max(c.x0, x) } : c));
    }
    if (rest.length) parts.push(boxFromChars(rest, box.y0, box.y1));
    return parts.filter((p) => p.text.trim() !== "");
  });
}
