/**
 * Characters read twice. The detector may return two regions over the same
 * ink: beside a ruling that a value's last character touches it gave
 * 97.80% and a second region 0%9 from that % over the ruling to the next
 * cell's 9 (云南 2023 at 200 dpi), and the cell read 97.800%%. A character
 * read where a longer line of the same text line already was (its middle
 * inside that line's box) is that line's: it is dropped from the shorter
 * one, and a line left with nothing is dropped.
 */
import { boxFromChars, type CharBox, type TextBox } from "./text-box.ts";

/** Share of the lower box's height two boxes overlap by at least to be on one text line. */
const SAME_LINE_SHARE = 0.5;

const middle = (c: CharBox) => c.x ?? (c.x0 + c.x1) / 2;

export function withoutCharsReadTwice(boxes: readonly TextBox[]): TextBox[] {
  const sameLine = (a: TextBox, b: TextBox) =>
    Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= SAME_LINE_SHARE * Math.min(a.y1 - a.y0, b.y1 - b.y0);
  return boxes.flatMap((box) => {
    const longer = boxes.filter((o) => o !== box && o.chars.length > box.chars.length && sameLine(o, box));
    if (longer.length === 0) return [box];
    const kept = box.chars.filter((c) => !longer.some((o) => middle(c) > o.x0 && middle(c) < o.x1));
    if (kept.length === box.chars.length) return [box];
    return kept.length > 0 ? [boxFromChars(kept, box.y0, box.y1)] : [];
  });
}
