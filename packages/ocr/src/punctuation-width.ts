/**
 * The recogniser reads a comma, semicolon, colon or bracket in Chinese text
 * as the full-width form (，；：（）) whatever was printed: that is what it
 * learnt from. On paper the two forms differ by the room they take. A
 * full-width mark sits in a square as wide as a character and leaves about
 * half of it white; a half-width one is set in a fraction of that. The white
 * space beside each mark, in the line's own pixels and in characters of the
 * line, tells which was printed.
 *
 * A mark whose white is clearly one or the other takes that form. A mark
 * in between, or at a line's end (nothing after it to measure against),
 * takes the form most of the page's clear marks have: a page is mostly
 * typed one way. With no clear mark on the page the recogniser's reading
 * stands.
 */
import { boxInk } from "./image/threshold.ts";
import type { RasterImage } from "./image/types.ts";
import type { CharBox, TextBox } from "./text-box.ts";

const HALF_OF_FULL: Record<string, string> = { "，": ",", "；": ";", "：": ":", "（": "(", "）": ")" };
const FULL_OF_HALF: Record<string, string> = Object.fromEntries(Object.entries(HALF_OF_FULL).map(([f, h]) => [h, f]));
const CJK = /[\u4e00-\u9fff]/;
/**
 * White beside a mark, in character widths: at most HALF_WIDTH_ROOM it was
 * set half-width, at least FULL_WIDTH_ROOM full-width. Measured on the scan
 * fixtures (2026-12-05): full-width marks 0.76–1.01 (忻州, 衡阳), half-width
 * ones 0.16–0.35 with a few up to 0.45 (the real forms, printed from text
 * with half-width marks).
 */
const HALF_WIDTH_ROOM = 0.35;
const FULL_WIDTH_ROOM = 0.65;
/** A line needs this many characters between CJK neighbours to know how wide its characters are. */
const MIN_PITCHES = 2;
const isMark = (text: string) => text in HALF_OF_FULL || text in FULL_OF_HALF;

/** White around each mark between two inked neighbours, in character widths of its line; marks at a line's end are not measured. */
export function markRooms(boxes: readonly TextBox[], gray: RasterImage): Map<CharBox, number> {
  const rooms = new Map<CharBox, number>();
  for (const box of boxes) {
    const pitch = characterPitch(box.chars);
    if (pitch === null) continue;
    const runs = inkRuns(gray, box);
    box.chars.forEach((c, k) => {
      if (!isMark(c.text) || k === 0 || k === box.chars.length - 1) return;
      const centre = (c.x0 + c.x1) / 2;
      // The mark's ink: the run of inked columns nearest its place, with ink on both sides of it.
      let best = -1;
      runs.forEach((r, i) => {
        if (i === 0 || i === runs.length - 1) return;
        const d = Math.abs((r.from + r.to) / 2 - centre);
        if (best < 0 || d < Math.abs((runs[best]!.from + runs[best]!.to) / 2 - centre)) best = i;
      });
      if (best < 0) return;
      const mark = runs[best]!;
      // Its ink must be no wider than half a character: a mark, not a character's stroke.
      if (mark.to - mark.from + 1 > pitch / 2 || Math.abs((mark.from + mark.to) / 2 - centre) > pitch / 2) return;
      const white = mark.from - runs[best - 1]!.to - 1 + (runs[best + 1]!.from - mark.to - 1);
      rooms.set(c, white / pitch);
    });
  }
  return rooms;
}

/**
 * The line's character width: an inner character's box spans half-way to
 * each neighbour's centre, so between two CJK neighbours a CJK character's
 * box is one character pitch wide. The median of those, or null.
 */
function characterPitch(chars: readonly CharBox[]): number | null {
  const widths: number[] = [];
  for (let k = 1; k < chars.length - 1; k++) {
    if (CJK.test(chars[k - 1]!.text) && CJK.test(chars[k]!.text) && CJK.test(chars[k + 1]!.text)) widths.push(chars[k]!.x1 - chars[k]!.x0);
  }
  if (widths.length < MIN_PITCHES) return null;
  widths.sort((a, b) => a - b);
  return widths[widths.length >> 1]!;
}

/** Runs of columns of the box holding ink (darker than halfway between its lightest and darkest pixel), a table's ruling left out. */
function inkRuns(gray: RasterImage, box: TextBox): { from: number; to: number }[] {
  const { x0, x1, y0, y1, cut, value } = boxInk(gray, box);
  const runs: { from: number; to: number }[] = [];
  for (let x = x0; x < x1; x++) {
    let dark = 0;
    for (let y = y0; y < y1; y++) if (value(x, y) < cut) dark++;
    // A column inked nearly top to bottom is a cell's border, not text.
    const inked = dark > 0 && dark < 0.9 * (y1 - y0);
    const last = runs[runs.length - 1];
    if (inked && last && last.to === x - 1) last.to = x;
    else if (inked) runs.push({ from: x, to: x });
  }
  return runs;
}

type Width = "half" | "full";

function widthOf(room: number | undefined): Width | null {
  if (room === undefined) return null;
  return room <= HALF_WIDTH_ROOM ? "half" : room >= FULL_WIDTH_ROOM ? "full" : null;
}

/** The page's marks in the width their white shows, or the width most of the page's clear marks have. */
export function settlePunctuationWidth(boxes: readonly TextBox[], gray: RasterImage): TextBox[] {
  const rooms = markRooms(boxes, gray);
  const clear = [...rooms.values()].map(widthOf);
  const halves = clear.filter((w) => w === "half").length, fulls = clear.filter((w) => w === "full").length;
  const pageWidth: Width | null = halves > fulls ? "half" : fulls > halves ? "full" : null;
  return boxes.map((box) => {
    if (!box.chars.some((c) => isMark(c.text))) return box;
    const chars = box.chars.map((c) => {
      const width = isMark(c.text) ? (widthOf(rooms.get(c)) ?? pageWidth) : null;
      const text = width === "half" ? (HALF_OF_FULL[c.text] ?? c.text) : width === "full" ? (FULL_OF_HALF[c.text] ?? c.text) : c.text;
      return text === c.text ? c : { ...c, text };
    });
    return { ...box, text: chars.map((c) => c.text).join(""), chars };
  });
}
