/**
 * A cell holding a comparator alone (the ≥ of a 指标性质 column, printed in a
 * column of its own) gives the recogniser no neighbours to read it by, and it
 * reads a lone ≥ as a Latin letter: ⩾ as V or W (四川 2023 申报表, 200 dpi:
 * V 0.65, W 0.58 …), ≧ as W, M or N (云南 2022 自评表), with no comparator
 * among its runners-up. A form's cells never hold such a letter alone, so the
 * glyph's own ink decides: a chevron whose arms both start at one side (the
 * top rows inked at the left only, or the right only) is > or <, not a letter
 * (V, W, M and N ink both sides of their top rows), and the strokes that
 * vertical lines across its middle cross count its bars: 2 is the chevron
 * alone, 3 one bar under it (≥, ⩾), 4 two (≧). The same count decides a
 * comparator read in a line where the recogniser split its chances between
 * two of one chevron (> and ≥).
 */
import type { Region } from "./gray-resize.ts";
import type { RasterImage } from "./image/types.ts";
import { boxInk } from "./image/threshold.ts";
import { boxFromChars, type TextBox } from "./text-box.ts";

/** Letters the recogniser reads a lone comparator as. */
const LOOK_ALIKES = new Set(["V", "W", "M", "N", "v", "w"]);
/** Share of the ink's height whose rows show where the arms start. */
const TOP_BAND = 0.2;
/** Share of the ink's width counted as one side. */
const SIDE = 0.4;
/** Where the vertical lines that count strokes run, as shares of the ink's width from the open side. */
const STROKE_LINES = [0.3, 0.45, 0.6];
/** Share of a box's width (height) a row (column) of ink spans when it is a table's ruling, not a stroke. */
const RULING_SHARE = 0.9;
/** Fewest pixels across and down a glyph's ink spans (less is a speck). */
const MIN_INK_SIDE = 6;
/** Comparators that differ only in their bars (none, one, two), by the side their chevron opens. */
const OPENS_RIGHT = [">", "≥", "≧"];
const OPENS_LEFT = ["<", "≤", "≦"];

/** The comparator a lone box's ink draws, if its text is a letter the recogniser mistakes one for. */
export function preferLoneComparator(box: TextBox, gray: RasterImage, region: Region): TextBox {
  if (box.chars.length !== 1 || !LOOK_ALIKES.has(box.chars[0]!.text)) return box;
  const shape = comparatorShape(gray, region);
  if (!shape) return box;
  const c = box.chars[0]!;
  // The recogniser's chances for the letters it took the glyph for are its chances for this glyph:
  // split between V, M and W (0.41, 0.25, 0.19), a line the ink reads surely would be dropped as doubtful.
  const confidence = Math.min(1, c.confidence + (c.alternatives ?? []).filter((a) => LOOK_ALIKES.has(a.text)).reduce((sum, a) => sum + a.confidence, 0));
  return { ...box, text: shape, confidence, chars: [{ ...c, text: shape, confidence, alternatives: [{ text: c.text, confidence: c.confidence }, ...(c.alternatives ?? [])] }] };
}

/**
 * A comparator the recogniser hesitated over between bars (≥10 read > 0.60, ≥ 0.38 on 安徽 2023's
 * 部门自评表 at 200 dpi): its ink counts the bars, and decides among the two it offered. A ≥ or ≤
 * whose ink draws two bars is ≧ or ≦, which the recogniser cannot name (安徽 2024's ≧90%).
 */
export function preferComparatorBars(box: TextBox, gray: RasterImage): TextBox {
  let changed = false;
  const chars = box.chars.map((c) => {
    const family = [OPENS_RIGHT, OPENS_LEFT].find((f) => f.includes(c.text));
    if (!family) return c;
    const offered = (c.alternatives ?? []).filter((a) => family.includes(a.text));
    // ≧ and ≦ are not in the recogniser's dictionary: it reads them ≥ and ≤ and offers nothing else.
    const oneBar = c.text === family[1];
    if (!offered.length && !oneBar) return c;
    const shape = comparatorShape(gray, { x0: c.x0, x1: c.x1, y0: box.y0, y1: box.y1 });
    if (oneBar && shape === family[2]) {
      changed = true;
      return { ...c, text: shape, alternatives: [{ text: c.text, confidence: c.confidence }, ...(c.alternatives ?? [])] };
    }
    const chosen = offered.find((a) => a.text === shape);
    if (!chosen) return c;
    changed = true;
    // The ink settles what the recogniser split between the two: the chosen one takes both chances.
    return { ...c, text: chosen.text, confidence: Math.min(1, c.confidence + chosen.confidence), alternatives: [{ text: c.text, confidence: c.confidence }, ...(c.alternatives ?? []).filter((a) => a !== chosen)] };
  });
  return changed ? boxFromChars(chars, box.y0, box.y1) : box;
}

/** >, ≥, ≧, <, ≤ or ≦ when the region's ink is drawn as one, else null. */
export function comparatorShape(gray: RasterImage, region: Region): string | null {
  const ink = inkBox(gray, region);
  if (!ink) return null;
  const { x0, y0, w, h, isInk } = ink;
  const band = Math.max(1, Math.round(TOP_BAND * h));
  let left = 0, right = 0;
  for (let y = y0; y < y0 + band; y++) {
    for (let x = x0; x < x0 + w; x++) {
      if (!isInk(x, y)) continue;
      if (x < x0 + SIDE * w) left++;
      else if (x >= x0 + (1 - SIDE) * w) right++;
    }
  }
  const opensRight = left > 0 && right === 0; // > : both arms start at the left
  const opensLeft = right > 0 && left === 0; // <
  if (opensRight === opensLeft) return null;
  const strokesAt = (share: number) => {
    const at = Math.round(opensRight ? x0 + share * w : x0 + (1 - share) * w);
    let strokes = 0;
    let inStroke = false;
    for (let y = y0; y < y0 + h; y++) {
      const hit = isInk(at, y);
      if (hit && !inStroke) strokes++;
      inStroke = hit;
    }
    return strokes;
  };
  // Lines at a few places must agree: a letter's strokes cross and part as a chevron's and bars do not.
  const counts = STROKE_LINES.map(strokesAt);
  if (counts.some((n) => n !== counts[0])) return null;
  const strokes = counts[0]!;
  const bars = strokes - 2;
  if (bars < 0 || bars > 2) return null;
  return (opensRight ? OPENS_RIGHT : OPENS_LEFT)[bars]!;
}

/** The bounding box of the region's dark pixels (darker than halfway between its lightest and darkest). */
function inkBox(gray: RasterImage, region: Region): { x0: number; y0: number; w: number; h: number; isInk: (x: number, y: number) => boolean } | null {
  const { x0: rx0, x1: rx1, y0: ry0, y1: ry1, contrast, cut, value } = boxInk(gray, region);
  if (contrast < 64) return null;
  const dark = (x: number, y: number) => x >= rx0 && x < rx1 && y >= ry0 && y < ry1 && value(x, y) < cut;
  // A table's ruling caught in the box's edge (a row or column inked nearly across it) is no stroke of the glyph.
  const ruledRows = new Set<number>(), ruledCols = new Set<number>();
  for (let y = ry0; y < ry1; y++) { let n = 0; for (let x = rx0; x < rx1; x++) if (dark(x, y)) n++; if (n >= RULING_SHARE * (rx1 - rx0)) ruledRows.add(y); }
  for (let x = rx0; x < rx1; x++) { let n = 0; for (let y = ry0; y < ry1; y++) if (dark(x, y)) n++; if (n >= RULING_SHARE * (ry1 - ry0)) ruledCols.add(x); }
  const isInk = (x: number, y: number) => dark(x, y) && !ruledRows.has(y) && !ruledCols.has(x);
  let x0 = rx1, x1 = -1, y0 = ry1, y1 = -1;
  for (let y = ry0; y < ry1; y++) for (let x = rx0; x < rx1; x++) if (isInk(x, y)) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  if (x1 - x0 + 1 < MIN_INK_SIDE || y1 - y0 + 1 < MIN_INK_SIDE) return null;
  return { x0, y0, w: x1 - x0 + 1, h: y1 - y0 + 1, isInk };
}
