/**
 * Whether level text is upside down, from where the largest characters are.
 * A form's title (项目支出绩效自评表) is set larger than anything else and
 * printed above the table; turned 180° it ends up at the bottom. Used when the
 * decimal points (upside-down.ts) do not decide: a continuation page has no
 * title, and then neither test decides.
 */
import type { Boxes } from "./boxes.ts";
import type { UpsideDownVote } from "./upside-down.ts";

/** Title characters are at least this much taller than the body text's tall characters (90th percentile of heights). */
const TITLE_OVER_BODY = 1.3;

/** Counts title-sized components in the top and in the bottom half of the text's extent (upright / upside-down votes). */
export function voteTitleSide(b: Boxes, em: number): UpsideDownVote {
  const heights: number[] = [];
  let top = Infinity, bottom = -Infinity;
  const isText = (i: number) => {
    const h = b.y1[i]! - b.y0[i]! + 1, w = b.x1[i]! - b.x0[i]! + 1;
    return h >= 0.4 * em && h <= 4 * em && w <= 4 * em;
  };
  for (let i = 0; i < b.count; i++) {
    if (!isText(i)) continue;
    heights.push(b.y1[i]! - b.y0[i]! + 1);
    top = Math.min(top, b.y0[i]!);
    bottom = Math.max(bottom, b.y1[i]!);
  }
  const vote: UpsideDownVote = { upright: 0, upsideDown: 0 };
  if (heights.length < 20) return vote;
  heights.sort((x, y) => x - y);
  const body = heights[Math.floor(heights.length * 0.9)]!;
  const middle = (top + bottom) / 2;
  for (let i = 0; i < b.count; i++) {
    if (!isText(i) || b.y1[i]! - b.y0[i]! + 1 < TITLE_OVER_BODY * body) continue;
    if ((b.y0[i]! + b.y1[i]!) / 2 < middle) vote.upright++;
    else vote.upsideDown++;
  }
  return vote;
}
